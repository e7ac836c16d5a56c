// The report as one self-contained HTML page for people: a summary with what must be done by
// hand, then every sip.conf section's lines beside the pjsip objects they became. CSS and
// script are inline and the page loads nothing else, so it can be mailed or opened offline.
#pragma once

#include <string>

#include "report/report.h"

namespace sip2pjsip::report {

std::string render_html(const Report& report);

}  // namespace sip2pjsip::report
