// [general]: transports, registrations, [authentication] and global settings (semantics.md
// sections 4, 13-15, 21, 24).
#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "convert/convert_support.h"

namespace sip2pjsip::testing {
namespace {

using ::testing::Contains;

TEST(GeneralRules, SeedTrunkIsOneLinkedSet) {
  auto c = convert_text(
      "[general]\nudpbindaddr=0.0.0.0\n\nregister => myaccountname:1234567890@203.0.113.1:5060\n\n"
      "[mytrunk]\ntype=friend\nsecret=1234567890\nusername=myaccountname\nhost=203.0.113.1\n"
      "disallow=all\nallow=ulaw\ncontext=from-external\n");
  EXPECT_EQ(c->options("mytrunk", "registration"),
            (OptionList{{"server_uri", "sip:203.0.113.1"},
                        {"client_uri", "sip:myaccountname@203.0.113.1"},
                        {"expiration", "120"},
                        {"retry_interval", "20"},
                        {"max_retries", "10000"},
                        {"auth_rejection_permanent", "no"},
                        {"outbound_auth", "mytrunk-out"}}));
  EXPECT_EQ(c->options("mytrunk-out", "auth"), (OptionList{{"auth_type", "userpass"},
                                                           {"username", "myaccountname"},
                                                           {"password", "1234567890"}}));
  EXPECT_EQ(c->value("mytrunk", "endpoint", "outbound_auth"), "mytrunk-out");
  EXPECT_EQ(c->value("mytrunk", "endpoint", "context"), "from-external");
  EXPECT_EQ(c->value("mytrunk", "identify", "match"), "203.0.113.1:5060");
  EXPECT_EQ(c->value("mytrunk", "aor", "contact"), "sip:myaccountname@203.0.113.1:5060");
}

TEST(GeneralRules, TwoLinesToOneHostStayTwoRegistrations) {
  auto c = convert_text(
      "[general]\nregister => alice:a@sip.example.com\nregister => bob:b@sip.example.com/200\n");
  EXPECT_EQ(c->value("reg-alice-sip.example.com", "registration", "client_uri"),
            "sip:alice@sip.example.com");
  EXPECT_EQ(c->value("reg-bob-sip.example.com", "registration", "contact_user"), "200");
  EXPECT_EQ(c->options("reg-bob-sip.example.com", "auth"),
            (OptionList{{"auth_type", "userpass"}, {"username", "bob"}, {"password", "b"}}));
}

TEST(GeneralRules, DuplicateLineIsIgnoredLikeChanSip) {
  auto c = convert_text("[general]\nregister => a:b@h.example\nregister => a:b@h.example\n");
  EXPECT_TRUE(c->has("reg-a-h.example", "registration"));
  EXPECT_FALSE(c->has("reg-a-h.example-2", "registration"));
  const auto& outcomes = c->conversion.ledger.outcomes();
  const auto second = std::find_if(outcomes.begin(), outcomes.end(),
                                   [](const auto& o) { return o.variable->where().line == 3; });
  ASSERT_NE(second, outcomes.end());
  EXPECT_EQ(second->stored_detail(), "the same line again; chan_sip ignores it");
}

TEST(GeneralRules, LineNamingADynamicPeerUsesLineAndEndpoint) {
  auto c = convert_text(
      "[general]\nregister => prov?acct:pw:authid@sip.example.net~300\n"
      "[prov]\ntype=peer\nhost=dynamic\ncontext=from-prov\n");
  EXPECT_EQ(c->options("prov", "registration"),
            (OptionList{{"server_uri", "sip:sip.example.net"},
                        {"client_uri", "sip:acct@sip.example.net"},
                        {"expiration", "300"},
                        {"retry_interval", "20"},
                        {"max_retries", "10000"},
                        {"auth_rejection_permanent", "no"},
                        {"outbound_auth", "prov-reg"},
                        {"line", "yes"},
                        {"endpoint", "prov"}}));
  EXPECT_EQ(c->value("prov-reg", "auth", "username"), "authid");
}

TEST(GeneralRules, HostThatIsAPeerNameUsesThePeersAddress) {
  auto c = convert_text(
      "[general]\nregister => acct:pw@prov/555\n"
      "[prov]\ntype=peer\nhost=198.51.100.10\nport=5080\nfromdomain=voip.example\n");
  EXPECT_EQ(c->value("prov", "registration", "server_uri"), "sip:voip.example");
  EXPECT_EQ(c->value("prov", "registration", "outbound_proxy"), "sip:198.51.100.10:5080;lr");
  EXPECT_EQ(c->value("prov", "registration", "contact_user"), "555");
  EXPECT_EQ(c->value("prov", "registration", "line"), "<absent>");  // the identify matches
}

TEST(GeneralRules, RetrySettingsFollowChanSip) {
  auto c = convert_text(
      "[general]\nregistertimeout=30\nregisterattempts=5\nregister_retry_403=yes\n"
      "defaultexpiry=600\nregister => a:b@h.example\n");
  EXPECT_EQ(c->value("reg-a-h.example", "registration", "retry_interval"), "30");
  EXPECT_EQ(c->value("reg-a-h.example", "registration", "max_retries"), "5");
  EXPECT_EQ(c->value("reg-a-h.example", "registration", "forbidden_retry_interval"), "30");
  EXPECT_EQ(c->value("reg-a-h.example", "registration", "expiration"), "600");
}

TEST(GeneralRules, DefaultexpiryAfterTheLineDoesNotCount) {
  auto c = convert_text("[general]\nregister => a:b@h.example\ndefaultexpiry=600\n");
  EXPECT_EQ(c->value("reg-a-h.example", "registration", "expiration"), "120");
}

TEST(GeneralRules, TcpTlsAndIpv6Transports) {
  auto c = convert_text(
      "[general]\nudpbindaddr=[::]:5070\ntcpenable=yes\ntlsenable=yes\n"
      "tlsbindaddr=0.0.0.0\ntlscertfile=/etc/asterisk/keys/asterisk.pem\n"
      "tlscafile=/etc/ssl/ca.pem\ntlsclientmethod=tlsv1_2\ntlsdontverifyserver=yes\n"
      "register => tls://a:b@h.example\n"
      "[p]\ntype=peer\nhost=192.0.2.4\ntransport=tcp,udp\n");
  EXPECT_EQ(c->options("transport-udp", "transport"),
            (OptionList{{"protocol", "udp"}, {"bind", "[::]:5070"}, {"cos", "4"}}));
  EXPECT_EQ(c->options("transport-tcp", "transport"),
            (OptionList{{"protocol", "tcp"}, {"bind", "[::]:5070"}, {"cos", "4"}}));
  EXPECT_EQ(c->options("transport-tls", "transport"),
            (OptionList{{"protocol", "tls"},
                        {"bind", "0.0.0.0:5061"},
                        {"cert_file", "/etc/asterisk/keys/asterisk.pem"},
                        {"ca_list_file", "/etc/ssl/ca.pem"},
                        {"method", "tlsv1_2"},
                        {"verify_server", "no"},
                        {"cos", "4"}}));
  EXPECT_EQ(c->value("p", "endpoint", "transport"), "transport-tcp");
  EXPECT_EQ(c->value("p", "aor", "contact"), "sip:192.0.2.4:5060;transport=tcp");
  EXPECT_EQ(c->value("p", "identify", "match"), "192.0.2.4");  // TCP peers match on IP alone
  EXPECT_EQ(c->value("reg-a-h.example", "registration", "transport"), "transport-tls");
  EXPECT_EQ(c->value("reg-a-h.example", "registration", "server_uri"),
            "sip:h.example;transport=tls");
}

TEST(GeneralRules, TcpInAPeerWithoutTcpenableIsDropped) {
  auto c = convert_text("[p]\ntype=peer\nhost=192.0.2.4\ntransport=tcp,udp\n");
  EXPECT_FALSE(c->has("transport-tcp", "transport"));
  EXPECT_EQ(c->value("p", "endpoint", "transport"), "<absent>");
  EXPECT_EQ(c->outcome_at(4),
            "approximated: tcp is not enabled in [general], so chan_sip dropped it from the list "
            "too");
}

TEST(GeneralRules, WebSocketPeerGetsTransportAndWebrtc) {
  auto c = convert_text(
      "[web]\ntype=friend\nhost=dynamic\ntransport=wss\navpf=yes\nicesupport=yes\n"
      "encryption=yes\ndtlsenable=yes\ndtlsverify=fingerprint\ndtlssetup=actpass\n");
  EXPECT_EQ(c->options("transport-wss", "transport"),
            (OptionList{{"protocol", "wss"}, {"bind", "0.0.0.0"}}));
  EXPECT_EQ(c->value("web", "endpoint", "transport"), "transport-wss");
  EXPECT_EQ(c->value("web", "endpoint", "webrtc"), "yes");
  EXPECT_EQ(c->value("web", "endpoint", "media_encryption"), "dtls");
  EXPECT_EQ(c->value("web", "endpoint", "dtls_verify"), "fingerprint");
  EXPECT_THAT(c->messages(),
              Contains("sip.conf:4: note: WebSocket peers need res_http_websocket: http.conf "
                       "must have enabled=yes and tlsenable=yes with a certificate "
                       "[pjsip-http-conf]"));
}

TEST(GeneralRules, ExternaddrAndLocalnetGoOnEveryTransport) {
  auto c = convert_text(
      "[general]\nexternaddr=203.0.113.9:5065\nlocalnet=192.168.0.0/255.255.0.0\n"
      "localnet=10.0.0.0/8\ntcpenable=yes\nexterntcpport=5066\ntos_sip=cs3\n");
  EXPECT_EQ(c->options("transport-udp", "transport"),
            (OptionList{{"protocol", "udp"},
                        {"bind", "0.0.0.0"},
                        {"external_media_address", "203.0.113.9"},
                        {"external_signaling_address", "203.0.113.9"},
                        {"external_signaling_port", "5065"},
                        {"local_net", "192.168.0.0/255.255.0.0"},
                        {"local_net", "10.0.0.0/8"},
                        {"tos", "cs3"},
                        {"cos", "4"}}));
  EXPECT_EQ(c->value("transport-tcp", "transport", "external_signaling_port"), "5066");
}

TEST(GeneralRules, AuthenticationSectionGoesIntoEveryOutboundAuth) {
  auto c = convert_text(
      "[general]\nregister => a:b@h.example\n[authentication]\nauth=alice:pw@realm.one\n"
      "auth=bob#0123abcd@realm.two\n[p]\ntype=peer\nhost=192.0.2.1\n");
  EXPECT_EQ(c->options("auth-realm.one", "auth"), (OptionList{{"auth_type", "userpass"},
                                                              {"username", "alice"},
                                                              {"password", "pw"},
                                                              {"realm", "realm.one"}}));
  EXPECT_EQ(c->options("auth-realm.two", "auth"), (OptionList{{"auth_type", "md5"},
                                                              {"username", "bob"},
                                                              {"md5_cred", "0123abcd"},
                                                              {"realm", "realm.two"}}));
  EXPECT_EQ(c->value("p", "endpoint", "outbound_auth"), "auth-realm.one,auth-realm.two");
  EXPECT_EQ(c->value("reg-a-h.example", "registration", "outbound_auth"),
            "reg-a-h.example,auth-realm.one,auth-realm.two");
}

TEST(GeneralRules, GlobalAndSystemOptions) {
  auto c = convert_text(
      "[general]\nuseragent=MyPBX\nsipdebug=yes\ntimert1=700\ncompactheaders=yes\n"
      "maxforwards=20\nrealm=pbx.example\ncallerid=Reception\n");
  EXPECT_EQ(c->options("global", "global"),
            (OptionList{{"endpoint_identifier_order", "username,ip,anonymous"},
                        {"user_agent", "MyPBX"},
                        {"max_forwards", "20"},
                        {"default_realm", "pbx.example"},
                        {"debug", "yes"},
                        {"default_from_user", "Reception"}}));
  EXPECT_EQ(c->options("system", "system"),
            (OptionList{{"compact_headers", "yes"}, {"timer_t1", "700"}}));
}

TEST(GeneralRules, GeneralTimerbResetsALargeT1) {
  auto c = convert_text("[general]\ntimert1=700\ntimerb=40000\n");
  EXPECT_EQ(c->value("system", "system", "timer_t1"), "500");
  EXPECT_EQ(c->outcome_at(2),
            "approximated: chan_sip puts timert1 back to 500 when [general] also sets timerb; "
            "timer_t1=500 is what it ran with");
}

TEST(GeneralRules, ExplicitAllowguestKeepsGuestsLoudly) {
  auto c = convert_text("[general]\ncontext=guests\nallowguest=yes\nallow=g722\n");
  EXPECT_EQ(c->options("anonymous", "endpoint"), (OptionList{{"context", "guests"},
                                                             {"disallow", "all"},
                                                             {"allow", "ulaw,alaw,gsm,g722"},
                                                             {"cos_audio", "5"},
                                                             {"cos_video", "6"}}));
  EXPECT_THAT(c->messages(),
              Contains("sip.conf:3: warning: allowguest=yes: calls from anyone reach context "
                       "'guests' through the anonymous endpoint; make sure that context cannot "
                       "call out [sip-guest-access]"));
}

TEST(GeneralRules, AllowguestNoCreatesNothingAndSaysNothing) {
  auto c = convert_text("[general]\nallowguest=no\n");
  EXPECT_FALSE(c->has("anonymous", "endpoint"));
  EXPECT_THAT(c->messages(), ::testing::IsEmpty());
}

TEST(GeneralRules, EveryGeneralOptionIsAccountedFor) {
  // One line per [general] option of chan_sip_options.tsv would be long; these are the ones the
  // real corpus uses most, each of which must have an outcome other than "not converted yet".
  auto c = convert_text(
      "[general]\nallowguest=no\nsrvlookup=yes\ntcpenable=no\nlocalnet=10.0.0.0/8\n"
      "alwaysauthreject=yes\nuseragent=x\ntos_sip=cs3\ntos_audio=ef\nnotifyhold=yes\n"
      "externip=203.0.113.1\nautocreatepeer=no\nrtcachefriends=yes\nrelaxdtmf=yes\n"
      "jbenable=yes\nmwi => a:b@h/100\ncontactpermit=10.0.0.0/8\n");
  for (int line = 2; line <= 17; ++line) {
    SCOPED_TRACE(line);
    const auto outcome = c->outcome_at(line);
    EXPECT_NE(outcome, "<none>");
    EXPECT_EQ(outcome.find("not converted yet"), std::string::npos) << outcome;
  }
}

// Found by loading converted files in a real Asterisk 20: each of these made it drop an object.
TEST(GeneralRules, OpensslCipherStringIsLeftOut) {
  auto c = convert_text("[general]\ntlsenable=yes\ntlscipher=ALL\n");
  EXPECT_EQ(c->value("transport-tls", "transport", "cipher"), "<absent>");
  EXPECT_EQ(c->outcome_at(3),
            "approximated: pjsip's cipher takes cipher names, not an OpenSSL cipher string; left "
            "out, so every cipher OpenSSL offers is allowed");
  auto names =
      convert_text("[general]\ntlsenable=yes\ntlscipher=ECDHE-RSA-AES128-GCM-SHA256,AES256-SHA\n");
  EXPECT_EQ(names->value("transport-tls", "transport", "cipher"),
            "ECDHE-RSA-AES128-GCM-SHA256,AES256-SHA");
}

TEST(GeneralRules, RegisterUserThatCannotBeAUriIsNotWritten) {
  auto c = convert_text("[general]\nregister => 0621<username>:<password>@193.91.75.213\n");
  EXPECT_FALSE(c->has("reg-0621-username--193.91.75.213", "registration"));
  EXPECT_TRUE(c->conversion.config.objects.size() == 2u);  // transport and global only
  EXPECT_EQ(c->outcome_at(2),
            "not_converted: the user '0621<username>' cannot stand in a SIP URI (a "
            "placeholder?); res_pjsip would drop the registration");
}

TEST(GeneralRules, ExternaddrMustBeAnAddress) {
  auto c = convert_text("[general]\nexternip=auto\n");
  EXPECT_EQ(c->value("transport-udp", "transport", "external_signaling_address"), "<absent>");
  EXPECT_EQ(c->outcome_at(2),
            "not_converted: not an IP address[:port]; chan_sip ignores it (use externhost for a "
            "host name)");
}

TEST(GeneralRules, IdentifyByHostNameIsExplained) {
  auto c = convert_text(
      "[prov]\ntype=peer\nhost=PROVIDERIP\n[voip]\ntype=peer\n"
      "host=sip.example.net\n");
  EXPECT_THAT(c->messages(),
              Contains("sip.conf:3: warning: host = PROVIDERIP: res_pjsip resolves this name when "
                       "it loads; if it does not resolve then, Asterisk drops identify prov and "
                       "calls from it no longer reach endpoint prov (is this a placeholder?) "
                       "[sip-identify-hostname]"));
  EXPECT_THAT(c->messages(),
              Contains("sip.conf:6: note: host = sip.example.net: res_pjsip resolves this name "
                       "when it loads; if it does not resolve then, Asterisk drops identify voip "
                       "and calls from it no longer reach endpoint voip [sip-identify-hostname]"));
}

}  // namespace
}  // namespace sip2pjsip::testing
