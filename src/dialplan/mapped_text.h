// The text Asterisk actually reads from a stretch of a file (comments removed, `\;` turned into
// `;`), with the file offset of every character, so a rewrite found in that text can be applied
// to the file itself and leave every other byte as it was.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sip2pjsip::dialplan {

// Half-open range [begin, end) of offsets.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
};

// Replace text[begin, end) (in the coordinates of a MappedText) by `replacement`.
struct Edit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string replacement;
};

// A replacement in file offsets.
struct RawEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string replacement;
};

class MappedText {
 public:
  // `escape_semicolons`: the file is a .conf file, where a `;` written into it must be `\;`.
  explicit MappedText(bool escape_semicolons = false) : escape_semicolons_(escape_semicolons) {}

  void push(char c, std::size_t raw_offset) {
    text_.push_back(c);
    raw_.push_back(raw_offset);
  }
  // The file offset right after this text's last character, for insertions at its end.
  void set_raw_end(std::size_t raw_end) { raw_end_ = raw_end; }

  const std::string& text() const { return text_; }
  std::size_t size() const { return text_.size(); }
  std::size_t raw_offset(std::size_t i) const { return raw_.at(i); }

  // The edit in file offsets, or nothing when the span covers bytes the text does not show
  // (a block comment in the middle): such a span cannot be replaced without losing them.
  std::optional<RawEdit> to_raw(const Edit& edit, std::string_view raw) const;

 private:
  std::string text_;
  std::vector<std::size_t> raw_;
  std::size_t raw_end_ = 0;
  bool escape_semicolons_ = false;
};

// Line numbers of file offsets.
class LineIndex {
 public:
  explicit LineIndex(std::string_view raw) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\n') starts_.push_back(i + 1);
    }
  }
  int line_of(std::size_t offset) const {
    return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                            starts_.begin());
  }

 private:
  std::vector<std::size_t> starts_;
};

// Applies edits (sorted or not; they must not overlap) to the file text.
std::string apply_edits(std::string_view raw, std::vector<RawEdit> edits);

// Sorts edits by position (keeping the order of edits at one position) and removes each edit
// that overlaps one before it; returns the removed ones. The rules never make such edits; this
// keeps a mistake from corrupting a file.
std::vector<RawEdit> drop_overlapping(std::vector<RawEdit>& edits);

}  // namespace sip2pjsip::dialplan
