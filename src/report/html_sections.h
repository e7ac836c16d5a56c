// One sip.conf section of the HTML page: its lines, each with what became of it, beside the
// pjsip objects it was converted into.
#pragma once

#include <string>

#include "report/report.h"

namespace sip2pjsip::report {

void append_section(std::string& out, const Report& report, const SectionEntry& entry);

// `file:line: severity: message [code]` as an <li>, with the severity as its class.
void append_finding(std::string& out, const Diagnostic& diagnostic);

}  // namespace sip2pjsip::report
