// What a person must still do by hand after converting: the dialplan, phones registering again,
// guest access, http.conf for WebSocket peers, modules.conf; each step only when this
// configuration needs it.
#pragma once

#include <vector>

#include "report/report.h"

namespace sip2pjsip::report {

// Needs the report's sections and counts filled in.
std::vector<ManualStep> manual_steps(const Report& report, const ReportInput& input);

}  // namespace sip2pjsip::report
