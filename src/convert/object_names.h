// Parts of pjsip object names taken from sip.conf values (a register line's user and host, the
// realm of an [authentication] or peer auth= line): only letters, digits, '.', '-' and '_' are
// kept, others become '-', so the name stands in a section header (a ']' would end it) and in
// references.
#pragma once

#include <cctype>
#include <string>

namespace sip2pjsip::convert {

inline std::string name_part(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool kept =
        std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    out += kept ? c : '-';
  }
  return out;
}

}  // namespace sip2pjsip::convert
