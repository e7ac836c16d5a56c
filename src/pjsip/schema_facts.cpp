#include "pjsip/schema_facts.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

namespace sip2pjsip::pjsip::schema_facts {

namespace {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "... [handler dtmf_handler]" -> "dtmf_handler"
std::string_view handler_of(std::string_view documented) {
  const auto open = documented.find("[handler ");
  if (open == std::string_view::npos) return {};
  const auto start = open + 9;
  return documented.substr(start, documented.find(']', start) - start);
}

// "enum: a|b|c [handler x]" -> {a, b, c}
std::vector<std::string> enum_words(std::string_view documented) {
  std::vector<std::string> words;
  const auto colon = documented.find("enum:");
  if (colon == std::string_view::npos) return words;
  auto list = documented.substr(colon + 5);
  list = list.substr(0, list.find('['));
  std::size_t start = 0;
  while (start <= list.size()) {
    auto end = list.find('|', start);
    if (end == std::string_view::npos) end = list.size();
    if (const auto word = trim(list.substr(start, end - start)); !word.empty()) {
      words.emplace_back(word);
    }
    start = end + 1;
  }
  return words;
}

ValueType of_kind(ValueKind kind) {
  ValueType type;
  type.kind = kind;
  return type;
}

ValueType enumeration(std::vector<std::string> words) {
  auto type = of_kind(ValueKind::enumeration);
  type.values = std::move(words);
  return type;
}

ValueType reference(ValueKind kind, std::string target) {
  auto type = of_kind(kind);
  type.target = std::move(target);
  return type;
}

// ast_rtp_dtls_cfg_parse(): the endpoint's dtls_* options all go through one handler, which
// fails on some values and ignores others.
ValueType dtls_option(std::string_view option) {
  if (option == "dtls_verify") return enumeration({"no", "fingerprint", "certificate", "yes"});
  if (option == "dtls_rekey") return of_kind(ValueKind::leading_unsigned);
  if (option == "dtls_auto_generate_cert") return of_kind(ValueKind::boolean);
  if (option == "dtls_setup" || option == "dtls_fingerprint") {
    auto type = enumeration(option == "dtls_setup"
                                ? std::vector<std::string>{"active", "passive", "actpass"}
                                : std::vector<std::string>{"SHA-256", "SHA-1"});
    type.on_bad_value = Severity::warning;  // an unknown word leaves the default in place
    return type;
  }
  return of_kind(ValueKind::text);  // file names and the cipher list
}

ValueType from_handler(std::string_view handler, std::string_view option,
                       std::string_view documented) {
  // Handlers that compare the value with strcasecmp() against a fixed set.
  static const std::vector<std::string_view> kCaseless = {"dtmf_handler",
                                                          "direct_media_method_handler",
                                                          "connected_line_method_handler",
                                                          "direct_media_glare_mitigation_handler",
                                                          "media_encryption_handler",
                                                          "redirect_method_handler",
                                                          "security_negotiation_handler",
                                                          "auth_type_handler",
                                                          "transport_protocol_handler",
                                                          "overload_trigger_handler"};
  if (std::find(kCaseless.begin(), kCaseless.end(), handler) != kCaseless.end()) {
    return enumeration(enum_words(documented));
  }
  if (handler == "prack_handler" || handler == "timers_handler") {
    auto type = enumeration(enum_words(documented));
    type.accepts_booleans = true;  // ast_true()/ast_false() come first
    return type;
  }
  if (handler == "t38udptl_ec_handler" || handler == "call_offer_pref_handler") {
    auto type = enumeration(enum_words(documented));
    type.case_sensitive = true;  // strcmp()
    return type;
  }
  if (handler == "transport_tls_method_handler") {
    auto type = enumeration(enum_words(documented));
    type.accepts_empty = true;  // empty selects "default"
    return type;
  }
  if (handler == "ident_handler") {
    auto type = of_kind(ValueKind::enumeration_list);
    type.values = enum_words(documented);
    return type;
  }
  if (handler == "follow_redirect_methods_handler") {
    auto type = of_kind(ValueKind::enumeration_list);
    type.values = {"message"};  // redirect_method_mappings[]
    return type;
  }
  if (handler == "codec_prefs_handler") {
    auto type = of_kind(ValueKind::codec_preferences);
    type.rejects_union = option == "codec_prefs_incoming_offer";
    return type;
  }
  if (handler == "inbound_auth_handler" || handler == "outbound_auth_handler") {
    return reference(ValueKind::reference_list, "auth");
  }
  if (handler == "resource_endpoint_handler") return reference(ValueKind::reference, "endpoint");
  if (handler == "caller_id_privacy_handler") return of_kind(ValueKind::caller_presentation);
  if (handler == "group_handler") return of_kind(ValueKind::group_list);
  if (handler == "tos_handler" || handler == "transport_tos_handler") {
    return of_kind(ValueKind::dscp);
  }
  if (handler == "dtls_handler") return dtls_option(option);
  if (handler == "from_user_handler") return of_kind(ValueKind::uri_user);
  if (handler == "transport_tls_cipher_handler") return of_kind(ValueKind::cipher_list);
  if (handler == "set_var_handler") return of_kind(ValueKind::channel_variable);
  if (handler == "endpoint_acl_handler" || handler == "acl_handler") {
    // acl= and contact_acl= name acl.conf sections; an unknown name is not an error.
    if (option == "acl" || option == "contact_acl") return of_kind(ValueKind::text);
    return of_kind(ValueKind::ip_acl);
  }
  if (handler == "password_digest_handler") {
    return of_kind(option == "md5_cred" ? ValueKind::md5_digest : ValueKind::password_digests);
  }
  if (handler == "uac_algorithms_handler" || handler == "uas_algorithms_handler") {
    return of_kind(ValueKind::digest_algorithms);
  }
  if (handler == "permanent_uri_handler") return of_kind(ValueKind::sip_uri_list);
  if (handler == "ip_identify_match_handler") return of_kind(ValueKind::ip_match_list);
  if (handler == "transport_bind_handler") return of_kind(ValueKind::bind_address);
  if (handler == "transport_tls_bool_handler") return of_kind(ValueKind::boolean);
  if (handler == "transport_localnet_handler") return of_kind(ValueKind::ip_acl);
  if (handler == "regex_filter_handler") return of_kind(ValueKind::regex);
  if (handler == "transport_state_init") return of_kind(ValueKind::type_marker);
  // media_address (IP or host name), callerid, tags, file names, ciphers, security
  // mechanisms, list items, stir_shaken (ignored from 20): the handler keeps the text.
  return of_kind(ValueKind::text);
}

}  // namespace

ValueType from_documented_type(std::string_view option, std::string_view documented) {
  if (starts_with(documented, "object type marker")) return of_kind(ValueKind::type_marker);
  if (const auto handler = handler_of(documented); !handler.empty()) {
    return from_handler(handler, option, documented);
  }
  if (starts_with(documented, "boolean")) return of_kind(ValueKind::boolean);
  if (starts_with(documented, "unsigned integer")) return of_kind(ValueKind::unsigned_integer);
  if (starts_with(documented, "integer")) return of_kind(ValueKind::integer);
  if (starts_with(documented, "float")) return of_kind(ValueKind::real);
  if (starts_with(documented, "codec list")) {
    auto codecs = of_kind(ValueKind::codec_list);
    codecs.allowing = option != "disallow";
    return codecs;
  }
  if (starts_with(documented, "endpoint name")) return reference(ValueKind::reference, "endpoint");
  return of_kind(ValueKind::text);
}

void apply_source_facts(std::string_view type, int branch, OptionSpec& option) {
  const std::string_view name = option.name;
  auto is = [&](std::string_view t, std::string_view o) { return type == t && name == o; };
  auto drop_word = [&](std::string_view word) {
    auto& words = option.type.values;
    words.erase(std::remove(words.begin(), words.end(), word), words.end());
  };

  // String fields that hold the names of other objects (looked up with
  // ast_sorcery_retrieve_by_id when used).
  if (is("endpoint", "aors")) option.type = reference(ValueKind::reference_list, "aor");
  if (is("endpoint", "transport") || is("registration", "transport") ||
      is("outbound-publish", "transport")) {
    option.type = reference(ValueKind::reference, "transport");
  }
  if (is("identify", "endpoint") || is("registration", "endpoint") || is("phoneprov", "endpoint")) {
    option.type = reference(ValueKind::reference, "endpoint");
  }

  // URIs the apply handlers pass to ast_sip_validate_uri_length().
  if (is("registration", "server_uri") || is("registration", "client_uri") ||
      is("outbound-publish", "server_uri") || is("outbound-publish", "from_uri") ||
      is("outbound-publish", "to_uri")) {
    option.type = of_kind(ValueKind::sip_uri);
  }

  // Ranges registered with PARSE_IN_RANGE.
  auto range = [&](std::int64_t min, std::int64_t max) {
    option.type.min = min;
    option.type.max = max;
  };
  if (is("aor", "qualify_frequency") || is("contact", "qualify_frequency")) range(0, 86400);
  if (is("transport", "external_signaling_port")) range(0, 65535);
  if (is("transport", "websocket_write_timeout")) range(1, INT32_MAX);
  if (is("endpoint", "rtp_port_start") || is("endpoint", "rtp_port_end")) range(0, 65535);

  // Words the handler of an older branch does not know yet.
  if (is("endpoint", "100rel") && branch < 16) drop_word("peer_supported");
  if (is("endpoint", "identify_by") && branch < 18) drop_word("request_uri");
  if (is("auth", "auth_type")) {
    if (branch < 18) drop_word("google_oauth");
    if (branch < 20) drop_word("digest");
  }
  if (is("transport", "protocol") && branch < 18) drop_word("flow");
  if (is("transport", "method") && branch < 18) drop_word("tlsv1_3");

  // Before 20 md5_cred is a plain string field; auth_apply checks its length only for
  // auth_type=md5 (see the auth rules of the checker).
  if (is("auth", "md5_cred") && branch < 20) option.type = of_kind(ValueKind::text);

  // global_apply() replaces bad algorithm lists with the default and goes on.
  if (is("global", "default_auth_algorithms_uas") || is("global", "default_auth_algorithms_uac")) {
    option.type = of_kind(ValueKind::digest_algorithms);
    option.type.on_bad_value = Severity::warning;
  }
}

bool is_repeatable(std::string_view type, std::string_view option) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kAppending = {
      {"aor", "contact"},
      {"identify", "match"},
      {"transport", "local_net"},
      {"endpoint", "set_var"},
      {"endpoint", "allow"},
      {"endpoint", "disallow"},
      {"endpoint", "deny"},
      {"endpoint", "permit"},
      {"endpoint", "acl"},
      {"endpoint", "contact_deny"},
      {"endpoint", "contact_permit"},
      {"endpoint", "contact_acl"},
      {"acl", "deny"},
      {"acl", "permit"},
      {"acl", "acl"},
      {"acl", "contact_deny"},
      {"acl", "contact_permit"},
      {"acl", "contact_acl"},
      {"resource_list", "list_item"}};
  if (!option.empty() && option.back() == '*') return true;  // every name is its own variable
  return std::find(kAppending.begin(), kAppending.end(), std::make_pair(type, option)) !=
         kAppending.end();
}

}  // namespace sip2pjsip::pjsip::schema_facts
