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

}  // namespace sip2pjsip
