// One object at a time: its options, their values, and what its apply handler refuses.
#include <gtest/gtest.h>

#include "pjsip/check_helpers.h"

namespace sip2pjsip::testing {
namespace {

// An aor and an endpoint that draw no finding by themselves; `lines` are added to the
// endpoint from line 7 on.
std::string endpoint_with(const std::string& lines) {
  return "[6001]\ntype=aor\ncontact=sip:6001@192.0.2.10\n[6001]\ntype=endpoint\naors=6001\n" +
         lines;
}

TEST(CheckOptions, UnknownOption) {
  EXPECT_EQ(check_text(endpoint_with("colour=blue\n")),
            Lines{"pjsip.conf:7: error: endpoint '6001': unknown option 'colour'; Asterisk does "
                  "not load this endpoint [pjsip-unknown-option]"});
}

TEST(CheckOptions, UnknownOptionHints) {
  EXPECT_EQ(check_text(endpoint_with("rtp_symetric=yes\n")),
            Lines{"pjsip.conf:7: error: endpoint '6001': unknown option 'rtp_symetric' (did you "
                  "mean 'rtp_symmetric'?); Asterisk does not load this endpoint "
                  "[pjsip-unknown-option]"});
  EXPECT_EQ(check_text(endpoint_with("canreinvite=no\n")),
            Lines{"pjsip.conf:7: error: endpoint '6001': unknown option 'canreinvite' (a sip.conf "
                  "option); Asterisk does not load this endpoint [pjsip-unknown-option]"});
}

// Two edits away, in any case, is a near miss; three are not.
TEST(CheckOptions, UnknownOptionHintsAtMostTwoEdits) {
  EXPECT_EQ(check_text(endpoint_with("RTP_SYMETRIK=yes\n")),
            Lines{"pjsip.conf:7: error: endpoint '6001': unknown option 'RTP_SYMETRIK' (did you "
                  "mean 'rtp_symmetric'?); Asterisk does not load this endpoint "
                  "[pjsip-unknown-option]"});
  EXPECT_EQ(check_text(endpoint_with("rtp_sym_etrikk=yes\n")),
            Lines{"pjsip.conf:7: error: endpoint '6001': unknown option 'rtp_sym_etrikk'; "
                  "Asterisk does not load this endpoint [pjsip-unknown-option]"});
}

TEST(CheckOptions, OptionOfAnotherBranch) {
  EXPECT_EQ(check_text(endpoint_with("webrtc=yes\n"), 13),
            Lines{"pjsip.conf:7: error: endpoint '6001': option 'webrtc' does not exist in "
                  "Asterisk 13 (only in 16, 18, 20, 21, 22); Asterisk does not load this endpoint "
                  "[pjsip-option-unavailable]"});
  EXPECT_EQ(check_text(endpoint_with("webrtc=yes\n"), 16), Lines{});
  EXPECT_EQ(check_text(endpoint_with("rtp_port_start=10000\nrtp_port_end=20000\n"), 21),
            (Lines{"pjsip.conf:7: error: endpoint '6001': option 'rtp_port_start' does not exist "
                   "in Asterisk 21 (only in 20, 22); Asterisk does not load this endpoint "
                   "[pjsip-option-unavailable]",
                   "pjsip.conf:8: error: endpoint '6001': option 'rtp_port_end' does not exist in "
                   "Asterisk 21 (only in 20, 22); Asterisk does not load this endpoint "
                   "[pjsip-option-unavailable]"}));
}

TEST(CheckOptions, OptionNamesIgnoreCase) {
  EXPECT_EQ(check_text(endpoint_with("Direct_Media=no\n")), Lines{});
}

TEST(CheckOptions, BadValueIsAnError) {
  EXPECT_EQ(check_text(endpoint_with("dtmf_mode=rfc2833\n")),
            Lines{"pjsip.conf:7: error: endpoint '6001': dtmf_mode 'rfc2833' is not one of "
                  "rfc4733, inband, none, info, auto, auto_info; Asterisk does not load this "
                  "endpoint [pjsip-invalid-value]"});
}

TEST(CheckOptions, LenientValueIsAWarning) {
  EXPECT_EQ(check_text(endpoint_with("direct_media=nope\n")),
            Lines{"pjsip.conf:7: warning: endpoint '6001': direct_media 'nope' is neither yes nor "
                  "no; Asterisk reads it as no [pjsip-invalid-value]"});
}

TEST(CheckOptions, BadValueInATemplateIsReportedAtTheTemplateLine) {
  EXPECT_EQ(check_text("[t](!)\ndtmf_mode=rfc2833\n" + endpoint_with("") +
                       "[6002](t)\n"
                       "type=endpoint\naors=6001\n"),
            Lines{"pjsip.conf:2: error: endpoint '6002': dtmf_mode 'rfc2833' is not one of "
                  "rfc4733, inband, none, info, auto, auto_info; Asterisk does not load this "
                  "endpoint [pjsip-invalid-value]"});
}

TEST(CheckOptions, SingleValuedOptionSetTwice) {
  EXPECT_EQ(check_text(endpoint_with("context=a\ncontext=b\n")),
            Lines{"pjsip.conf:8: warning: endpoint '6001': context is set again (first at "
                  "pjsip.conf:7); only the last value counts [pjsip-option-repeated]"});
  // Names are matched ignoring case, as sorcery matches them.
  EXPECT_EQ(check_text(endpoint_with("Context=a\nCONTEXT=b\n")),
            Lines{"pjsip.conf:8: warning: endpoint '6001': CONTEXT is set again (first at "
                  "pjsip.conf:7); only the last value counts [pjsip-option-repeated]"});
  // Repeatable options add up; overriding a template is what templates are for.
  EXPECT_EQ(check_text(endpoint_with("allow=ulaw\nallow=alaw\nset_var=A=1\nset_var=B=2\n")),
            Lines{});
  EXPECT_EQ(check_text("[t](!)\ncontext=a\n" +
                       std::string("[6001]\ntype=aor\ncontact=sip:6001@192.0.2.10\n") +
                       "[6001](t)\ntype=endpoint\naors=6001\ncontext=b\n"),
            Lines{});
}

TEST(CheckObjectRules, EndpointSessionTimers) {
  EXPECT_EQ(check_text(endpoint_with("timers_min_se=60\n")),
            Lines{"pjsip.conf:7: error: endpoint '6001': timers_min_se 60 is below 90; Asterisk "
                  "does not load it [pjsip-conflicting-options]"});
  EXPECT_EQ(check_text(endpoint_with("timers_min_se=1900\n")),
            Lines{"pjsip.conf:7: error: endpoint '6001': timers_sess_expires 1800 is below "
                  "timers_min_se 1900; Asterisk does not load it [pjsip-conflicting-options]"});
}

TEST(CheckObjectRules, EndpointRtpPortRange) {
  EXPECT_EQ(check_text(endpoint_with("rtp_port_start=10000\n")),
            Lines{"pjsip.conf:7: error: endpoint '6001': rtp_port_start and rtp_port_end must be "
                  "set together; Asterisk does not load it [pjsip-conflicting-options]"});
  EXPECT_EQ(check_text(endpoint_with("rtp_port_start=20000\nrtp_port_end=10000\n")),
            Lines{"pjsip.conf:8: error: endpoint '6001': rtp_port_end 10000 is not above "
                  "rtp_port_start 20000; Asterisk does not load it [pjsip-conflicting-options]"});
  EXPECT_EQ(check_text(endpoint_with("rtp_port_start=10000\nrtp_port_end=20000\n")), Lines{});
}

TEST(CheckObjectRules, PreferredCodecOnlyWithOfferPreference) {
  EXPECT_EQ(
      check_text(endpoint_with("preferred_codec_only=yes\nincoming_call_offer_pref=remote\n")),
      Lines{"pjsip.conf:8: error: endpoint '6001': preferred_codec_only and "
            "incoming_call_offer_pref cannot be used together; Asterisk does not load it "
            "[pjsip-conflicting-options]"});
}

TEST(CheckObjectRules, TransportWithoutBind) {
  EXPECT_EQ(check_text("[t]\ntype=transport\nprotocol=udp\n"),
            Lines{"pjsip.conf:1: error: transport 't' has no bind; Asterisk does not load it "
                  "[pjsip-missing-option]"});
  EXPECT_EQ(check_text("[t]\ntype=transport\nprotocol=flow\n"), Lines{});
}

TEST(CheckObjectRules, TransportExternalAddressAndHostname) {
  EXPECT_EQ(check_text("[t]\ntype=transport\nbind=0.0.0.0\nexternal_signaling_address=203.0.113.1\n"
                       "external_signaling_hostname=pbx.example.com\n"),
            Lines{"pjsip.conf:5: error: transport 't': external_signaling_address and "
                  "external_signaling_hostname cannot both be set; Asterisk does not load it "
                  "[pjsip-conflicting-options]"});
}

TEST(CheckObjectRules, IdentifyNeedsEndpointAndSomethingToMatch) {
  EXPECT_EQ(check_text("[i]\ntype=identify\n"),
            (Lines{"pjsip.conf:1: error: identify 'i' has no endpoint; Asterisk does not load it "
                   "[pjsip-missing-option]",
                   "pjsip.conf:1: error: identify 'i' has no match, match_header or "
                   "match_request_uri; Asterisk does not load it [pjsip-missing-option]"}));
  EXPECT_EQ(check_text("[i]\ntype=identify\n", 16),
            (Lines{"pjsip.conf:1: error: identify 'i' has no endpoint; Asterisk does not load it "
                   "[pjsip-missing-option]",
                   "pjsip.conf:1: error: identify 'i' has no match or match_header; Asterisk does "
                   "not load it [pjsip-missing-option]"}));
}

TEST(CheckObjectRules, IdentifyMatchHeaderNeedsAColon) {
  EXPECT_EQ(check_text(endpoint_with("") + "[i]\ntype=identify\nendpoint=6001\n"
                                           "match_header=X-Trunk\n"),
            Lines{"pjsip.conf:10: error: identify 'i': match_header 'X-Trunk' has no ':' between "
                  "header name and value; Asterisk does not load it [pjsip-conflicting-options]"});
}

TEST(CheckObjectRules, RegistrationUrisAndLine) {
  EXPECT_EQ(check_text("[r]\ntype=registration\nline=yes\n"),
            (Lines{"pjsip.conf:1: error: registration 'r' has no server_uri; Asterisk does not "
                   "load it [pjsip-missing-option]",
                   "pjsip.conf:1: error: registration 'r' has no client_uri; Asterisk does not "
                   "load it [pjsip-missing-option]",
                   "pjsip.conf:3: error: registration 'r': line=yes needs an endpoint; Asterisk "
                   "does not load it [pjsip-conflicting-options]"}));
  EXPECT_EQ(check_text(endpoint_with("") + "[r]\ntype=registration\nserver_uri=sip:p.example\n"
                                           "client_uri=sip:me@p.example\nendpoint=6001\n"),
            Lines{"pjsip.conf:11: error: registration 'r': endpoint is set but line is not yes; "
                  "Asterisk does not load it [pjsip-conflicting-options]"});
}

TEST(CheckObjectRules, OtherModules) {
  EXPECT_EQ(check_text("[l]\ntype=resource_list\nevent=presence\n"),
            Lines{"pjsip.conf:1: error: resource_list 'l' has no list_item; Asterisk does not load "
                  "it [pjsip-missing-option]"});
  EXPECT_EQ(
      check_text(endpoint_with("") + "[p]\ntype=phoneprov\nendpoint=6001\nMAC=000000000000\n"),
      Lines{"pjsip.conf:7: error: phoneprov 'p' has no PROFILE; Asterisk does not load it "
            "[pjsip-missing-option]"});
  EXPECT_EQ(check_text("[o]\ntype=outbound-publish\nserver_uri=sip:p.example\n"),
            Lines{"pjsip.conf:1: error: outbound-publish 'o' has no event; Asterisk does not load "
                  "it [pjsip-missing-option]"});
}

TEST(CheckAuth, NoUsername) {
  EXPECT_EQ(check_text("[a]\ntype=auth\npassword=secret\n"),
            Lines{"pjsip.conf:1: error: auth 'a' has no username; Asterisk does not load it "
                  "[pjsip-missing-option]"});
}

TEST(CheckAuth, NoPasswordFrom20) {
  EXPECT_EQ(check_text("[a]\ntype=auth\nusername=a\n"),
            Lines{"pjsip.conf:1: error: auth 'a' has no password and no md5_cred; Asterisk does "
                  "not load it [pjsip-auth-no-password]"});
  EXPECT_EQ(check_text("[a]\ntype=auth\nusername=a\nauth_type=md5\nmd5_cred=" +
                       std::string(32, 'f') + "\n"),
            Lines{});
  EXPECT_EQ(check_text("[a]\ntype=auth\nusername=a\nmd5_cred=" + std::string(32, 'f') +
                       "\nsupported_algorithms_uac=md5,sha-256\n"),
            Lines{"pjsip.conf:1: error: auth 'a' has no password and no SHA-256 password_digest "
                  "(needed for supported_algorithms_uac); Asterisk does not load it "
                  "[pjsip-auth-no-password]"});
}

TEST(CheckAuth, GlobalDefaultAlgorithms) {
  EXPECT_EQ(check_text("[global]\ntype=global\ndefault_auth_algorithms_uas=sha-256\n"
                       "[a]\ntype=auth\nusername=a\nmd5_cred=" +
                       std::string(32, 'f') + "\n"),
            Lines{"pjsip.conf:4: error: auth 'a' has no password and no SHA-256 password_digest "
                  "(needed for supported_algorithms_uas); Asterisk does not load it "
                  "[pjsip-auth-no-password]"});
}

TEST(CheckAuth, BeforeDigestAlgorithms) {
  EXPECT_EQ(check_text("[a]\ntype=auth\nusername=a\n", 18),
            Lines{"pjsip.conf:1: warning: auth 'a' has no password; Asterisk uses the empty "
                  "password [pjsip-auth-no-password]"});
  EXPECT_EQ(check_text("[a]\ntype=auth\nusername=a\nauth_type=md5\n", 16),
            Lines{"pjsip.conf:1: error: auth 'a' has auth_type=md5 but no md5_cred; Asterisk does "
                  "not load it [pjsip-auth-no-password]"});
  EXPECT_EQ(check_text("[a]\ntype=auth\nusername=a\nauth_type=md5\nmd5_cred=abc\n", 13),
            Lines{"pjsip.conf:5: error: auth 'a': md5_cred 'abc' is 3 characters long, not 32; "
                  "Asterisk does not load this auth [pjsip-invalid-value]"});
}

TEST(CheckAuth, GoogleOauthNeedsItsThreeOptions) {
  EXPECT_EQ(check_text("[a]\ntype=auth\nusername=a\nauth_type=google_oauth\nrefresh_token=t\n"
                       "oauth_clientid=c\n"),
            Lines{"pjsip.conf:1: error: auth 'a' has no oauth_secret; Asterisk does not load it "
                  "[pjsip-missing-option]"});
}

}  // namespace
}  // namespace sip2pjsip::testing
