#include "convert/ledger.h"

namespace sip2pjsip::convert {

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::mapped:
      return "mapped";
    case Outcome::approximated:
      return "approximated";
    case Outcome::not_converted:
      return "not_converted";
  }
  return "not_converted";
}

void Ledger::mapped(const config::Section& section, const config::Variable& variable,
                    std::string target) {
  record(section, variable, Outcome::mapped, std::move(target), "");
}

void Ledger::approximated(const config::Section& section, const config::Variable& variable,
                          std::string reason, std::string code) {
  record(section, variable, Outcome::approximated, std::move(reason), std::move(code));
}

void Ledger::not_converted(const config::Section& section, const config::Variable& variable,
                           std::string reason, std::string code) {
  record(section, variable, Outcome::not_converted, std::move(reason), std::move(code));
}

void Ledger::revise(const config::Location& where, Outcome outcome, std::string detail,
                    std::string code) {
  for (auto& entry : outcomes_) {
    const auto& at = entry.variable->where;
    if (at.file != where.file || at.line != where.line) continue;
    entry.outcome = outcome;
    entry.detail = detail;
    entry.code = code;
  }
}

// An option keeps its first outcome: a rule that maps it must not be undone by the catch-all
// that accounts for the rest.
void Ledger::record(const config::Section& section, const config::Variable& variable,
                    Outcome outcome, std::string detail, std::string code) {
  if (has(variable)) return;
  index_.emplace(&variable, outcomes_.size());
  outcomes_.push_back(
      OptionOutcome{&variable, &section, outcome, std::move(detail), std::move(code)});
}

}  // namespace sip2pjsip::convert
