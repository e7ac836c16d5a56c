// Options that name other objects (endpoint aors, auth, outbound_auth, transport; identify
// endpoint; registration outbound_auth, transport, endpoint; ...). Asterisk looks the names up
// only when it uses them, so a name that points nowhere loads fine and fails later: calls and
// registrations of the endpoint, the challenge answer of the registration. The option types
// come from the schema (ValueKind::reference, reference_list).
#include <fmt/format.h>

#include "chansip/values.h"
#include "pjsip/check_model.h"

namespace sip2pjsip::pjsip::checks {

namespace {

std::vector<std::string> names_in(const OptionSpec& spec, std::string_view value) {
  if (spec.type.kind == ValueKind::reference_list) return chansip::split_list(std::string(value));
  if (value.empty()) return {};
  return {std::string(value)};
}

// registration transport: ast_sip_set_tpselector_from_transport_name() logs the missing
// transport and the registration goes out on whatever transport pjsip picks.
bool falls_back(const SeenObject& object, const OptionSpec& spec) {
  return object.type == "registration" && spec.name == "transport";
}

void check_name(Context& context, const SeenObject& object, const SeenOption& option,
                const OptionSpec& spec, const std::string& name) {
  const auto& target_type = spec.type.target;
  const auto* target = context.find(target_type, name);
  if (target && context.loads(*target)) return;
  auto message =
      fmt::format("{}: {} names {} '{}', ", describe(object), option.name, target_type, name);
  if (target) {
    message += fmt::format("which Asterisk does not load (see {})", describe(target->where));
  } else if (const auto* other = context.find_ignoring_case(target_type, name)) {
    message += fmt::format("which is not defined (there is {} '{}'; names are case-sensitive)",
                           target_type, other->name);
  } else {
    message += "which is not defined";
  }
  const auto severity = falls_back(object, spec) ? Severity::warning : Severity::error;
  if (severity == Severity::warning) message += "; Asterisk lets pjsip choose the transport";
  context.findings.add(option.where, severity, std::move(message), "pjsip-dangling-reference",
                       option.name);
}

}  // namespace

void check_references(Context& context) {
  for (const auto& object : context.objects) {
    const auto* type = context.schema.find_type(object.type);
    if (!type) continue;
    for (const auto& spec : type->options) {
      if (spec.type.kind != ValueKind::reference && spec.type.kind != ValueKind::reference_list) {
        continue;
      }
      const auto* option = object.last(spec.name);  // the handler keeps the last line only
      if (!option) continue;
      for (const auto& name : names_in(spec, option->value)) {
        check_name(context, object, *option, spec, name);
      }
    }
  }
}

}  // namespace sip2pjsip::pjsip::checks
