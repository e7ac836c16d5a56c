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
  // A finding quotes the file's bytes, which need not be UTF-8: those become U+FFFD instead of
  // making dump() throw.
  return findings_to_json(diagnostics)
             .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace sip2pjsip::pjsip
