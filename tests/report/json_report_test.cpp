// The JSON report of the seed page's two examples, pinned in golden files that were read and
// checked line by line (tests/data/report/*.json), and the schema's fixed parts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/json_report.h"
#include "report/report_support.h"
#include "support.h"

namespace sip2pjsip::testing {
namespace {

const std::string kData = std::string(SIP2PJSIP_TEST_DATA) + "/report";
const std::string kExamples = std::string(SIP2PJSIP_SOURCE_DIR) + "/examples";

// Set SIP2PJSIP_WRITE_GOLDEN=1 to write the files afresh; then read every line before keeping
// them.
void expect_golden(const std::string& actual, const std::string& name) {
  const auto path = kData + "/" + name;
  if (std::getenv("SIP2PJSIP_WRITE_GOLDEN")) write_file(path, actual);
  EXPECT_EQ(actual, read_file(path)) << "golden file " << path;
}

TEST(ReportJson, EndpointsExample) {
  const auto reported = report_text(read_file(kExamples + "/endpoints/sip.conf"));
  expect_golden(report::render_json(reported.report), "endpoints.json");
}

TEST(ReportJson, TrunkExample) {
  const auto reported = report_text(read_file(kExamples + "/trunk/sip.conf"));
  expect_golden(report::render_json(reported.report), "trunk.json");
}

TEST(ReportJson, TemplatesMergedPeersIncludesAndFindings) {
  config::MemoryFileSystem files;
  files.add_file("sip.conf",
                 "[general]\n"              // 1
                 "allowguest=no\n"          // 2
                 "[phone](!)\n"             // 3
                 "type=friend\n"            // 4
                 "nonsense=1\n"             // 5
                 "#include peers.conf\n");  // 6
  files.add_file("peers.conf",
                 "[a](phone)\n"     // 1
                 "host=dynamic\n"   // 2
                 "[a]\n"            // 3
                 "type=friend\n");  // 4
  const auto reported = report_files(files);
  const auto json = report::to_json(reported.report);

  EXPECT_EQ(json["files"][1]["path"], "peers.conf");
  EXPECT_EQ(json["files"][1]["output"], "pjsip_peers.conf");
  EXPECT_EQ(json["files"][1]["included_by"],
            nlohmann::ordered_json({{"file", 0}, {"line", 6}, {"directive", "include"}}));

  const auto& phone = json["sections"][1];
  EXPECT_EQ(phone["kind"], "template");
  EXPECT_EQ(phone["used_by"], nlohmann::ordered_json({2}))
      << "[a](phone); the second [a] has no base";
  EXPECT_EQ(phone["options"][1]["outcome"], "template");
  EXPECT_FALSE(phone["options"][1].contains("reason"));

  const auto& a = json["sections"][2];
  EXPECT_EQ(a["file"], 1);
  EXPECT_EQ(a["line"], 1);
  EXPECT_EQ(a["options"][1]["name"], "nonsense");
  EXPECT_EQ(a["options"][1]["inherited"], true);
  EXPECT_EQ(a["options"][1]["file"], 0) << "where the line is written: the template";
  EXPECT_EQ(a["options"][1]["outcome"], "not_converted");
  EXPECT_EQ(a["options"][1]["code"], "sip-unknown-option");
  EXPECT_FALSE(a["options"][1].contains("target"));

  const auto& again = json["sections"][3];
  EXPECT_EQ(again["merged_into"], 2);
  EXPECT_EQ(again["objects"], nlohmann::ordered_json::array());
  EXPECT_EQ(again["options"][0]["outcome"], "mapped");

  // The unknown option is reported once, at the template's line, and belongs to the template.
  bool found = false;
  for (const auto& diagnostic : json["diagnostics"]) {
    if (diagnostic["code"] != "sip-unknown-option") continue;
    found = true;
    EXPECT_EQ(diagnostic["line"], 5);
    EXPECT_EQ(diagnostic["section"], 1);
  }
  EXPECT_TRUE(found);
}

TEST(ReportJson, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  const auto reported =
      report_text("[general]\nallowguest=no\n[a]\ntype=friend\ncallerid=Jos\xe9 <1>\n");
  const auto text = report::render_json(reported.report);
  EXPECT_NE(text.find("\"Jos\xef\xbf\xbd <1>\""), std::string::npos);
}

TEST(ReportJson, FindingsReportedAfterTheReportWasBuiltAreLeftOut) {
  auto reported = report_text("[general]\nallowguest=no\n");
  const auto before = reported.converted->diagnostics.all().size();
  reported.converted->diagnostics.report("report.json", 0, Severity::error, "cannot write",
                                         "output-write");
  const auto json = report::to_json(reported.report);
  EXPECT_EQ(json["diagnostics"].size(), before);
}

TEST(ReportJson, SchemaHeader) {
  auto options = test_report_options();
  options.asterisk_version = 22;
  const auto json = report::to_json(report_text("[general]\n", options).report);
  EXPECT_EQ(json["schema"], "sip2pjsip-report");
  EXPECT_EQ(json["version"], report::kJsonSchemaVersion);
  EXPECT_EQ(json["asterisk_version"], 22);
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"schema", "version", "generator", "asterisk_version",
                                            "files", "summary", "manual_steps", "sections",
                                            "other_objects", "diagnostics"}));
}

}  // namespace
}  // namespace sip2pjsip::testing
