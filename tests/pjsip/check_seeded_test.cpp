// One pjsip.conf with one finding of each kind. Every line that must draw a finding carries a
// comment ";@<severity> <code>"; the test expects exactly those findings at exactly those lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "pjsip/check_helpers.h"

namespace sip2pjsip::testing {
namespace {

const char* const kSeeded = R"([global]
type=global
[global2]                    ;@error pjsip-singleton-repeated
type=global

[transport-udp]
type=transport
bind=0.0.0.0
[transport-udp-again]
type=transport
bind=0.0.0.0:5060            ;@error pjsip-transport-conflict
[tcp-a]
type=transport
protocol=tcp
bind=192.0.2.1
[tcp-b]                      ;@warning pjsip-transport-shadowed
type=transport
protocol=tcp
bind=198.51.100.1

[no-type]                    ;@error pjsip-missing-type
context=default
[typo]
type=endpiont                ;@error pjsip-unknown-type
[alias](!)
type=domain_alias
[example.com](alias)
type=acl                     ;@warning pjsip-type-repeated
domain=example.org
[dup]
type=domain_alias
domain=a.example
[dup]                        ;@error pjsip-duplicate-name
type=domain_alias
domain=b.example

[6001]
type=aor
max_contacts=1               ;@warning pjsip-max-contacts-no-remove
[6001]
type=endpoint
aors=6001
rewrite_contact=no           ;@warning pjsip-rewrite-contact-off
auth=6001-auth               ;@error pjsip-dangling-reference
nat=yes                      ;@error pjsip-unknown-option

[6002]
type=aor
contact=sip:6002@192.0.2.20
[6002]
type=endpoint
aors=6002
dtmf_mode=rfc2833            ;@error pjsip-invalid-value
direct_media=nope            ;@warning pjsip-invalid-value
context=a
context=b                    ;@warning pjsip-option-repeated
timers_min_se=60             ;@error pjsip-conflicting-options

[trunk]
type=registration
server_uri=sip:provider.example
client_uri=sip:me@provider.example
user_agent=PBX               ;@error pjsip-option-unavailable
[ident]                      ;@error pjsip-missing-option
type=identify
match=192.0.2.30
[6002-auth]                  ;@error pjsip-auth-no-password
type=auth
username=6002
[lonely]                     ;@error pjsip-aor-unreachable
type=aor
[inbound-only]               ;@warning pjsip-endpoint-no-aors
type=endpoint
)";

// "<line> <severity> <code>" for every marker, in line order.
Lines expected_findings(const std::string& text) {
  Lines expected;
  std::istringstream in(text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const auto marker = line.find(";@");
    if (marker != std::string::npos) {
      expected.push_back(std::to_string(number) + " " + line.substr(marker + 2));
    }
  }
  return expected;
}

TEST(CheckSeeded, EveryKindOfFindingAtItsLine) {
  config::MemoryFileSystem files;
  files.add_file("pjsip.conf", kSeeded);
  Diagnostics reading;
  const auto document = read_memory(files, reading, "pjsip.conf");
  ASSERT_EQ(formatted(reading), Lines{});

  Diagnostics found;
  pjsip::check(document, 20, found);
  Lines actual;
  for (const auto& d : found.all()) {
    EXPECT_EQ(d.file, "pjsip.conf");
    actual.push_back(std::to_string(d.line) + " " + to_string(d.severity) + " " + d.code);
  }
  EXPECT_EQ(actual, expected_findings(kSeeded)) << ::testing::PrintToString(formatted(found));
  EXPECT_EQ(pjsip::check_exit_code(found), 2);
}

TEST(CheckSeeded, EveryCodeIsSeeded) {
  // The codes documented in src/pjsip/checker.cpp; a new one needs a line in kSeeded.
  const Lines codes = {
      "pjsip-missing-type",       "pjsip-unknown-type",       "pjsip-type-repeated",
      "pjsip-unknown-option",     "pjsip-option-unavailable", "pjsip-invalid-value",
      "pjsip-option-repeated",    "pjsip-missing-option",     "pjsip-conflicting-options",
      "pjsip-auth-no-password",   "pjsip-duplicate-name",     "pjsip-singleton-repeated",
      "pjsip-transport-conflict", "pjsip-transport-shadowed", "pjsip-dangling-reference",
      "pjsip-aor-unreachable",    "pjsip-endpoint-no-aors",   "pjsip-max-contacts-no-remove",
      "pjsip-rewrite-contact-off"};
  const auto expected = expected_findings(kSeeded);
  for (const auto& code : codes) {
    const bool seeded = std::any_of(expected.begin(), expected.end(), [&](const std::string& e) {
      return e.size() >= code.size() && e.compare(e.size() - code.size(), code.size(), code) == 0;
    });
    EXPECT_TRUE(seeded) << code;
  }
}

}  // namespace
}  // namespace sip2pjsip::testing
