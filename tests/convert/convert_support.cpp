#include "convert/convert_support.h"

namespace sip2pjsip::testing {

std::unique_ptr<Converted> convert_text(const std::string& text) {
  auto result = std::make_unique<Converted>();
  result->document = read_text(text, result->diagnostics);
  result->model = chansip::build_model(result->document, result->diagnostics);
  result->conversion = convert::convert(result->document, result->model, result->diagnostics);
  return result;
}

OptionList Converted::options(const std::string& name, const std::string& type) const {
  OptionList out;
  if (const auto* object = conversion.config.find(name, type)) {
    for (const auto& option : object->options()) out.emplace_back(option.name, option.value);
  }
  return out;
}

bool Converted::has(const std::string& name, const std::string& type) const {
  return conversion.config.find(name, type) != nullptr;
}

std::string Converted::value(const std::string& name, const std::string& type,
                             const std::string& option) const {
  if (const auto* object = conversion.config.find(name, type)) {
    if (const auto* found = object->find(option)) return std::string(found->value);
  }
  return "<absent>";
}

std::string Converted::outcome_at(int line) const {
  for (const auto& outcome : conversion.ledger.outcomes()) {
    if (outcome.variable->where().line != line || outcome.variable->where().file != 0) continue;
    if (outcome.outcome == convert::Outcome::mapped) return "mapped";
    return std::string(convert::to_string(outcome.outcome)) + ": " +
           conversion.ledger.detail(outcome);
  }
  return "<none>";
}

}  // namespace sip2pjsip::testing
