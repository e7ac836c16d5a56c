// Whatever text the rewrite is given, it neither throws nor touches bytes outside the edits it
// reports, and it gives the same result twice.
#include <gtest/gtest.h>

#include <random>

#include "dialplan/dialplan_helpers.h"

namespace sip2pjsip::testing {
namespace {

// Random dialplan-ish text made of the pieces the rules react to.
std::string random_text(std::mt19937& random, bool ael) {
  static const std::vector<std::string> pieces = {"SIP/",
                                                  "sip/",
                                                  "PJSIP/",
                                                  "100",
                                                  "trunk",
                                                  "carrier",
                                                  "@",
                                                  "/",
                                                  "!",
                                                  ":",
                                                  "&",
                                                  ",",
                                                  "(",
                                                  ")",
                                                  "${",
                                                  "}",
                                                  "$[",
                                                  "]",
                                                  "[",
                                                  "\"",
                                                  "\\",
                                                  "\\;",
                                                  ";",
                                                  ";--",
                                                  "--;",
                                                  "=",
                                                  "?",
                                                  " ",
                                                  "\n",
                                                  "exten => 1,1,",
                                                  " same => n,",
                                                  "exten => 2,hint,",
                                                  "[ctx]\n",
                                                  "[globals]\n",
                                                  "X=",
                                                  "Dial(",
                                                  "Queue(",
                                                  "Page(",
                                                  "SIPAddHeader(",
                                                  "SIPRemoveHeader(",
                                                  "SIPDtmfMode(",
                                                  "SIP_HEADER(",
                                                  "SIPPEER(",
                                                  "CHANNEL(",
                                                  "peerip",
                                                  "t38passthrough",
                                                  "channeltype",
                                                  "${SIPCALLID}",
                                                  "IF(",
                                                  "CUT(",
                                                  "DEVICE_STATE(",
                                                  "ExecIf(",
                                                  "ChanSpy(",
                                                  "X-A: 1",
                                                  "#include x.conf\n",
                                                  "//",
                                                  "/*",
                                                  "*/",
                                                  "if (",
                                                  "hint(",
                                                  "context c {",
                                                  "};",
                                                  "{",
                                                  "=>"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 60);
  std::string text = ael ? "context c {\n" : "[internal]\n";
  const int n = length(random);
  for (int i = 0; i < n; ++i) text += pieces[pick(random)];
  return text;
}

TEST(DialplanRobustness, RandomTextNeverBreaksTheRewrite) {
  std::mt19937 random(20260101);
  const auto endpoints = sample_endpoints();
  for (int round = 0; round < 3000; ++round) {
    const bool ael = round % 3 == 0;
    const std::string text = random_text(random, ael);
    RewriteOptions options;
    if (round % 2) options.headers = dialplan::HeaderStrategy::inheritable;
    Diagnostics first_diagnostics;
    Diagnostics second_diagnostics;
    const std::string path = ael ? "x.ael" : "x.conf";
    dialplan::RewriteResult first;
    ASSERT_NO_THROW(
        first = dialplan::rewrite_dialplan(path, text, endpoints, first_diagnostics, options))
        << text;
    const auto second =
        dialplan::rewrite_dialplan(path, text, endpoints, second_diagnostics, options);
    EXPECT_EQ(first.text, second.text) << text;
    // Outside the edits the bytes are the input's.
    std::size_t at = 0;
    for (const auto& edit : first.edits) {
      ASSERT_LE(at, edit.begin) << text;
      ASSERT_LE(edit.end, text.size()) << text;
      at = edit.end;
    }
    for (const auto& finding : first_diagnostics.all()) {
      EXPECT_NE(finding.code, "dialplan-internal") << text << "\n" << format(finding);
    }
  }
}

}  // namespace
}  // namespace sip2pjsip::testing
