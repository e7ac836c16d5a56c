// Findings as JSON for `sip2pjsip check --json`: an array of objects with the keys, in order,
// "file", "line", "severity", "code", "message", in the order the findings were reported.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "util/diagnostics.h"

namespace sip2pjsip::pjsip {

nlohmann::ordered_json findings_to_json(const Diagnostics& diagnostics);

// The array, indented by two spaces, with a final newline.
std::string render_findings_json(const Diagnostics& diagnostics);

}  // namespace sip2pjsip::pjsip
