// What the rules for one peer share: its section, the objects being built for it, and the way
// each rule looks a setting up and records what became of it.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "chansip/model.h"
#include "chansip/option_table.h"
#include "convert/context.h"
#include "pjsip/object.h"

namespace sip2pjsip::convert {

class PeerContext {
 public:
  // The peer's lines are indexed in context.peer_lines while the PeerContext lives, so only
  // one exists at a time.
  PeerContext(Context& context, const chansip::PeerSection& peer);
  ~PeerContext();
  PeerContext(const PeerContext&) = delete;
  PeerContext& operator=(const PeerContext&) = delete;

  Context& context;
  const chansip::PeerSection& peer;
  const config::Section& section;
  const std::string& name;

  // The objects of this peer, written in this order when present.
  pjsip::Object endpoint;
  std::optional<pjsip::Object> aor;
  std::optional<pjsip::Object> inbound_auth;
  std::vector<pjsip::Object> outbound_auths;
  std::optional<pjsip::Object> identify;

  // The effective line of an option: the section's last line, else [general]'s when chan_sip
  // gives peers the [general] value. Earlier lines of the section are recorded as superseded.
  // Options are looked up by id: rules keep the OptionNames they ask every peer about in tables.
  const config::Variable* setting(const chansip::OptionName& option);
  // The section's own last line of an option (no [general] fallback), or null.
  const config::Variable* own(const chansip::OptionName& option) const;
  // Every line of the section for an option that accumulates (allow, permit, setvar, ...).
  std::vector<const config::Variable*> lines(const chansip::OptionName& option) const;

  // Outcomes for a line; a [general] line is recorded against [general]. A line keeps its
  // first outcome; later ones are ignored.
  void mapped(const config::Variable* line, const std::string& target);
  // The same, with the target formatted only when the line has no outcome yet: every peer
  // offers [general]'s lines again. For one of the peer's own lines, a target with the peer's
  // name among its arguments is kept as a pattern (OutcomeDetail::deferred) in which only the
  // name is left to fill in: the ledger keeps one copy of each pattern, not one text per peer.
  template <typename... Args>
  void mapped(const config::Variable* line, fmt::format_string<Args...> target, Args&&... args) {
    if (!line || context.ledger.has(*line)) return;
    if ((is_name(args) || ...) && is_own(*line)) {
      const fmt::string_view pattern = target;
      if constexpr (sizeof...(Args) == 1) {  // the name alone: the literal is the pattern
        context.ledger.mapped(section, *line,
                              OutcomeDetail::deferred({pattern.data(), pattern.size()}, name));
      } else {
        context.ledger.mapped(section, *line,
                              OutcomeDetail::deferred(filled_pattern(pattern, args...), name));
      }
      return;
    }
    mapped(line, fmt::format(target, std::forward<Args>(args)...));
  }
  void approximated(const config::Variable* line, const std::string& reason,
                    const char* code = "sip-approximated");
  void not_converted(const config::Variable* line, const std::string& reason,
                     const char* code = "sip-not-converted");
  void invalid(const config::Variable* line, const std::string& reason) {
    not_converted(line, reason, "sip-invalid-value");
  }

  // Sets an option on an object, with the line(s) it came from.
  static void set(pjsip::Object& object, std::string_view option, std::string_view value,
                  const config::Variable* line = nullptr);

  pjsip::Object& ensure_aor();
  // An object of the peer (named after it unless `object_name` is given), whose values are
  // kept by the Config it is written to.
  pjsip::Object make(std::string type, std::string object_name = "") const;

 private:
  const config::Section& section_of(const config::Variable* line) const;
  bool is_own(const config::Variable& line) const { return &section_of(&line) == &section; }
  // A target with several arguments as a pattern: the name's place left open ("{0}"), the
  // other arguments filled in. Formatting it for each of a million peers cost more than the
  // rest of their outcomes; the peers of a template give the same arguments, so each thread
  // keeps the last patterns it filled, by the format string and the other arguments. The
  // pattern lives until sixteen others were filled after it.
  template <typename... Args>
  const std::string& filled_pattern(fmt::string_view pattern, const Args&... args) const {
    struct Filled {
      std::string key;
      std::string pattern;
    };
    thread_local std::array<Filled, 16> recent;
    thread_local std::size_t next = 0;
    thread_local std::string key;
    key.assign(pattern.data(), pattern.size());
    (append_key(key, args), ...);
    for (const auto& entry : recent) {
      if (entry.key == key) return entry.pattern;
    }
    auto& entry = recent[next];
    next = (next + 1) % recent.size();
    entry.key = key;
    entry.pattern = fmt::format(fmt::runtime(pattern), placeholder_or_text(args)...);
    return entry.pattern;
  }
  // An argument in the key of filled_pattern(): its length, then its text; the name as a
  // length no text has.
  template <typename Arg>
  void append_key(std::string& key, const Arg& arg) const {
    const auto at = key.size();
    std::uint32_t length = 0xFFFFFFFF;
    key.append(sizeof length, '\0');
    if (!is_name(arg)) {
      fmt::format_to(std::back_inserter(key), "{}", arg);
      length = static_cast<std::uint32_t>(key.size() - at - sizeof length);
    }
    std::memcpy(key.data() + at, &length, sizeof length);
  }
  // An argument of a deferred pattern: "{0}" where the name goes, any other formatted (with its
  // braces doubled, as the pattern is formatted again when read).
  template <typename Arg>
  std::string placeholder_or_text(const Arg& arg) const {
    if (is_name(arg)) return "{0}";
    auto text = fmt::format("{}", arg);
    if (text.find_first_of("{}") == std::string::npos) return text;
    std::string escaped;
    for (const char c : text) {
      escaped += c;
      if (c == '{' || c == '}') escaped += c;
    }
    return escaped;
  }
  // Whether the argument is this peer's name itself (not a copy, which may not live on).
  template <typename Arg>
  bool is_name(const Arg& arg) const {
    if constexpr (std::is_same_v<Arg, std::string>) {
      return &arg == &name;
    } else {
      return false;
    }
  }
};

// The rules, each for one group of chan_sip options (convert/rules/*.cpp).
void convert_identity(PeerContext& peer);  // type, identify_by, identify
void convert_auth(
    PeerContext& peer);  // secret, md5secret, remotesecret, defaultuser, auth=, insecure
void convert_address(
    PeerContext& peer);  // host, port, defaultip, outboundproxy, transport, qualify, expiry
void convert_nat(PeerContext& peer);          // nat, directmedia
void convert_media(PeerContext& peer);        // codecs, dtmf, t38, video, timers, rtp, encryption
void convert_calls(PeerContext& peer);        // caller id, mwi, groups, acl, setvar, limits
void convert_simple(PeerContext& peer);       // one option to one pjsip option
void convert_unsupported(PeerContext& peer);  // options pjsip has no counterpart for
// [general] defaults of options pjsip has no per-endpoint counterpart for, reported once.
void account_for_unsupported_defaults(Context& context);

}  // namespace sip2pjsip::convert
