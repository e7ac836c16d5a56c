// The account of every sip.conf line the converter read: each option of each converted section
// ends as mapped (with its pjsip target), approximated (with why) or not converted (with why).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/document.h"

namespace sip2pjsip::convert {

enum class Outcome { mapped, approximated, not_converted };

const char* to_string(Outcome outcome);

struct OptionOutcome {
  const config::Variable* variable = nullptr;
  const config::Section* section = nullptr;  // the section the option was read in
  Outcome outcome = Outcome::mapped;
  std::string detail;  // pjsip target ("endpoint 6001 context") or the reason
  std::string code;    // diagnostic code for approximated and not converted outcomes
};

class Ledger {
 public:
  void mapped(const config::Section& section, const config::Variable& variable, std::string target);
  void approximated(const config::Section& section, const config::Variable& variable,
                    std::string reason, std::string code = "sip-approximated");
  void not_converted(const config::Section& section, const config::Variable& variable,
                     std::string reason, std::string code = "sip-not-converted");
  // Changes the outcome of every line read at `where` (a later stage found the value cannot be
  // written after all).
  void revise(const config::Location& where, Outcome outcome, std::string detail, std::string code);
  bool has(const config::Variable& variable) const { return index_.count(&variable) != 0; }

  const std::vector<OptionOutcome>& outcomes() const { return outcomes_; }

 private:
  void record(const config::Section& section, const config::Variable& variable, Outcome outcome,
              std::string detail, std::string code);

  std::vector<OptionOutcome> outcomes_;
  std::map<const config::Variable*, std::size_t> index_;
};

}  // namespace sip2pjsip::convert
