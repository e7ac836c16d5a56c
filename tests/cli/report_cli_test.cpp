// --report-json and --report-html, and the summary printed after the progress lines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_helpers.h"

namespace sip2pjsip::testing {
namespace {

using ::testing::HasSubstr;

TEST(CliReport, WritesBothReportsWithTheInputsPermissions) {
  ScratchDir dir;
  copy_tree(example_dir("trunk"), dir.path());
  std::filesystem::permissions(dir / "sip.conf", std::filesystem::perms(0640));
  const auto result =
      run_binary({"--report-json", "report.json", "--report-html", "report.html"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(read_file(dir / "report.json"));
  EXPECT_EQ(json["asterisk_version"], 20);
  EXPECT_THAT(read_file(dir / "report.html"), HasSubstr("<!DOCTYPE html>"));
  EXPECT_EQ(
      std::filesystem::status(dir / "report.json").permissions() & std::filesystem::perms::all,
      std::filesystem::perms(0640));
  EXPECT_THAT(result.out, HasSubstr("Writing pjsip.conf\n"));
  EXPECT_THAT(result.out, HasSubstr("Full report: report.json, report.html\n"));
}

TEST(CliReport, QuietPrintsNoSummary) {
  ScratchDir dir;
  copy_tree(example_dir("endpoints"), dir.path());
  const auto result = run_binary({"-q", "--report-json", "r.json"}, dir.path());
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
  EXPECT_TRUE(std::filesystem::exists(dir / "r.json"));
}

TEST(CliReport, UnwritableReportIsTwo) {
  ScratchDir dir;
  copy_tree(example_dir("endpoints"), dir.path());
  const auto result = run_binary({"-q", "--report-html", "missing/dir/r.html"}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("missing/dir/r.html: error: cannot write"));
}

}  // namespace
}  // namespace sip2pjsip::testing
