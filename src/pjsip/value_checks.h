// The checks behind check_value(), one per kind of handler (internal to src/pjsip). Each returns
// the reason a value is refused, or nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pjsip/value_type.h"

namespace sip2pjsip::pjsip::values {

// value_scalars.cpp: one word or number.
std::optional<std::string> boolean_problem(std::string_view value);
std::optional<std::string> unsigned_problem(const ValueType& type, std::string_view value);
std::optional<std::string> integer_problem(const ValueType& type, std::string_view value);
std::optional<std::string> real_problem(std::string_view value);
std::optional<std::string> enumeration_problem(const ValueType& type, std::string_view value);
std::optional<std::string> dscp_problem(std::string_view value);
std::optional<std::string> presentation_problem(std::string_view value);
std::optional<std::string> leading_unsigned_problem(std::string_view value);
std::optional<std::string> uri_user_problem(std::string_view value);
std::optional<std::string> regex_problem(std::string_view value);
std::optional<std::string> md5_digest_problem(std::string_view value);

// value_lists.cpp: comma lists and structured text.
std::optional<std::string> enumeration_list_problem(const ValueType& type, std::string_view value);
std::optional<std::string> codec_list_problem(const ValueType& type, std::string_view value);
std::optional<std::string> sip_uri_list_problem(std::string_view value);
std::optional<std::string> acl_problem(std::string_view value, bool ports_and_names);
std::optional<std::string> group_list_problem(std::string_view value);
std::optional<std::string> channel_variable_problem(std::string_view value);
std::optional<std::string> password_digests_problem(std::string_view value);
std::optional<std::string> digest_algorithms_problem(std::string_view value);
std::optional<std::string> codec_preferences_problem(const ValueType& type, std::string_view value);
std::optional<std::string> cipher_list_problem(std::string_view value);

// "a, b, c"
std::string join(const std::vector<std::string>& words);

}  // namespace sip2pjsip::pjsip::values
