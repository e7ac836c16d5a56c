// What the subcommands share: printing diagnostics, and where relative includes resolve.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "util/diagnostics.h"

namespace sip2pjsip::cli {

inline void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  for (const auto& diagnostic : diagnostics.all()) err << format(diagnostic) << '\n';
}

// --config-dir when given, else the directory of the input file (Asterisk resolves relative
// #include names against its configuration directory, not the working directory).
inline std::string config_dir_for(const std::string& input, const std::string& config_dir) {
  return config_dir.empty() ? std::filesystem::path(input).parent_path().string() : config_dir;
}

}  // namespace sip2pjsip::cli
