#include "util/file_names.h"

#include <filesystem>

#include <fmt/format.h>

namespace sip2pjsip {

std::string unique_file_name(const std::string& name, std::set<std::string>& taken) {
  namespace fs = std::filesystem;
  std::string candidate = name;
  const fs::path path(name);
  for (int n = 2; taken.count(candidate); ++n) {
    candidate = (path.parent_path() /
                 fmt::format("{}_{}{}", path.stem().string(), n, path.extension().string()))
                    .string();
  }
  taken.insert(candidate);
  return candidate;
}

std::string includable_file_name(std::string_view name) {
  std::string out(name);
  for (auto& c : out) {
    const bool kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-' || c == '_' || c == '+';
    if (!kept) c = '-';
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

}  // namespace sip2pjsip
