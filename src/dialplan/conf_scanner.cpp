#include "dialplan/conf_scanner.h"

namespace sip2pjsip::dialplan {

namespace {

// config::CommentFilter (main/config.c config_text_file_load) step by step, on the line and the
// file offsets of its characters, so the text left keeps the offset of every character. A NUL
// marks where Asterisk cuts the string (the start of a block comment).
class CommentState {
 public:
  // What to process of the line, or nothing when it is all comment.
  std::optional<MappedText> filter(std::string buf, std::vector<std::size_t> offsets,
                                   std::size_t raw_end) {
    constexpr std::size_t npos = std::string::npos;
    std::size_t scan = 0;
    std::size_t process = depth_ != 0 ? npos : 0;
    auto at = [&](std::size_t i) { return i < buf.size() ? buf[i] : '\0'; };
    auto end_of_string = [&](std::size_t from) {
      const auto nul = buf.find('\0', from);
      return nul == npos ? buf.size() : nul;
    };
    auto erase = [&](std::size_t begin, std::size_t count) {
      buf.erase(begin, count);
      offsets.erase(offsets.begin() + static_cast<std::ptrdiff_t>(begin),
                    offsets.begin() + static_cast<std::ptrdiff_t>(begin + count));
    };

    for (;;) {
      const std::size_t semi = buf.find(';', scan);
      if (semi == npos || semi >= end_of_string(scan)) break;
      if (semi > scan && buf[semi - 1] == '\\') {
        erase(semi - 1, 1);  // an escaped semicolon is text
        scan = semi;
      } else if (at(semi + 1) == '-' && at(semi + 2) == '-' && at(semi + 3) != '-') {
        if (depth_ < kMaxNesting) {
          buf[semi] = '\0';
          ++depth_;
        }
        scan = semi + 3;
      } else if (semi >= scan + 2 && buf[semi - 1] == '-' && buf[semi - 2] == '-') {
        --depth_;
        scan = semi + 1;
        if (depth_ == 0) {
          if (process != npos) {
            const std::size_t text_end = end_of_string(process);
            erase(text_end, scan - text_end);
            scan = text_end;
          } else {
            process = scan;
          }
        }
      } else if (depth_ == 0) {
        buf.resize(semi);
        offsets.resize(semi);
        break;
      } else {
        scan = semi + 1;
      }
    }
    if (process == npos) return std::nullopt;
    MappedText text(true);
    const std::size_t end = end_of_string(process);
    for (std::size_t i = process; i < end; ++i) text.push(buf[i], offsets[i]);
    text.set_raw_end(end < offsets.size() ? offsets[end] : raw_end);
    return text;
  }

 private:
  static constexpr int kMaxNesting = 128;
  int depth_ = 0;
};

}  // namespace

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

Span strip(const std::string& text, Span span) {
  while (span.begin < span.end && is_blank(text[span.begin])) ++span.begin;
  while (span.end > span.begin && is_blank(text[span.end - 1])) --span.end;
  return span;
}

std::vector<ConfLine> read_conf_lines(std::string_view raw) {
  std::vector<ConfLine> lines;
  CommentState comments;
  std::size_t begin = 0;
  int number = 1;
  while (begin < raw.size()) {
    std::size_t end = raw.find('\n', begin);
    if (end == std::string_view::npos) end = raw.size();
    std::string buf;
    std::vector<std::size_t> offsets;
    for (std::size_t i = begin; i < end; ++i) {
      if (raw[i] == '\0') break;  // Asterisk's strings end at a NUL byte
      buf.push_back(raw[i]);
      offsets.push_back(i);
    }
    if (auto text = comments.filter(std::move(buf), std::move(offsets), end)) {
      lines.push_back(ConfLine{number, Span{begin, end}, std::move(*text)});
    }
    begin = end + 1;
    ++number;
  }
  return lines;
}

std::optional<ConfEntry> classify(const std::string& text) {
  const Span whole = strip(text, Span{0, text.size()});
  if (whole.empty()) return std::nullopt;
  ConfEntry entry;
  entry.whole = whole;
  if (text[whole.begin] == '[') {
    entry.kind = ConfEntry::Kind::section;
    const auto close = text.find(']', whole.begin);
    entry.name = Span{whole.begin + 1, close == std::string::npos ? whole.end : close};
    entry.value = Span{whole.end, whole.end};
    return entry;
  }
  if (text[whole.begin] == '#') {
    entry.kind = ConfEntry::Kind::directive;
    std::size_t name_end = whole.begin + 1;
    while (name_end<whole.end&& static_cast<unsigned char>(text[name_end])> 32) ++name_end;
    entry.name = Span{whole.begin + 1, name_end};
    entry.value = strip(text, Span{std::min(name_end + 1, whole.end), whole.end});
    return entry;
  }
  entry.kind = ConfEntry::Kind::variable;
  const auto equals = text.find('=', whole.begin);
  if (equals == std::string::npos || equals >= whole.end) {
    entry.name = whole;
    entry.value = Span{whole.end, whole.end};
    return entry;
  }
  std::size_t value_begin = equals + 1;
  if (value_begin < whole.end && text[value_begin] == '>') {
    entry.object = true;
    ++value_begin;
  }
  std::size_t name_end = equals;
  if (name_end > whole.begin && text[name_end - 1] == '+') --name_end;  // `+=`
  entry.name = strip(text, Span{whole.begin, name_end});
  entry.value = strip(text, Span{value_begin, whole.end});
  return entry;
}

std::optional<ExtensionLine> parse_extension(const std::string& text, Span value, bool same) {
  ExtensionLine line;
  std::size_t pos = value.begin;
  if (!same) {
    // pbx_strsep(): a comma inside [...] or after a backslash does not end the extension.
    int square = 0;
    std::size_t i = pos;
    for (; i < value.end; ++i) {
      const char c = text[i];
      if (c == '[') {
        ++square;
      } else if (c == ']') {
        if (square) --square;
      } else if (c == '\\') {
        ++i;
      } else if (c == ',' && !square) {
        break;
      }
    }
    i = std::min(i, value.end);
    line.extension = Span{pos, i};
    if (i >= value.end) return std::nullopt;  // no priority
    pos = i + 1;
  }
  auto comma = text.find(',', pos);
  if (comma == std::string::npos || comma > value.end) comma = value.end;
  line.priority = strip(text, Span{pos, comma});
  std::string priority = text.substr(line.priority.begin, line.priority.size());
  const auto label = priority.find('(');
  if (label != std::string::npos) priority.resize(label);
  const auto plus = priority.find('+');
  if (plus != std::string::npos) priority.resize(plus);
  line.hint = priority == "hint";

  const std::size_t app_begin = comma < value.end ? comma + 1 : value.end;
  Span application{app_begin, value.end};
  const auto open = text.find('(', app_begin);
  if (open != std::string::npos && open < value.end) {
    const std::string before = text.substr(app_begin, open - app_begin);
    if (before.find("${") == std::string::npos && before.find("$[") == std::string::npos) {
      application.end = open;
      auto close = text.rfind(')', value.end - 1);
      if (close == std::string::npos || close <= open) {
        line.closed = false;
        close = value.end;
      }
      line.data = Span{open + 1, close};
      line.call = Span{app_begin, line.closed ? close + 1 : value.end};
    }
  }
  while (application.begin < application.end && is_blank(text[application.begin])) {
    ++application.begin;
  }
  line.application = application;
  if (!line.data) line.call = application;
  line.call.begin = application.begin;
  return line;
}

}  // namespace sip2pjsip::dialplan
