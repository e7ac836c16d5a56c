// check_value() for every kind of value, with the options of the real schema: what each
// res_pjsip handler accepts, refuses (error: the object is not loaded) or reads as something
// else (warning).
#include <gtest/gtest.h>

#include "pjsip/schema.h"

namespace sip2pjsip::pjsip {
namespace {

// "ok", or "<severity>: <reason>".
std::string verdict(const char* type, const char* option, const std::string& value,
                    int branch = 20) {
  const auto* spec = schema_for(branch).find(type, option);
  if (!spec) return "no such option";
  const auto problem = check_value(spec->type, value);
  if (!problem) return "ok";
  return std::string(to_string(problem->severity)) + ": " + problem->reason;
}

TEST(SchemaValueBoolean, AstTrueAndAstFalseWords) {
  for (const char* word :
       {"yes", "no", "true", "false", "on", "off", "1", "0", "y", "n", "t", "f", "YES", "Off"}) {
    EXPECT_EQ(verdict("endpoint", "direct_media", word), "ok") << word;
  }
  // bool_handler_fn never fails: ast_true() of anything else is 0.
  EXPECT_EQ(verdict("endpoint", "direct_media", "maybe"),
            "warning: is neither yes nor no; Asterisk reads it as no");
  EXPECT_EQ(verdict("endpoint", "direct_media", ""),
            "warning: is neither yes nor no; Asterisk reads it as no");
  EXPECT_EQ(verdict("endpoint", "webrtc", "2"),
            "warning: is neither yes nor no; Asterisk reads it as no");
  EXPECT_EQ(verdict("transport", "verify_client", "enabled"),
            "warning: is neither yes nor no; Asterisk reads it as no");
}

TEST(SchemaValueUnsigned, ParseUint32) {
  EXPECT_EQ(verdict("aor", "max_contacts", "5"), "ok");
  EXPECT_EQ(verdict("aor", "max_contacts", "0x10"), "ok");  // strtoul base 0
  EXPECT_EQ(verdict("aor", "max_contacts", "4294967295"), "ok");
  EXPECT_EQ(verdict("aor", "max_contacts", "4294967296"), "error: is too large");
  EXPECT_EQ(verdict("aor", "max_contacts", "-1"), "error: is negative");
  EXPECT_EQ(verdict("aor", "max_contacts", "five"), "error: is not a number");
  EXPECT_EQ(verdict("aor", "max_contacts", "5s"), "error: is not a number");
  EXPECT_EQ(verdict("aor", "max_contacts", ""), "error: is not a number");
}

TEST(SchemaValueUnsigned, RegisteredRange) {
  EXPECT_EQ(verdict("aor", "qualify_frequency", "86400"), "ok");
  EXPECT_EQ(verdict("aor", "qualify_frequency", "86401"), "error: is outside 0-86400");
  EXPECT_EQ(verdict("transport", "external_signaling_port", "65536"), "error: is outside 0-65535");
}

TEST(SchemaValueInteger, ParseInt32) {
  EXPECT_EQ(verdict("global", "mwi_tps_queue_low", "-1"), "ok");
  EXPECT_EQ(verdict("global", "mwi_tps_queue_low", "abc"), "error: is not a number");
  EXPECT_EQ(verdict("global", "mwi_tps_queue_low", "3000000000"), "error: is too large");
  EXPECT_EQ(verdict("transport", "websocket_write_timeout", "0"), "error: is outside 1-2147483647");
}

TEST(SchemaValueReal, ParseDouble) {
  EXPECT_EQ(verdict("aor", "qualify_timeout", "3.5"), "ok");
  EXPECT_EQ(verdict("aor", "qualify_timeout", "1e1"), "ok");
  EXPECT_EQ(verdict("aor", "qualify_timeout", "3,5"), "error: is not a number");
}

TEST(SchemaValueEnumeration, CaseInsensitiveWords) {
  EXPECT_EQ(verdict("endpoint", "dtmf_mode", "RFC4733"), "ok");
  EXPECT_EQ(verdict("endpoint", "dtmf_mode", "rfc2833"),
            "error: is not one of rfc4733, inband, none, info, auto, auto_info");
  EXPECT_EQ(verdict("endpoint", "direct_media_method", "reinvite"), "ok");
  EXPECT_EQ(verdict("transport", "protocol", "TLS"), "ok");
}

TEST(SchemaValueEnumeration, BooleanWordsFor100relAndTimers) {
  EXPECT_EQ(verdict("endpoint", "100rel", "on"), "ok");
  EXPECT_EQ(verdict("endpoint", "timers", "forced"), "ok");
  EXPECT_EQ(verdict("endpoint", "timers", "sometimes"),
            "error: is not one of no, yes, required, always, forced");
}

TEST(SchemaValueEnumeration, StrcmpHandlers) {
  EXPECT_EQ(verdict("endpoint", "t38_udptl_ec", "fec"), "ok");
  EXPECT_EQ(verdict("endpoint", "t38_udptl_ec", "FEC"),
            "error: is not one of none, fec, redundancy");
  EXPECT_EQ(verdict("endpoint", "incoming_call_offer_pref", "Local"),
            "error: is not one of local, local_first, remote, remote_first");
  EXPECT_EQ(verdict("endpoint", "outgoing_call_offer_pref", "remote_merge"), "ok");
}

TEST(SchemaValueEnumeration, WordsDependOnTheBranch) {
  EXPECT_EQ(verdict("endpoint", "100rel", "peer_supported", 13),
            "error: is not one of no, required, yes");
  EXPECT_EQ(verdict("endpoint", "100rel", "peer_supported", 16), "ok");
  EXPECT_EQ(verdict("auth", "auth_type", "digest", 18),
            "error: is not one of userpass, md5, google_oauth");
  EXPECT_EQ(verdict("transport", "protocol", "flow", 16),
            "error: is not one of udp, tcp, tls, ws, wss");
}

TEST(SchemaValueEnumeration, EmptyTlsMethodIsTheDefault) {
  EXPECT_EQ(verdict("transport", "method", ""), "ok");
  EXPECT_EQ(verdict("transport", "method", "tlsv1_2"), "ok");
  EXPECT_EQ(verdict("transport", "method", "tlsv1_3", 16),
            "error: is not one of default, unspecified, tlsv1, tlsv1_1, tlsv1_2, sslv2, sslv3, "
            "sslv23");
}

TEST(SchemaValueEnumeration, DtlsSetupIsIgnoredNotRefused) {
  EXPECT_EQ(verdict("endpoint", "dtls_setup", "actpass"), "ok");
  EXPECT_EQ(verdict("endpoint", "dtls_setup", "both"),
            "warning: is not one of active, passive, actpass; Asterisk ignores it");
  EXPECT_EQ(verdict("endpoint", "dtls_verify", "maybe"),
            "error: is not one of no, fingerprint, certificate, yes");
}

TEST(SchemaValueEnumerationList, IdentifyBy) {
  EXPECT_EQ(verdict("endpoint", "identify_by", "username, ip"), "ok");
  EXPECT_EQ(verdict("endpoint", "identify_by", "ip,request_uri", 16),
            "error: contains 'request_uri', which is not one of username, auth_username, ip, "
            "header");
  EXPECT_EQ(verdict("endpoint", "follow_redirect_methods", "message"), "ok");
  EXPECT_EQ(verdict("endpoint", "follow_redirect_methods", "invite"),
            "error: contains 'invite', which is not one of message");
}

TEST(SchemaValueCodecs, AllowAndDisallow) {
  EXPECT_EQ(verdict("endpoint", "allow", "ulaw,alaw,g722"), "ok");
  EXPECT_EQ(verdict("endpoint", "allow", "!all,ulaw:20|alaw"), "ok");
  EXPECT_EQ(verdict("endpoint", "allow", "(ulaw|alaw)"), "ok");
  EXPECT_EQ(verdict("endpoint", "allow", "ulaw,g7299"), "error: names unknown codec 'g7299'");
  EXPECT_EQ(verdict("endpoint", "allow", "ulaw:x"), "error: has a bad packetization in 'ulaw:x'");
  EXPECT_EQ(verdict("endpoint", "allow", "ulaw,"), "error: has an empty codec name");
  EXPECT_EQ(verdict("endpoint", "allow", ""), "error: has an empty codec name");
  EXPECT_EQ(verdict("endpoint", "disallow", ""), "ok");
  EXPECT_EQ(verdict("endpoint", "disallow", "all"), "ok");
}

TEST(SchemaValueReferences, AnyNameSyntaxIsFine) {
  // Whether the names exist is the checker's business.
  EXPECT_EQ(verdict("endpoint", "aors", "a, b"), "ok");
  EXPECT_EQ(verdict("endpoint", "transport", "transport-udp"), "ok");
}

TEST(SchemaValueUris, ValidateUriLength) {
  EXPECT_EQ(verdict("aor", "contact", "sip:6001@192.0.2.10:5060"), "ok");
  EXPECT_EQ(verdict("aor", "contact", "sip:a@example.com, SIPS:b@[2001:db8::1]:5061"), "ok");
  EXPECT_EQ(verdict("aor", "contact", "<sip:a@example.com>"), "ok");
  EXPECT_EQ(verdict("aor", "contact", "6001@192.0.2.10"),
            "error: has '6001@192.0.2.10', which is not a sip: or sips: URI");
  EXPECT_EQ(verdict("aor", "contact", "sip:a@[2001:db8::1"),
            "error: has 'sip:a@[2001:db8::1', which has an IPv6 host without ']'");
  const std::string long_host(246, 'h');
  EXPECT_EQ(verdict("aor", "contact", "sip:" + long_host),
            "error: has 'sip:" + long_host + "', which has a host longer than 245 characters");
  EXPECT_EQ(verdict("aor", "contact", "sip:" + long_host + ":5060"), "ok");
  EXPECT_EQ(verdict("registration", "server_uri", "sip:provider.example.com"), "ok");
  EXPECT_EQ(verdict("registration", "server_uri", "provider.example.com"),
            "error: is not a sip: or sips: URI");
}

TEST(SchemaValueBind, PjSockaddrParse) {
  for (const char* bind : {"0.0.0.0", "0.0.0.0:5060", "192.0.2.1:5061", "[::]:5060", "::",
                           "2001:db8::1", "[2001:db8::1]", ":5060", "", "pbx.example.com:5060"}) {
    EXPECT_EQ(verdict("transport", "bind", bind), "ok") << bind;
  }
  for (const char* bind : {"0.0.0.0:70000", "0.0.0.0:port", "[::1:5060", "bad host"}) {
    EXPECT_EQ(verdict("transport", "bind", bind),
              "error: is not an address and port pjsip can bind to")
        << bind;
  }
}

TEST(SchemaValueAcl, AppendHa) {
  EXPECT_EQ(verdict("endpoint", "permit", "192.0.2.0/24"), "ok");
  EXPECT_EQ(verdict("endpoint", "deny", "0.0.0.0/0.0.0.0, !10.0.0.1"), "ok");
  EXPECT_EQ(verdict("endpoint", "permit", "2001:db8::/32"), "ok");
  EXPECT_EQ(verdict("endpoint", "permit", ""), "ok");
  EXPECT_EQ(verdict("endpoint", "permit", "192.0.2.0/33"),
            "error: has an entry Asterisk refuses: '33' is not a prefix length for IPv4");
  EXPECT_EQ(verdict("endpoint", "permit", "192.0.2.0/ffff::"),
            "error: has an entry Asterisk refuses: netmask 'ffff::' is not of the family of "
            "'192.0.2.0'");
  EXPECT_EQ(verdict("endpoint", "deny", "example.com"),
            "error: has an entry Asterisk refuses: 'example.com' is not an IP address");
  EXPECT_EQ(verdict("endpoint", "deny", "192.0.2.1:5060"),
            "error: has an entry Asterisk refuses: '192.0.2.1:5060' is not an IP address");
  EXPECT_EQ(verdict("transport", "local_net", "192.168.0.0/255.255.0.0"), "ok");
  EXPECT_EQ(verdict("transport", "local_net", "192.168.0.0/16,"),
            "error: has an entry Asterisk refuses: '' is not an IP address");
}

TEST(SchemaValueAcl, IdentifyMatchTakesPortsAndHostNames) {
  EXPECT_EQ(verdict("identify", "match", "192.0.2.1:5060, sip.example.com, 10.0.0.0/8"), "ok");
  EXPECT_EQ(verdict("identify", "match", "[2001:db8::1]:5060"), "ok");
  EXPECT_EQ(verdict("identify", "match", "sip.example.com/24"),
            "error: has an entry Asterisk refuses: 'sip.example.com' is not an IP address");
}

TEST(SchemaValueDscp, NumberOrName) {
  EXPECT_EQ(verdict("endpoint", "tos_audio", "ef"), "ok");
  EXPECT_EQ(verdict("endpoint", "tos_audio", "0xb8"), "ok");
  EXPECT_EQ(verdict("transport", "tos", "AF41"), "ok");
  EXPECT_EQ(verdict("endpoint", "tos_video", "lowdelay"),
            "error: is neither a number nor a DSCP name (CS0-CS7, AF11-AF43, EF)");
}

TEST(SchemaValueGroups, OutOfRangeIsSkipped) {
  EXPECT_EQ(verdict("endpoint", "call_group", "1,3-5"), "ok");
  EXPECT_EQ(verdict("endpoint", "pickup_group", "1,64"),
            "warning: contains group 64, but groups are 0-63; Asterisk skips that part");
  EXPECT_EQ(verdict("endpoint", "pickup_group", "sales"),
            "warning: contains 'sales', which is not a group number; Asterisk skips that part");
}

TEST(SchemaValueText, SetVarNeedsEquals) {
  EXPECT_EQ(verdict("endpoint", "set_var", "GROUP=sales"), "ok");
  EXPECT_EQ(verdict("endpoint", "set_var", "GROUP"), "error: has no '=' between name and value");
}

TEST(SchemaValueText, FromUserCharacters) {
  EXPECT_EQ(verdict("endpoint", "from_user", "+4930123"), "ok");
  EXPECT_EQ(verdict("endpoint", "from_user", "john doe"),
            "error: contains ' ', which a SIP URI user part cannot hold");
}

// transport_tls_cipher_handler looks each item up by name or number; an OpenSSL cipher
// string, which chan_sip's tlscipher took, fails the transport.
TEST(SchemaValueText, TransportCipherNames) {
  EXPECT_EQ(verdict("transport", "cipher", "ECDHE-RSA-AES128-GCM-SHA256, AES256-SHA"), "ok");
  EXPECT_EQ(verdict("transport", "cipher", "TLS_AES_128_GCM_SHA256,0xC02F,49199"), "ok");
  EXPECT_EQ(verdict("transport", "cipher", "ALL"),
            "error: has 'ALL', which is not a cipher name (an OpenSSL cipher string such as ALL "
            "or HIGH:!aNULL is not accepted)");
  EXPECT_EQ(verdict("transport", "cipher", "ECDHE-RSA-AES128-GCM-SHA256,HIGH:!aNULL:!MD5"),
            "error: has 'HIGH:!aNULL:!MD5', which is not a cipher name (an OpenSSL cipher string "
            "such as ALL or HIGH:!aNULL is not accepted)");
}

// pjsip parses a registration's URIs when it applies it (a real Asterisk 20 refused the
// placeholder below); an aor contact is only measured, so the same URI loads there.
TEST(SchemaValueText, RegistrationUriUserPart) {
  EXPECT_EQ(verdict("registration", "client_uri", "sip:+49%2030;x=1@192.0.2.1"), "ok");
  EXPECT_EQ(verdict("registration", "client_uri", "sip:0621<username>@193.91.75.213"),
            "error: has '<' in its user part, which a SIP URI cannot hold");
  EXPECT_EQ(verdict("registration", "server_uri", "sip:my user@192.0.2.1"),
            "error: has ' ' in its user part, which a SIP URI cannot hold");
  EXPECT_EQ(verdict("aor", "contact", "sip:<username>@sip.example.com"), "ok");
}

TEST(SchemaValueText, CallerPresentation) {
  EXPECT_EQ(verdict("endpoint", "callerid_privacy", "prohib"), "ok");
  EXPECT_EQ(verdict("endpoint", "callerid_privacy", "32"), "ok");
  EXPECT_EQ(verdict("endpoint", "callerid_privacy", "hidden"),
            "error: is neither a presentation name nor a number");
}

TEST(SchemaValueText, DtlsRekeyStartsWithANumber) {
  EXPECT_EQ(verdict("endpoint", "dtls_rekey", "3600"), "ok");
  EXPECT_EQ(verdict("endpoint", "dtls_rekey", "never"), "error: does not start with a number");
}

TEST(SchemaValueText, RegularExpression) {
  EXPECT_EQ(verdict("asterisk-publication", "device_state_filter", "^PJSIP/"), "ok");
  EXPECT_EQ(verdict("asterisk-publication", "device_state_filter", "a("),
            "error: is not a valid regular expression");
}

TEST(SchemaValueDigests, Md5CredAndPasswordDigest) {
  const std::string md5(32, 'a');
  const std::string sha(64, 'b');
  EXPECT_EQ(verdict("auth", "md5_cred", md5), "ok");
  EXPECT_EQ(verdict("auth", "md5_cred", "abc"), "error: is 3 characters long, not 32");
  EXPECT_EQ(verdict("auth", "md5_cred", "abc", 18), "ok");  // checked by auth_apply then
  EXPECT_EQ(verdict("auth", "password_digest", "SHA-256:" + sha + "," + md5), "ok");
  EXPECT_EQ(verdict("auth", "password_digest", "sha-256:" + md5),
            "error: has a SHA-256 digest of 32 characters, not 64");
  EXPECT_EQ(verdict("auth", "password_digest", "SHA-1:" + md5),
            "error: names unknown digest algorithm 'SHA-1'");
  EXPECT_EQ(verdict("auth", "supported_algorithms_uas", "md5, SHA-256"), "ok");
  EXPECT_EQ(verdict("auth", "supported_algorithms_uac", "sha1"),
            "error: names unknown digest algorithm 'sha1'");
  EXPECT_EQ(verdict("global", "default_auth_algorithms_uas", "sha1"),
            "warning: names unknown digest algorithm 'sha1'; Asterisk ignores it");
}

TEST(SchemaValueCodecPreferences, NameValuePairs) {
  EXPECT_EQ(verdict("endpoint", "codec_prefs_outgoing_offer",
                    "prefer: pending, operation: union, keep: all, transcode: allow"),
            "ok");
  EXPECT_EQ(verdict("endpoint", "codec_prefs_incoming_offer", "operation: union"),
            "error: sets operation to union, which incoming offers cannot use");
  EXPECT_EQ(verdict("endpoint", "codec_prefs_incoming_answer", "keep: some"),
            "error: sets keep to 'some', which is not one of all, first");
  EXPECT_EQ(verdict("endpoint", "codec_prefs_incoming_answer", "prefer"),
            "error: has 'prefer', which is not 'name: value'");
}

}  // namespace
}  // namespace sip2pjsip::pjsip
