#include "pjsip/value_type.h"

#include <fmt/format.h>

#include "pjsip/address_syntax.h"
#include "pjsip/value_checks.h"

namespace sip2pjsip::pjsip {

namespace {

std::optional<std::string> reason_for(const ValueType& type, std::string_view value) {
  using namespace values;
  switch (type.kind) {
    case ValueKind::type_marker:  // takes_any_value()
    case ValueKind::text:
    case ValueKind::reference:
    case ValueKind::reference_list:
      return std::nullopt;
    case ValueKind::boolean:
      return boolean_problem(value);
    case ValueKind::unsigned_integer:
      return unsigned_problem(type, value);
    case ValueKind::integer:
      return integer_problem(type, value);
    case ValueKind::real:
      return real_problem(value);
    case ValueKind::enumeration:
      return enumeration_problem(type, value);
    case ValueKind::enumeration_list:
      return enumeration_list_problem(type, value);
    case ValueKind::codec_list:
      return codec_list_problem(type, value);
    case ValueKind::sip_uri:
      if (value.empty()) return std::nullopt;  // a missing URI is the object's problem
      return parsed_sip_uri_problem(value);
    case ValueKind::sip_uri_list:
      return sip_uri_list_problem(value);
    case ValueKind::bind_address:
      if (parse_bind(value)) return std::nullopt;
      return std::string("is not an address and port pjsip can bind to");
    case ValueKind::ip_acl:
      return acl_problem(value, false);
    case ValueKind::ip_match_list:
      return acl_problem(value, true);
    case ValueKind::dscp:
      return dscp_problem(value);
    case ValueKind::group_list:
      return group_list_problem(value);
    case ValueKind::channel_variable:
      return channel_variable_problem(value);
    case ValueKind::md5_digest:
      return md5_digest_problem(value);
    case ValueKind::password_digests:
      return password_digests_problem(value);
    case ValueKind::digest_algorithms:
      return digest_algorithms_problem(value);
    case ValueKind::caller_presentation:
      return presentation_problem(value);
    case ValueKind::codec_preferences:
      return codec_preferences_problem(type, value);
    case ValueKind::leading_unsigned:
      return leading_unsigned_problem(value);
    case ValueKind::uri_user:
      return uri_user_problem(value);
    case ValueKind::regex:
      return regex_problem(value);
    case ValueKind::cipher_list:
      return cipher_list_problem(value);
  }
  return std::nullopt;
}

// What Asterisk does instead of failing, for the kinds whose handler never fails.
std::string consequence(ValueKind kind) {
  switch (kind) {
    case ValueKind::boolean:
      return "Asterisk reads it as no";
    case ValueKind::group_list:
      return "Asterisk skips that part";
    default:
      return "Asterisk ignores it";
  }
}

std::string range_text(const ValueType& type) {
  if (!type.min && !type.max) return "";
  return fmt::format(" {}-{}", type.min.value_or(0), type.max.value_or(0));
}

}  // namespace

bool takes_any_value(const ValueType& type) {
  switch (type.kind) {
    case ValueKind::type_marker:
    case ValueKind::text:
    case ValueKind::reference:
    case ValueKind::reference_list:
      return true;
    default:
      return false;
  }
}

std::optional<ValueProblem> check_value(const ValueType& type, std::string_view value) {
  auto reason = reason_for(type, value);
  if (!reason) return std::nullopt;
  // Booleans and groups never fail in Asterisk: the handler reads what it can.
  const bool lenient = type.kind == ValueKind::boolean || type.kind == ValueKind::group_list;
  const auto severity = lenient ? Severity::warning : type.on_bad_value;
  if (severity == Severity::warning) *reason += "; " + consequence(type.kind);
  return ValueProblem{severity, std::move(*reason)};
}

std::string describe(const ValueType& type) {
  switch (type.kind) {
    case ValueKind::type_marker:
      return "object type";
    case ValueKind::text:
      return "text";
    case ValueKind::boolean:
      return "boolean";
    case ValueKind::unsigned_integer:
      return "unsigned integer" + range_text(type);
    case ValueKind::integer:
      return "integer" + range_text(type);
    case ValueKind::real:
      return "number";
    case ValueKind::enumeration:
      return "one of " + values::join(type.values);
    case ValueKind::enumeration_list:
      return "list of " + values::join(type.values);
    case ValueKind::codec_list:
      return "codec list";
    case ValueKind::reference:
      return "name of a " + type.target;
    case ValueKind::reference_list:
      return "list of " + type.target + " names";
    case ValueKind::sip_uri:
      return "SIP URI";
    case ValueKind::sip_uri_list:
      return "list of SIP URIs";
    case ValueKind::bind_address:
      return "address[:port]";
    case ValueKind::ip_acl:
      return "list of address[/mask]";
    case ValueKind::ip_match_list:
      return "list of address[:port][/mask] or host names";
    case ValueKind::dscp:
      return "DSCP value";
    case ValueKind::group_list:
      return "list of groups 0-63";
    case ValueKind::channel_variable:
      return "name=value";
    case ValueKind::md5_digest:
      return "MD5 digest";
    case ValueKind::password_digests:
      return "list of ALGORITHM:digest";
    case ValueKind::digest_algorithms:
      return "list of digest algorithms";
    case ValueKind::caller_presentation:
      return "caller presentation";
    case ValueKind::codec_preferences:
      return "codec negotiation preferences";
    case ValueKind::leading_unsigned:
      return "unsigned integer";
    case ValueKind::uri_user:
      return "SIP URI user part";
    case ValueKind::regex:
      return "regular expression";
    case ValueKind::cipher_list:
      return "list of cipher names";
  }
  return "text";
}

}  // namespace sip2pjsip::pjsip
