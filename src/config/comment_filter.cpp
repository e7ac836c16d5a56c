#include "config/comment_filter.h"

namespace sip2pjsip::config {

// This walks the line exactly as config_text_file_load() does, including its quirks: a `--;`
// closes a comment even when none is open (the depth then goes negative and every following
// line is ignored until a `;--`), and `;---` does not open one. A NUL character stands for the
// places where Asterisk cuts the string; the text to process ends at the first of them.
CommentFilter::Result CommentFilter::filter(std::string buf, int line_number) {
  Result result;
  constexpr std::size_t npos = std::string::npos;
  std::size_t scan = 0;
  std::size_t process = depth_ != 0 ? npos : 0;
  auto at = [&](std::size_t i) { return i < buf.size() ? buf[i] : '\0'; };
  auto end_of_string = [&](std::size_t from) {
    const auto nul = buf.find('\0', from);
    return nul == npos ? buf.size() : nul;
  };

  for (;;) {
    const std::size_t semi = buf.find(';', scan);
    if (semi == npos || semi >= end_of_string(scan)) break;
    if (semi > scan && buf[semi - 1] == '\\') {
      // An escaped semicolon is text: drop the backslash and go on after it.
      buf.erase(semi - 1, 1);
      scan = semi;
    } else if (at(semi + 1) == '-' && at(semi + 2) == '-' && at(semi + 3) != '-') {
      if (depth_ < kMaxNesting) {
        buf[semi] = '\0';
        scan = semi + 3;
        if (++depth_ > 0) open_lines_.push_back(line_number);
      } else {
        result.events.push_back(Event::nesting_limit);
        scan = semi + 3;
      }
    } else if (semi >= scan + 2 && buf[semi - 1] == '-' && buf[semi - 2] == '-') {
      if (depth_-- > 0) open_lines_.pop_back();
      if (depth_ < 0) result.events.push_back(Event::stray_close);
      scan = semi + 1;
      if (depth_ == 0) {
        if (process != npos) {
          // Join what follows the comment to the text before it.
          const std::size_t text_end = end_of_string(process);
          buf.erase(text_end, scan - text_end);
          scan = text_end;
        } else {
          process = scan;
        }
      }
    } else if (depth_ == 0) {
      buf.resize(semi);  // a line comment: nothing after it counts
      break;
    } else {
      scan = semi + 1;  // a semicolon inside a block comment
    }
  }

  if (process != npos) result.text = buf.substr(process, end_of_string(process) - process);
  return result;
}

}  // namespace sip2pjsip::config
