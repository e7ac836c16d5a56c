#include "dialplan/ael_scanner.h"

namespace sip2pjsip::dialplan {

namespace {

bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80) return true;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-':
    case '\'':
    case '"':
    case '_':
    case '/':
    case '.':
    case '<':
    case '>':
    case '*':
    case '+':
    case '!':
    case '$':
    case '#':
    case '[':
    case ']':
      return true;
    default:
      return false;
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<AelItem> run() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '/' && peek(1) == '/') {
        skip_to("\n", false);
      } else if (c == '/' && peek(1) == '*') {
        pos_ += 2;
        skip_to("*/", true);
      } else if (c == '#' && text_.substr(pos_, 8) == "#include") {
        include();
      } else if (c == '\\' || c == '$' || is_word_char(c)) {
        word();
      } else {
        ++pos_;
      }
    }
    return std::move(items_);
  }

 private:
  char peek(std::size_t ahead) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }

  void skip_to(std::string_view end, bool consume) {
    const auto found = text_.find(end, pos_);
    if (found == std::string_view::npos) {
      pos_ = text_.size();
    } else {
      pos_ = found + (consume ? end.size() : 0);
    }
  }

  void skip_blanks() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '/' && peek(1) == '/') {
        skip_to("\n", false);
      } else if (c == '/' && peek(1) == '*') {
        pos_ += 2;
        skip_to("*/", true);
      } else {
        break;
      }
    }
  }

  // `#include "name"`: the quotes are required.
  void include() {
    const std::size_t begin = pos_;
    std::size_t at = pos_ + 8;
    while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) ++at;
    if (at == pos_ + 8 || at >= text_.size() || text_[at] != '"') {
      pos_ += 1;
      return;
    }
    const auto close = text_.find('"', at + 1);
    const auto newline = text_.find('\n', at + 1);
    if (close == std::string_view::npos || (newline != std::string_view::npos && newline < close)) {
      pos_ += 1;
      return;
    }
    AelItem item;
    item.kind = AelItem::Kind::include;
    item.name = Span{at + 1, close};
    item.whole = Span{begin, close + 1};
    items_.push_back(item);
    pos_ = close + 1;
  }

  // A `${...}` or `$[...]` construct inside a word, matched by its own brackets.
  void construct(char open, char close) {
    int depth = 0;
    pos_ += 1;  // the '$'
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == open) {
        ++depth;
      } else if (c == close) {
        if (--depth == 0) return;
      }
    }
  }

  void word() {
    const std::size_t begin = pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\\' && pos_ + 1 < text_.size()) {
        pos_ += 2;
      } else if (c == '$' && (peek(1) == '{' || peek(1) == '[')) {
        construct(peek(1), peek(1) == '{' ? '}' : ']');
      } else if (is_word_char(c)) {
        ++pos_;
      } else {
        break;
      }
    }
    if (pos_ == begin) {
      ++pos_;
      return;
    }
    const Span name{begin, pos_};
    skip_blanks();
    if (pos_ < text_.size() && text_[pos_] == '(') {
      AelItem item;
      item.kind = AelItem::Kind::call;
      item.name = name;
      const std::size_t open = pos_;
      const std::size_t close = matching(open);
      item.closed = close < text_.size();
      item.args = Span{open + 1, item.closed ? close : text_.size()};
      item.whole = Span{begin, item.closed ? close + 1 : text_.size()};
      items_.push_back(item);
      pos_ = item.whole.end;
      skip_blanks();
      if (pos_ < text_.size() && text_[pos_] == '=' && peek(1) != '>') {
        assignment(item.whole);
      }
    } else if (pos_ < text_.size() && text_[pos_] == '=' && peek(1) != '>') {
      assignment(name);
    }
  }

  // The value after `=`, up to the `;` outside brackets.
  void assignment(Span name) {
    ++pos_;
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    const std::size_t begin = pos_;
    int depth = 0;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        --depth;
      } else if (c == ';' && depth == 0) {
        break;
      }
      ++pos_;
    }
    std::size_t end = pos_;
    while (end > begin && (text_[end - 1] == ' ' || text_[end - 1] == '\t')) --end;
    AelItem item;
    item.kind = AelItem::Kind::assignment;
    item.name = name;
    item.args = Span{begin, end};
    item.whole = Span{name.begin, end};
    items_.push_back(item);
  }

  // The ')' closing the '(' at `open`, counting (), [] and {} as ael.flex's argument state does.
  std::size_t matching(std::size_t open) const {
    int depth = 0;
    for (std::size_t i = open; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if (c == ')' || c == ']' || c == '}') {
        if (--depth == 0) return c == ')' ? i : text_.size();
      }
    }
    return text_.size();
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::vector<AelItem> items_;
};

}  // namespace

std::vector<AelItem> scan_ael(std::string_view text) {
  return Lexer(text).run();
}

}  // namespace sip2pjsip::dialplan
