// How chan_sip reads values: ast_true()/ast_false() for booleans, comma lists with blanks
// stripped.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sip2pjsip::chansip {

// ast_true(): yes, true, y, t, 1, on (case-insensitive).
bool is_true(const std::string& value);
// ast_false(): no, false, n, f, 0, off (case-insensitive).
bool is_false(const std::string& value);

// Splits on commas and strips blanks from each part; empty parts are dropped.
std::vector<std::string> split_list(const std::string& value, const std::string& separators = ",");

// A whole decimal number (leading blanks allowed, as sscanf("%d") reads), or nothing.
std::optional<long> parse_integer(const std::string& value);

std::string to_lower(std::string text);

}  // namespace sip2pjsip::chansip
