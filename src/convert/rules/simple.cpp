// chan_sip options that map one to one onto a pjsip option, as a table, and the pjsip defaults
// that differ from chan_sip's and are therefore written explicitly (semantics.md section 24).
#include <fmt/format.h>

#include "chansip/option_table.h"
#include "chansip/values.h"
#include "convert/peer_context.h"

namespace sip2pjsip::convert {

namespace {

enum class Kind {
  text,      // copied as it is
  boolean,   // ast_true -> yes, anything else -> no
  inverted,  // ast_true -> no, anything else -> yes
  number,    // a whole number >= 0
};

enum class Target { endpoint, aor };

struct Row {
  chansip::OptionName chan_sip;  // resolved once, at start-up
  Target target;
  const char* pjsip;
  Kind kind;
};

const Row kRows[] = {
    {"language"_option, Target::endpoint, "language", Kind::text},
    {"accountcode"_option, Target::endpoint, "accountcode", Kind::text},
    {"tonezone"_option, Target::endpoint, "tone_zone", Kind::text},
    {"mohsuggest"_option, Target::endpoint, "moh_suggest", Kind::text},
    {"subscribecontext"_option, Target::endpoint, "subscribe_context", Kind::text},
    {"outofcall_message_context"_option, Target::endpoint, "message_context", Kind::text},
    {"fromuser"_option, Target::endpoint, "from_user", Kind::text},
    {"fromdomain"_option, Target::endpoint, "from_domain", Kind::text},
    {"callgroup"_option, Target::endpoint, "call_group", Kind::text},
    {"pickupgroup"_option, Target::endpoint, "pickup_group", Kind::text},
    {"namedcallgroup"_option, Target::endpoint, "named_call_group", Kind::text},
    {"namedpickupgroup"_option, Target::endpoint, "named_pickup_group", Kind::text},
    {"cid_tag"_option, Target::endpoint, "callerid_tag", Kind::text},
    {"rtp_engine"_option, Target::endpoint, "rtp_engine", Kind::text},
    {"recordonfeature"_option, Target::endpoint, "record_on_feature", Kind::text},
    {"recordofffeature"_option, Target::endpoint, "record_off_feature", Kind::text},
    {"unsolicited_mailbox"_option, Target::endpoint, "incoming_mwi_mailbox", Kind::text},
    {"mwi_from"_option, Target::endpoint, "mwi_from_user", Kind::text},
    {"trustrpid"_option, Target::endpoint, "trust_id_inbound", Kind::boolean},
    {"allowtransfer"_option, Target::endpoint, "allow_transfer", Kind::boolean},
    {"allowsubscribe"_option, Target::endpoint, "allow_subscribe", Kind::boolean},
    {"usereqphone"_option, Target::endpoint, "user_eq_phone", Kind::boolean},
    {"g726nonstandard"_option, Target::endpoint, "g726_non_standard", Kind::boolean},
    {"rpid_immediate"_option, Target::endpoint, "rpid_immediate", Kind::boolean},
    {"rtcp_mux"_option, Target::endpoint, "rtcp_mux", Kind::boolean},
    {"icesupport"_option, Target::endpoint, "ice_support", Kind::boolean},
    {"avpf"_option, Target::endpoint, "use_avpf", Kind::boolean},
    {"force_avp"_option, Target::endpoint, "force_avp", Kind::boolean},
    {"t38pt_usertpsource"_option, Target::endpoint, "t38_udptl_nat", Kind::boolean},
    {"preferred_codec_only"_option, Target::endpoint, "preferred_codec_only", Kind::boolean},
    {"use_q850_reason"_option, Target::endpoint, "suppress_q850_reason_headers", Kind::inverted},
    {"rtptimeout"_option, Target::endpoint, "rtp_timeout", Kind::number},
    {"rtpholdtimeout"_option, Target::endpoint, "rtp_timeout_hold", Kind::number},
    {"rtpkeepalive"_option, Target::endpoint, "rtp_keepalive", Kind::number},
    {"supportpath"_option, Target::aor, "support_path", Kind::boolean},
};

std::optional<std::string> convert_value(std::string_view value, Kind kind) {
  switch (kind) {
    case Kind::text:
      return std::string(value);
    case Kind::boolean:
      return chansip::is_true(value) ? "yes" : "no";
    case Kind::inverted:
      return chansip::is_true(value) ? "no" : "yes";
    case Kind::number:
      if (auto number = chansip::parse_integer(value); number && *number >= 0) {
        return std::to_string(*number);
      }
      return std::nullopt;
  }
  return std::nullopt;
}

void convert_row(PeerContext& p, const Row& row) {
  const auto* line = p.setting(row.chan_sip);
  if (!line) return;
  pjsip::Object* object = row.target == Target::endpoint ? &p.endpoint : nullptr;
  if (row.target == Target::aor) {
    if (!p.aor) {
      p.not_converted(line, "the peer has no aor (it does not register and has no host)");
      return;
    }
    object = &*p.aor;
  }
  auto value = convert_value(line->value, row.kind);
  if (!value) {
    p.invalid(line, "expected a whole number");
    return;
  }
  PeerContext::set(*object, row.pjsip, *value, line);
  p.mapped(line, "{} {} {}", row.target == Target::endpoint ? "endpoint" : "aor", p.name,
           row.pjsip);
}

// rpid_update=yes sends connected line updates as UPDATE.
void convert_rpid_update(PeerContext& p) {
  const auto* line = p.setting("rpid_update"_option);
  if (!line) return;
  if (chansip::is_true(line->value)) {
    PeerContext::set(p.endpoint, "connected_line_method", "update", line);
  }
  p.mapped(line, "endpoint {} connected_line_method", p.name);
}

// chan_sip never does 100rel, adds no Q.850 Reason header unless asked, does not challenge
// OPTIONS unless auth_options_requests=yes, and reports ringing-while-in-use as early.
void write_chan_sip_defaults(PeerContext& p) {
  PeerContext::set(p.endpoint, "100rel", "no");
  if (!p.own("use_q850_reason"_option) && !general_setting(p.context, "use_q850_reason"_option)) {
    PeerContext::set(p.endpoint, "suppress_q850_reason_headers", "yes");
  }
  const auto* options = general_setting(p.context, "auth_options_requests"_option);
  const bool challenge_options = options && chansip::is_true(options->value);
  if (!challenge_options) PeerContext::set(p.endpoint, "allow_unauthenticated_options", "yes");
  p.mapped(options, "endpoint allow_unauthenticated_options of every peer");

  const auto* ringing = general_setting(p.context, "notifyringing"_option);
  const bool early = !ringing || chansip::is_true(ringing->value);
  PeerContext::set(p.endpoint, "notify_early_inuse_ringing", early ? "yes" : "no", ringing);
  if (ringing && config::iequals(ringing->value, "notinuse")) {
    p.approximated(ringing, "notinuse: pjsip cannot report ringing only while not in use");
  } else {
    p.mapped(ringing, "endpoint notify_early_inuse_ringing of every peer");
  }
}

}  // namespace

void convert_simple(PeerContext& p) {
  for (const auto& row : kRows) convert_row(p, row);
  convert_rpid_update(p);
  write_chan_sip_defaults(p);
}

}  // namespace sip2pjsip::convert
