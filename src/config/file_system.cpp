#include "config/file_system.h"

#include <fnmatch.h>
#include <glob.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sip2pjsip::config {

namespace {
std::string normalise(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().string();
}
}  // namespace

bool has_glob_magic(const std::string& pattern) {
  return pattern.find_first_of("*?[{") != std::string::npos;
}

std::vector<std::string> expand_braces(const std::string& pattern) {
  const auto open = pattern.find('{');
  if (open == std::string::npos) return {pattern};
  // Find the matching close brace and the top-level commas inside it.
  int depth = 0;
  std::vector<std::size_t> commas;
  std::size_t close = std::string::npos;
  for (std::size_t i = open; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      ++depth;
    } else if (pattern[i] == '}') {
      if (--depth == 0) {
        close = i;
        break;
      }
    } else if (pattern[i] == ',' && depth == 1) {
      commas.push_back(i);
    }
  }
  if (close == std::string::npos) return {pattern};
  std::vector<std::string> out;
  const std::string head = pattern.substr(0, open);
  const std::string tail = pattern.substr(close + 1);
  std::size_t start = open + 1;
  commas.push_back(close);
  for (std::size_t comma : commas) {
    for (auto& expanded : expand_braces(head + pattern.substr(start, comma - start) + tail)) {
      out.push_back(std::move(expanded));
    }
    start = comma + 1;
  }
  return out;
}

std::vector<std::string> DiskFileSystem::expand(const std::string& pattern) const {
  glob_t result{};
  const int rc = glob(pattern.c_str(), GLOB_NOMAGIC | GLOB_BRACE, nullptr, &result);
  std::vector<std::string> paths;
  if (rc == 0) {
    for (std::size_t i = 0; i < result.gl_pathc; ++i) paths.emplace_back(result.gl_pathv[i]);
  }
  globfree(&result);
  return paths;
}

PathKind DiskFileSystem::kind(const std::string& path) const {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return PathKind::missing;
  if (S_ISREG(info.st_mode)) return PathKind::regular;
  if (S_ISDIR(info.st_mode)) return PathKind::directory;
  return PathKind::other;
}

std::optional<std::string> DiskFileSystem::read(const std::string& path,
                                                std::string& error) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  return std::move(content).str();
}

std::string DiskFileSystem::identity(const std::string& path) const {
  std::error_code ec;
  auto canonical = std::filesystem::canonical(path, ec);
  return ec ? normalise(path) : canonical.string();
}

void MemoryFileSystem::add_file(const std::string& path, std::string content) {
  files_[normalise(path)] = std::move(content);
}

void MemoryFileSystem::add_directory(const std::string& path) {
  directories_.insert(normalise(path));
}

void MemoryFileSystem::add_unreadable(const std::string& path) {
  files_[normalise(path)] = "";
  unreadable_.insert(normalise(path));
}

std::vector<std::string> MemoryFileSystem::expand(const std::string& pattern) const {
  if (!has_glob_magic(pattern)) return {pattern};
  std::vector<std::string> matches;
  for (const auto& alternative : expand_braces(pattern)) {
    const std::string wanted = normalise(alternative);
    for (const auto& [path, content] : files_) {
      if (fnmatch(wanted.c_str(), path.c_str(), FNM_PATHNAME | FNM_PERIOD) == 0) {
        matches.push_back(path);
      }
    }
  }
  std::sort(matches.begin(), matches.end());
  return matches;
}

PathKind MemoryFileSystem::kind(const std::string& path) const {
  const auto key = normalise(path);
  if (files_.count(key)) return PathKind::regular;
  if (directories_.count(key)) return PathKind::directory;
  return PathKind::missing;
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path,
                                                  std::string& error) const {
  const auto key = normalise(path);
  if (unreadable_.count(key)) {
    error = "Permission denied";
    return std::nullopt;
  }
  auto it = files_.find(key);
  if (it == files_.end()) {
    error = "No such file or directory";
    return std::nullopt;
  }
  return it->second;
}

std::string MemoryFileSystem::identity(const std::string& path) const { return normalise(path); }

}  // namespace sip2pjsip::config
