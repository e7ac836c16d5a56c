#include "pjsip/findings_json.h"

namespace sip2pjsip::pjsip {

nlohmann::ordered_json findings_to_json(const Diagnostics& diagnostics) {
  auto findings = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics.all()) {
    findings.push_back({{"file", d.file},
                        {"line", d.line},
                        {"severity", to_string(d.severity)},
                        {"code", d.code},
                        {"message", d.message}});
  }
  return findings;
}

std::string render_findings_json(const Diagnostics& diagnostics) {
  return findings_to_json(diagnostics).dump(2) + "\n";
}

}  // namespace sip2pjsip::pjsip
