// check_options() remembers, per thread, the spec of each option name by the address of the
// name, and the values each value type accepted: neither may change a verdict.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pjsip/check_model.h"
#include "pjsip/schema.h"

namespace sip2pjsip::pjsip::checks {
namespace {

std::vector<std::string> codes_of(const std::vector<SeenObject>& objects) {
  Findings findings;
  Context context(schema_for(20), objects, findings);
  check_options(context);
  std::vector<std::string> codes;
  for (const auto& finding : findings.all()) codes.push_back(finding.option + " " + finding.code);
  return codes;
}

SeenObject endpoint(std::string_view name, std::string_view value) {
  return SeenObject{"endpoint", "e", Place{}, {SeenOption{name, value, Place{}, false}}};
}

TEST(CheckOptionsMemo, TheSpecFollowsTheNameNotItsAddress) {
  std::string name = "webrtc";
  EXPECT_EQ(codes_of({endpoint(name, "yes")}), std::vector<std::string>{});
  name.replace(0, name.size(), "webrtx");  // the same buffer, another (unknown) name
  EXPECT_EQ(codes_of({endpoint(name, "yes")}),
            std::vector<std::string>{"webrtx pjsip-unknown-option"});
}

TEST(CheckOptionsMemo, AValueOneTypeAcceptedIsStillCheckedForAnother) {
  EXPECT_EQ(codes_of({endpoint("webrtc", "yes")}), std::vector<std::string>{});
  // "yes" is a fine boolean, not an unsigned number.
  EXPECT_EQ(codes_of({endpoint("rtp_timeout", "yes")}),
            std::vector<std::string>{"rtp_timeout pjsip-invalid-value"});
  EXPECT_EQ(codes_of({endpoint("rtp_timeout", "yes")}),
            std::vector<std::string>{"rtp_timeout pjsip-invalid-value"});
}

}  // namespace
}  // namespace sip2pjsip::pjsip::checks
