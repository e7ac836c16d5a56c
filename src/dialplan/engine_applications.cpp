// The rules for chan_sip's applications: SIPDtmfMode, SIPAddHeader, SIPRemoveHeader (with the
// pre-dial handler that puts the headers on the outgoing leg) and SIPSendCustomINFO.
#include "dialplan/engine.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "dialplan/text_utils.h"

namespace sip2pjsip::dialplan {

HeaderSite parse_header_site(std::string_view data) {
  HeaderSite site;
  site.data = std::string(data);
  std::string_view head = data;
  if (!head.empty() && head.front() == '"') head.remove_prefix(1);
  const auto colon = head.find(':');
  if (colon == std::string_view::npos) return site;
  const auto name = trim(head.substr(0, colon));
  std::string_view content = head.substr(colon + 1);
  while (!content.empty() && std::isspace(static_cast<unsigned char>(content.front()))) {
    content.remove_prefix(1);
  }
  if (!content.empty() && content.back() == '"') content.remove_suffix(1);
  site.name = std::string(name);
  site.value = std::string(content);
  site.usable = !name.empty() && !has_substitution(name) &&
                name.find_first_of(",()\\ \t\"") == std::string_view::npos;
  return site;
}

bool Engine::nested_application(const std::string& name, Span name_span, const Node& parens) {
  const Span call_span{name_span.begin, parens.span.end};
  const std::optional<Span> data = parens.closed ? std::optional<Span>(parens.inner) : std::nullopt;
  if (iequal(name, "SIPDtmfMode")) {
    sip_dtmf_mode(call_span, data);
  } else if (iequal(name, "SIPAddHeader")) {
    sip_add_header(call_span, data, true);
  } else if (iequal(name, "SIPRemoveHeader")) {
    sip_remove_header(call_span, data, true);
  } else if (iequal(name, "SIPSendCustomINFO")) {
    report(name_span.begin, Severity::warning,
           "SIPSendCustomINFO has no PJSIP equivalent; left as it is", "dialplan-no-equivalent");
  } else {
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// chan_sip applications

void Engine::sip_dtmf_mode(Span call, std::optional<Span> data) {
  if (!data) {
    report(call.begin, Severity::warning, "SIPDtmfMode without an argument; left as it is",
           "dialplan-no-equivalent");
    return;
  }
  const std::string mode = slice(*data);
  const std::string key = lower(mode);
  std::string value = mode;
  if (has_substitution(mode)) {
    report(call.begin, Severity::warning,
           "the DTMF mode comes from a variable: PJSIP_DTMF_MODE takes rfc4733 where chan_sip "
           "took rfc2833, and has no shortinfo",
           "dialplan-approximate");
  } else if (key == "rfc2833") {
    value = "rfc4733";
  } else if (key == "shortinfo") {
    value = "info";
    report(call.begin, Severity::warning,
           "PJSIP has no shortinfo DTMF mode; info sends the longer INFO body",
           "dialplan-approximate");
  } else if (key != "info" && key != "inband") {
    report(call.begin, Severity::warning,
           fmt::format("SIPDtmfMode({}): chan_sip ignored this mode; left as it is", mode),
           "dialplan-no-equivalent");
    return;
  }
  edit(call.begin, call.end, fmt::format("Set(PJSIP_DTMF_MODE()={})", value));
}

void Engine::sip_add_header(Span call, std::optional<Span> data, bool nested) {
  if (!data || data->empty()) {
    report(call.begin, Severity::warning, "SIPAddHeader without a header; left as it is",
           "dialplan-header-manual");
    return;
  }
  HeaderSite parsed = parse_header_site(slice(*data));
  if (!parsed.usable) {
    report(call.begin, Severity::warning,
           parsed.name.empty()
               ? "SIPAddHeader without 'Name: value' text this tool can read (chan_sip adds no "
                 "header without a ':'); left as it is"
               : "SIPAddHeader with a header name this tool cannot name in PJSIP_HEADER (a "
                 "variable, or odd characters); left as it is",
           "dialplan-header-manual");
    return;
  }
  if (options_.headers == HeaderStrategy::inheritable) {
    edit(call.begin, call.end,
         fmt::format("Set(PJSIP_INHERITABLE_HEADER(add,{})={})", parsed.name, parsed.value));
    return;
  }
  if (text_.ael || nested) {
    report(call.begin, Severity::warning,
           fmt::format("SIPAddHeader {}: the Dial that carries the header cannot be found here, "
                       "so no pre-dial handler can be set up; left as it is (set the header with "
                       "PJSIP_HEADER(add,...) in a pre-dial handler, or use "
                       "PJSIP_INHERITABLE_HEADER on Asterisk 20.19/22.9/23.3 or later)",
                       text_.ael ? "in AEL" : "inside another application"),
           "dialplan-header-manual");
    return;
  }
  const std::size_t raw = text_.raw_of(call.begin);
  const HeaderSite* site = nullptr;
  for (const auto& candidate : state_.header_sites) {
    if (candidate.file == text_.file && candidate.raw == raw) site = &candidate;
  }
  if (!site) return;  // not collected: cannot happen for extensions.conf lines
  edit(call.begin, call.end,
       fmt::format("Set(__{}{}={})", kHeaderVariablePrefix, site->number, site->value));
  state_.handler_needed = true;
  headers_pending_ = true;
  waiting_headers_.emplace_back(site->number, text_.line_of(call.begin));
}

void Engine::sip_remove_header(Span call, std::optional<Span> data, bool nested) {
  const std::string prefix = data ? slice(*data) : std::string();
  if (has_substitution(prefix)) {
    report(call.begin, Severity::warning,
           "SIPRemoveHeader with a variable: which headers it removes is known only at run "
           "time; left as it is",
           "dialplan-header-manual");
    return;
  }
  if (options_.headers == HeaderStrategy::inheritable) {
    // chan_sip removed the added headers whose "Name: value" text starts with the argument.
    std::string name;
    const auto colon = prefix.find(':');
    if (prefix.empty()) {
      name = "*";
    } else if (colon == std::string::npos) {
      name = prefix + "*";
    } else if (trim(std::string_view(prefix).substr(colon + 1)).empty()) {
      name = std::string(trim(std::string_view(prefix).substr(0, colon)));
    } else {
      report(call.begin, Severity::warning,
             "SIPRemoveHeader matching on the header value has no PJSIP form; left as it is",
             "dialplan-header-manual");
      return;
    }
    edit(call.begin, call.end, fmt::format("Set(PJSIP_INHERITABLE_HEADER(remove,{})=)", name));
    return;
  }
  if (text_.ael || nested) {
    report(call.begin, Severity::warning,
           fmt::format("SIPRemoveHeader {}: left as it is (see SIPAddHeader)",
                       text_.ael ? "in AEL" : "inside another application"),
           "dialplan-header-manual");
    return;
  }
  std::vector<std::size_t> numbers;
  for (const auto& site : state_.header_sites) {
    if (!prefix.empty()) {
      if (site.data.size() < prefix.size()) continue;
      const std::string_view head = std::string_view(site.data).substr(0, prefix.size());
      if (has_substitution(head)) {
        report(call.begin, Severity::warning,
               "SIPRemoveHeader: whether it removes a header added with a variable is known "
               "only at run time; left as it is",
               "dialplan-header-manual");
        return;
      }
      if (!iequal(head, prefix)) continue;
    }
    if (site.usable) numbers.push_back(site.number);
  }
  if (numbers.empty()) {
    report(call.begin, Severity::warning,
           "SIPRemoveHeader: no SIPAddHeader in this dialplan adds a matching header; left as "
           "it is (remove it, or the header is added elsewhere)",
           "dialplan-header-manual");
    return;
  }
  std::string replacement;
  for (const auto number : numbers) {
    if (!replacement.empty()) replacement += ',';
    replacement += fmt::format("__{}{}=", kHeaderVariablePrefix, number);
  }
  replacement = fmt::format("{}({})", numbers.size() == 1 ? "Set" : "MSet", replacement);
  edit(call.begin, call.end, std::move(replacement));
}

void Engine::pre_dial_handler(Span data, std::size_t options_index) {
  const std::string handler = fmt::format("b({}^s^1)", kHeaderHandlerContext);
  const auto args = split_arguments(text(), data, ',', text_.tokens);
  waiting_headers_.clear();
  if (args.size() <= options_index) {
    edit(data.end, data.end, std::string(options_index - args.size() + 1, ',') + handler);
    return;
  }
  const Span options = args[options_index];
  for (const auto& node : tokenize(text(), options, text_.tokens)) {
    if (node.kind != Node::Kind::text) continue;
    for (std::size_t i = node.span.begin; i < node.span.end; ++i) {
      if (text()[i] != 'b') continue;
      report(options.begin, Severity::warning,
             fmt::format("this already runs a pre-dial handler (b option), so the headers of "
                         "the SIPAddHeader before it are not added: call "
                         "Gosub({},s,1) from that handler",
                         kHeaderHandlerContext),
             "dialplan-header-handler-taken");
      return;
    }
  }
  edit(options.end, options.end, handler);
}

}  // namespace sip2pjsip::dialplan
