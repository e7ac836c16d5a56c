// Which sip.conf section a line belongs to, for findings (which carry only a file and a line)
// and for lines a section inherited from a base section.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
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
  // The same for a line of a file the document read (Location::file).
  std::optional<std::uint32_t> find(const config::Location& where) const;

 private:
  std::optional<std::uint32_t> find_in(std::uint32_t path_id, int line) const;

  // Lines are kept by path, not by file index: a file read twice has two indexes and one set
  // of lines. Each distinct path gets a number.
  std::unordered_map<std::string, std::uint32_t> path_ids_;
  std::vector<std::uint32_t> path_id_of_file_;                      // by Document::files index
  std::vector<std::vector<std::pair<int, std::uint32_t>>> starts_;  // by path number, sorted
  std::unordered_set<std::uint64_t> directives_;                    // path number << 32 | line
};

}  // namespace sip2pjsip::report
