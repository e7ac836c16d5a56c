#include "pjsip/writer.h"

#include <algorithm>

namespace sip2pjsip::pjsip {

std::string escape_value(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == ';') out += '\\';
    out += c;
  }
  return out;
}

std::string render(const Object& object) {
  std::string out;
  render_to(out, object);
  return out;
}

namespace {

std::size_t escaped_size(std::string_view text) {
  return text.size() + static_cast<std::size_t>(std::count(text.begin(), text.end(), ';'));
}

}  // namespace

std::size_t rendered_size(const Object& object) {
  // "[name]\ntype=TYPE\n", a "name=value\n" line per option, and a blank line.
  std::size_t size = escaped_size(object.name) + object.type.size() + 10;
  for (const auto& option : object.options()) {
    size += option.name.view().size() + escaped_size(option.value) + 2;
  }
  return size;
}

void render_to(std::string& out, const Object& object) {
  out += '[';
  // A section name keeps its `;` only escaped, as a value does (sip.conf wrote it as `\;`).
  const std::string_view name = object.name;
  if (name.find(';') == std::string_view::npos) {
    out += name;
  } else {
    out += escape_value(std::string(name));
  }
  out += "]\ntype=";
  out += object.type;
  out += '\n';
  for (const auto& option : object.options()) {
    out += option.name;
    out += '=';
    // escape_value() without a copy of the value.
    for (std::size_t from = 0;;) {
      const auto semicolon = option.value.view().find(';', from);
      out.append(option.value, from, semicolon - from);
      if (semicolon == std::string::npos) break;
      out += "\\;";
      from = semicolon + 1;
    }
    out += '\n';
  }
  out += '\n';
}

}  // namespace sip2pjsip::pjsip
