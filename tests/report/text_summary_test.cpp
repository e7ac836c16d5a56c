// The summary the command line prints after its progress lines.
#include <gtest/gtest.h>

#include <string>

#include "report/report_support.h"
#include "report/text_summary.h"
#include "support.h"

namespace sip2pjsip::testing {
namespace {

const std::string kExamples = std::string(SIP2PJSIP_SOURCE_DIR) + "/examples";

TEST(ReportText, TrunkExampleWithReportFiles) {
  const auto reported = report_text(read_file(kExamples + "/trunk/sip.conf"));
  EXPECT_EQ(report::render_summary(reported.report, {"report.html", "report.json"}),
            "Converted 0 peers, 1 trunk and 1 registration into 8 pjsip objects.\n"
            "9 settings read: 0 approximated, 0 not converted (1 section to check); 0 errors, "
            "1 warning.\n"
            "To do by hand: Change SIP/ to PJSIP/ in the dialplan; Check guest access; Switch "
            "modules.conf from chan_sip to res_pjsip.\n"
            "Full report: report.html, report.json\n");
}

TEST(ReportText, WithoutReportFilesSaysHowToGetOne) {
  const auto reported = report_text(
      "[general]\nallowguest=no\n[a]\ntype=friend\nhost=dynamic\ncall-limit=1\nfoo=bar\n");
  EXPECT_EQ(report::render_summary(reported.report, {}),
            "Converted 1 peer, 0 trunks and 0 registrations into 4 pjsip objects.\n"
            "5 settings read: 1 approximated, 1 not converted (1 section to check); 0 errors, "
            "1 warning.\n"
            "To do by hand: Review 1 approximated and 1 unconverted settings; Change SIP/ to "
            "PJSIP/ in the dialplan; Let 1 registering phone register again; Switch modules.conf "
            "from chan_sip to res_pjsip.\n"
            "For the full report, run again with --report-html FILE or --report-json FILE.\n");
}

// Without report files the command line builds the report without line rows: the summary must
// not change. [b] is defined twice (a finding on its header, not on a row: [b] is to check), [c]
// has no type (skipped, its line not converted).
TEST(ReportText, WithoutLineRowsTheSummaryIsTheSame) {
  const std::string text =
      "[general]\nallowguest=no\n[a]\ntype=friend\nhost=dynamic\ncall-limit=1\nfoo=bar\n"
      "[b]\ntype=friend\nhost=dynamic\n[b]\ntype=friend\ncontext=x\n[c]\nhost=dynamic\n";
  auto rows_off = test_report_options();
  rows_off.line_rows = false;
  rows_off.line_targets = false;
  const auto with_rows = report_text(text);
  const auto without_rows = report_text(text, rows_off);
  const std::string expected =
      "Converted 2 peers, 0 trunks and 0 registrations into 6 pjsip objects.\n"
      "10 settings read: 1 approximated, 2 not converted (3 sections to check); 0 errors, "
      "3 warnings.\n"
      "To do by hand: Review 1 approximated and 2 unconverted settings; Change SIP/ to "
      "PJSIP/ in the dialplan; Let 2 registering phones register again; Switch modules.conf "
      "from chan_sip to res_pjsip.\n"
      "For the full report, run again with --report-html FILE or --report-json FILE.\n";
  EXPECT_EQ(report::render_summary(with_rows.report, {}), expected);
  EXPECT_EQ(report::render_summary(without_rows.report, {}), expected);
  EXPECT_FALSE(section_named(with_rows.report, "a").options.empty());
  EXPECT_TRUE(section_named(without_rows.report, "a").options.empty());
}

}  // namespace
}  // namespace sip2pjsip::testing
