#include "pjsip/validate.h"

#include <fmt/format.h>

#include "pjsip/check_inputs.h"
#include "pjsip/check_model.h"

namespace sip2pjsip::pjsip {

std::vector<ValidationFinding> validate(const Object& object, const Schema& schema) {
  if (auto problem = checks::type_problem(schema, object.type.str())) {
    return {ValidationFinding{"type", Severity::error,
                              fmt::format("{} '{}': type {}; Asterisk ignores the object",
                                          object.type, object.name, *problem),
                              "pjsip-unknown-type"}};
  }
  // The converter validates every object it writes, on every core: each thread reuses one
  // object's room rather than allocating it again.
  thread_local std::vector<checks::SeenObject> objects(1);
  checks::assign_without_places(objects.front(), object);
  checks::Findings findings;
  checks::Context context(schema, objects, findings);
  checks::check_options(context);
  checks::check_object_rules(context);

  std::vector<ValidationFinding> out;
  for (const auto& finding : findings.all()) {
    out.push_back(
        ValidationFinding{finding.option, finding.severity, finding.message, finding.code});
  }
  return out;
}

std::vector<std::string> validation_messages(const Object& object, const Schema& schema) {
  std::vector<std::string> messages;
  for (const auto& finding : validate(object, schema)) messages.push_back(finding.message);
  return messages;
}

}  // namespace sip2pjsip::pjsip
