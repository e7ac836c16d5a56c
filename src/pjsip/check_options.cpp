// Every option line of every object: does the branch know the option, and does its handler
// take the value? sorcery applies the lines one by one and drops the object at the first line
// that fails, so each failing line is an error whatever comes after it.
#include <algorithm>
#include <cctype>
#include <string_view>

#include <fmt/format.h>

#include "chansip/option_table.h"
#include "pjsip/check_model.h"
#include "util/ascii.h"
#include "util/edit_distance.h"

namespace sip2pjsip::pjsip::checks {

namespace {

std::string branch_list(const std::vector<int>& branches) {
  std::string out;
  for (const int branch : branches) {
    if (!out.empty()) out += ", ";
    out += std::to_string(branch);
  }
  return out;
}

// " (did you mean 'rtp_symmetric'?)" for a near miss of an option of the type, " (a sip.conf
// option)" for a chan_sip leftover, or nothing.
std::string hint(const ObjectTypeSpec& type, std::string_view option) {
  const OptionSpec* closest = nullptr;
  std::size_t best = 3;  // at most two edits away
  for (const auto& candidate : type.options) {
    if (candidate.is_pattern() || candidate.type.kind == ValueKind::type_marker) continue;
    const auto d = edit_distance_below(option, candidate.name, best);
    if (d < best && d * 3 <= option.size()) {
      best = d;
      closest = &candidate;
    }
  }
  if (closest) return fmt::format(" (did you mean '{}'?)", closest->name);
  if (chansip::find_option(option)) return " (a sip.conf option)";
  return "";
}

void report_unknown(Context& context, const SeenObject& object, const SeenOption& option) {
  const auto elsewhere = branches_with(object.type, option.name);
  if (elsewhere.empty()) {
    context.findings.add(
        option.where, Severity::error,
        fmt::format("{}: unknown option '{}'{}; Asterisk does not load this {}", describe(object),
                    option.name, hint(*context.schema.find_type(object.type), option.name),
                    object.type),
        "pjsip-unknown-option", option.name);
    return;
  }
  context.findings.add(
      option.where, Severity::error,
      fmt::format("{}: option '{}' does not exist in Asterisk {} (only in {}); Asterisk does "
                  "not load this {}",
                  describe(object), option.name, context.schema.branch(), branch_list(elsewhere),
                  object.type),
      "pjsip-option-unavailable", option.name);
}

// Returns false when the value makes Asterisk drop the object.
bool report_value(Context& context, const SeenObject& object, const SeenOption& option,
                  const OptionSpec& spec) {
  const auto problem = check_value(spec.type, option.value);
  if (!problem) return true;
  auto message =
      fmt::format("{}: {} '{}' {}", describe(object), option.name, option.value, problem->reason);
  if (problem->severity == Severity::error) {
    message += fmt::format("; Asterisk does not load this {}", object.type);
  }
  context.findings.add(option.where, problem->severity, std::move(message), "pjsip-invalid-value",
                       option.name);
  return problem->severity != Severity::error;
}

// A second line of an option whose handler replaces the value: only the last line counts.
// Overriding a template's value is what templates are for, so only own lines are compared.
// `specs` holds the spec of each option (null: unknown), as check_options() found them.
// `earlier` is room to work in, kept from object to object.
struct Earlier {
  const OptionSpec* spec;
  const SeenOption* option;
};
void report_repeats(Context& context, const SeenObject& object,
                    const std::vector<const OptionSpec*>& specs, std::vector<Earlier>& earlier) {
  // The previous line of each option. An object has a few dozen options, so a flat list beats
  // a map (the converter validates every object it writes). Names equal ignoring case have one
  // spec, so specs are compared; only names a pattern matched are compared themselves.
  earlier.clear();
  for (std::size_t i = 0; i < object.options.size(); ++i) {
    const auto& option = object.options[i];
    const auto* spec = specs[i];
    if (!spec || spec->repeatable || spec->type.kind == ValueKind::type_marker) continue;
    auto found = std::find_if(earlier.begin(), earlier.end(), [&](const Earlier& entry) {
      return entry.spec == spec &&
             (!spec->is_pattern() || ascii_iequals(entry.option->name, option.name));
    });
    if (found == earlier.end()) {
      earlier.push_back({spec, &option});
      continue;
    }
    const auto* previous = found->option;
    if (!previous->inherited && !option.inherited && previous->value != option.value) {
      context.findings.add(option.where, Severity::warning,
                           fmt::format("{}: {} is set again (first at {}); only the last value "
                                       "counts",
                                       describe(object), option.name, describe(previous->where)),
                           "pjsip-option-repeated", option.name);
    }
    found->option = &option;
  }
}

}  // namespace

void check_options(Context& context) {
  std::vector<const OptionSpec*> specs;  // each option's, looked up once for both passes
  std::vector<Earlier> earlier;
  for (const auto& object : context.objects) {
    const auto* type = context.schema.find_type(object.type);
    if (!type) continue;
    bool loads = true;
    specs.clear();
    for (const auto& option : object.options) {
      const auto* spec = specs.emplace_back(type->find(option.name));
      if (!spec) {
        report_unknown(context, object, option);
        loads = false;
        continue;
      }
      loads = report_value(context, object, option, *spec) && loads;
    }
    report_repeats(context, object, specs, earlier);
    if (!loads) context.drop(object);
  }
}

}  // namespace sip2pjsip::pjsip::checks
