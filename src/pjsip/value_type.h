// What an option's value must look like for the handler res_pjsip registers for it, and what a
// value that does not fit costs. Most handlers fail on it, and sorcery then drops the whole
// object; a few (booleans, dtls_setup, groups, ...) take anything and quietly read it as
// something else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.h"

namespace sip2pjsip::pjsip {

enum class ValueKind {
  type_marker,          // `type=`: read by the loader, not by a handler
  text,                 // any text (string fields and handlers that keep the text as is)
  boolean,              // ast_true()/ast_false() words; anything else reads as "no"
  unsigned_integer,     // ast_parse_arg(PARSE_UINT32), optionally PARSE_IN_RANGE
  integer,              // ast_parse_arg(PARSE_INT32), optionally PARSE_IN_RANGE
  real,                 // ast_parse_arg(PARSE_DOUBLE)
  enumeration,          // one word of `values`
  enumeration_list,     // comma list of words of `values` (identify_by, ...)
  codec_list,           // allow/disallow (ast_format_cap_update_by_allow_disallow)
  reference,            // the name of an object of type `target`
  reference_list,       // comma list of names of objects of type `target`
  sip_uri,              // one sip:/sips: URI (ast_sip_validate_uri_length)
  sip_uri_list,         // comma list of them (aor contact)
  bind_address,         // transport bind (pj_sockaddr_parse)
  ip_acl,               // comma list of "[!]address[/mask]" (ast_append_ha)
  ip_match_list,        // identify match: ACL entries with ports, or host names
  dscp,                 // ast_str2tos(): a number or a DSCP name
  group_list,           // call/pickup groups 0-63 (ast_get_group)
  channel_variable,     // set_var "name=value"
  md5_digest,           // md5_cred: 32 characters
  password_digests,     // password_digest "ALGORITHM:digest,..."
  digest_algorithms,    // comma list of md5, sha-256, sha-512-256
  caller_presentation,  // callerid_privacy: a presentation name or a number
  codec_preferences,    // codec_prefs_*: "prefer: x, operation: y, keep: z, transcode: w"
  leading_unsigned,     // sscanf("%u"): starts with a number (dtls_rekey)
  uri_user,             // from_user: only characters allowed in a URI user part
  regex,                // POSIX extended regular expression (regcomp)
  cipher_list,          // transport cipher: comma list of cipher names or numbers
};

struct ValueType {
  ValueKind kind = ValueKind::text;
  std::vector<std::string> values;       // enumeration(_list): the accepted words
  bool case_sensitive = false;           // enumeration compared with strcmp, not strcasecmp
  bool accepts_booleans = false;         // enumeration also takes ast_true()/ast_false() words
  bool accepts_empty = false;            // enumeration: an empty value selects the default
  std::optional<std::int64_t> min, max;  // (unsigned_)integer range
  std::string target;                    // reference(_list): the object type named
  bool allowing = true;                  // codec_list: `allow` (true) or `disallow` (false)
  bool rejects_union = false;            // codec_preferences: "operation: union" refused
  // What a value that does not fit costs: error when the handler fails (the object is not
  // loaded), warning when Asterisk ignores the value.
  Severity on_bad_value = Severity::error;
};

struct ValueProblem {
  Severity severity = Severity::error;
  // Completes "<option> '<value>' ...", e.g. "is not a number". A warning's reason also says
  // what Asterisk does instead ("...; Asterisk reads it as no").
  std::string reason;
};

// Whether Asterisk's handler for this kind of option accepts the value.
std::optional<ValueProblem> check_value(const ValueType& type, std::string_view value);
// Whether the type takes every value (text, names of objects): check_value() finds nothing.
bool takes_any_value(const ValueType& type);

// The kind in words, for listings: "boolean", "one of udp, tcp", "reference to aor", ...
std::string describe(const ValueType& type);

}  // namespace sip2pjsip::pjsip
