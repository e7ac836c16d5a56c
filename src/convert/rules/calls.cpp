// Caller ID, voicemail, device state, access lists and channel variables (semantics.md
// sections 16-19).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "chansip/values.h"
#include "convert/peer_context.h"

namespace sip2pjsip::convert {

namespace {

using config::iequals;

struct CallerId {
  std::string name;
  std::string number;
};

std::string trim_quotes(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\"");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t\"") - first + 1));
}

// ast_callerid_parse(): `"Name" <number>`, `Name <number>`, a bare number or a bare name. The
// number is in the last <...>, so a name may hold '<' itself.
CallerId split_callerid(std::string_view value) {
  const auto open = value.rfind('<');
  if (open != std::string_view::npos) {
    const auto close = value.rfind('>');
    const auto end = close != std::string_view::npos && close > open ? close : value.size();
    return {trim_quotes(value.substr(0, open)),
            std::string(value.substr(open + 1, end - open - 1))};
  }
  const auto bare = trim_quotes(value);
  const bool number = !bare.empty() && bare.find_first_not_of("0123456789+*#") == std::string::npos;
  return number ? CallerId{"", bare} : CallerId{bare, ""};
}

// callerid, fullname, cid_number and trunkname set parts of one identity, last line wins.
void convert_callerid(PeerContext& p) {
  const int callerid = "callerid"_option.id;
  const int fullname = "fullname"_option.id;
  const int cid_number = "cid_number"_option.id;
  const int trunkname = "trunkname"_option.id;
  CallerId id;
  std::vector<const config::Variable*> used;
  for (const auto i : p.context.peer_lines.positions({callerid, fullname, cid_number, trunkname})) {
    const auto& line = p.section.variables[i];
    const int option = p.peer.option_ids[i];
    if (option == callerid) {
      id = split_callerid(line.value);
    } else if (option == fullname) {
      id.name = line.value;
    } else if (option == cid_number) {
      id.number = line.value;
    } else {
      id.name.clear();  // trunkname
    }
    used.push_back(&line);
  }
  if (used.empty()) return;
  std::string value;
  if (!id.name.empty()) value = "\"" + id.name + "\"";
  if (!id.number.empty()) value += (value.empty() ? "<" : " <") + id.number + ">";
  if (!value.empty()) PeerContext::set(p.endpoint, "callerid", value, used.back());
  for (const auto* line : used) p.mapped(line, "endpoint {} callerid", p.name);
}

// callingpres: a name ast_parse_caller_presentation() knows, or its number.
void convert_callingpres(PeerContext& p) {
  const auto* line = p.setting("callingpres"_option);
  if (!line) return;
  static const std::map<long, std::string> kByNumber = {
      {0, "allowed_not_screened"},  {1, "allowed_passed_screen"},
      {2, "allowed_failed_screen"}, {3, "allowed"},
      {32, "prohib_not_screened"},  {33, "prohib_passed_screen"},
      {34, "prohib_failed_screen"}, {35, "prohib"},
      {67, "unavailable"}};
  std::string value = chansip::to_lower(line->value);
  if (auto number = chansip::parse_integer(value)) {
    auto found = kByNumber.find(*number);
    value = found == kByNumber.end() ? "" : found->second;
  } else if (std::none_of(kByNumber.begin(), kByNumber.end(),
                          [&](const auto& entry) { return entry.second == value; })) {
    value.clear();
  }
  if (value.empty()) {
    p.invalid(line, "not a caller presentation chan_sip knows");
    return;
  }
  PeerContext::set(p.endpoint, "callerid_privacy", value, line);
  p.mapped(line, "endpoint {} callerid_privacy", p.name);
}

// mailbox (lines accumulate), hasvoicemail, subscribemwi, vmexten.
void convert_mailboxes(PeerContext& p) {
  std::vector<std::string> boxes;
  const auto mailbox_lines = p.lines("mailbox"_option);
  for (const auto* line : mailbox_lines) {
    for (const auto& box : chansip::split_list(line->value)) boxes.push_back(box);
  }
  const auto* hasvoicemail = p.setting("hasvoicemail"_option);
  if (hasvoicemail && chansip::is_true(hasvoicemail->value) && boxes.empty()) {
    boxes.push_back(p.name + "@default");
  }
  const auto* subscribemwi = p.setting("subscribemwi"_option);
  const auto* vmexten = p.setting("vmexten"_option);
  const bool subscribed_only = subscribemwi && chansip::is_true(subscribemwi->value);
  if (boxes.empty()) {
    p.mapped(hasvoicemail, "no mailbox");
    p.mapped(subscribemwi, "unused: no mailbox");
    p.mapped(vmexten, "unused: no mailbox");
    return;
  }
  std::string list;
  for (const auto& box : boxes) list += (list.empty() ? "" : ",") + box;
  const config::Variable* source = mailbox_lines.empty() ? hasvoicemail : mailbox_lines.back();
  // chan_sip sends unsolicited NOTIFYs unless subscribemwi=yes, and accepts SUBSCRIBEs either
  // way: the aor's mailboxes take subscriptions, the endpoint's send unsolicited.
  if (!subscribed_only) {
    PeerContext::set(p.endpoint, "mailboxes", list, source);
    if (p.aor) PeerContext::set(p.endpoint, "mwi_subscribe_replaces_unsolicited", "yes", source);
  }
  if (p.aor) PeerContext::set(*p.aor, "mailboxes", list, source);
  // pjsip's voicemail_extension is empty by default; chan_sip's vmexten is "asterisk".
  PeerContext::set(p.endpoint, "voicemail_extension",
                   std::string(vmexten ? vmexten->value.view() : "asterisk"), vmexten);
  for (const auto* line : mailbox_lines) p.mapped(line, "mailboxes of {}", p.name);
  p.mapped(hasvoicemail, "mailboxes of {}", p.name);
  if (subscribed_only && !p.aor) {
    p.not_converted(subscribemwi, "subscription-only MWI needs an aor; this peer has none");
  } else {
    p.mapped(subscribemwi, subscribed_only ? "mailboxes on the aor only (subscription)"
                                           : "unsolicited NOTIFY and SUBSCRIBE both kept");
  }
  p.mapped(vmexten, "endpoint {} voicemail_extension", p.name);
}

// permit/deny/acl and contactpermit/contactdeny/contactacl keep their order: the same ast_ha
// list is built on both sides, per endpoint.
void convert_acls(PeerContext& p) {
  struct Acl {
    int option;
    const char* target;
    const char* outcome;  // the ledger's pattern: one literal, not formatted per line
  };
  static const Acl kAcls[] = {
      {"permit"_option.id, "permit", "endpoint {} permit"},
      {"deny"_option.id, "deny", "endpoint {} deny"},
      {"acl"_option.id, "acl", "endpoint {} acl"},
      {"contactpermit"_option.id, "contact_permit", "endpoint {} contact_permit"},
      {"contactdeny"_option.id, "contact_deny", "endpoint {} contact_deny"},
      {"contactacl"_option.id, "contact_acl", "endpoint {} contact_acl"}};
  const auto lines =
      p.context.peer_lines.positions({kAcls[0].option, kAcls[1].option, kAcls[2].option,
                                      kAcls[3].option, kAcls[4].option, kAcls[5].option});
  for (const auto i : lines) {
    const auto& line = p.section.variables[i];
    const auto& acl = *std::find_if(std::begin(kAcls), std::end(kAcls), [&](const Acl& entry) {
      return entry.option == p.peer.option_ids[i];
    });
    PeerContext::set(p.endpoint, acl.target, line.value, &line);
    p.mapped(&line, fmt::runtime(acl.outcome), p.name);
  }
}

// setvar = name=value; a repeated name replaces the earlier value (add_var). parkinglot is a
// channel variable too.
void convert_variables(PeerContext& p) {
  std::vector<std::pair<std::string, const config::Variable*>> vars;
  for (const auto* line : p.lines("setvar"_option)) {
    const auto equals = line->value.view().find('=');
    if (equals == std::string::npos || equals == 0) {
      p.invalid(line, "expected name=value");
      continue;
    }
    const auto name = line->value.view().substr(0, equals);
    auto same =
        std::find_if(vars.begin(), vars.end(), [&](const auto& v) { return v.first == name; });
    if (same != vars.end()) {
      p.mapped(same->second, "superseded by line {}", line->where().line);
      vars.erase(same);
    }
    vars.emplace_back(name, line);
  }
  for (const auto& [name, line] : vars) {
    PeerContext::set(p.endpoint, "set_var", std::string(line->value), line);
    p.mapped(line, "endpoint {} set_var", p.name);
  }
  if (const auto* lot = p.setting("parkinglot"_option)) {
    if (!lot->value.empty()) {
      PeerContext::set(p.endpoint, "set_var", fmt::format("CHANNEL(parkinglot)={}", lot->value),
                       lot);
    }
    p.mapped(lot, "endpoint {} set_var=CHANNEL(parkinglot)", p.name);
  }
}

// call-limit rejects calls above the limit; busylevel and the limit make the device BUSY.
// pjsip has only the device state part.
void convert_limits(PeerContext& p) {
  const auto* limit = p.setting("call-limit"_option);
  const auto* busylevel = p.setting("busylevel"_option);
  const auto* counter = p.setting("callcounter"_option);
  long busy_at = 0;
  if (limit) {
    if (auto value = chansip::parse_integer(limit->value); value && *value >= 0) {
      busy_at = *value;
    } else {
      p.invalid(limit, "expected a number of calls");
    }
  }
  if (busylevel) {
    if (auto value = chansip::parse_integer(busylevel->value); value && *value >= 0) {
      if (*value > 0) busy_at = *value;
      p.mapped(busylevel, "endpoint {} device_state_busy_at", p.name);
    } else {
      p.invalid(busylevel, "expected a number of calls");
    }
  }
  if (busy_at > 0) {
    PeerContext::set(p.endpoint, "device_state_busy_at", std::to_string(busy_at),
                     busylevel ? busylevel : limit);
  }
  if (limit && busy_at > 0) {
    p.approximated(limit,
                   "pjsip no longer rejects calls above the limit, it only reports the "
                   "device BUSY (use GROUP_COUNT in the dialplan to reject)",
                   "sip-call-limit");
  } else {
    p.mapped(limit, "no limit");
  }
  p.mapped(counter, "pjsip always tracks the device state of its channels");
}

// sendrpid = yes|rpid|pai; trust_id_outbound = yes|no|legacy.
void convert_identity_headers(PeerContext& p) {
  if (const auto* line = p.setting("sendrpid"_option)) {
    const auto value = chansip::to_lower(line->value);
    if (value == "pai") {
      PeerContext::set(p.endpoint, "send_pai", "yes", line);
    } else if (value == "rpid" || chansip::is_true(value)) {
      PeerContext::set(p.endpoint, "send_rpid", "yes", line);
    }
    p.mapped(line, "endpoint {} send_rpid/send_pai", p.name);
  }
  if (const auto* line = p.setting("trust_id_outbound"_option)) {
    if (config::iequals(line->value, "legacy")) {
      p.approximated(line, "legacy has no pjsip equivalent; pjsip's default (no) is used");
    } else {
      PeerContext::set(p.endpoint, "trust_id_outbound",
                       chansip::is_true(line->value) ? "yes" : "no", line);
      p.mapped(line, "endpoint {} trust_id_outbound", p.name);
    }
  }
}

// progressinband = yes|no|never; allowoverlap = yes|no|dtmf; faxdetect = yes|no|cng|t38.
void convert_call_flow(PeerContext& p) {
  if (const auto* line = p.setting("progressinband"_option)) {
    const bool yes = chansip::is_true(line->value);
    PeerContext::set(p.endpoint, "inband_progress", yes ? "yes" : "no", line);
    if (iequals(line->value, "never")) {
      p.approximated(line, "never: pjsip can only say no (it may still send 183 with SDP)");
    } else {
      p.mapped(line, "endpoint {} inband_progress", p.name);
    }
  }
  if (const auto* line = p.setting("allowoverlap"_option)) {
    const bool yes = chansip::is_true(line->value);
    PeerContext::set(p.endpoint, "allow_overlap", yes ? "yes" : "no", line);
    if (iequals(line->value, "dtmf")) {
      p.approximated(line, "dtmf: pjsip has no overlap dialling by DTMF; allow_overlap=no");
    } else {
      p.mapped(line, "endpoint {} allow_overlap", p.name);
    }
  }
  if (const auto* line = p.setting("faxdetect"_option)) {
    bool cng = false, t38 = false;
    for (const auto& word : chansip::split_list(line->value)) {
      if (chansip::is_true(word)) cng = t38 = true;
      if (iequals(word, "cng")) cng = true;
      if (iequals(word, "t38")) t38 = true;
    }
    if (cng) PeerContext::set(p.endpoint, "fax_detect", "yes", line);
    if (t38) {
      p.approximated(line,
                     "redirecting to the fax extension on a T.38 re-INVITE has no pjsip "
                     "equivalent; only CNG detection is kept");
    } else {
      p.mapped(line, "endpoint {} fax_detect", p.name);
    }
  }
}

}  // namespace

void convert_calls(PeerContext& p) {
  convert_callerid(p);
  convert_callingpres(p);
  convert_mailboxes(p);
  convert_acls(p);
  convert_variables(p);
  convert_limits(p);
  convert_identity_headers(p);
  convert_call_flow(p);
}

}  // namespace sip2pjsip::convert
