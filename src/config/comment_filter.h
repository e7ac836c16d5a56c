// Removes comments from config lines the way main/config.c does: `;` to end of line, `\;` as a
// literal semicolon, and `;-- ... --;` block comments that may span lines and nest.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sip2pjsip::config {

class CommentFilter {
 public:
  // Asterisk stops counting block comments at this depth (MAX_NESTED_COMMENTS).
  static constexpr int kMaxNesting = 128;

  enum class Event {
    stray_close,    // `--;` with no block comment open: Asterisk then skips lines until `;--`
    nesting_limit,  // a `;--` past kMaxNesting (Asterisk loops forever there; we ignore it)
  };

  struct Result {
    std::optional<std::string> text;  // what the line says outside comments; none if all comment
    std::vector<Event> events;
  };

  // Filters one line (without its newline). Keeps the block-comment state for the next line.
  Result filter(std::string line, int line_number);

  // Depth of open block comments: positive inside one; negative after a stray `--;`.
  int depth() const { return depth_; }
  // The line where the innermost block comment still open began.
  int open_since() const { return open_lines_.empty() ? 0 : open_lines_.back(); }
  // The lines where the block comments still open began, outermost first (at most kMaxNesting).
  const std::vector<int>& open_lines() const { return open_lines_; }

 private:
  int depth_ = 0;
  std::vector<int> open_lines_;
};

}  // namespace sip2pjsip::config
