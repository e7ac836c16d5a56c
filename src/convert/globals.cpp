// [general] settings converted after the peers: global and system options, the settings every
// endpoint takes from [general], guest access, and the [general] options res_pjsip has no
// counterpart for (semantics.md sections 21, 23 and 24).
#include <fmt/format.h>

#include "chansip/codecs.h"
#include "chansip/model.h"
#include "chansip/values.h"
#include "convert/context.h"

namespace sip2pjsip::convert {

namespace {

using config::iequals;

enum class Kind { text, boolean };

struct GlobalRow {
  const char* chan_sip;
  const char* object;  // global or system
  const char* pjsip;
  Kind kind;
};

constexpr GlobalRow kGlobalRows[] = {
    {"useragent", "global", "user_agent", Kind::text},
    {"maxforwards", "global", "max_forwards", Kind::text},
    {"realm", "global", "default_realm", Kind::text},
    {"regcontext", "global", "regcontext", Kind::text},
    {"sipdebug", "global", "debug", Kind::boolean},
    {"compactheaders", "system", "compact_headers", Kind::boolean},
};

struct EndpointRow {
  const char* chan_sip;
  const char* pjsip;
  const char* chan_sip_default;  // written when [general] does not set it; null: nothing
};

// [general]-only settings that act on every dialog; pjsip has them per endpoint.
constexpr EndpointRow kEndpointRows[] = {
    {"sdpsession", "sdp_session", nullptr},
    {"sdpowner", "sdp_owner", nullptr},
    {"tos_audio", "tos_audio", nullptr},
    {"tos_video", "tos_video", nullptr},
    {"cos_audio", "cos_audio", "5"},
    {"cos_video", "cos_video", "6"},
    {"media_address", "media_address", nullptr},
    {"subminexpiry", "sub_min_expiry", nullptr},
    {"send_diversion", "send_diversion", nullptr},
};

struct NoEquivalent {
  const char* option;
  const char* reason;
};

constexpr NoEquivalent kNoEquivalent[] = {
    {"domainsasrealm", "res_pjsip has no per-domain realm"},
    {"dtlsenable", "chan_sip ignores a [general] dtlsenable: each peer must set its own"},
    {"rtcachefriends",
     "realtime caching has no pjsip.conf equivalent (sorcery caching is set in sorcery.conf)"},
    {"rtsavesysname", "realtime is not converted into pjsip.conf"},
    {"rtsavepath", "realtime is not converted into pjsip.conf"},
    {"rtupdate", "realtime is not converted into pjsip.conf"},
    {"rtautoclear", "realtime is not converted into pjsip.conf"},
    {"ignoreregexpire", "realtime is not converted into pjsip.conf"},
    {"t1min", "res_pjsip has no minimum round-trip setting"},
    {"dynamic_exclude_static", "res_pjsip has no equivalent"},
    {"prematuremedia", "res_pjsip has no equivalent"},
    {"relaxdtmf", "res_pjsip has no equivalent"},
    {"notifymimetype", "res_pjsip has no equivalent"},
    {"directrtpsetup", "res_pjsip has no equivalent"},
    {"notifyhold", "res_pjsip has no equivalent"},
    {"notifycid", "res_pjsip has no equivalent"},
    {"auth_message_requests", "res_pjsip authenticates MESSAGE like any request of its endpoint"},
    {"accept_outofcall_message",
     "res_pjsip always passes out-of-call MESSAGE to the endpoint's message_context"},
    {"regextenonqualify", "res_pjsip has no equivalent"},
    {"legacy_useroption_parsing", "res_pjsip has no equivalent"},
    {"autocreatepeer", "res_pjsip cannot create endpoints on the fly"},
    {"srvlookup", "res_pjsip always looks up SRV records for host names without a port"},
    {"pedantic", "res_pjsip is always strict"},
    {"submaxexpiry", "res_pjsip has no maximum subscription expiry"},
    {"mwiexpiry", "res_pjsip has no outbound MWI subscriptions"},
    {"mwi", "res_pjsip has no outbound MWI subscriptions (mwi => lines)"},
    {"tcpauthtimeout", "res_pjsip has no equivalent"},
    {"tcpauthlimit", "res_pjsip has no equivalent"},
    {"dumphistory", "res_pjsip keeps no dialog history"},
    {"recordhistory", "res_pjsip keeps no dialog history"},
    {"externrefresh", "pjsip resolves external host names once, at load"},
    {"allowexternaldomains", "res_pjsip has no local-domain check"},
    {"autodomain",
     "res_pjsip has no local-domain list (domain_alias only maps domains to endpoints)"},
    {"domain", "res_pjsip has no local-domain list (domain_alias only maps domains to endpoints)"},
    {"tos_text", "res_pjsip has no text stream QoS setting"},
    {"cos_text", "res_pjsip has no text stream QoS setting"},
    {"authfailureevents", "res_pjsip always raises security events"},
    {"matchexternaddrlocally", "res_pjsip has no equivalent"},
    {"storesipcause", "res_pjsip has no equivalent (use HANGUPCAUSE)"},
    {"qualifygap", "res_pjsip has no equivalent"},
    {"qualifypeers", "res_pjsip has no equivalent"},
    {"shrinkcallerid", "res_pjsip has no equivalent"},
    {"subscribe_network_change_event", "res_pjsip has no equivalent"},
    {"refer_addheaders", "res_pjsip has no equivalent"},
    {"websocket_write_timeout",
     "not converted: set websocket_write_timeout on the ws/wss transport"},
    {"tlsservercipherorder", "res_pjsip has no equivalent"},
    {"tlsverifyclient", "chan_sip ignores it (with a warning)"},
    {"tlsdisablev1", "use the transport's method instead"},
    {"tlsdisablev11", "use the transport's method instead"},
    {"tlsdisablev12", "use the transport's method instead"},
    {"rtpbindaddr", "res_pjsip binds RTP to media_address only with bind_rtp_to_media_address"},
    {"contactpermit", "res_pjsip has no global contact ACL; add contact_permit to the endpoints"},
    {"contactdeny", "res_pjsip has no global contact ACL; add contact_deny to the endpoints"},
    {"contactacl", "res_pjsip has no global contact ACL; add contact_acl to the endpoints"},
    {"jbenable", "the jitter buffer is set per channel with the JITTERBUFFER dialplan function"},
    {"jbforce", "the jitter buffer is set per channel with the JITTERBUFFER dialplan function"},
    {"jbmaxsize", "the jitter buffer is set per channel with the JITTERBUFFER dialplan function"},
    {"jbresyncthreshold",
     "the jitter buffer is set per channel with the JITTERBUFFER dialplan function"},
    {"jbimpl", "the jitter buffer is set per channel with the JITTERBUFFER dialplan function"},
    {"jbtargetextra",
     "the jitter buffer is set per channel with the JITTERBUFFER dialplan function"},
    {"jblog", "the jitter buffer is set per channel with the JITTERBUFFER dialplan function"},
    {"jbsyncvideo", "the jitter buffer is set per channel with the JITTERBUFFER dialplan function"},
};

class GeneralRules {
 public:
  explicit GeneralRules(Context& context) : context_(context), general_(*context.model.general) {}

  void run() {
    convert_global_rows();
    convert_timers();
    convert_callerid();
    convert_guests();
    convert_endpoint_rows();
    convert_no_equivalents();
  }

 private:
  const config::Variable* take(const std::string& option) {
    const auto* line = general_setting(context_, option);
    if (line) mark_superseded(context_, *line);
    return line;
  }

  pjsip::Object& singleton(const std::string& type) {
    if (auto* object = context_.output.find(type, type)) return *object;
    return context_.output.add(type, type, context_.index_of(general_));
  }

  void convert_global_rows() {
    for (const auto& row : kGlobalRows) {
      const auto* line = take(row.chan_sip);
      if (!line) continue;
      const std::string value = row.kind == Kind::boolean
                                    ? (chansip::is_true(line->value) ? "yes" : "no")
                                    : std::string(line->value);
      singleton(row.object).set(row.pjsip, value, {line->where()});
      context_.ledger.mapped(general_, *line, fmt::format("{} {}", row.object, row.pjsip));
    }
  }

  // timert1 -> system timer_t1. A [general] timerb is parsed but never used by chan_sip, and
  // because it counts as set, a timert1 above 500 is then put back to 500 (reload_config).
  void convert_timers() {
    const auto* t1 = take("timert1");
    const auto* timerb = take("timerb");
    if (t1) {
      auto value = chansip::parse_integer(t1->value);
      if (!value || *value < 1) {
        context_.ledger.not_converted(general_, *t1, "not a number of milliseconds",
                                      "sip-invalid-value");
      } else if (timerb && *value > 500) {
        singleton("system").set("timer_t1", "500", {t1->where()});
        context_.ledger.approximated(general_, *t1,
                                     "chan_sip puts timert1 back to 500 when [general] also sets "
                                     "timerb; timer_t1=500 is what it ran with");
      } else {
        singleton("system").set("timer_t1", std::to_string(*value), {t1->where()});
        context_.ledger.mapped(general_, *t1, "system timer_t1");
      }
    }
    if (timerb) {
      context_.ledger.not_converted(general_, *timerb,
                                    "chan_sip ignores a [general] timerb (only a peer's counts)",
                                    "sip-no-equivalent");
    }
  }

  // [general] callerid is the From user of calls without caller ID (default "asterisk").
  void convert_callerid() {
    const auto* line = take("callerid");
    if (!line) return;
    singleton("global").set("default_from_user", std::string(line->value), {line->where()});
    context_.ledger.mapped(general_, *line, "global default_from_user");
  }

  void convert_endpoint_rows() {
    for (const auto& row : kEndpointRows) {
      const auto* line = take(row.chan_sip);
      if (!line && !row.chan_sip_default) continue;
      const std::string value(line ? line->value : std::string_view(row.chan_sip_default));
      for (auto& object : context_.output.objects) {
        if (object.type != "endpoint") continue;
        object.set(row.pjsip, value,
                   line ? std::vector{line->where()} : std::vector<config::Location>{});
      }
      if (line) {
        context_.ledger.mapped(general_, *line,
                               fmt::format("endpoint {} of every endpoint", row.pjsip));
      }
    }
  }

  // chan_sip lets a request from an unknown peer in as a guest, into [general]'s context,
  // unless allowguest=no. That is how toll fraud starts, so the converted configuration keeps it
  // only when allowguest=yes is written out; a default is reported instead.
  void convert_guests() {
    const auto* allowguest = take("allowguest");
    const auto* context = take("context");
    const auto* alwaysauthreject = take("alwaysauthreject");
    if (alwaysauthreject) {
      if (chansip::is_false(alwaysauthreject->value)) {
        context_.ledger.approximated(general_, *alwaysauthreject,
                                     "pjsip always answers an unknown user like a wrong password");
      } else {
        context_.ledger.mapped(general_, *alwaysauthreject,
                               "pjsip always answers an unknown user like a wrong password");
      }
    }
    const std::string guest_context(context ? context->value.view() : "default");
    if (allowguest && chansip::is_false(allowguest->value)) {
      context_.ledger.mapped(general_, *allowguest, "no anonymous endpoint");
      if (context) context_.ledger.mapped(general_, *context, "peer default context");
      return;
    }
    if (!allowguest) {
      context_.report(general_.where, Severity::warning,
                      fmt::format("chan_sip let calls from unknown callers into context '{}' "
                                  "(allowguest defaults to yes); the converted configuration "
                                  "does not. To keep it, set allowguest=yes and convert again",
                                  guest_context),
                      "sip-guest-access-dropped");
      if (context) context_.ledger.mapped(general_, *context, "peer default context");
      return;
    }
    auto& anonymous = context_.output.add("anonymous", "endpoint", context_.index_of(general_));
    anonymous.set("context", guest_context,
                  context ? std::vector{context->where()} : std::vector<config::Location>{});
    // Guests get [general]'s codecs (video left out, as chan_sip has no videosupport default).
    auto codecs = chansip::CodecList::chan_sip_default();
    for (const auto& line : general_.variables) {
      if (iequals(line.name, "allow") || iequals(line.name, "disallow")) {
        codecs.apply(line.value, iequals(line.name, "allow"));
      }
    }
    std::string allow;
    for (const auto& entry : codecs.entries()) {
      if (entry.rfind("h26", 0) == 0) continue;
      allow += (allow.empty() ? "" : ",") + entry;
    }
    anonymous.set("disallow", "all");
    if (!allow.empty()) anonymous.set("allow", allow);
    context_.ledger.mapped(general_, *allowguest, "endpoint anonymous");
    if (context) context_.ledger.mapped(general_, *context, "endpoint anonymous context");
    context_.report(allowguest->where(), Severity::warning,
                    fmt::format("allowguest=yes: calls from anyone reach context '{}' through the "
                                "anonymous endpoint; make sure that context cannot call out",
                                guest_context),
                    "sip-guest-access");
  }

  void convert_no_equivalents() {
    for (const auto& entry : kNoEquivalent) {
      for (const auto* line : general_lines_setting(context_, chansip::OptionName(entry.option))) {
        context_.ledger.not_converted(general_, *line, entry.reason, "sip-no-equivalent");
      }
    }
  }

  Context& context_;
  const config::Section& general_;
};

}  // namespace

std::size_t endpoint_options_from_general(const Context& context) {
  if (!context.model.general) return 0;
  std::size_t rows = 0;
  for (const auto& row : kEndpointRows) {
    if (row.chan_sip_default || general_setting(context, chansip::OptionName(row.chan_sip))) {
      ++rows;
    }
  }
  return rows;
}

void convert_globals(Context& context) {
  if (context.model.general) {
    GeneralRules(context).run();
    return;
  }
  if (!context.model.peers.empty()) {
    context.diagnostics.report(context.document.files.front().path, 0, Severity::warning,
                               "chan_sip let calls from unknown callers into context 'default' "
                               "(allowguest defaults to yes); the converted configuration does "
                               "not. To keep it, set allowguest=yes and convert again",
                               "sip-guest-access-dropped");
  }
}

}  // namespace sip2pjsip::convert
