// Where the rewritten dialplan goes: prefixed copies beside the output (like the converted
// pjsip includes), or the files themselves (in place).
#pragma once

#include <string>
#include <vector>

#include "dialplan/rewriter.h"

namespace sip2pjsip::dialplan {

enum class OutputMode {
  // The main file's rewrite goes to `output_path`; every included file's to prefix + its base
  // name beside it (`_2`, `_3`, ... for a base name taken), and the #include lines name the
  // rewritten copies. Every file is written, changed or not, so the copies include each other.
  prefixed,
  // Each changed file is rewritten where it is (the caller keeps a backup); #include lines stay.
  in_place,
};

struct OutputOptions {
  OutputMode mode = OutputMode::prefixed;
  std::string output_path;  // prefixed: where the main file's rewrite goes
  std::string prefix = "pjsip_";
};

struct DialplanOutput {
  std::size_t source = 0;  // index in DialplanTree::files
  std::string path;        // where to write
  std::string content;
  bool changed = false;          // differs from the file it comes from
  bool replaces_source = false;  // in_place: `path` is the input file itself
};

std::vector<DialplanOutput> plan_outputs(const DialplanTree& tree, const OutputOptions& options);

}  // namespace sip2pjsip::dialplan
