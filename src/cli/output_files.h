// Writes the converted files safely: all or nothing, never over an input file, each output
// with the permission bits of the file it came from (they hold passwords), and an existing
// output kept as `<name>.bak`.
#pragma once

#include <sys/types.h>
#include <string>
#include <vector>

#include "util/diagnostics.h"

namespace sip2pjsip::cli {

struct PendingFile {
  std::string path;
  std::string content;
  mode_t mode = 0600;  // permission bits to give it
};

// Writes every file to a temporary name beside it, then renames them into place. On any
// failure the temporaries are removed, nothing is renamed, an error is reported and false
// returned. `inputs` are the files read: an output that is one of them is refused.
bool write_all(const std::vector<PendingFile>& files, const std::vector<std::string>& inputs,
               Diagnostics& diagnostics);

// The permission bits of a file, or 0600 when it cannot be examined.
mode_t permission_bits(const std::string& path);

}  // namespace sip2pjsip::cli
