// Which sip.conf section a line belongs to, for findings (which carry only a file and a line)
// and for lines a section inherited from a base section.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "config/document.h"

namespace sip2pjsip::report {

class SectionLocator {
 public:
  explicit SectionLocator(const config::Document& document);

  // The last section starting at or before the line in its file. None for line 0 (the whole
  // file), a file with no section, a line before the first section, and the line of an
  // #include, #tryinclude or #exec: such a finding is about the file, not about the section
  // the directive happens to stand in.
  std::optional<std::uint32_t> find(const std::string& path, int line) const;

 private:
  // By path, not file index: a file read twice has two indexes and one set of lines.
  std::map<std::string, std::vector<std::pair<int, std::uint32_t>>> starts_;
  std::set<std::pair<std::string, int>> directives_;
};

}  // namespace sip2pjsip::report
