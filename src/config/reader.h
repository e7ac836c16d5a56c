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
using ExecRunner =
    std::function<std::optional<std::string>(const std::string& command, std::string& error)>;

// Runs the command with /bin/sh, as Asterisk's #exec does.
std::optional<std::string> run_with_shell(const std::string& command, std::string& error);

// Limits main/config.c applies.
inline constexpr int kMaxIncludeDepth = 10;              // MAX_INCLUDE_LEVEL
inline constexpr std::size_t kMaxLineBytes = 8190;       // longer lines do not fit its 8 KiB buffer
inline constexpr std::size_t kMaxSectionNameBytes = 79;  // ast_category.name is char[80]

// Limits of this reader, so that no input makes it run out of memory or time where Asterisk
// would (it has none of them; a real sip.conf stays far below each). Past one of the first
// five, reading stops with a `config-too-large` error and no document.
// The bytes of every file read (a file read again counts again, and so does #exec output).
inline constexpr std::size_t kMaxInputBytes = std::size_t{1} << 30;
// Files read; a file included again counts again.
inline constexpr std::size_t kMaxFileLoads = 20000;
// What the document keeps: sections and settings, with the copies templates make of theirs.
// A hosting provider's million templated peers keep about 13 bytes per byte read, so the
// limit grows with the input: 256 MiB, or 32 bytes per byte read when that is more.
inline constexpr std::size_t kMaxStoredBytes = std::size_t{256} << 20;
inline constexpr std::size_t kMaxStoredBytesPerInputByte = 32;
// A value grown by `+=`.
inline constexpr std::size_t kMaxValueBytes = std::size_t{64} << 10;
// Settings and sections compared while looking for the target of a `+=` or a `(+)` filter.
inline constexpr std::size_t kMaxLookupSteps = 50'000'000;
// Names one `{a,b}` include pattern may expand to; a longer pattern loads nothing.
inline constexpr std::size_t kMaxPatternNames = 1000;
// Findings of one code the reader lists; the rest are counted in one last finding.
inline constexpr std::size_t kMaxFindingsPerCode = 1000;

// The limits above, for one read (tests and the fuzz targets make them smaller).
struct ReaderLimits {
  std::size_t input_bytes = kMaxInputBytes;
  std::size_t file_loads = kMaxFileLoads;
  std::size_t stored_bytes = kMaxStoredBytes;
  std::size_t stored_bytes_per_input_byte = kMaxStoredBytesPerInputByte;
  std::size_t value_bytes = kMaxValueBytes;
  std::size_t lookup_steps = kMaxLookupSteps;
};

struct ReaderOptions {
  std::string config_dir;  // where relative #include names resolve (Asterisk's astetcdir)
  bool allow_exec = false;
  ExecRunner exec_runner = run_with_shell;
  ReaderLimits limits;
};

// Reads `path` (the main file). Returns nothing, with an error reported, when the main file
// cannot be read at all (`input-unreadable`: missing, a directory, not a regular file) or the
// configuration exceeds a limit above (`config-too-large`); otherwise the document, with every
// problem reported on the way.
std::optional<Document> read_config(const std::string& path, const FileSystem& files,
                                    const ReaderOptions& options, Diagnostics& diagnostics);

}  // namespace sip2pjsip::config
