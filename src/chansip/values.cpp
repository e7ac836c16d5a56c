#include "chansip/values.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "config/document.h"
#include "util/ascii.h"

namespace sip2pjsip::chansip {

namespace {

bool one_of(std::string_view value, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const char* word) { return config::iequals(value, word); });
}

}  // namespace

bool is_true(std::string_view value) {
  return one_of(value, {"yes", "true", "y", "t", "1", "on"});
}

bool is_false(std::string_view value) {
  return one_of(value, {"no", "false", "n", "f", "0", "off"});
}

std::vector<std::string> split_list(std::string_view value, std::string_view separators) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= value.size()) {
    auto end = value.find_first_of(separators, start);
    if (end == std::string_view::npos) end = value.size();
    auto part = value.substr(start, end - start);
    const auto first = part.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos) {
      parts.emplace_back(part.substr(first, part.find_last_not_of(" \t\r\n") - first + 1));
    }
    start = end + 1;
  }
  return parts;
}

std::optional<long> parse_integer(std::string_view value) {
  if (value.empty()) return std::nullopt;
  const std::string text(value);  // strtol() reads up to a NUL
  char* end = nullptr;
  const long number = std::strtol(text.c_str(), &end, 10);
  if (end == text.c_str()) return std::nullopt;
  while (*end == ' ' || *end == '\t') ++end;
  if (*end != '\0') return std::nullopt;
  return number;
}

std::string to_lower(std::string_view text) {
  return ascii_lower(text);
}

}  // namespace sip2pjsip::chansip
