// Case-insensitive names, as Asterisk compares them (strcasecmp in the C locale: ASCII only),
// for hash tables that look names up without copying or lower-casing them first.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sip2pjsip {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = ascii_lower(c);
  return out;
}

inline bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a == b) return true;  // most names are written in one case: one memcmp
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// Hash and equality for std::unordered_map keys compared ignoring case. Both are transparent,
// so a std::string_view looks a std::string key up without building a string.
struct CaseInsensitiveHash {
  using is_transparent = void;
  // Eight bytes at a time, with the ASCII case bit (0x20) set on every byte: names equal but
  // for case then hash alike (other bytes colliding that way is harmless), and a lookup costs a
  // few multiplications instead of one per character.
  std::size_t operator()(std::string_view text) const {
    constexpr std::uint64_t kCaseBits = 0x2020202020202020ULL;
    std::uint64_t hash = text.size() * 0x9E3779B97F4A7C15ULL;
    for (std::size_t at = 0; at < text.size(); at += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + at, std::min<std::size_t>(8, text.size() - at));
      hash = (hash ^ (word | kCaseBits)) * 0xFF51AFD7ED558CCDULL;
      hash ^= hash >> 32;
    }
    return static_cast<std::size_t>(hash);
  }
};

struct CaseInsensitiveEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return ascii_iequals(a, b); }
};

}  // namespace sip2pjsip
