// The reader's only window on files, so tests can feed includes, globs, missing files and
// loops from memory without touching the disk.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sip2pjsip::config {

enum class PathKind { missing, regular, directory, other };

// DiskFileSystem::read refuses a file larger than this (a sip.conf is a few MiB at most).
inline constexpr std::size_t kMaxFileBytes = std::size_t{256} << 20;

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Expands a pattern as glob(3) with GLOB_NOMAGIC | GLOB_BRACE does for Asterisk: a pattern
  // without wildcards comes back as itself, whether or not the file exists; a pattern with
  // wildcards that matches nothing comes back empty. Results are sorted.
  virtual std::vector<std::string> expand(const std::string& pattern) const = 0;
  virtual PathKind kind(const std::string& path) const = 0;
  // The whole content, or nothing with `error` set to the reason. The disk refuses what is not
  // a regular file (a FIFO or a device may never end) and files over kMaxFileBytes.
  virtual std::optional<std::string> read(const std::string& path, std::string& error) const = 0;
  // A name that is equal for two paths of the same file (used to detect include cycles).
  virtual std::string identity(const std::string& path) const = 0;
};

// The real disk.
class DiskFileSystem final : public FileSystem {
 public:
  std::vector<std::string> expand(const std::string& pattern) const override;
  PathKind kind(const std::string& path) const override;
  std::optional<std::string> read(const std::string& path, std::string& error) const override;
  std::string identity(const std::string& path) const override;
};

// Files held in memory; paths are compared after lexical normalisation.
class MemoryFileSystem final : public FileSystem {
 public:
  void add_file(const std::string& path, std::string content);
  void add_directory(const std::string& path);
  void add_unreadable(const std::string& path);

  std::vector<std::string> expand(const std::string& pattern) const override;
  PathKind kind(const std::string& path) const override;
  std::optional<std::string> read(const std::string& path, std::string& error) const override;
  std::string identity(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
  std::set<std::string> directories_;
  std::set<std::string> unreadable_;
};

// True when the pattern holds a glob wildcard or brace group.
bool has_glob_magic(const std::string& pattern);
// Brace expansion as GLOB_BRACE does it: "a{b,c}d" -> "abd", "acd".
std::vector<std::string> expand_braces(const std::string& pattern);
// How many names expand_braces(pattern) gives, counted without making them (in one pass, so a
// line of `{a,b}` groups costs its length, not 2^groups). A count above `limit` is limit + 1.
std::size_t count_pattern_names(const std::string& pattern, std::size_t limit);

}  // namespace sip2pjsip::config
