// Single words and numbers, read the way Asterisk's handlers read them.
#include <regex.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "chansip/values.h"
#include "config/document.h"
#include "pjsip/value_checks.h"

namespace sip2pjsip::pjsip::values {

namespace {

// sscanf("%d")/("%u")/("%i") succeed when the text starts, after blanks, with a number.
// ("%i" also reads "0x1f", which starts with a digit as well.)
bool starts_with_number(std::string_view value) {
  std::size_t i = 0;
  while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
  if (i < value.size() && (value[i] == '+' || value[i] == '-')) ++i;
  return i < value.size() && std::isdigit(static_cast<unsigned char>(value[i]));
}

std::string range_reason(std::int64_t min, std::int64_t max) {
  return fmt::format("is outside {}-{}", min, max);
}

}  // namespace

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

std::optional<std::string> boolean_problem(std::string_view value) {
  const std::string text(value);
  if (chansip::is_true(text) || chansip::is_false(text)) return std::nullopt;
  return std::string("is neither yes nor no");
}

// ast_parse_arg(PARSE_UINT32): strtoul(base 0) over the whole text, no minus sign.
std::optional<std::string> unsigned_problem(const ValueType& type, std::string_view value) {
  const std::string text(value);
  const char* start = text.c_str();
  while (*start == ' ' || *start == '\t') ++start;
  if (*start == '-') return std::string("is negative");
  if (*start == '\0') return std::string("is not a number");
  errno = 0;
  char* end = nullptr;
  const unsigned long long number = std::strtoull(start, &end, 0);
  if (*end != '\0' || end == start) return std::string("is not a number");
  if (errno == ERANGE || number > UINT32_MAX) return std::string("is too large");
  const auto min = type.min.value_or(0);
  const auto max = type.max.value_or(UINT32_MAX);
  if (static_cast<std::int64_t>(number) < min || static_cast<std::int64_t>(number) > max) {
    return range_reason(min, max);
  }
  return std::nullopt;
}

// ast_parse_arg(PARSE_INT32): strtol(base 0) over the whole text.
std::optional<std::string> integer_problem(const ValueType& type, std::string_view value) {
  const std::string text(value);
  if (text.empty()) return std::string("is not a number");
  errno = 0;
  char* end = nullptr;
  const long long number = std::strtoll(text.c_str(), &end, 0);
  if (*end != '\0' || end == text.c_str()) return std::string("is not a number");
  if (errno == ERANGE || number > INT32_MAX || number < INT32_MIN) {
    return std::string("is too large");
  }
  const auto min = type.min.value_or(INT32_MIN);
  const auto max = type.max.value_or(INT32_MAX);
  if (number < min || number > max) return range_reason(min, max);
  return std::nullopt;
}

// ast_parse_arg(PARSE_DOUBLE): strtod over the whole text.
std::optional<std::string> real_problem(std::string_view value) {
  const std::string text(value);
  if (text.empty()) return std::string("is not a number");
  errno = 0;
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  if (*end != '\0' || end == text.c_str() || errno == ERANGE) {
    return std::string("is not a number");
  }
  return std::nullopt;
}

std::optional<std::string> enumeration_problem(const ValueType& type, std::string_view value) {
  const std::string text(value);
  if (text.empty() && type.accepts_empty) return std::nullopt;
  if (type.accepts_booleans && (chansip::is_true(text) || chansip::is_false(text))) {
    return std::nullopt;
  }
  const bool known = std::any_of(type.values.begin(), type.values.end(), [&](const auto& word) {
    return type.case_sensitive ? word == text : config::iequals(word, text);
  });
  if (known) return std::nullopt;
  return "is not one of " + join(type.values);
}

// ast_str2tos(): sscanf("%i"), or a DSCP code point name.
std::optional<std::string> dscp_problem(std::string_view value) {
  static const char* const kNames[] = {"CS0",  "CS1",  "CS2",  "CS3",  "CS4",  "CS5",  "CS6",
                                       "CS7",  "AF11", "AF12", "AF13", "AF21", "AF22", "AF23",
                                       "AF31", "AF32", "AF33", "AF41", "AF42", "AF43", "EF"};
  if (starts_with_number(value)) return std::nullopt;
  const std::string text(value);
  for (const char* name : kNames) {
    if (config::iequals(text, name)) return std::nullopt;
  }
  return std::string("is neither a number nor a DSCP name (CS0-CS7, AF11-AF43, EF)");
}

// caller_id_privacy_handler: ast_parse_caller_presentation(), else sscanf("%d").
std::optional<std::string> presentation_problem(std::string_view value) {
  static const char* const kNames[] = {
      "allowed_not_screened", "allowed_passed_screen", "allowed_failed_screen", "allowed",
      "prohib_not_screened",  "prohib_passed_screen",  "prohib_failed_screen",  "prohib",
      "unavailable"};
  const std::string text(value);
  for (const char* name : kNames) {
    if (config::iequals(text, name)) return std::nullopt;
  }
  if (starts_with_number(value)) return std::nullopt;
  return std::string("is neither a presentation name nor a number");
}

// ast_rtp_dtls_cfg_parse() reads dtls_rekey with sscanf("%30u").
std::optional<std::string> leading_unsigned_problem(std::string_view value) {
  if (starts_with_number(value)) return std::nullopt;
  return std::string("does not start with a number");
}

// from_user_handler: letters, digits and the URI marks "-._~%!$&'()*+,;=:".
std::optional<std::string> uri_user_problem(std::string_view value) {
  static const std::string_view kMarks = "-._~%!$&'()*+,;=:";
  for (const char c : value) {
    if (std::isalnum(static_cast<unsigned char>(c)) || kMarks.find(c) != std::string_view::npos) {
      continue;
    }
    return fmt::format("contains '{}', which a SIP URI user part cannot hold", c);
  }
  return std::nullopt;
}

std::optional<std::string> regex_problem(std::string_view value) {
  regex_t compiled;
  const std::string text(value);
  const int failed = regcomp(&compiled, text.c_str(), REG_EXTENDED | REG_NOSUB);
  if (failed) return std::string("is not a valid regular expression");
  regfree(&compiled);
  return std::nullopt;
}

// password_digest_handler (md5_cred) and auth_apply of older branches: an MD5 digest is 32
// characters.
std::optional<std::string> md5_digest_problem(std::string_view value) {
  if (value.size() == 32) return std::nullopt;
  return fmt::format("is {} characters long, not 32", value.size());
}

}  // namespace sip2pjsip::pjsip::values
