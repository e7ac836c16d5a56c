// What every conversion rule works with: the input, the chan_sip model, the pjsip objects being
// built, the ledger of outcomes and the diagnostics.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chansip/codecs.h"
#include "chansip/model.h"
#include "chansip/option_table.h"
#include "config/document.h"
#include "convert/ledger.h"
#include "pjsip/object.h"
#include "util/diagnostics.h"

namespace sip2pjsip::convert {

using chansip::operator""_option;

struct Context {
  const config::Document& document;
  const chansip::Model& model;
  pjsip::Config& output;
  Ledger& ledger;
  Diagnostics& diagnostics;

  // Filled by the [general] rules before the peers are converted:
  std::map<std::string, std::string> transports;   // protocol (udp, tcp, ...) -> transport name
  std::vector<std::string> global_outbound_auths;  // auths from [authentication]

  // The lines of [general] by option id (set up by convert()), and of the peer being converted
  // (set up by its PeerContext): rules look options up by id, not by walking the section.
  chansip::OptionIndex general_lines;
  chansip::OptionIndex peer_lines;

  // [general]'s allow and disallow lines applied to chan_sip's default codecs, where every
  // peer's codecs start, each line with the codecs in it chan_sip does not know. Worked out
  // once, by the first peer that needs it (rules/media.cpp).
  struct GeneralCodecs {
    chansip::CodecList codecs;
    std::vector<std::pair<const config::Variable*, std::vector<std::string>>> lines;
    // Unique to this working-out: what the rules remember of results built on it is keyed by it.
    std::uint64_t id = 0;
  };
  std::optional<GeneralCodecs> general_codecs;

  // The document index of a section (of its first definition, for a merged peer).
  std::uint32_t index_of(const config::Section& section) const {
    if (auto merged = model.origins.find(&section); merged != model.origins.end()) {
      return merged->second;
    }
    return static_cast<std::uint32_t>(&section - document.sections.data());
  }
  void report(const config::Location& where, Severity severity, std::string message,
              std::string_view code) const {
    diagnostics.report(document.path_of(where), where.line, severity, std::move(message),
                       std::string(code));
  }
  // The same, once: for a template's line, which every peer of the template reads.
  void report_once(const config::Location& where, Severity severity, std::string message,
                   std::string_view code) const {
    diagnostics.report_once(Diagnostic{document.path_of(where), where.line, severity,
                                       std::move(message), std::string(code)});
  }
};

// Records every line of [general] that sets the option of `last` (a [general] line) before it as
// superseded: chan_sip keeps the last value, so the earlier lines have no effect there either.
void mark_superseded(Context& context, const config::Variable& last);

// [general] settings needed before the peers: transports, [authentication], the global object.
void convert_general(Context& context);
// Every peer, user and friend: endpoint, aor, auths, identify.
void convert_peers(Context& context);
// `register =>` lines and peers' callbackextension, linked to the converted peers.
void convert_registrations(Context& context);
// [general] settings applied after the peers: global/system options, settings every endpoint
// takes, guest access.
void convert_globals(Context& context);
// How many options convert_globals() adds to every endpoint ([general]'s endpoint rows), so
// that peers leave room for exactly those.
std::size_t endpoint_options_from_general(const Context& context);

// The first value of a [general] option ([general]'s last line of it), or null.
const config::Variable* general_setting(const Context& context, const chansip::OptionName& option);
// Every line of [general] that sets a known option (aliases included), in file order: found by
// option id, because rules ask this for dozens of options and [general] can be long.
std::vector<const config::Variable*> general_lines_setting(const Context& context,
                                                           const chansip::OptionName& option);

}  // namespace sip2pjsip::convert
