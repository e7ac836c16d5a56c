// Helpers for the reader tests: a Document written out field by field, so one string comparison
// checks every section and variable exactly.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "config/document.h"
#include "config/file_system.h"
#include "config/reader.h"
#include "support.h"
#include "util/diagnostics.h"

namespace sip2pjsip::testing {

inline std::string location(const config::Document& document, const config::Location& where) {
  return document.path_of(where) + ":" + std::to_string(where.line);
}

// One line per section, `[name](!) file:line bases=a,b`, then one per variable,
// `  'name' = 'value' file:line inherited` (`=>` for objects, flags only when set).
inline std::string dump(const config::Document& document) {
  std::string out;
  for (const auto& section : document.sections) {
    out += "[" + section.name + "]" + (section.is_template ? "(!)" : "") + " " +
           location(document, section.where);
    for (std::size_t i = 0; i < section.bases.size(); ++i) {
      out += (i == 0 ? " bases=" : ",") + section.bases[i];
    }
    out += "\n";
    for (const auto& variable : section.variables) {
      out += "  '" + std::string(variable.name) + "'" + (variable.object() ? " => '" : " = '") +
             std::string(variable.value) + "' " + location(document, variable.where()) +
             (variable.inherited() ? " inherited" : "") + "\n";
    }
  }
  return out;
}

struct ReadResult {
  config::Document document;
  std::vector<std::string> diagnostics;  // formatted as the CLI prints them
};

// Reads one sip.conf given as text.
inline ReadResult read(const std::string& text) {
  Diagnostics diagnostics;
  auto document = read_text(text, diagnostics);
  return {std::move(document), formatted(diagnostics)};
}

// Reads `main` from the memory file system with these options.
inline ReadResult read(const config::MemoryFileSystem& files,
                       const config::ReaderOptions& options = {},
                       const std::string& main = "sip.conf") {
  Diagnostics diagnostics;
  auto document = config::read_config(main, files, options, diagnostics);
  if (!document) return {config::Document{}, formatted(diagnostics)};
  return {std::move(*document), formatted(diagnostics)};
}

using Strings = std::vector<std::string>;

}  // namespace sip2pjsip::testing
