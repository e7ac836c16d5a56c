#include "report/section_locator.h"

#include <algorithm>

namespace sip2pjsip::report {

SectionLocator::SectionLocator(const config::Document& document) {
  for (std::uint32_t i = 0; i < document.sections.size(); ++i) {
    const auto& where = document.sections[i].where;
    starts_[document.path_of(where)].emplace_back(where.line, i);
  }
  for (auto& [path, lines] : starts_) std::stable_sort(lines.begin(), lines.end());
  for (const auto& directive : document.directives) {
    directives_.emplace(document.path_of(directive.where), directive.where.line);
  }
}

std::optional<std::uint32_t> SectionLocator::find(const std::string& path, int line) const {
  if (line <= 0 || directives_.count({path, line})) return std::nullopt;
  const auto found = starts_.find(path);
  if (found == starts_.end()) return std::nullopt;
  const auto& lines = found->second;
  // The last start at or before the line (of two sections on one line, the later one).
  const auto after = std::upper_bound(
      lines.begin(), lines.end(), line,
      [](int value, const std::pair<int, std::uint32_t>& start) { return value < start.first; });
  if (after == lines.begin()) return std::nullopt;
  return std::prev(after)->second;
}

}  // namespace sip2pjsip::report
