// The few lines the command line prints after its progress lines: what was converted, what
// needs a person, and where the full report is.
#pragma once

#include <string>
#include <vector>

#include "report/report.h"

namespace sip2pjsip::report {

// `report_paths`: the report files written (HTML, JSON); none makes the last line say how to
// get one. Every line ends with a newline.
std::string render_summary(const Report& report, const std::vector<std::string>& report_paths);

}  // namespace sip2pjsip::report
