#include "report/section_locator.h"

#include <algorithm>

namespace sip2pjsip::report {

namespace {

std::uint64_t directive_key(std::uint32_t path_id, int line) {
  return (std::uint64_t{path_id} << 32) | static_cast<std::uint32_t>(line);
}

}  // namespace

SectionLocator::SectionLocator(const config::Document& document) {
  for (const auto& file : document.files) {
    const auto [known, added] =
        path_ids_.emplace(file.path, static_cast<std::uint32_t>(path_ids_.size()));
    path_id_of_file_.push_back(known->second);
  }
  starts_.resize(path_ids_.size());
  for (std::uint32_t i = 0; i < document.sections.size(); ++i) {
    const auto& where = document.sections[i].where;
    starts_[path_id_of_file_.at(where.file)].emplace_back(where.line, i);
  }
  for (auto& lines : starts_) std::stable_sort(lines.begin(), lines.end());
  for (const auto& directive : document.directives) {
    const auto& where = directive.where;
    directives_.insert(directive_key(path_id_of_file_.at(where.file), where.line));
  }
}

std::optional<std::uint32_t> SectionLocator::find(const std::string& path, int line) const {
  const auto found = path_ids_.find(path);
  if (found == path_ids_.end()) return std::nullopt;
  return find_in(found->second, line);
}

std::optional<std::uint32_t> SectionLocator::find(const config::Location& where) const {
  if (where.file >= path_id_of_file_.size()) return std::nullopt;
  return find_in(path_id_of_file_[where.file], where.line);
}

std::optional<std::uint32_t> SectionLocator::find_in(std::uint32_t path_id, int line) const {
  if (line <= 0 || directives_.count(directive_key(path_id, line))) return std::nullopt;
  const auto& lines = starts_[path_id];
  // The last start at or before the line (of two sections on one line, the later one).
  const auto after = std::upper_bound(
      lines.begin(), lines.end(), line,
      [](int value, const std::pair<int, std::uint32_t>& start) { return value < start.first; });
  if (after == lines.begin()) return std::nullopt;
  return std::prev(after)->second;
}

}  // namespace sip2pjsip::report
