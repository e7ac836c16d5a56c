// Helpers for the end-to-end tests: a scratch directory removed after the test, copying the
// bundled examples into it, listing what the binary wrote, and reading back pjsip objects.
#pragma once

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "support.h"

namespace sip2pjsip::testing {

// A fresh directory under the system temp directory, removed with everything in it at the end.
class ScratchDir {
 public:
  ScratchDir() : path_(make_temp_dir()) {}
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The folder of a bundled example, examples/<name> in the source tree.
inline std::string example_dir(const std::string& name) {
  return std::string(SIP2PJSIP_SOURCE_DIR) + "/examples/" + name;
}

// Copies a directory tree (files and folders; symlinks as symlinks) into `to`.
inline void copy_tree(const std::string& from, const std::string& to) {
  std::filesystem::create_directories(to);
  std::filesystem::copy(
      from, to,
      std::filesystem::copy_options::recursive | std::filesystem::copy_options::copy_symlinks);
}

// Every file below `directory` (not folders), as paths relative to it, sorted.
inline std::vector<std::string> files_in(const std::string& directory) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
    if (entry.is_directory()) continue;
    out.push_back(std::filesystem::path(entry.path()).lexically_relative(directory).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every file below `directory` with its bytes, to tell whether anything changed.
inline std::map<std::string, std::string> snapshot(const std::string& directory) {
  std::map<std::string, std::string> out;
  for (const auto& name : files_in(directory)) out[name] = read_file(directory + "/" + name);
  return out;
}

inline unsigned permissions_of(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return 0;
  return info.st_mode & 07777;
}

inline void set_permissions(const std::string& path, unsigned mode) {
  std::filesystem::permissions(path, static_cast<std::filesystem::perms>(mode));
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The `#include` and `#tryinclude` lines of a file, in order.
inline std::vector<std::string> include_lines(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& line : lines_of(text)) {
    if (line.rfind("#include ", 0) == 0 || line.rfind("#tryinclude ", 0) == 0) {
      out.push_back(line);
    }
  }
  return out;
}

// One `[name]` block of a pjsip.conf: its type and its other options in order.
struct PjsipObject {
  std::string name;
  std::string type;
  std::vector<std::pair<std::string, std::string>> options;

  // The last value of an option, or "" when it is not set.
  std::string operator[](const std::string& option) const {
    std::string value;
    for (const auto& [key, v] : options) {
      if (key == option) value = v;
    }
    return value;
  }
};

// The objects of a pjsip file, in order; comments, blank lines and directives are skipped.
inline std::vector<PjsipObject> objects_in(const std::string& text) {
  std::vector<PjsipObject> out;
  for (const auto& line : lines_of(text)) {
    if (line.empty() || line[0] == ';' || line[0] == '#') continue;
    if (line[0] == '[') {
      out.push_back(PjsipObject{line.substr(1, line.find(']') - 1), "", {}});
      continue;
    }
    const auto equals = line.find('=');
    if (out.empty() || equals == std::string::npos) continue;
    auto key = line.substr(0, equals);
    auto value = line.substr(equals + 1);
    if (key == "type") {
      out.back().type = value;
    } else {
      out.back().options.emplace_back(std::move(key), std::move(value));
    }
  }
  return out;
}

// "name/type" of each object, in order: a compact view of what a file defines.
inline std::vector<std::string> object_ids(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& object : objects_in(text)) out.push_back(object.name + "/" + object.type);
  return out;
}

// The names of the objects of a file, each once, in the order they first appear.
inline std::vector<std::string> object_names(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& object : objects_in(text)) {
    if (std::find(out.begin(), out.end(), object.name) == out.end()) out.push_back(object.name);
  }
  return out;
}

inline bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// The object with that name and type; fails the test when there is none.
inline PjsipObject find_object(const std::string& text, const std::string& name,
                               const std::string& type) {
  for (const auto& object : objects_in(text)) {
    if (object.name == name && object.type == type) return object;
  }
  ADD_FAILURE() << "no [" << name << "] type=" << type << " in:\n" << text;
  return {};
}

}  // namespace sip2pjsip::testing
