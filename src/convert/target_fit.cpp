#include "convert/target_fit.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "pjsip/schema.h"
#include "pjsip/validate.h"

namespace sip2pjsip::convert {

namespace {

// The findings about one option value, judged on its own.
std::vector<pjsip::ValidationFinding> findings_for(const pjsip::Object& object,
                                                   const pjsip::Option& option,
                                                   const pjsip::Schema& schema) {
  pjsip::Object alone{object.name, object.type, object.origin, {option}};
  std::vector<pjsip::ValidationFinding> out;
  for (auto& finding : pjsip::validate(alone, schema)) {
    if (finding.option == option.name && finding.severity == Severity::error) {
      out.push_back(std::move(finding));
    }
  }
  return out;
}

}  // namespace

void fit_to_target(Conversion& conversion, const config::Document& document, int branch,
                   Diagnostics& diagnostics) {
  const auto& schema = pjsip::schema_for(branch);
  // Options written without a sip.conf line (chan_sip defaults) are summarised per option.
  std::map<std::string, std::pair<std::string, int>> defaults_dropped;
  for (auto& object : conversion.config.objects) {
    bool suspicious = false;
    for (const auto& finding : pjsip::validate(object, schema)) {
      if (finding.severity == Severity::error && !finding.option.empty()) suspicious = true;
    }
    if (!suspicious) continue;
    std::vector<pjsip::Option> kept;
    for (auto& option : object.options) {
      const auto findings = findings_for(object, option, schema);
      if (findings.empty()) {
        kept.push_back(std::move(option));
        continue;
      }
      const auto& reason = findings.front().message;
      if (option.sources.empty()) {
        auto& entry = defaults_dropped[object.type + " " + option.name];
        entry.first = reason;
        ++entry.second;
        continue;
      }
      for (const auto& where : option.sources) {
        conversion.ledger.revise(where, Outcome::not_converted,
                                 fmt::format("not written for Asterisk {}: {}", branch, reason),
                                 findings.front().code);
      }
      // Leaving out a deny opens the endpoint wider than chan_sip did: that needs a person.
      const bool opens_access = option.name == "deny" || option.name == "contact_deny";
      diagnostics.report(document.path_of(option.sources.front()), option.sources.front().line,
                         opens_access ? Severity::error : Severity::warning,
                         fmt::format("{}={} not written for Asterisk {}: {}{}", option.name,
                                     option.value, branch, reason,
                                     opens_access ? "; the endpoint now lets in more addresses "
                                                    "than chan_sip did: fix the address"
                                                  : ""),
                         "target-unsupported");
    }
    object.options = std::move(kept);
  }
  for (const auto& [option, entry] : defaults_dropped) {
    diagnostics.report(document.files.front().path, 0, Severity::note,
                       fmt::format("{} not written on {} object(s) for Asterisk {}: {}", option,
                                   entry.second, branch, entry.first),
                       "target-unsupported");
  }
}

}  // namespace sip2pjsip::convert
