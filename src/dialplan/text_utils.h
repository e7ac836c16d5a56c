// Small string helpers the dialplan rules share.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "util/ascii.h"

namespace sip2pjsip::dialplan {

// ASCII comparison without regard to case, as strcasecmp.
inline bool iequal(std::string_view a, std::string_view b) {
  return ascii_iequals(a, b);
}

inline std::string lower(std::string_view s) {
  return ascii_lower(s);
}

// Whether Asterisk substitutes something in the text at run time.
inline bool has_substitution(std::string_view value) {
  return value.find("${") != std::string_view::npos || value.find("$[") != std::string_view::npos;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace sip2pjsip::dialplan
