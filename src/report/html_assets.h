// The page's inline style sheet and script (html_assets.cpp).
#pragma once

namespace sip2pjsip::report {

extern const char kReportCss[];
extern const char kReportScript[];

}  // namespace sip2pjsip::report
