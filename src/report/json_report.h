// The report as one JSON document for programs; the schema is docs/report-schema.md.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace sip2pjsip::report {

// Raised whenever a field changes meaning or is removed; adding a field keeps the version.
inline constexpr int kJsonSchemaVersion = 1;

// Keys stay in the order the schema lists them, so the file reads well and diffs stay small.
nlohmann::ordered_json to_json(const Report& report);

// to_json() indented by two spaces, with a final newline.
std::string render_json(const Report& report);

}  // namespace sip2pjsip::report
