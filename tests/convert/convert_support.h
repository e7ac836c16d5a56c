// Runs the whole conversion on a sip.conf given as text, for the rule tests.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "chansip/model.h"
#include "config/document.h"
#include "convert/converter.h"
#include "support.h"

namespace sip2pjsip::testing {

using OptionList = std::vector<std::pair<std::string, std::string>>;

struct Converted {
  Diagnostics diagnostics;
  config::Document document;
  chansip::Model model;
  convert::Conversion conversion;

  // Every option of the object, in order, without its type line; empty when it does not exist.
  OptionList options(const std::string& name, const std::string& type) const;
  bool has(const std::string& name, const std::string& type) const;
  // The value of one option (the first line of it), or "<absent>".
  std::string value(const std::string& name, const std::string& type,
                    const std::string& option) const;
  // The outcome recorded for the option on this line: "mapped", "approximated: reason", ...
  std::string outcome_at(int line) const;
  std::vector<std::string> messages() const { return formatted(diagnostics); }
};

// Converts the text. Converted holds pointers into itself, so it is returned on the heap.
std::unique_ptr<Converted> convert_text(const std::string& text);

}  // namespace sip2pjsip::testing
