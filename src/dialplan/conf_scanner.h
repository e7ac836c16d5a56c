// Reads an Asterisk .conf file (extensions.conf, queues.conf) line by line the way main/config.c
// does — `;` comments, `\;`, `;-- --;` block comments — and pbx/pbx_config.c splits an
// `exten =>` line, keeping for every character its offset in the file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialplan/mapped_text.h"

namespace sip2pjsip::dialplan {

// What Asterisk reads of one line: comments removed, `\;` as `;`, not yet stripped.
struct ConfLine {
  int line = 0;  // physical line number (1-based)
  Span raw;      // the physical line in the file, without its newline
  MappedText text{true};
};

std::vector<ConfLine> read_conf_lines(std::string_view raw);

struct ConfEntry {
  enum class Kind { section, directive, variable };
  Kind kind = Kind::variable;
  Span name;            // section name, directive keyword (without '#'), variable name (stripped)
  Span value;           // directive argument, variable value (stripped); empty for a section
  Span whole;           // the stripped line
  bool object = false;  // `name => value`
};

// The entry a line holds, or nothing for a line without text.
std::optional<ConfEntry> classify(const std::string& text);

// An `exten =>` or `same =>` value split as pbx_config.c does.
struct ExtensionLine {
  Span extension;  // exten => only: the extension (with any /callerid)
  Span priority;   // stripped, with its (label)
  bool hint = false;
  Span application;          // the application name, blanks skipped; a hint's whole device list
  std::optional<Span> data;  // between the first '(' and the last ')'
  bool closed = true;        // the last ')' was found
  Span call;                 // application name through the closing ')'
};

std::optional<ExtensionLine> parse_extension(const std::string& text, Span value, bool same);

bool is_blank(char c);
Span strip(const std::string& text, Span span);

}  // namespace sip2pjsip::dialplan
