// Peer options res_pjsip has no counterpart for, each with the reason the report gives.
#include <fmt/format.h>

#include "chansip/model.h"
#include "chansip/option_table.h"
#include "convert/peer_context.h"

namespace sip2pjsip::convert {

namespace {

struct Unsupported {
  chansip::OptionName option;  // resolved once, at start-up
  const char* reason;
};

const Unsupported kUnsupported[] = {
    {"useclientcode"_option, "res_pjsip has no equivalent (SIP INFO X-ClientCode)"},
    {"promiscredir"_option,
     "pjsip follows redirects with its own model (redirect_method); no "
     "per-endpoint switch"},
    {"ignoresdpversion"_option, "res_pjsip has no equivalent"},
    {"rfc2833compensate"_option, "res_pjsip has no equivalent"},
    {"buggymwi"_option, "res_pjsip has no equivalent"},
    {"mohinterpret"_option, "res_pjsip has no equivalent; the channel's music class applies"},
    {"maxcallbitrate"_option, "res_pjsip has no equivalent"},
    {"session-refresher"_option, "res_pjsip has no setting for the refresher"},
    {"disallowed_methods"_option, "res_pjsip has no equivalent"},
    {"discard_remote_hold_retrieval"_option, "res_pjsip has no equivalent"},
    {"description"_option, "res_pjsip has no equivalent"},
    {"regexten"_option,
     "res_pjsip has no per-endpoint regexten; the global regcontext uses the "
     "endpoint name"},
    {"amaflags"_option, "res_pjsip has no per-endpoint AMA flags"},
    {"directmediapermit"_option, "res_pjsip has no direct-media ACL"},
    {"directmediadeny"_option, "res_pjsip has no direct-media ACL"},
    {"directmediaacl"_option, "res_pjsip has no direct-media ACL"},
    {"header"_option,
     "res_pjsip cannot add headers from configuration; use PJSIP_HEADER in the "
     "dialplan"},
    {"timert1"_option, "res_pjsip has only the global timer_t1"},
    {"timerb"_option, "res_pjsip has only the global timer_b"},
    {"maxforwards"_option, "res_pjsip has only the global max_forwards"},
    {"keepalive"_option, "res_pjsip has only the global keep_alive_interval (TCP/TLS only)"},
    {"autoframing"_option, "res_pjsip's use_ptime is not the same as chan_sip's autoframing"},
    {"ignore_requested_pref"_option, "res_pjsip's outgoing_call_offer_pref is not the same"},
    {"snom_aoc_enabled"_option, "res_pjsip's send_aoc sends AOC in a different format"},
    {"cc_agent_policy"_option, "call completion for PJSIP is configured in ccss.conf"},
    {"cc_monitor_policy"_option, "call completion for PJSIP is configured in ccss.conf"},
    {"cc_offer_timer"_option, "call completion for PJSIP is configured in ccss.conf"},
    {"ccnr_available_timer"_option, "call completion for PJSIP is configured in ccss.conf"},
    {"ccbs_available_timer"_option, "call completion for PJSIP is configured in ccss.conf"},
    {"cc_recall_timer"_option, "call completion for PJSIP is configured in ccss.conf"},
    {"cc_max_agents"_option, "call completion for PJSIP is configured in ccss.conf"},
    {"cc_max_monitors"_option, "call completion for PJSIP is configured in ccss.conf"},
    {"cc_callback_macro"_option, "call completion for PJSIP is configured in ccss.conf"},
    {"cc_callback_sub"_option, "call completion for PJSIP is configured in ccss.conf"},
    {"cc_agent_dialstring"_option, "call completion for PJSIP is configured in ccss.conf"},
};

}  // namespace

void convert_unsupported(PeerContext& p) {
  for (const auto& entry : kUnsupported) {
    for (const auto* line : p.lines(entry.option)) {
      p.not_converted(line, entry.reason, "sip-no-equivalent");
    }
  }
}

void account_for_unsupported_defaults(Context& context) {
  const auto* general = context.model.general;
  if (!general) return;
  for (const auto& entry : kUnsupported) {
    for (const auto* line : general_lines_setting(context, entry.option)) {
      context.ledger.not_converted(*general, *line, entry.reason, "sip-no-equivalent");
    }
  }
}

}  // namespace sip2pjsip::convert
