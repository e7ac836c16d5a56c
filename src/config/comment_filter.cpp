#include "config/comment_filter.h"

#include <string_view>

namespace sip2pjsip::config {

// This walks the line exactly as config_text_file_load() does, including its quirks: a `--;`
// closes a comment even when none is open (the depth then goes negative and every following
// line is ignored until a `;--`), and `;---` does not open one. A NUL character stands for the
// places where Asterisk cuts the string; the text to process ends at the first of them.
//
// Asterisk edits the line in place (a NUL where a comment opens, memmove() to join the text
// after a comment to the text before it, and to drop the backslash of `\;`), which costs a pass
// over the rest of the line per semicolon. Here the line is read once, left to right, and the
// text to process is copied out as it is found, with the same result.
CommentFilter::Result CommentFilter::filter(std::string buf, int line_number) {
  Result result;
  constexpr std::size_t npos = std::string_view::npos;
  const std::string_view in(buf.data(), std::min(buf.size(), buf.find('\0')));
  auto at = [&](std::size_t i) { return i < in.size() ? in[i] : '\0'; };

  // Asterisk's process_buf: the text is taken from the start of the line when no block comment
  // is open there, or from the end of the comment that closes in this line.
  bool collecting = depth_ == 0;
  // A comment opened since the text began: the text ends there unless the comment closes.
  bool cut = false;
  std::string text;
  std::size_t scan = 0;
  auto keep = [&](std::size_t from, std::size_t to) {
    if (collecting && !cut) text.append(in.substr(from, to - from));
  };

  for (;;) {
    const std::size_t semi = in.find(';', scan);
    if (semi == npos) {
      keep(scan, in.size());
      break;
    }
    if (semi > scan && in[semi - 1] == '\\') {
      // An escaped semicolon is text: drop the backslash and go on after it.
      keep(scan, semi - 1);
      keep(semi, semi + 1);
      scan = semi + 1;
    } else if (at(semi + 1) == '-' && at(semi + 2) == '-' && at(semi + 3) != '-') {
      keep(scan, semi);
      if (depth_ < kMaxNesting) {
        cut = true;
        if (++depth_ > 0) open_lines_.push_back(line_number);
      } else {
        result.events.push_back(Event::nesting_limit);
        keep(semi, semi + 3);  // not taken as a comment: the bytes stay in the line
      }
      scan = semi + 3;
    } else if (semi >= scan + 2 && in[semi - 1] == '-' && in[semi - 2] == '-') {
      if (depth_-- > 0) open_lines_.pop_back();
      if (depth_ < 0) result.events.push_back(Event::stray_close);
      keep(scan, semi + 1);
      scan = semi + 1;
      if (depth_ == 0) {
        if (!collecting) {
          collecting = true;  // the text starts after the comment
          cut = false;
        } else if (cut) {
          cut = false;  // join what follows the comment to the text before it
        } else {
          // Asterisk finds no comment start to join to, and stops looking at the line.
          keep(scan, in.size());
          break;
        }
      }
    } else if (depth_ == 0) {
      keep(scan, semi);  // a line comment: nothing after it counts
      break;
    } else {
      keep(scan, semi + 1);  // a semicolon inside a block comment
      scan = semi + 1;
    }
  }

  if (collecting) result.text = std::move(text);
  return result;
}

}  // namespace sip2pjsip::config
