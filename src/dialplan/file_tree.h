// Finds the files of a dialplan the way Asterisk reads them: config::read_config for .conf files
// (#include, #tryinclude, globs, cycles), AEL's own `#include "file"` for extensions.ael.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/file_system.h"
#include "dialplan/rewriter.h"
#include "util/diagnostics.h"

namespace sip2pjsip::dialplan {

// The files, read but not rewritten; nothing when the main file cannot be read (reported).
std::optional<DialplanTree> read_dialplan_tree(const std::string& main_path,
                                               const config::FileSystem& files,
                                               const TreeOptions& options,
                                               Diagnostics& diagnostics);

// The #include, #tryinclude and #exec lines of a .conf file (comments respected).
std::vector<IncludeLine> conf_includes(const std::string& raw);

}  // namespace sip2pjsip::dialplan
