#include "report/text_summary.h"

#include <fmt/format.h>

namespace sip2pjsip::report {

namespace {

// "1 trunk", "2 trunks".
std::string counted(std::size_t count, const char* singular, const char* plural) {
  return fmt::format("{} {}", count, count == 1 ? singular : plural);
}

}  // namespace

std::string render_summary(const Report& report, const std::vector<std::string>& report_paths) {
  const auto& c = report.counts;
  std::string out =
      fmt::format("Converted {}, {} and {} into {}.\n", counted(c.peers, "peer", "peers"),
                  counted(c.trunks, "trunk", "trunks"),
                  counted(c.registrations, "registration", "registrations"),
                  counted(c.objects, "pjsip object", "pjsip objects"));
  out +=
      fmt::format("{} read: {} approximated, {} not converted ({} to check); {}, {}.\n",
                  counted(c.options, "setting", "settings"), c.approximated, c.not_converted,
                  counted(c.attention_sections, "section", "sections"),
                  counted(c.errors, "error", "errors"), counted(c.warnings, "warning", "warnings"));
  if (!report.manual_steps.empty()) {
    std::string titles;
    for (const auto& step : report.manual_steps) {
      titles += (titles.empty() ? "" : "; ") + step.title;
    }
    out += "To do by hand: " + titles + ".\n";
  }
  if (report_paths.empty()) {
    out += "For the full report, run again with --report-html FILE or --report-json FILE.\n";
  } else {
    std::string paths;
    for (const auto& path : report_paths) paths += (paths.empty() ? "" : ", ") + path;
    out += "Full report: " + paths + "\n";
  }
  return out;
}

}  // namespace sip2pjsip::report
