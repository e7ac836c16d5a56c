// How chan_sip reads values: ast_true()/ast_false() for booleans, comma lists with blanks
// stripped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sip2pjsip::chansip {

// ast_true(): yes, true, y, t, 1, on (case-insensitive).
bool is_true(std::string_view value);
// ast_false(): no, false, n, f, 0, off (case-insensitive).
bool is_false(std::string_view value);

// Splits on commas and strips blanks from each part; empty parts are dropped.
std::vector<std::string> split_list(std::string_view value, std::string_view separators = ",");

// A whole decimal number (leading blanks allowed, as sscanf("%d") reads), or nothing.
std::optional<long> parse_integer(std::string_view value);

std::string to_lower(std::string_view text);

}  // namespace sip2pjsip::chansip
