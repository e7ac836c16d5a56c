#include "pjsip/check_model.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "chansip/values.h"
#include "config/document.h"
#include "pjsip/value_type.h"
#include "util/ascii.h"

namespace sip2pjsip::pjsip::checks {

// Names are compared as strcasecmp() does; they never hold a NUL byte (the reader cuts lines
// there), so the comparison needs no copy to terminate them.
const SeenOption* SeenObject::last(std::string_view option) const {
  const SeenOption* found = nullptr;
  for (const auto& candidate : options) {
    if (ascii_iequals(candidate.name, option)) found = &candidate;
  }
  return found;
}

std::string SeenObject::value_of(std::string_view option, std::string_view fallback) const {
  const auto* found = last(option);
  return std::string(found ? found->value : fallback);
}

std::vector<const SeenOption*> SeenObject::all(std::string_view option) const {
  std::vector<const SeenOption*> found;
  for (const auto& candidate : options) {
    if (ascii_iequals(candidate.name, option)) found.push_back(&candidate);
  }
  return found;
}

void Findings::add(const Place& where, Severity severity, std::string message, std::string code,
                   std::string_view option) {
  findings_.push_back(
      Finding{where, severity, std::move(message), std::move(code), std::string(option)});
}

void Findings::report_to(Diagnostics& diagnostics) const {
  auto sorted = findings_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Finding& a, const Finding& b) {
    if (a.where.file_order != b.where.file_order) return a.where.file_order < b.where.file_order;
    return a.where.line < b.where.line;
  });
  for (const auto& finding : sorted) {
    diagnostics.report(std::string(finding.where.file), finding.where.line, finding.severity,
                       finding.message, finding.code);
  }
}

bool Context::loads(const SeenObject& object) const {
  return !dropped_.count(&object) && !dropped_types_.count(object.type);
}

const SeenObject* Context::find(std::string_view type, std::string_view name) const {
  for (const auto& object : objects) {
    if (object.type == type && object.name == name) return &object;
  }
  return nullptr;
}

const SeenObject* Context::find_ignoring_case(std::string_view type, std::string_view name) const {
  for (const auto& object : objects) {
    if (object.type == type && ascii_iequals(object.name, name)) return &object;
  }
  return nullptr;
}

std::string describe(const SeenObject& object) {
  return fmt::format("{} '{}'", object.type, object.name);
}

bool is_set(const SeenObject& object, std::string_view option) {
  const auto* found = object.last(option);
  return found && !found->value.empty();
}

bool is_true(const SeenObject& object, std::string_view option) {
  return chansip::is_true(object.value_of(option));
}

unsigned long unsigned_value(const SeenObject& object, std::string_view option,
                             unsigned long fallback) {
  ValueType number;
  number.kind = ValueKind::unsigned_integer;
  const auto* found = object.last(option);
  if (!found || check_value(number, found->value)) return fallback;
  return std::strtoul(std::string(found->value).c_str(), nullptr, 0);
}

void report_missing(Context& context, const SeenObject& object, std::string_view what) {
  context.findings.add(
      object.where, Severity::error,
      fmt::format("{} has no {}; Asterisk does not load it", describe(object), what),
      "pjsip-missing-option");
  context.drop(object);
}

void report_conflict(Context& context, const SeenObject& object, const Place& where,
                     const std::string& problem, std::string_view option) {
  context.findings.add(where, Severity::error,
                       fmt::format("{}: {}; Asterisk does not load it", describe(object), problem),
                       "pjsip-conflicting-options", std::string(option));
  context.drop(object);
}

std::string describe(const Place& place) {
  if (place.line > 0) return fmt::format("{}:{}", place.file, place.line);
  return std::string(place.file);
}

}  // namespace sip2pjsip::pjsip::checks
