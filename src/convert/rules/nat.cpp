// NAT handling and direct media (semantics.md sections 5 and 8).
#include <fmt/format.h>

#include "chansip/values.h"
#include "convert/peer_context.h"

namespace sip2pjsip::convert {

namespace {

struct NatFlags {
  bool force_rport = false;
  bool comedia = false;
  bool auto_force_rport = true;  // chan_sip's default (reload_config)
  bool auto_comedia = false;
};

// sip_parse_nat_option(): a nat= line replaces all four flags. Words it does not know
// (including the pre-1.8 `never` and `route`) are skipped silently.
NatFlags parse_nat(std::string_view value, std::vector<std::string>& unknown) {
  NatFlags flags{false, false, false, false};
  for (const auto& word : chansip::split_list(value)) {
    if (chansip::is_false(word)) return NatFlags{false, false, false, false};
    if (config::iequals(word, "yes")) return NatFlags{true, true, false, false};
    if (config::iequals(word, "force_rport") && !flags.auto_force_rport) {
      flags.force_rport = true;
    } else if (config::iequals(word, "comedia") && !flags.auto_comedia) {
      flags.comedia = true;
    } else if (config::iequals(word, "auto_force_rport")) {
      flags.auto_force_rport = true;
      flags.force_rport = false;
    } else if (config::iequals(word, "auto_comedia")) {
      flags.auto_comedia = true;
      flags.comedia = false;
    } else if (!config::iequals(word, "force_rport") && !config::iequals(word, "comedia")) {
      unknown.push_back(word);
    }
  }
  return flags;
}

void convert_nat_option(PeerContext& p) {
  const auto* line = p.setting("nat"_option);
  NatFlags flags;
  std::vector<std::string> unknown;
  if (line) flags = parse_nat(line->value, unknown);

  // pjsip has no "only when NAT is detected": the auto forms become unconditional.
  const bool force_rport = flags.force_rport || flags.auto_force_rport;
  const bool rtp_symmetric = flags.comedia || flags.auto_comedia;
  // Without a nat= line the pjsip defaults (force_rport=yes, rtp_symmetric=no) already match.
  if (line) {
    PeerContext::set(p.endpoint, "force_rport", force_rport ? "yes" : "no", line);
    PeerContext::set(p.endpoint, "rtp_symmetric", rtp_symmetric ? "yes" : "no", line);
  }
  // chan_sip stores a REGISTER's source address instead of its Contact whenever force_rport is
  // on or the phone's Via carries ;rport (parse_register_contact), which nearly every phone
  // sends, whatever nat= says.
  PeerContext::set(p.endpoint, "rewrite_contact", "yes", line);
  if (!line) return;

  if (!unknown.empty()) {
    std::string words;
    for (const auto& word : unknown) words += (words.empty() ? "" : ", ") + word;
    p.approximated(line,
                   fmt::format("chan_sip 20 does not know '{}' (pre-1.8 values) and skips it, "
                               "so NAT handling was off; converted as chan_sip ran it",
                               words),
                   "sip-nat-legacy");
  } else if (flags.auto_comedia) {
    p.approximated(line,
                   "auto_comedia: pjsip has no 'only when NAT is detected'; "
                   "rtp_symmetric=yes always");
  } else {
    p.mapped(line, "endpoint {} force_rport, rtp_symmetric, rewrite_contact", p.name);
  }
}

// directmedia (alias canreinvite) = yes|no|update,nonat,outgoing.
void convert_direct_media(PeerContext& p) {
  const auto* line = p.setting("directmedia"_option);
  if (!line) return;
  if (chansip::is_true(line->value)) {
    PeerContext::set(p.endpoint, "direct_media", "yes", line);
    p.mapped(line, "endpoint {} direct_media", p.name);
    return;
  }
  if (chansip::is_false(line->value)) {
    PeerContext::set(p.endpoint, "direct_media", "no", line);
    p.mapped(line, "endpoint {} direct_media", p.name);
    return;
  }
  bool update = false, nonat = false, outgoing = false;
  for (const auto& word : chansip::split_list(line->value)) {
    if (config::iequals(word, "update")) {
      update = true;
    } else if (config::iequals(word, "nonat")) {
      nonat = true;
    } else if (config::iequals(word, "outgoing")) {
      outgoing = true;
    } else {
      p.invalid(line, fmt::format("unknown directmedia mode '{}'", word));
      return;
    }
  }
  PeerContext::set(p.endpoint, "direct_media", "yes", line);
  if (update) PeerContext::set(p.endpoint, "direct_media_method", "update", line);
  if (nonat) PeerContext::set(p.endpoint, "disable_direct_media_on_nat", "yes", line);
  if (outgoing) PeerContext::set(p.endpoint, "direct_media_glare_mitigation", "outgoing", line);
  if (outgoing) {
    p.approximated(line,
                   "outgoing: pjsip's direct_media_glare_mitigation=outgoing is the "
                   "nearest setting, not the same");
  } else if (nonat) {
    p.approximated(line,
                   "nonat: chan_sip 20 never detected NAT here (it acted as yes); "
                   "disable_direct_media_on_nat=yes keeps what was meant");
  } else {
    p.mapped(line, "endpoint {} direct_media, direct_media_method", p.name);
  }
}

}  // namespace

void convert_nat(PeerContext& p) {
  convert_nat_option(p);
  convert_direct_media(p);
}

}  // namespace sip2pjsip::convert
