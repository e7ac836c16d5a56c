// Writes the converted files safely: all or nothing, never over an input file, each output
// with the permission bits of the file it came from (they hold passwords), and an existing
// output kept as `<name>.bak`.
#pragma once

#include <sys/types.h>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.h"

namespace sip2pjsip::cli {

inline constexpr uid_t kKeepOwner = static_cast<uid_t>(-1);  // fchown(2): leave as it is
inline constexpr gid_t kKeepGroup = static_cast<gid_t>(-1);

// Takes each piece of a file's text, in order.
using PieceSink = std::function<void(std::string_view)>;

struct PendingFile {
  std::string path;
  std::string content;       // the text, unless `render` is set
  mode_t mode = 0600;        // permission bits to give it
  uid_t owner = kKeepOwner;  // owner and group to give it (when allowed: as root)
  gid_t group = kKeepGroup;
  // When set, gives the text piece by piece as it is written, instead of `content`.
  std::function<void(const PieceSink&)> render;
};

// Writes every file to a temporary name beside it, then renames them into place. On any
// failure the temporaries are removed, nothing is renamed, an error is reported and false
// returned. `inputs` are the files read: an output that is one of them is refused.
bool write_all(const std::vector<PendingFile>& files, const std::vector<std::string>& inputs,
               Diagnostics& diagnostics);

// The permission bits of a file, or 0600 when it cannot be examined.
mode_t permission_bits(const std::string& path);

// A file to write with the permission bits, owner and group of `source` (the file it was made
// from): run as root, the output must stay readable by the user Asterisk runs as. 0600 and
// the writer's own user when `source` cannot be examined.
PendingFile pending_file(std::string path, std::string content, const std::string& source);

}  // namespace sip2pjsip::cli
