// Helpers of the pjsip checker tests: check a pjsip.conf given as text and get the findings as
// the command line prints them.
#pragma once

#include <string>
#include <vector>

#include "config/file_system.h"
#include "pjsip/checker.h"
#include "support.h"

namespace sip2pjsip::testing {

using Lines = std::vector<std::string>;

// Reads `text` as "pjsip.conf" and checks it against `branch`.
inline Lines check_text(const std::string& text, int branch = 20) {
  config::MemoryFileSystem files;
  files.add_file("pjsip.conf", text);
  Diagnostics reading;
  const auto document = read_memory(files, reading, "pjsip.conf");
  Diagnostics found;
  pjsip::check(document, branch, found);
  return formatted(found);
}

}  // namespace sip2pjsip::testing
