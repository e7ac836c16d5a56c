// Reads an Asterisk .conf file with its includes into a Document, following the grammar of
// main/config.c (process_text_line, config_text_file_load) construct by construct, and reports
// every malformed line with its file and line.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "config/document.h"
#include "config/file_system.h"
#include "util/diagnostics.h"

namespace sip2pjsip::config {

// Runs an #exec command and returns what it printed, or nothing with `error` set.
using ExecRunner = std::function<std::optional<std::string>(const std::string& command,
                                                            std::string& error)>;

// Runs the command with /bin/sh, as Asterisk's #exec does.
std::optional<std::string> run_with_shell(const std::string& command, std::string& error);

struct ReaderOptions {
  std::string config_dir;  // where relative #include names resolve (Asterisk's astetcdir)
  bool allow_exec = false;
  ExecRunner exec_runner = run_with_shell;
};

// Limits main/config.c applies.
inline constexpr int kMaxIncludeDepth = 10;     // MAX_INCLUDE_LEVEL
inline constexpr std::size_t kMaxLineBytes = 8190;  // longer lines do not fit its 8 KiB buffer
inline constexpr std::size_t kMaxSectionNameBytes = 79;  // ast_category.name is char[80]

// Reads `path` (the main file). Returns nothing, with an error reported, when the main file
// cannot be read at all; otherwise the document, with every problem reported on the way.
std::optional<Document> read_config(const std::string& path, const FileSystem& files,
                                    const ReaderOptions& options, Diagnostics& diagnostics);

}  // namespace sip2pjsip::config
