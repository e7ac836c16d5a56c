#include "dialplan/engine.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "dialplan/text_utils.h"

namespace sip2pjsip::dialplan {

namespace {

bool starts_with_sip(std::string_view s) {
  return s.size() >= 4 && iequal(s.substr(0, 4), "SIP/");
}

}  // namespace

void Engine::start(Text text) {
  text_ = std::move(text);
  edits_.clear();
  sip_word_in_condition_ = sip_word_ = reads_channel_type_ = false;
}

std::vector<Edit> Engine::finish() {
  return std::exchange(edits_, {});
}

void Engine::report(std::size_t at, Severity severity, std::string message, std::string code) {
  diagnostics_.report(text_.path, text_.line_of ? text_.line_of(at) : 0, severity,
                      std::move(message), std::move(code));
}

void Engine::edit(std::size_t begin, std::size_t end, std::string replacement) {
  edits_.push_back(Edit{begin, end, std::move(replacement)});
}

void Engine::set_extension(const std::string& key) {
  if (key == extension_) return;
  end_of_file();
  extension_ = key;
}

void Engine::end_of_file() {
  for (const auto& [number, line] : waiting_headers_) {
    diagnostics_.report(
        text_.path, line, Severity::warning,
        fmt::format("no Dial, Queue or Page follows this SIPAddHeader in its extension: the "
                    "header is kept in {}{} but only a Dial, Queue or Page with b({}^s^1) sends "
                    "it; add that option to the one that should carry the header",
                    kHeaderVariablePrefix, number, kHeaderHandlerContext),
        "dialplan-header-no-dial");
  }
  waiting_headers_.clear();
  headers_pending_ = false;
  extension_.clear();
}

void Engine::begin_statement() {
  sip_word_in_condition_ = sip_word_ = reads_channel_type_ = false;
}

void Engine::check_statement(std::size_t at) {
  if (sip_word_in_condition_ || (reads_channel_type_ && sip_word_)) {
    report(at, Severity::warning,
           "this tests whether the channel type is SIP; chan_pjsip channels are of type PJSIP: "
           "left as it is, check the test by hand",
           "dialplan-channel-type");
  }
  begin_statement();
}

// ---------------------------------------------------------------------------------------------
// Statements

void Engine::application(Span name_span, std::optional<Span> data, Span call, bool closed) {
  begin_statement();
  const std::string name(trim(slice(name_span)));
  if (iequal(name, "SIPDtmfMode")) {
    if (!closed) data.reset();
    sip_dtmf_mode(call, data);
  } else if (iequal(name, "SIPAddHeader")) {
    sip_add_header(call, closed ? data : std::nullopt, false);
  } else if (iequal(name, "SIPRemoveHeader")) {
    if (!closed) {
      report(call.begin, Severity::warning, "SIPRemoveHeader without its closing ')'",
             "dialplan-header-manual");
    } else {
      sip_remove_header(call, data, false);
    }
  } else if (iequal(name, "SIPSendCustomINFO")) {
    report(call.begin, Severity::warning,
           "SIPSendCustomINFO has no PJSIP equivalent (chan_sip only had it in test builds); "
           "left as it is",
           "dialplan-no-equivalent");
  } else if (data) {
    const Span args = *data;
    // Dial(${TRUNK}/123) where TRUNK holds SIP/peer: PJSIP/peer/123 names an aor or a URI.
    const std::string written = slice(args);
    for (const auto& variable : state_.channel_variables) {
      if (written.find("${" + variable + "}/") == std::string::npos) continue;
      report(call.begin, Severity::warning,
             fmt::format("${{{}}} holds a SIP/peer channel (now PJSIP/peer), and '/...' after "
                         "it is an extension in chan_sip but an aor or URI in PJSIP: write "
                         "PJSIP/exten@peer instead; left as it is",
                         variable),
             "dialplan-variable-dial");
    }
    if (iequal(name, "Set")) {
      const auto equals = text().substr(args.begin, args.size()).find('=');
      if (equals != std::string_view::npos) assigned_name(Span{args.begin, args.begin + equals});
      walk_span(args, Scope{});
    } else if (iequal(name, "MSet")) {
      for (const auto& pair : split_arguments(text(), args, ',', text_.tokens)) {
        const auto equals = text().substr(pair.begin, pair.size()).find('=');
        if (equals != std::string_view::npos) {
          assigned_name(Span{pair.begin, pair.begin + equals});
        }
      }
      walk_span(args, Scope{});
    } else if (iequal(name, "GotoIf") || iequal(name, "ExecIf") || iequal(name, "While") ||
               iequal(name, "ExitWhile") || iequal(name, "ContinueWhile")) {
      const std::size_t question = find_top_level(text(), args, '?', text_.tokens);
      Scope test;
      test.condition = test.colon_ends = true;
      walk_span(Span{args.begin, question}, test);
      if (question < args.end) walk_span(Span{question + 1, args.end}, Scope{});
    } else if (iequal(name, "ChanSpy") || iequal(name, "SoftHangup") ||
               iequal(name, "ChannelRedirect")) {
      const auto parts = split_arguments(text(), args, ',', text_.tokens);
      const Span first = parts.front();
      if (iequal(name, "ChanSpy") && iequal(slice(first), "SIP")) {
        edit(first.begin, first.end, "PJSIP");
      } else {
        Scope names;
        names.use = ChannelUse::name;
        walk_span(first, names);
      }
      if (parts.size() > 1) walk_span(Span{parts[1].begin, args.end}, Scope{});
    } else if (iequal(name, "AddQueueMember")) {
      const auto parts = split_arguments(text(), args, ',', text_.tokens);
      for (std::size_t i = 0; i < parts.size(); ++i) {
        Scope scope;
        if (i == 5) scope.use = ChannelUse::device;  // the state interface
        walk_span(parts[i], scope);
      }
    } else {
      walk_span(args, Scope{});
      if (headers_pending_ && closed && iequal(name, "Dial")) pre_dial_handler(args, 2);
      if (headers_pending_ && closed && (iequal(name, "Queue") || iequal(name, "Page"))) {
        pre_dial_handler(args, 1);
      }
    }
  }
  check_statement(call.begin);
}

void Engine::hint(Span devices) {
  begin_statement();
  Scope scope;
  scope.use = ChannelUse::device;
  walk_span(devices, scope);
  check_statement(devices.begin);
}

void Engine::assignment(Span name, Span value) {
  begin_statement();
  assigned_name(name);
  if (slice(value) == "SIP") {
    report(value.begin, Severity::warning,
           "a variable set to SIP: if it names the channel technology (Dial(${VAR}/...) or a "
           "test of the channel type), it must become PJSIP; left as it is",
           "dialplan-channel-type");
  }
  walk_span(value, Scope{});
  check_statement(value.begin);
}

void Engine::condition(Span expression) {
  begin_statement();
  Scope scope;
  scope.condition = scope.colon_ends = true;
  walk_span(expression, scope);
  check_statement(expression.begin);
}

void Engine::queue_member(Span value) {
  begin_statement();
  // member => interface[,penalty[,membername[,state_interface[,ringinuse]]]]
  const auto parts = split_arguments(text(), value, ',', text_.tokens);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Scope scope;
    if (i == 3) scope.use = ChannelUse::device;
    if (i == 0 || i == 3) walk_span(parts[i], scope);
  }
  check_statement(value.begin);
}

void Engine::data(Span span) {
  begin_statement();
  walk_span(span, Scope{});
  check_statement(span.begin);
}

// ---------------------------------------------------------------------------------------------
// The walk over tokens

void Engine::walk_span(Span span, Scope scope) {
  const auto nodes = tokenize(text(), span, text_.tokens);
  walk(nodes, scope);
}

std::string Engine::rewritten(Span span, Scope scope) {
  auto saved = std::exchange(edits_, {});
  walk_span(span, scope);
  auto inner = std::exchange(edits_, std::move(saved));
  std::stable_sort(inner.begin(), inner.end(),
                   [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t at = span.begin;
  for (const auto& e : inner) {
    if (e.begin < at) continue;  // overlaps the edit before it (never made by the rules)
    out.append(text().substr(at, e.begin - at));
    out += e.replacement;
    at = e.end;
  }
  out.append(text().substr(at, span.end - at));
  return out;
}

void Engine::walk(const std::vector<Node>& nodes, Scope scope) {
  std::vector<Unit> units;
  for (const auto& node : nodes) {
    if (node.kind == Node::Kind::text) {
      for (std::size_t i = node.span.begin; i < node.span.end; ++i) {
        units.push_back(Unit{i, text()[i], nullptr});
      }
    } else {
      units.push_back(Unit{node.span.begin, '\0', &node});
    }
  }
  auto text_char = [&](std::size_t k) { return k < units.size() && !units[k].node; };
  auto boundary = [&](std::size_t k) {
    if (k == 0) return true;
    const Unit& before = units[k - 1];
    if (before.node) {
      return before.node->kind != Node::Kind::variable &&
             before.node->kind != Node::Kind::expression;
    }
    return !is_identifier_char(before.c) && before.c != '.' && before.c != '/' && before.c != '-';
  };

  std::size_t k = 0;
  while (k < units.size()) {
    const Unit& unit = units[k];
    if (!unit.node) {
      if (text_char(k + 3) && text_char(k + 1) && text_char(k + 2) &&
          starts_with_sip(std::string{unit.c, units[k + 1].c, units[k + 2].c, units[k + 3].c}) &&
          boundary(k)) {
        k = channel_string(units, k, scope);
        continue;
      }
      if (is_identifier_char(unit.c) &&
          (k == 0 || !text_char(k - 1) || !is_identifier_char(units[k - 1].c))) {
        std::size_t m = k;
        std::string word;
        while (text_char(m) && is_identifier_char(units[m].c)) word += units[m++].c;
        if (m < units.size() && units[m].node && units[m].node->kind == Node::Kind::parens) {
          call(Span{units[k].pos, units[m - 1].pos + 1}, *units[m].node, scope);
          k = m + 1;
          continue;
        }
        if (word == "SIP" && !(text_char(m) && units[m].c == '/')) {
          sip_word_ = true;
          if (scope.condition) sip_word_in_condition_ = true;
        }
        k = m;
        continue;
      }
      ++k;
      continue;
    }
    const Node& node = *unit.node;
    switch (node.kind) {
      case Node::Kind::variable:
        variable(node, scope);
        break;
      case Node::Kind::expression: {
        Scope inner = scope;
        inner.colon_ends = inner.condition = true;
        inner.variable = nullptr;
        walk(node.children, inner);
        break;
      }
      case Node::Kind::parens:
      case Node::Kind::brackets:
      case Node::Kind::quoted: {
        Scope inner = scope;
        inner.variable = nullptr;
        walk(node.children, inner);
        break;
      }
      default:
        break;
    }
    ++k;
  }
}

std::size_t Engine::channel_string(const std::vector<Unit>& units, std::size_t k, Scope scope) {
  auto looks_like_channel = [&](std::size_t j) {
    std::size_t n = 0;
    while (j < units.size() && !units[j].node &&
           std::isalnum(static_cast<unsigned char>(units[j].c))) {
      ++j;
      ++n;
    }
    return n > 0 && j < units.size() && !units[j].node && units[j].c == '/';
  };
  std::size_t j = k + 4;
  for (; j < units.size(); ++j) {
    const Unit& unit = units[j];
    if (unit.node) {
      const auto kind = unit.node->kind;
      if (kind == Node::Kind::parens || kind == Node::Kind::quoted) break;
      continue;
    }
    const char c = unit.c;
    if (std::isspace(static_cast<unsigned char>(c))) break;
    if (std::string_view("&,\"')(;|^?").find(c) != std::string_view::npos) break;
    if (c == ':' && (scope.colon_ends || looks_like_channel(j + 1))) break;
    if (scope.colon_ends && std::string_view("=<>").find(c) != std::string_view::npos) break;
  }
  const std::size_t begin = units[k].pos;
  std::size_t end;
  if (j < units.size()) {
    end = units[j].pos;
  } else {
    const Unit& last = units.back();
    end = last.node ? last.node->span.end : last.pos + 1;
  }
  const Span resource{begin + 4, end};
  auto result = rewrite_channel(text(), resource, scope.use, endpoints_, options_, text_.tokens);
  for (auto& finding : result.findings) {
    report(begin, finding.severity, std::move(finding.message), std::move(finding.code));
  }
  if (result.replacement) edit(begin, end, std::move(*result.replacement));
  return j;
}

}  // namespace sip2pjsip::dialplan
