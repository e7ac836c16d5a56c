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

}  // namespace
}  // namespace sip2pjsip::testing
