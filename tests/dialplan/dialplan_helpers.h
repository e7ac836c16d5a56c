// Helpers for the dialplan rewrite tests: a pjsip configuration to rewrite against, and a
// one-call rewrite of a text that returns the new text and the formatted findings.
#pragma once

#include <string>
#include <vector>

#include "dialplan/endpoints.h"
#include "dialplan/rewriter.h"
#include "support.h"
#include "util/diagnostics.h"

namespace sip2pjsip::testing {

using dialplan::EndpointInfo;
using dialplan::EndpointList;
using dialplan::FileKind;
using dialplan::RewriteOptions;
using Strings = std::vector<std::string>;

// Phones 100, 101 and 6001 register (no static contact); "trunk" has a static contact without
// a user part, "carrier" one with a user part; "Office" has upper case in its name.
inline EndpointList sample_endpoints() {
  EndpointList list;
  list.add(EndpointInfo{"100", {"100"}, {}});
  list.add(EndpointInfo{"101", {"101"}, {}});
  list.add(EndpointInfo{"6001", {"6001"}, {}});
  list.add(EndpointInfo{"trunk", {"trunk"}, {"sip:sip.provider.example:5060"}});
  list.add(
      EndpointInfo{"carrier", {"carrier-aor"}, {"sip:acct123@carrier.example.net;transport=tcp"}});
  list.add(EndpointInfo{"Office", {"Office"}, {}});
  return list;
}

struct Rewritten {
  std::string text;
  Strings diagnostics;
};

inline Rewritten rewrite(const std::string& text, const RewriteOptions& options = {},
                         const std::string& path = "extensions.conf") {
  Diagnostics diagnostics;
  const auto endpoints = sample_endpoints();
  auto result = dialplan::rewrite_dialplan(path, text, endpoints, diagnostics, options);
  return Rewritten{std::move(result.text), formatted(diagnostics)};
}

// Rewrites `line` as the only line of a context in extensions.conf and returns it rewritten.
inline Rewritten rewrite_line(const std::string& line, const RewriteOptions& options = {}) {
  const std::string head = "[internal]\n";
  auto result = rewrite(head + line + "\n", options);
  if (result.text.rfind(head, 0) == 0) result.text = result.text.substr(head.size());
  if (!result.text.empty() && result.text.back() == '\n') result.text.pop_back();
  return result;
}

}  // namespace sip2pjsip::testing
