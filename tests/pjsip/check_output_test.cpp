// What the command line and the converter get from the checker: the exit code, the JSON
// rendering, validate() for one converted object, and check() of a converted configuration.
#include <gtest/gtest.h>

#include "pjsip/check_helpers.h"
#include "pjsip/findings_json.h"
#include "pjsip/validate.h"

namespace sip2pjsip::testing {
namespace {

TEST(CheckExitCode, ZeroOneTwo) {
  Diagnostics clean;
  EXPECT_EQ(pjsip::check_exit_code(clean), 0);
  Diagnostics notes;
  notes.report("pjsip.conf", 1, Severity::note, "n", "x");
  EXPECT_EQ(pjsip::check_exit_code(notes), 0);
  Diagnostics warnings;
  warnings.report("pjsip.conf", 1, Severity::warning, "w", "x");
  EXPECT_EQ(pjsip::check_exit_code(warnings), 1);
  warnings.report("pjsip.conf", 2, Severity::error, "e", "x");
  EXPECT_EQ(pjsip::check_exit_code(warnings), 2);
}

TEST(CheckJson, ArrayOfFindingsWithKeysInOrder) {
  Diagnostics found;
  found.report("pjsip.conf", 3, Severity::error, "section [a] has no type; Asterisk ignores it",
               "pjsip-missing-type");
  found.report("pjsip.conf", 7, Severity::warning, "say \"hi\"", "pjsip-option-repeated");
  EXPECT_EQ(pjsip::render_findings_json(found),
            "[\n"
            "  {\n"
            "    \"file\": \"pjsip.conf\",\n"
            "    \"line\": 3,\n"
            "    \"severity\": \"error\",\n"
            "    \"code\": \"pjsip-missing-type\",\n"
            "    \"message\": \"section [a] has no type; Asterisk ignores it\"\n"
            "  },\n"
            "  {\n"
            "    \"file\": \"pjsip.conf\",\n"
            "    \"line\": 7,\n"
            "    \"severity\": \"warning\",\n"
            "    \"code\": \"pjsip-option-repeated\",\n"
            "    \"message\": \"say \\\"hi\\\"\"\n"
            "  }\n"
            "]\n");
  EXPECT_EQ(pjsip::render_findings_json(Diagnostics{}), "[]\n");
}

// The objects' values stay in this config's store for the whole test run.
pjsip::Config& objects() {
  static pjsip::Config config;
  return config;
}

pjsip::Object endpoint(std::vector<std::pair<std::string, std::string>> options) {
  auto object = objects().make("6001", "endpoint", std::nullopt);
  for (auto& [name, value] : options) object.set(name, value);
  return object;
}

TEST(CheckValidate, CleanObject) {
  const auto object = endpoint({{"context", "default"}, {"aors", "6001"}, {"webrtc", "yes"}});
  EXPECT_TRUE(pjsip::validate(object, pjsip::schema_for(20)).empty());
}

TEST(CheckValidate, OptionTheTargetBranchLacks) {
  const auto object = endpoint({{"context", "default"}, {"webrtc", "yes"}});
  const auto findings = pjsip::validate(object, pjsip::schema_for(13));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].option, "webrtc");
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_EQ(findings[0].code, "pjsip-option-unavailable");
  EXPECT_EQ(findings[0].message,
            "endpoint '6001': option 'webrtc' does not exist in Asterisk 13 (only in 16, 18, 20, "
            "21, 22); Asterisk does not load this endpoint");
}

TEST(CheckValidate, ValuesAndRequiredOptions) {
  auto auth = objects().make("6001", "auth", std::nullopt);
  auth.set("username", "6001");
  auth.set("auth_type", "md6");
  EXPECT_EQ(pjsip::validation_messages(auth, pjsip::schema_for(20)),
            (Lines{"auth '6001': auth_type 'md6' is not one of userpass, md5, google_oauth, "
                   "digest; Asterisk does not load this auth",
                   "auth '6001' has no password and no md5_cred; Asterisk does not load it"}));
}

TEST(CheckValidate, UnknownType) {
  pjsip::Config config;
  const auto object = config.make("x", "peer", std::nullopt);
  EXPECT_EQ(pjsip::validation_messages(object, pjsip::schema_for(20)),
            Lines{"peer 'x': type 'peer' is not a res_pjsip type; Asterisk ignores the object"});
}

TEST(CheckConverted, FindingsAtTheSipConfLines) {
  config::MemoryFileSystem files;
  files.add_file("sip.conf",
                 "[general]\n"
                 "bindaddr=0.0.0.0\n"
                 "[6001]\n"
                 "type=friend\n"
                 "dtmfmode=rfc2833\n");
  Diagnostics reading;
  const auto source = read_memory(files, reading);
  const auto& section = source.sections.at(1);

  pjsip::Config config;
  auto& aor = config.add("6001", "aor", 1);
  aor.set("max_contacts", "1");
  aor.set("remove_existing", "yes");
  auto& ep = config.add("6001", "endpoint", 1);
  ep.set("aors", "6001");
  ep.set("rewrite_contact", "yes");
  ep.set("dtmf_mode", "rfc2833", {section.variables.at(1).where()});

  Diagnostics found;
  pjsip::check(config, source, 20, found);
  EXPECT_EQ(formatted(found),
            Lines{"sip.conf:5: error: endpoint '6001': dtmf_mode 'rfc2833' is not one of rfc4733, "
                  "inband, none, info, auto, auto_info; Asterisk does not load this endpoint "
                  "[pjsip-invalid-value]"});
}

TEST(CheckConverted, CrossObjectChecksToo) {
  config::MemoryFileSystem files;
  files.add_file("sip.conf", "[6001]\ntype=friend\n");
  Diagnostics reading;
  const auto source = read_memory(files, reading);

  pjsip::Config config;
  config.add("6001", "endpoint", 0).set("aors", "6001").set("rewrite_contact", "yes");
  Diagnostics found;
  pjsip::check(config, source, 20, found);
  EXPECT_EQ(formatted(found),
            Lines{"sip.conf:1: error: endpoint '6001': aors names aor '6001', which is not defined "
                  "[pjsip-dangling-reference]"});
}

}  // namespace
}  // namespace sip2pjsip::testing
