// The rules for chan_sip's dialplan functions (SIP_HEADER, SIPPEER, CHANNEL(...) fields,
// CHECKSIPDOMAIN, SIPCHANINFO) and channel variables (SIPCALLID, SIPURI, ...).
#include "dialplan/engine.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "dialplan/text_utils.h"

namespace sip2pjsip::dialplan {

namespace {

struct VariableRule {
  const char* name;
  const char* replacement;
  const char* note;  // when the value is not quite the same
};
constexpr VariableRule kVariables[] = {
    {"SIPCALLID", "CHANNEL(pjsip,call-id)", nullptr},
    {"SIPURI", "CHANNEL(pjsip,target_uri)",
     "chan_sip's SIPURI was the caller's Contact URI without its parameters; "
     "CHANNEL(pjsip,target_uri) keeps them"},
};

// chan_sip channel variables nothing in PJSIP reads or sets. (SIPDOMAIN, SIPFROMDOMAIN,
// SIPTRANSFER, SIPREFERRINGCONTEXT and SIPREFERREDBYHDR keep working: chan_pjsip and
// res_pjsip_refer use them too.)
struct ManualVariable {
  const char* name;
  const char* advice;
};
constexpr ManualVariable kManualVariables[] = {
    {"SIP_CODEC", "set the offered codecs with Set(PJSIP_MEDIA_OFFER(audio)=...)"},
    {"SIP_CODEC_INBOUND", "set the offered codecs with Set(PJSIP_MEDIA_OFFER(audio)=...)"},
    {"SIP_CODEC_OUTBOUND",
     "set the codecs in a pre-dial handler with Set(PJSIP_MEDIA_OFFER(audio)=...)"},
    {"SIP_URI_OPTIONS", "PJSIP has no per-call Request-URI parameters"},
    {"SIP_MAX_FORWARDS", "use Set(CHANNEL(max_forwards)=...)"},
    {"SIPURIPHONECONTEXT", "read the Request-URI with CHANNEL(pjsip,request_uri)"},
    {"SIPREDIRECTREASON", "read the Diversion header with PJSIP_HEADER(read,Diversion)"},
    {"SIPRDNISDOMAIN", "read the Diversion header with PJSIP_HEADER(read,Diversion)"},
    {"SIPTRANSFER_REFERER", "res_pjsip_refer sets SIPREFERREDBYHDR instead"},
    {"SIPTRANSFER_REPLACES", "PJSIP does not expose the Replaces header of a transfer"},
    {"VXML_URL", "PJSIP does not send a VXML URL"},
};

const VariableRule* find_variable_rule(std::string_view name) {
  for (const auto& rule : kVariables) {
    if (name == rule.name) return &rule;
  }
  return nullptr;
}

const ManualVariable* find_manual_variable(std::string_view name) {
  for (const auto& rule : kManualVariables) {
    if (name == rule.name) return &rule;
  }
  return nullptr;
}

// PJSIP_ENDPOINT fields for SIPPEER fields that are endpoint settings.
struct PeerField {
  const char* field;
  const char* endpoint_option;
  const char* note;  // when the value is written differently
};
constexpr PeerField kEndpointFields[] = {
    {"language", "language", nullptr},
    {"context", "context", nullptr},
    {"accountcode", "accountcode", nullptr},
    {"callgroup", "call_group", nullptr},
    {"pickupgroup", "pickup_group", nullptr},
    {"namedcallgroup", "named_call_group", nullptr},
    {"namedpickupgroup", "named_pickup_group", nullptr},
    {"mailbox", "mailboxes", nullptr},
    {"busylevel", "device_state_busy_at", nullptr},
    {"codecs", "allow",
     "SIPPEER(...,codecs) gave \"(ulaw|alaw)\"; PJSIP_ENDPOINT(...,allow) gives \"(ulaw|alaw)\" "
     "only for the endpoint's own allow list"},
    {"encryption", "media_encryption",
     "SIPPEER(...,encryption) gave 1 or 0; PJSIP_ENDPOINT(...,media_encryption) gives sdes, "
     "dtls or no"},
};

constexpr std::pair<const char*, const char*> kManualPeerFields[] = {
    {"regexten", "PJSIP has no regexten"},
    {"limit", "PJSIP has no call-limit (device_state_busy_at only changes the device state)"},
    {"curcalls",
     "PJSIP does not count an endpoint's calls; ${DEVICE_STATE(PJSIP/<endpoint>)} tells whether "
     "it is in use"},
    {"maxforwards", "PJSIP has no per-endpoint Max-Forwards"},
    {"expire", "use PJSIP_CONTACT(<contact>,expiration_time) for the registration's expiry"},
    {"dynamic", "an aor without a static contact takes registrations (PJSIP_AOR(<aor>,contact))"},
    {"callerid_name", "PJSIP_ENDPOINT(<endpoint>,callerid) gives the whole \"name\" <number>"},
    {"callerid_num", "PJSIP_ENDPOINT(<endpoint>,callerid) gives the whole \"name\" <number>"},
};

}  // namespace

void Engine::assigned_name(Span name) {
  std::string_view variable = trim(text().substr(name.begin, name.size()));
  while (!variable.empty() && variable.front() == '_') variable.remove_prefix(1);
  if (const auto* rule = find_manual_variable(variable)) {
    report(name.begin, Severity::warning,
           fmt::format("sets chan_sip's channel variable {}, which PJSIP ignores: {}; left as it "
                       "is",
                       variable, rule->advice),
           "dialplan-no-equivalent");
  } else if (variable.rfind("SIPADDHEADER", 0) == 0) {
    report(name.begin, Severity::warning,
           fmt::format("sets {}, the variable chan_sip's SIPAddHeader used; PJSIP ignores it: "
                       "use SIPAddHeader's PJSIP form; left as it is",
                       variable),
           "dialplan-header-manual");
  }
}

void Engine::variable(const Node& node, Scope scope) {
  // ${NAME} or ${NAME:offset:length}
  if (!node.children.empty() && node.children.front().kind == Node::Kind::text) {
    const Span first = node.children.front().span;
    std::size_t end = first.begin;
    while (end < first.end && is_identifier_char(text()[end])) ++end;
    const bool plain =
        end > first.begin && (end == node.inner.end || (end < first.end && text()[end] == ':'));
    if (plain) {
      const std::string name = slice(Span{first.begin, end});
      if (const auto* rule = find_variable_rule(name)) {
        edit(first.begin, end, rule->replacement);
        if (rule->note) report(node.span.begin, Severity::note, rule->note, "dialplan-approximate");
        return;
      }
      if (const auto* rule = find_manual_variable(name)) {
        report(node.span.begin, Severity::warning,
               fmt::format("reads chan_sip's channel variable {}, which PJSIP does not set: {}; "
                           "left as it is",
                           name, rule->advice),
               "dialplan-no-equivalent");
        return;
      }
    }
  }
  Scope inner;
  inner.use = scope.use;
  inner.condition = scope.condition;
  inner.variable = &node;
  walk(node.children, inner);
}

void Engine::call(Span name_span, const Node& parens, Scope scope) {
  const std::string name = slice(name_span);
  if (nested_application(name, name_span, parens)) return;
  if (function_call(name, name_span, parens, scope)) return;
  Scope inner = scope;
  inner.variable = nullptr;
  walk(parens.children, inner);
}

bool Engine::function_call(const std::string& name, Span name_span, const Node& parens,
                           Scope scope) {
  Scope inner = scope;
  inner.variable = nullptr;
  if (name == "SIP_HEADER") {
    edit(name_span.begin, name_span.end, "PJSIP_HEADER");
    edit(parens.inner.begin, parens.inner.begin, "read,");
    walk(parens.children, inner);
  } else if (name == "SIP_HEADERS") {
    edit(name_span.begin, name_span.end, "PJSIP_HEADERS");
    if (slice(parens.inner) == "*") {
      // chan_sip took '*' for every header; PJSIP_HEADERS() without a prefix lists them all.
      edit(parens.inner.begin, parens.inner.end, "");
    } else {
      walk(parens.children, inner);
    }
  } else if (name == "SIPPEER") {
    sippeer(Span{name_span.begin, parens.span.end}, parens, scope);
  } else if (name == "CHECKSIPDOMAIN") {
    report(name_span.begin, Severity::warning,
           "CHECKSIPDOMAIN() has no PJSIP equivalent (PJSIP keeps no list of local domains to "
           "check against); left as it is",
           "dialplan-no-equivalent");
  } else if (name == "SIPCHANINFO") {
    report(name_span.begin, Severity::warning,
           "SIPCHANINFO() is gone (chan_sip itself replaced it with CHANNEL()); read the value "
           "with CHANNEL(pjsip,...) or PJSIP_HEADER(read,...); left as it is",
           "dialplan-no-equivalent");
  } else if (name == "CHANNEL") {
    channel_function(name_span, parens, scope);
  } else if (name == "DEVICE_STATE") {
    inner.use = ChannelUse::device;
    walk(parens.children, inner);
  } else if (name == "IF" || name == "IFTIME") {
    inner.colon_ends = inner.condition = true;
    walk(parens.children, inner);
  } else if (name == "CUT" || name == "FIELDQTY" || name == "FIELDNUM" || name == "LISTFILTER") {
    // The first argument names a variable.
    const auto args = split_arguments(text(), parens.inner, ',', text_.tokens);
    const std::string variable(trim(slice(args.front())));
    if (const auto* rule = find_variable_rule(variable)) {
      edit(args.front().begin, args.front().end, rule->replacement);
      if (rule->note) report(name_span.begin, Severity::note, rule->note, "dialplan-approximate");
      if (args.size() > 1) walk_span(Span{args[1].begin, parens.inner.end}, inner);
    } else {
      walk(parens.children, inner);
    }
  } else {
    return false;
  }
  return true;
}

void Engine::sippeer(Span call_span, const Node& parens, Scope scope) {
  // function_sippeer(): the peer is everything before the first ',' (of the substituted text,
  // so a comma inside ${...} does not count), the field all after it.
  const std::size_t comma = find_top_level(text(), parens.inner, ',', text_.tokens);
  const Span peer_span{parens.inner.begin, comma};
  const std::string field =
      comma == parens.inner.end ? std::string("ip") : slice(Span{comma + 1, parens.inner.end});
  const std::string written = slice(call_span);
  if (!parens.closed) return;
  if (has_substitution(field)) {
    report(call_span.begin, Severity::warning,
           fmt::format("{}: the field comes from a variable, and each SIPPEER field has its own "
                       "PJSIP function; left as it is",
                       written),
           "dialplan-no-equivalent");
    return;
  }
  const std::string key = lower(field);
  for (const auto& [manual, advice] : kManualPeerFields) {
    if (key == manual) {
      report(call_span.begin, Severity::warning,
             fmt::format("{}: {}; left as it is", written, advice), "dialplan-no-equivalent");
      return;
    }
  }

  Scope inner = scope;
  inner.variable = nullptr;
  std::string peer = rewritten(peer_span, inner);
  std::string aor = peer;
  if (!has_substitution(peer)) {
    if (const auto* info = endpoints_.find(peer)) {
      if (info->name != peer) {
        report(call_span.begin, Severity::note,
               fmt::format("chan_sip found peer '{}' without regard to case; the endpoint is "
                           "'{}'",
                           peer, info->name),
               "dialplan-endpoint-case");
      }
      peer = info->name;
      aor = info->aors.empty() ? info->name : info->aors.front();
    } else {
      report(call_span.begin, Severity::warning,
             fmt::format("{}: no endpoint named '{}' in the pjsip configuration", written, peer),
             "dialplan-unknown-endpoint");
    }
  }
  const std::string first_contact = fmt::format("${{CUT(PJSIP_AOR({},contact),\\,,1)}}", aor);

  std::string replacement;
  const char* note = nullptr;
  if (key == "ip") {
    replacement = fmt::format("PJSIP_PARSE_URI(${{PJSIP_CONTACT({},uri)}},host)", first_contact);
  } else if (key == "port") {
    replacement = fmt::format("PJSIP_PARSE_URI(${{PJSIP_CONTACT({},uri)}},port)", first_contact);
    note =
        "the port now comes from the contact URI: 0 when the URI has none (chan_sip gave "
        "5060)";
  } else if (key == "status") {
    replacement = fmt::format("PJSIP_CONTACT({},status)", first_contact);
    note =
        "the status words differ: PJSIP gives Reachable, Unreachable, NonQualified or Unknown "
        "where chan_sip gave \"OK (n ms)\", UNREACHABLE, LAGGED, UNKNOWN or Unmonitored "
        "(${DEVICE_STATE(PJSIP/<endpoint>)} is another choice); check every comparison";
  } else if (key == "useragent") {
    replacement = fmt::format("PJSIP_CONTACT({},user_agent)", first_contact);
  } else {
    const PeerField* found = nullptr;
    for (const auto& candidate : kEndpointFields) {
      if (key == candidate.field) found = &candidate;
    }
    if (!found) {
      report(call_span.begin, Severity::warning,
             fmt::format("{}: chan_sip has no such SIPPEER field (or it has no PJSIP "
                         "equivalent); left as it is",
                         written),
             "dialplan-no-equivalent");
      return;
    }
    replacement = fmt::format("PJSIP_ENDPOINT({},{})", peer, found->endpoint_option);
    note = found->note;
  }
  if (note) {
    report(call_span.begin, Severity::warning, fmt::format("{}: {}", written, note),
           "dialplan-approximate");
  }
  edit(call_span.begin, call_span.end, std::move(replacement));
}

void Engine::channel_function(Span name_span, const Node& parens, Scope scope) {
  const auto args = split_arguments(text(), parens.inner, ',', text_.tokens);
  const std::string field = lower(slice(args.front()));
  const Span call_span{name_span.begin, parens.span.end};
  const std::string written = slice(call_span);
  std::string replacement;
  std::string note;
  Severity severity = Severity::note;

  if (field == "channeltype") reads_channel_type_ = true;
  if (field == "peerip") {
    replacement = "PJSIP_PARSE_URI(sip:${CHANNEL(pjsip,remote_addr)},host)";
  } else if (field == "recvip") {
    replacement = "PJSIP_PARSE_URI(sip:${CHANNEL(pjsip,remote_addr)},host)";
    note =
        "chan_sip's recvip was the source of the last request; PJSIP gives the address the "
        "INVITE came from";
  } else if (field == "recvport") {
    replacement = "PJSIP_PARSE_URI(sip:${CHANNEL(pjsip,remote_addr)},port)";
  } else if (field == "from") {
    replacement = "CHANNEL(pjsip,remote_uri)";
  } else if (field == "uri") {
    replacement = "CHANNEL(pjsip,target_uri)";
    note =
        "chan_sip's CHANNEL(uri) was the Contact URI without its parameters; "
        "CHANNEL(pjsip,target_uri) keeps them";
  } else if (field == "ruri") {
    replacement = "CHANNEL(pjsip,request_uri)";
  } else if (field == "useragent") {
    replacement = "PJSIP_HEADER(read,User-Agent)";
  } else if (field == "peername") {
    replacement = "CHANNEL(endpoint)";
  } else if (field == "t38passthrough") {
    const Node* whole = scope.variable;
    if (whole && whole->inner.begin == name_span.begin && whole->inner.end == parens.span.end) {
      // 1 unless T.38 is disabled, as chan_sip gave it.
      edit(whole->span.begin, whole->span.end, "$[\"${CHANNEL(pjsip,t38state)}\" != \"DISABLED\"]");
    } else {
      report(name_span.begin, Severity::warning,
             fmt::format("{}: PJSIP gives the T.38 state as a word (CHANNEL(pjsip,t38state)); "
                         "left as it is",
                         written),
             "dialplan-no-equivalent");
    }
    return;
  } else if (field == "rtpdest" || field == "rtpsource") {
    const std::string type = args.size() > 1 ? lower(slice(args[1])) : std::string();
    if (!type.empty() && type != "audio" && type != "video") {
      report(name_span.begin, Severity::warning,
             fmt::format("{}: PJSIP has RTP information for audio and video only; left as it is",
                         written),
             "dialplan-no-equivalent");
      return;
    }
    replacement = fmt::format("CHANNEL(rtp,{}{})", field == "rtpdest" ? "dest" : "src",
                              args.size() > 1 ? "," + slice(args[1]) : std::string());
  } else if (field == "rtpqos") {
    report(name_span.begin, Severity::warning,
           fmt::format("{}: use CHANNEL(rtcp,<statistic>[,audio|video]); the statistic names "
                       "differ (rxjitter, txcount, rtt, ...); left as it is",
                       written),
           "dialplan-no-equivalent");
    return;
  } else if (field == "secure_signaling" || field == "secure_media") {
    replacement = field == "secure_signaling" ? "CHANNEL(pjsip,secure)" : "CHANNEL(rtp,secure)";
    note = "PJSIP gives 0 where chan_sip gave an empty value (1 stays 1)";
    severity = Severity::warning;
  } else {
    Scope inner = scope;
    inner.variable = nullptr;
    walk(parens.children, inner);
    return;
  }
  if (!note.empty()) {
    report(name_span.begin, severity, fmt::format("{}: {}", written, note), "dialplan-approximate");
  }
  edit(call_span.begin, call_span.end, std::move(replacement));
}

}  // namespace sip2pjsip::dialplan
