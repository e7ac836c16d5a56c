// Helpers shared by the tests: reading a config from memory, running the real binary.
#pragma once

#include <string>
#include <vector>

#include "config/file_system.h"
#include "config/reader.h"
#include "util/diagnostics.h"

namespace sip2pjsip::testing {

// Every diagnostic formatted as the CLI prints it, `file:line: severity: message [code]`.
std::vector<std::string> formatted(const Diagnostics& diagnostics);

// Reads "sip.conf" from the memory file system (config dir "") and returns the document.
config::Document read_memory(const config::MemoryFileSystem& files, Diagnostics& diagnostics,
                             const std::string& main = "sip.conf");

// Reads a one-file config given as text.
config::Document read_text(const std::string& text, Diagnostics& diagnostics);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  long max_rss_kb = 0;  // the peak memory of the run (getrusage's ru_maxrss)
  double seconds = 0;   // how long it ran
};

// Runs the sip2pjsip binary with these arguments in `directory`, no standard input.
CommandResult run_binary(const std::vector<std::string>& arguments, const std::string& directory);

// A fresh empty directory under the system temp directory, removed by the caller if wanted.
std::string make_temp_dir();

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

}  // namespace sip2pjsip::testing
