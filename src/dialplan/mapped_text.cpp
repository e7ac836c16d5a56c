#include "dialplan/mapped_text.h"

#include <algorithm>
#include <stdexcept>

namespace sip2pjsip::dialplan {

std::optional<RawEdit> MappedText::to_raw(const Edit& edit, std::string_view raw) const {
  std::string replacement;
  for (const char c : edit.replacement) {
    if (c == ';' && escape_semicolons_) replacement += '\\';
    replacement += c;
  }
  if (edit.begin == edit.end) {
    // An insertion goes right after the character before it, so text appended to an argument
    // stays in front of any comment that follows.
    const std::size_t at =
        edit.begin == 0 ? (raw_.empty() ? raw_end_ : raw_.front()) : raw_.at(edit.begin - 1) + 1;
    return RawEdit{at, at, std::move(replacement)};
  }
  for (std::size_t i = edit.begin + 1; i < edit.end; ++i) {
    const std::size_t gap = raw_.at(i) - raw_.at(i - 1);
    if (gap == 1) continue;
    // `\;` in the file is `;` in the text: the backslash is the only byte skipped.
    if (gap == 2 && text_[i] == ';' && raw[raw_[i] - 1] == '\\') continue;
    return std::nullopt;
  }
  return RawEdit{raw_.at(edit.begin), raw_.at(edit.end - 1) + 1, std::move(replacement)};
}

std::string apply_edits(std::string_view raw, std::vector<RawEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(),
                   [](const RawEdit& a, const RawEdit& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(raw.size());
  std::size_t at = 0;
  for (const auto& edit : edits) {
    if (edit.begin < at || edit.end > raw.size()) {
      throw std::logic_error("dialplan rewrite produced overlapping edits");
    }
    out.append(raw.substr(at, edit.begin - at));
    out += edit.replacement;
    at = edit.end;
  }
  out.append(raw.substr(at));
  return out;
}

std::vector<RawEdit> drop_overlapping(std::vector<RawEdit>& edits) {
  std::stable_sort(edits.begin(), edits.end(),
                   [](const RawEdit& a, const RawEdit& b) { return a.begin < b.begin; });
  std::vector<RawEdit> kept;
  std::vector<RawEdit> dropped;
  std::size_t at = 0;
  for (auto& edit : edits) {
    if (edit.begin < at) {
      dropped.push_back(std::move(edit));
      continue;
    }
    at = edit.end;
    kept.push_back(std::move(edit));
  }
  edits = std::move(kept);
  return dropped;
}

}  // namespace sip2pjsip::dialplan
