#include "config/file_system.h"

#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

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

std::size_t count_pattern_names(const std::string& pattern, std::size_t limit) {
  auto add = [limit](std::size_t a, std::size_t b) { return std::min(a + b, limit + 1); };
  auto multiply = [limit](std::size_t a, std::size_t b) {
    return a == 0 || b <= (limit + 1) / a ? std::min(a * b, limit + 1) : limit + 1;
  };
  // One frame per open brace: the names of the alternatives closed so far, and of the current
  // one. Frame 0 is the pattern itself. A brace never closed ends expand_braces' work, so what
  // follows it does not count: frame 0 no longer changes once it is open.
  struct Frame {
    std::size_t closed = 0;
    std::size_t current = 1;
  };
  std::vector<Frame> frames(1);
  for (const char c : pattern) {
    if (c == '{') {
      frames.emplace_back();
    } else if (c == ',' && frames.size() > 1) {
      frames.back().closed = add(frames.back().closed, frames.back().current);
      frames.back().current = 1;
    } else if (c == '}' && frames.size() > 1) {
      const auto names = add(frames.back().closed, frames.back().current);
      frames.pop_back();
      frames.back().current = multiply(frames.back().current, names);
    }
  }
  return frames.front().current;
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

std::optional<std::string> DiskFileSystem::read(const std::string& path, std::string& error) const {
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  auto fail = [&](std::string reason) -> std::optional<std::string> {
    close(fd);
    error = std::move(reason);
    return std::nullopt;
  };
  struct stat info {};
  if (fstat(fd, &info) != 0) return fail(std::strerror(errno));
  if (S_ISDIR(info.st_mode)) return fail(std::strerror(EISDIR));
  if (!S_ISREG(info.st_mode)) return fail("not a regular file");
  std::string content;
  if (info.st_size > 0) {
    content.reserve(std::min(static_cast<std::size_t>(info.st_size), kMaxFileBytes + 1));
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return fail(std::strerror(errno));
    if (got == 0) break;
    content.append(buffer, static_cast<std::size_t>(got));
    // A file that grows while read, or a /proc file, stops here too.
    if (content.size() > kMaxFileBytes) {
      return fail(fmt::format("larger than {} MiB", kMaxFileBytes >> 20));
    }
  }
  close(fd);
  return content;
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

std::string MemoryFileSystem::identity(const std::string& path) const {
  return normalise(path);
}

}  // namespace sip2pjsip::config
