// The per-branch schema of res_pjsip: built from data/pjsip_options.tsv, refined with what the
// Asterisk sources show.
#include <gtest/gtest.h>

#include <stdexcept>

#include "pjsip/schema.h"

namespace sip2pjsip::pjsip {
namespace {

bool has(int branch, const char* type, const char* option) {
  return schema_for(branch).find(type, option) != nullptr;
}

const OptionSpec& spec(int branch, const char* type, const char* option) {
  const auto* found = schema_for(branch).find(type, option);
  if (!found) throw std::runtime_error(std::string("no ") + type + " " + option);
  return *found;
}

TEST(SchemaBranches, EveryBranchOfTheTableHasASchema) {
  for (const int branch : kBranches) {
    EXPECT_EQ(schema_for(branch).branch(), branch);
    EXPECT_TRUE(is_known_branch(branch));
  }
  EXPECT_FALSE(is_known_branch(19));
  EXPECT_THROW(schema_for(19), std::out_of_range);
}

TEST(SchemaBranches, WebrtcArrivesIn16) {
  EXPECT_FALSE(has(13, "endpoint", "webrtc"));
  for (const int branch : {16, 18, 20, 21, 22}) EXPECT_TRUE(has(branch, "endpoint", "webrtc"));
  EXPECT_EQ(branches_with("endpoint", "webrtc"), (std::vector<int>{16, 18, 20, 21, 22}));
}

TEST(SchemaBranches, RegistrationUserAgentIsIn21And22ButNot20) {
  EXPECT_FALSE(has(20, "registration", "user_agent"));
  EXPECT_TRUE(has(21, "registration", "user_agent"));
  EXPECT_TRUE(has(22, "registration", "user_agent"));
  EXPECT_EQ(branches_with("registration", "user_agent"), (std::vector<int>{21, 22}));
}

TEST(SchemaBranches, Branch21LacksWhat20And22GotLater) {
  for (const char* option : {"rtp_port_start", "rtp_port_end", "follow_redirect_methods"}) {
    EXPECT_TRUE(has(20, "endpoint", option)) << option;
    EXPECT_FALSE(has(21, "endpoint", option)) << option;
    EXPECT_TRUE(has(22, "endpoint", option)) << option;
  }
  EXPECT_FALSE(has(21, "transport", "external_signaling_hostname"));
  EXPECT_FALSE(has(21, "system", "taskpool_max_size"));
  EXPECT_TRUE(has(21, "system", "threadpool_max_size"));
}

TEST(SchemaBranches, OptionsOf18) {
  EXPECT_FALSE(has(16, "identify", "match_request_uri"));
  EXPECT_TRUE(has(18, "identify", "match_request_uri"));
  EXPECT_FALSE(has(16, "endpoint", "incoming_call_offer_pref"));
  EXPECT_TRUE(has(18, "endpoint", "incoming_call_offer_pref"));
  EXPECT_FALSE(has(16, "auth", "refresh_token"));
  EXPECT_FALSE(has(18, "auth", "password_digest"));
  EXPECT_TRUE(has(20, "auth", "password_digest"));
}

TEST(SchemaTypes, TypesRead) {
  const auto& schema = schema_for(20);
  for (const char* type :
       {"endpoint", "aor", "auth", "identify", "transport", "registration", "domain_alias", "acl",
        "global", "system", "outbound-publish", "inbound-publication", "resource_list", "phoneprov",
        "asterisk-publication"}) {
    ASSERT_NE(schema.find_type(type), nullptr) << type;
    EXPECT_TRUE(schema.find_type(type)->in_pjsip_conf) << type;
  }
  // Kept in Asterisk's own database, never read from pjsip.conf.
  EXPECT_FALSE(schema.find_type("contact")->in_pjsip_conf);
  EXPECT_FALSE(schema.find_type("subscription_persistence")->in_pjsip_conf);
  // The criteria "type=endpoint" is compared with strcmp.
  EXPECT_EQ(schema.find_type("Endpoint"), nullptr);
  EXPECT_EQ(schema.find_type("wizard"), nullptr);
  EXPECT_TRUE(schema.find_type("global")->singleton);
  EXPECT_TRUE(schema.find_type("system")->singleton);
  EXPECT_FALSE(schema.find_type("endpoint")->singleton);
}

TEST(SchemaTypes, OptionNamesIgnoreCasePatternsDoNot) {
  EXPECT_TRUE(has(20, "endpoint", "Direct_Media"));
  EXPECT_EQ(spec(20, "inbound-publication", "event_presence").name, "event_*");
  EXPECT_FALSE(has(20, "inbound-publication", "EVENT_presence"));
  EXPECT_EQ(spec(20, "phoneprov", "MAC").name, "MAC");
  EXPECT_EQ(spec(20, "phoneprov", "TIMEZONE").name, "*");  // any key goes to the profile
  EXPECT_FALSE(has(20, "endpoint", "nonsense"));
}

TEST(SchemaTypes, ValueKindsFromTheTable) {
  EXPECT_EQ(spec(20, "endpoint", "type").type.kind, ValueKind::type_marker);
  EXPECT_EQ(spec(20, "transport", "type").type.kind, ValueKind::type_marker);
  EXPECT_EQ(spec(20, "endpoint", "context").type.kind, ValueKind::text);
  EXPECT_EQ(spec(20, "endpoint", "direct_media").type.kind, ValueKind::boolean);
  EXPECT_EQ(spec(20, "transport", "verify_server").type.kind, ValueKind::boolean);
  EXPECT_EQ(spec(20, "aor", "max_contacts").type.kind, ValueKind::unsigned_integer);
  EXPECT_EQ(spec(20, "global", "mwi_tps_queue_low").type.kind, ValueKind::integer);
  EXPECT_EQ(spec(20, "aor", "qualify_timeout").type.kind, ValueKind::real);
  EXPECT_EQ(spec(20, "endpoint", "allow").type.kind, ValueKind::codec_list);
  EXPECT_TRUE(spec(20, "endpoint", "allow").type.allowing);
  EXPECT_FALSE(spec(20, "endpoint", "disallow").type.allowing);
  EXPECT_EQ(spec(20, "endpoint", "dtmf_mode").type.values,
            (std::vector<std::string>{"rfc4733", "inband", "none", "info", "auto", "auto_info"}));
  EXPECT_EQ(spec(20, "endpoint", "identify_by").type.kind, ValueKind::enumeration_list);
  EXPECT_EQ(spec(20, "aor", "contact").type.kind, ValueKind::sip_uri_list);
  EXPECT_EQ(spec(20, "transport", "bind").type.kind, ValueKind::bind_address);
  EXPECT_EQ(spec(20, "endpoint", "permit").type.kind, ValueKind::ip_acl);
  EXPECT_EQ(spec(20, "endpoint", "acl").type.kind, ValueKind::text);  // acl.conf names
  EXPECT_EQ(spec(20, "identify", "match").type.kind, ValueKind::ip_match_list);
  EXPECT_EQ(spec(20, "transport", "local_net").type.kind, ValueKind::ip_acl);
  EXPECT_EQ(spec(20, "endpoint", "tos_audio").type.kind, ValueKind::dscp);
  EXPECT_EQ(spec(20, "endpoint", "call_group").type.kind, ValueKind::group_list);
  EXPECT_EQ(spec(20, "endpoint", "set_var").type.kind, ValueKind::channel_variable);
  EXPECT_EQ(spec(20, "endpoint", "callerid_privacy").type.kind, ValueKind::caller_presentation);
  EXPECT_EQ(spec(20, "endpoint", "codec_prefs_incoming_offer").type.kind,
            ValueKind::codec_preferences);
  EXPECT_TRUE(spec(20, "endpoint", "codec_prefs_incoming_offer").type.rejects_union);
  EXPECT_FALSE(spec(20, "endpoint", "codec_prefs_outgoing_offer").type.rejects_union);
  EXPECT_EQ(spec(20, "endpoint", "from_user").type.kind, ValueKind::uri_user);
  EXPECT_EQ(spec(20, "endpoint", "dtls_rekey").type.kind, ValueKind::leading_unsigned);
  EXPECT_EQ(spec(20, "endpoint", "dtls_setup").type.on_bad_value, Severity::warning);
  EXPECT_EQ(spec(20, "asterisk-publication", "device_state_filter").type.kind, ValueKind::regex);
}

TEST(SchemaFacts, ReferencesReadInTheSources) {
  auto target = [](const char* type, const char* option) {
    const auto& value = spec(20, type, option).type;
    const char* kind = value.kind == ValueKind::reference        ? "one "
                       : value.kind == ValueKind::reference_list ? "list "
                                                                 : "not ";
    return kind + value.target;
  };
  EXPECT_EQ(target("endpoint", "aors"), "list aor");
  EXPECT_EQ(target("endpoint", "auth"), "list auth");
  EXPECT_EQ(target("endpoint", "outbound_auth"), "list auth");
  EXPECT_EQ(target("endpoint", "transport"), "one transport");
  EXPECT_EQ(target("identify", "endpoint"), "one endpoint");
  EXPECT_EQ(target("registration", "outbound_auth"), "list auth");
  EXPECT_EQ(target("registration", "transport"), "one transport");
  EXPECT_EQ(target("registration", "endpoint"), "one endpoint");
  EXPECT_EQ(target("outbound-publish", "outbound_auth"), "list auth");
  EXPECT_EQ(target("inbound-publication", "endpoint"), "one endpoint");
  EXPECT_EQ(target("phoneprov", "endpoint"), "one endpoint");
  EXPECT_EQ(target("endpoint", "outbound_proxy"), "not ");
}

TEST(SchemaFacts, RepeatableOptionsAppendTheOthersReplace) {
  for (const auto& [type, option] :
       std::vector<std::pair<const char*, const char*>>{{"aor", "contact"},
                                                        {"identify", "match"},
                                                        {"transport", "local_net"},
                                                        {"endpoint", "set_var"},
                                                        {"endpoint", "allow"},
                                                        {"endpoint", "permit"},
                                                        {"acl", "deny"},
                                                        {"resource_list", "list_item"}}) {
    EXPECT_TRUE(spec(20, type, option).repeatable) << type << " " << option;
  }
  // ast_sip_auth_vector_init() empties the list first; aors is a string field.
  for (const auto& [type, option] :
       std::vector<std::pair<const char*, const char*>>{{"endpoint", "aors"},
                                                        {"endpoint", "auth"},
                                                        {"endpoint", "outbound_auth"},
                                                        {"registration", "outbound_auth"},
                                                        {"identify", "match_header"}}) {
    EXPECT_FALSE(spec(20, type, option).repeatable) << type << " " << option;
  }
}

TEST(SchemaFacts, RangesRegisteredWithTheOption) {
  EXPECT_EQ(spec(20, "aor", "qualify_frequency").type.max, 86400);
  EXPECT_EQ(spec(20, "transport", "external_signaling_port").type.max, 65535);
  EXPECT_EQ(spec(20, "transport", "websocket_write_timeout").type.min, 1);
  EXPECT_EQ(spec(20, "endpoint", "rtp_port_start").type.max, 65535);
  EXPECT_FALSE(spec(20, "aor", "max_contacts").type.max.has_value());
}

TEST(SchemaFacts, EnumWordsPerBranch) {
  auto words = [](int branch, const char* type, const char* option) {
    return spec(branch, type, option).type.values;
  };
  using Words = std::vector<std::string>;
  EXPECT_EQ(words(13, "endpoint", "100rel"), (Words{"no", "required", "yes"}));
  EXPECT_EQ(words(16, "endpoint", "100rel"), (Words{"no", "required", "peer_supported", "yes"}));
  EXPECT_EQ(words(16, "endpoint", "identify_by"),
            (Words{"username", "auth_username", "ip", "header"}));
  EXPECT_EQ(words(18, "endpoint", "identify_by"),
            (Words{"username", "auth_username", "ip", "header", "request_uri"}));
  EXPECT_EQ(words(16, "auth", "auth_type"), (Words{"userpass", "md5"}));
  EXPECT_EQ(words(18, "auth", "auth_type"), (Words{"userpass", "md5", "google_oauth"}));
  EXPECT_EQ(words(20, "auth", "auth_type"), (Words{"userpass", "md5", "google_oauth", "digest"}));
  EXPECT_EQ(words(16, "transport", "protocol"), (Words{"udp", "tcp", "tls", "ws", "wss"}));
  EXPECT_EQ(words(18, "transport", "protocol"), (Words{"udp", "tcp", "tls", "ws", "wss", "flow"}));
}

TEST(SchemaFacts, Md5CredIsCheckedByItsHandlerFrom20) {
  EXPECT_EQ(spec(18, "auth", "md5_cred").type.kind, ValueKind::text);
  EXPECT_EQ(spec(20, "auth", "md5_cred").type.kind, ValueKind::md5_digest);
}

TEST(SchemaTypes, DescribeInWords) {
  EXPECT_EQ(describe(spec(20, "aor", "qualify_frequency").type), "unsigned integer 0-86400");
  EXPECT_EQ(describe(spec(20, "endpoint", "aors").type), "list of aor names");
  EXPECT_EQ(describe(spec(20, "endpoint", "direct_media_method").type),
            "one of invite, reinvite, update");
}

}  // namespace
}  // namespace sip2pjsip::pjsip
