// The chan_sip -> pjsip rules for peers, each with the exact objects chan_sip's behaviour calls
// for (semantics.md; channels/chan_sip.c of Asterisk 20).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "convert/convert_support.h"

namespace sip2pjsip::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

// The options every endpoint gets because pjsip's defaults differ from chan_sip's.
const OptionList kChanSipDefaults = {{"100rel", "no"},
                                     {"suppress_q850_reason_headers", "yes"},
                                     {"allow_unauthenticated_options", "yes"},
                                     {"notify_early_inuse_ringing", "yes"}};

OptionList with_defaults(OptionList head, const OptionList& tail) {
  const auto at = std::find_if(head.begin(), head.end(), [](const auto& option) {
    return option.first == "aors" || option.first == "auth" || option.first == "outbound_auth";
  });
  auto position = head.insert(at, kChanSipDefaults.begin(), kChanSipDefaults.end());
  (void)position;
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

// A million peers: each endpoint and aor holds room for exactly its options, the endpoint's
// counting the [general] rows added to every endpoint after the peers (cos_audio, cos_video
// and, here, tos_audio).
TEST(PeerRules, EndpointsAndAorsHoldNoUnusedRoom) {
  auto c = convert_text(
      "[general]\ntos_audio=ef\n\n[6001]\ntype=friend\nhost=dynamic\nsecret=1234\n"
      "qualify=yes\n");
  int checked = 0;
  for (const auto& object : c->conversion.config.objects) {
    if (object.type != "endpoint" && object.type != "aor") continue;
    EXPECT_EQ(object.option_capacity(), object.options().size()) << object.type;
    ++checked;
  }
  EXPECT_EQ(checked, 2);
  EXPECT_EQ(c->value("6001", "endpoint", "tos_audio"), "ef");
}

TEST(PeerRules, SeedEndpointDynamicFriend) {
  auto c = convert_text(
      "[general]\nudpbindaddr=0.0.0.0\n\n[6001]\ntype=friend\nhost=dynamic\ndisallow=all\n"
      "allow=ulaw\ncontext=internal\nsecret=1234\n");
  EXPECT_EQ(
      c->options("6001", "endpoint"),
      with_defaults(
          {{"identify_by", "username,ip"},
           {"context", "internal"},
           {"disallow", "all"},
           {"allow", "ulaw"},
           {"rewrite_contact", "yes"},
           {"aors", "6001"}},
          {{"auth", "6001"}, {"outbound_auth", "6001"}, {"cos_audio", "5"}, {"cos_video", "6"}}));
  EXPECT_EQ(c->options("6001", "aor"), (OptionList{{"max_contacts", "1"},
                                                   {"remove_existing", "yes"},
                                                   {"minimum_expiration", "60"},
                                                   {"maximum_expiration", "3600"},
                                                   {"default_expiration", "120"}}));
  EXPECT_EQ(c->options("6001", "auth"),
            (OptionList{{"auth_type", "userpass"}, {"username", "6001"}, {"password", "1234"}}));
  EXPECT_FALSE(c->has("6001", "identify"));
  EXPECT_EQ(c->options("transport-udp", "transport"),
            (OptionList{{"protocol", "udp"}, {"bind", "0.0.0.0"}, {"cos", "4"}}));
  EXPECT_EQ(c->options("global", "global"),
            (OptionList{{"endpoint_identifier_order", "username,ip,anonymous"}}));
  EXPECT_THAT(c->messages(),
              ElementsAre("sip.conf:1: warning: chan_sip let calls from unknown callers into "
                          "context 'default' (allowguest defaults to yes); the converted "
                          "configuration does not. To keep it, set allowguest=yes and convert "
                          "again [sip-guest-access-dropped]"));
}

TEST(PeerRules, FriendWithStaticHostAndSecret) {
  auto c = convert_text(
      "[6002]\ntype=friend\nhost=192.0.2.1\ndisallow=all\nallow=ulaw\ncontext=internal\n"
      "secret=1234\n");
  EXPECT_EQ(c->value("6002", "endpoint", "identify_by"), "username,ip");
  EXPECT_EQ(c->options("6002", "aor"), (OptionList{{"contact", "sip:192.0.2.1:5060"}}));
  EXPECT_EQ(c->options("6002", "identify"),
            (OptionList{{"endpoint", "6002"}, {"match", "192.0.2.1:5060"}}));
  EXPECT_EQ(c->value("6002", "endpoint", "auth"), "6002");
  EXPECT_EQ(c->options("6002", "auth"),
            (OptionList{{"auth_type", "userpass"}, {"username", "6002"}, {"password", "1234"}}));
}

TEST(PeerRules, StaticHostNameKeepsNoPortSoSrvStillWorks) {
  auto c = convert_text("[trunk]\ntype=peer\nhost=sip.example.com\n");
  EXPECT_EQ(c->value("trunk", "aor", "contact"), "sip:sip.example.com");
  EXPECT_EQ(c->value("trunk", "identify", "match"), "sip.example.com:5060");
  EXPECT_EQ(c->value("trunk", "endpoint", "identify_by"), "ip");
}

TEST(PeerRules, PortAndDefaultuserGoIntoTheContact) {
  auto c = convert_text("[t]\ntype=peer\nhost=198.51.100.7\nport=5080\ndefaultuser=acct\n");
  EXPECT_EQ(c->value("t", "aor", "contact"), "sip:acct@198.51.100.7:5080");
  EXPECT_EQ(c->value("t", "identify", "match"), "198.51.100.7:5080");
}

TEST(PeerRules, InsecurePortInviteMatchesByIpAndDoesNotChallenge) {
  auto c = convert_text(
      "[prov]\ntype=peer\nhost=203.0.113.1\nsecret=s3cret\ndefaultuser=acct\n"
      "insecure=port,invite\n");
  EXPECT_EQ(c->value("prov", "identify", "match"), "203.0.113.1");
  EXPECT_FALSE(c->has("prov", "auth"));
  EXPECT_EQ(c->value("prov", "endpoint", "auth"), "<absent>");
  // The secret still answers the provider's challenges, as defaultuser.
  EXPECT_EQ(c->value("prov", "endpoint", "outbound_auth"), "prov-out");
  EXPECT_EQ(c->options("prov-out", "auth"),
            (OptionList{{"auth_type", "userpass"}, {"username", "acct"}, {"password", "s3cret"}}));
  EXPECT_EQ(c->outcome_at(6), "mapped");
}

TEST(PeerRules, InsecureInviteOnADynamicPeerKeepsAuthAndSaysSo) {
  auto c = convert_text("[p]\ntype=friend\nhost=dynamic\nsecret=x\ninsecure=invite\n");
  EXPECT_EQ(c->value("p", "endpoint", "auth"), "p");
  EXPECT_EQ(c->outcome_at(5),
            "approximated: insecure=invite: pjsip cannot skip authentication for calls while "
            "requiring it for REGISTER; calls from this peer are now challenged too");
}

TEST(PeerRules, DefaultuserDifferentFromNameGetsItsOwnOutboundAuth) {
  auto c = convert_text(
      "[mytrunk]\ntype=friend\nsecret=1234567890\nusername=myaccountname\nhost=203.0.113.1\n");
  EXPECT_EQ(
      c->options("mytrunk", "auth"),
      (OptionList{{"auth_type", "userpass"}, {"username", "mytrunk"}, {"password", "1234567890"}}));
  EXPECT_EQ(c->options("mytrunk-out", "auth"), (OptionList{{"auth_type", "userpass"},
                                                           {"username", "myaccountname"},
                                                           {"password", "1234567890"}}));
  EXPECT_EQ(c->value("mytrunk", "endpoint", "auth"), "mytrunk");
  EXPECT_EQ(c->value("mytrunk", "endpoint", "outbound_auth"), "mytrunk-out");
  EXPECT_EQ(c->value("mytrunk", "aor", "contact"), "sip:myaccountname@203.0.113.1:5060");
}

TEST(PeerRules, RemotesecretIsTheOutboundPassword) {
  auto c = convert_text("[p]\ntype=peer\nhost=192.0.2.9\nsecret=in\nremotesecret=out\n");
  EXPECT_EQ(c->value("p", "auth", "password"), "in");
  EXPECT_EQ(c->value("p-out", "auth", "username"), "p");
  EXPECT_EQ(c->value("p-out", "auth", "password"), "out");
}

TEST(PeerRules, Md5secretWinsOverSecretAndCarriesTheRealm) {
  auto c = convert_text(
      "[general]\nrealm=pbx.example.com\n[p]\ntype=friend\nhost=dynamic\nsecret=plain\n"
      "md5secret=0123456789abcdef0123456789abcdef\n");
  EXPECT_EQ(c->options("p", "auth"), (OptionList{{"auth_type", "md5"},
                                                 {"username", "p"},
                                                 {"md5_cred", "0123456789abcdef0123456789abcdef"},
                                                 {"realm", "pbx.example.com"}}));
  EXPECT_EQ(c->outcome_at(5), "mapped");  // secret: unused, md5secret takes precedence
}

TEST(PeerRules, RealmAuthLinesComeFirstInOutboundAuth) {
  auto c =
      convert_text("[p]\ntype=peer\nhost=192.0.2.9\nsecret=x\nauth=alice:pw@sip.example.net\n");
  EXPECT_EQ(c->value("p", "endpoint", "outbound_auth"), "p-sip.example.net,p");
  EXPECT_EQ(c->options("p-sip.example.net", "auth"), (OptionList{{"auth_type", "userpass"},
                                                                 {"username", "alice"},
                                                                 {"password", "pw"},
                                                                 {"realm", "sip.example.net"}}));
}

// The realm names the auth, so only name characters of it are kept: a ']' would end the section
// header and a '(' start a template list (found by fuzzing). The realm option keeps it as is.
TEST(PeerRules, RealmAuthNameKeepsOnlyNameCharactersOfTheRealm) {
  auto c = convert_text("[p]\ntype=peer\nhost=192.0.2.9\nauth=alice:pw@x.net]('y')\n");
  EXPECT_EQ(c->value("p", "endpoint", "outbound_auth"), "p-x.net---y--");
  EXPECT_EQ(c->value("p-x.net---y--", "auth", "realm"), "x.net]('y')");
}

TEST(PeerRules, TypeUserIsMatchedByNameOnlyAndHasNoAor) {
  auto c = convert_text("[u]\ntype=user\nsecret=x\nhost=192.0.2.1\ncontext=in\n");
  EXPECT_EQ(c->value("u", "endpoint", "identify_by"), "username");
  EXPECT_FALSE(c->has("u", "aor"));
  EXPECT_FALSE(c->has("u", "identify"));
  EXPECT_EQ(c->outcome_at(4),
            "approximated: a type=user section is never dialled or matched by address");
}

TEST(PeerRules, DynamicTypePeerIsMatchedByUsernameWithANote) {
  auto c = convert_text("[p]\ntype=peer\nhost=dynamic\n");
  EXPECT_EQ(c->value("p", "endpoint", "identify_by"), "username");
  EXPECT_EQ(c->outcome_at(2),
            "approximated: a dynamic type=peer was matched only by its registered address; pjsip "
            "matches it by From user (identify_by=username)");
}

TEST(PeerRules, MatchAuthUsernameIdentifiesByAuthUsername) {
  auto c = convert_text("[general]\nmatch_auth_username=yes\n[u]\ntype=friend\nhost=dynamic\n");
  EXPECT_EQ(c->value("u", "endpoint", "identify_by"), "auth_username,ip");
}

TEST(PeerRules, CodecsAccumulateAcrossGeneralTemplateAndPeer) {
  auto c = convert_text(
      "[general]\nallow=g722\n"               // ulaw,alaw,gsm,h263,g722
      "[tpl](!)\ndisallow=gsm\nallow=g729\n"  // ulaw,alaw,h263,g722,g729
      "[p](tpl)\ntype=friend\nhost=dynamic\nallow=ulaw\nallow=!alaw\nallow=opus:20\n");
  // ulaw keeps its [general] position; h263 is left out without videosupport.
  EXPECT_EQ(c->value("p", "endpoint", "allow"), "ulaw,g722,g729,opus:20");
}

TEST(PeerRules, VideoCodecsStayWithVideosupport) {
  auto c = convert_text("[p]\ntype=friend\nhost=dynamic\nvideosupport=yes\nallow=h264\n");
  EXPECT_EQ(c->value("p", "endpoint", "allow"), "ulaw,alaw,gsm,h263,h264");
}

TEST(PeerRules, AllowAllLeavesVideoOutThroughDisallow) {
  auto c = convert_text("[p]\ntype=friend\nhost=dynamic\ndisallow=all\nallow=all\n");
  EXPECT_THAT(c->options("p", "endpoint"),
              ::testing::Contains(
                  Pair("disallow", "h261,h263,h263p,h264,h265,mpeg4,vp8,vp9,jpeg,png,t140,red")));
  EXPECT_EQ(c->value("p", "endpoint", "allow"), "all");
}

// Peers of one template share their codec lines, and the converter applies them once per
// thread: the peers' own lines, video support and [general]'s list must still tell them apart,
// also from one conversion to the next.
TEST(PeerRules, PeersSharingCodecLinesKeepTheirOwnCodecs) {
  auto c = convert_text(
      "[tpl](!)\ntype=friend\nhost=dynamic\ndisallow=all\nallow=ulaw,h264,foo\n"
      "[a](tpl)\n[b](tpl)\nvideosupport=yes\n[c](tpl)\nallow=alaw\n[d](tpl)\n");
  EXPECT_EQ(c->value("a", "endpoint", "allow"), "ulaw");
  EXPECT_EQ(c->value("b", "endpoint", "allow"), "ulaw,h264");
  EXPECT_EQ(c->value("c", "endpoint", "allow"), "ulaw,alaw");
  EXPECT_EQ(c->value("d", "endpoint", "allow"), "ulaw");
  // The template's line is reported once, though every peer read it.
  const auto messages = c->messages();
  EXPECT_EQ(std::count(messages.begin(), messages.end(),
                       "sip.conf:5: warning: unknown codec 'foo'; chan_sip ignores it "
                       "[sip-unknown-codec]"),
            1);
  auto other = convert_text(
      "[general]\nallow=g722\n"
      "[tpl](!)\ntype=friend\nhost=dynamic\ndisallow=all\nallow=ulaw,h264,foo\n[a](tpl)\n");
  EXPECT_EQ(other->value("a", "endpoint", "allow"), "ulaw");
  auto keeping = convert_text(
      "[general]\nallow=g722\n"
      "[tpl](!)\ntype=friend\nhost=dynamic\nallow=ulaw,h264,foo\n[a](tpl)\n");
  EXPECT_EQ(keeping->value("a", "endpoint", "allow"), "ulaw,alaw,gsm,g722");
}

TEST(PeerRules, UnknownCodecIsReported) {
  auto c = convert_text("[p]\ntype=friend\nhost=dynamic\nallow=ulaw,foo\n");
  EXPECT_THAT(c->messages(),
              ::testing::Contains("sip.conf:4: warning: unknown codec 'foo'; chan_sip ignores it "
                                  "[sip-unknown-codec]"));
}

struct NatCase {
  const char* nat;
  const char* force_rport;
  const char* rtp_symmetric;
};

class NatTable : public ::testing::TestWithParam<NatCase> {};

// The seed page's NAT table and the 1.8+ values. rewrite_contact is yes in every row: chan_sip
// uses a REGISTER's source address whenever the phone sends ;rport, whatever nat= says.
TEST_P(NatTable, ConvertsRowForRow) {
  const auto& row = GetParam();
  auto c = convert_text(std::string("[p]\ntype=peer\nhost=dynamic\nnat=") + row.nat + "\n");
  EXPECT_EQ(c->value("p", "endpoint", "force_rport"), row.force_rport) << row.nat;
  EXPECT_EQ(c->value("p", "endpoint", "rtp_symmetric"), row.rtp_symmetric) << row.nat;
  EXPECT_EQ(c->value("p", "endpoint", "rewrite_contact"), "yes") << row.nat;
}

INSTANTIATE_TEST_SUITE_P(Values, NatTable,
                         ::testing::Values(NatCase{"yes", "yes", "yes"}, NatCase{"no", "no", "no"},
                                           NatCase{"never", "no", "no"},
                                           NatCase{"route", "no", "no"},
                                           NatCase{"force_rport", "yes", "no"},
                                           NatCase{"comedia", "no", "yes"},
                                           NatCase{"force_rport,comedia", "yes", "yes"},
                                           NatCase{"auto_force_rport", "yes", "no"},
                                           NatCase{"auto_comedia", "no", "yes"},
                                           NatCase{"auto_force_rport,auto_comedia", "yes", "yes"},
                                           NatCase{"force_rport,auto_force_rport", "yes", "no"}));

TEST(PeerRules, NatDefaultOnlyNeedsRewriteContact) {
  auto c = convert_text("[p]\ntype=peer\nhost=dynamic\n");
  EXPECT_EQ(c->value("p", "endpoint", "force_rport"), "<absent>");
  EXPECT_EQ(c->value("p", "endpoint", "rewrite_contact"), "yes");
}

TEST(PeerRules, PeerNatReplacesGeneralNat) {
  auto c = convert_text(
      "[general]\nnat=force_rport,comedia\n[a]\ntype=peer\nhost=dynamic\n"
      "[b]\ntype=peer\nhost=dynamic\nnat=comedia\n");
  EXPECT_EQ(c->value("a", "endpoint", "rtp_symmetric"), "yes");
  EXPECT_EQ(c->value("a", "endpoint", "force_rport"), "yes");
  EXPECT_EQ(c->value("b", "endpoint", "force_rport"), "no");
}

TEST(PeerRules, LegacyNatValuesAreReported) {
  auto c = convert_text("[p]\ntype=peer\nhost=dynamic\nnat=route\n");
  EXPECT_EQ(c->outcome_at(4),
            "approximated: chan_sip 20 does not know 'route' (pre-1.8 values) and skips it, so "
            "NAT handling was off; converted as chan_sip ran it");
}

TEST(PeerRules, DirectMediaForms) {
  auto c = convert_text(
      "[a]\ntype=peer\nhost=dynamic\ndirectmedia=no\n"
      "[b]\ntype=peer\nhost=dynamic\ncanreinvite=nonat\n"
      "[c]\ntype=peer\nhost=dynamic\ndirectmedia=update,nonat\n"
      "[d]\ntype=peer\nhost=dynamic\ndirectmedia=outgoing\n");
  EXPECT_EQ(c->value("a", "endpoint", "direct_media"), "no");
  EXPECT_EQ(c->value("b", "endpoint", "direct_media"), "yes");
  EXPECT_EQ(c->value("b", "endpoint", "disable_direct_media_on_nat"), "yes");
  EXPECT_EQ(c->value("c", "endpoint", "direct_media_method"), "update");
  EXPECT_EQ(c->value("c", "endpoint", "disable_direct_media_on_nat"), "yes");
  EXPECT_EQ(c->value("d", "endpoint", "direct_media_glare_mitigation"), "outgoing");
}

TEST(PeerRules, DtmfModes) {
  auto c = convert_text(
      "[a]\ntype=peer\nhost=dynamic\ndtmfmode=rfc2833\n[b]\ntype=peer\nhost=dynamic\n"
      "dtmfmode=shortinfo\n[c]\ntype=peer\nhost=dynamic\ndtmfmode=auto\n");
  EXPECT_EQ(c->value("a", "endpoint", "dtmf_mode"), "rfc4733");
  EXPECT_EQ(c->value("b", "endpoint", "dtmf_mode"), "info");
  EXPECT_EQ(c->value("c", "endpoint", "dtmf_mode"), "auto");
}

TEST(PeerRules, T38YesMeansFec) {
  auto c = convert_text("[p]\ntype=peer\nhost=dynamic\nt38pt_udptl=yes,maxdatagram=400\n");
  EXPECT_EQ(c->value("p", "endpoint", "t38_udptl"), "yes");
  EXPECT_EQ(c->value("p", "endpoint", "t38_udptl_ec"), "fec");
  EXPECT_EQ(c->value("p", "endpoint", "t38_udptl_maxdatagram"), "400");
}

TEST(PeerRules, SessionTimers) {
  auto c = convert_text(
      "[p]\ntype=peer\nhost=dynamic\nsession-timers=originate\nsession-expires=600\n"
      "session-minse=120\n");
  EXPECT_EQ(c->value("p", "endpoint", "timers"), "always");
  EXPECT_EQ(c->value("p", "endpoint", "timers_sess_expires"), "600");
  EXPECT_EQ(c->value("p", "endpoint", "timers_min_se"), "120");
}

TEST(PeerRules, CallerIdPartsMerge) {
  auto c = convert_text(
      "[p]\ntype=friend\nhost=dynamic\ncallerid=\"Front Desk\" <100>\ncid_number=101\n"
      "callingpres=prohib\n");
  EXPECT_EQ(c->value("p", "endpoint", "callerid"), "\"Front Desk\" <101>");
  EXPECT_EQ(c->value("p", "endpoint", "callerid_privacy"), "prohib");
}

TEST(PeerRules, CallerIdNumberIsInTheLastBrackets) {
  auto c = convert_text("[p]\ntype=friend\nhost=dynamic\ncallerid=\"Reception <&>\" <100>\n");
  EXPECT_EQ(c->value("p", "endpoint", "callerid"), "\"Reception <&>\" <100>");
}

TEST(PeerRules, MailboxesUnsolicitedAndSubscribed) {
  auto c = convert_text("[p]\ntype=friend\nhost=dynamic\nmailbox=100@default\n");
  EXPECT_EQ(c->value("p", "endpoint", "mailboxes"), "100@default");
  EXPECT_EQ(c->value("p", "endpoint", "mwi_subscribe_replaces_unsolicited"), "yes");
  EXPECT_EQ(c->value("p", "aor", "mailboxes"), "100@default");
  EXPECT_EQ(c->value("p", "endpoint", "voicemail_extension"), "asterisk");
  auto s = convert_text("[p]\ntype=friend\nhost=dynamic\nmailbox=100\nsubscribemwi=yes\n");
  EXPECT_EQ(s->value("p", "endpoint", "mailboxes"), "<absent>");
  EXPECT_EQ(s->value("p", "aor", "mailboxes"), "100");
}

TEST(PeerRules, AclsStayPerEndpointAndInOrder) {
  auto c = convert_text(
      "[p]\ntype=friend\nhost=dynamic\ndeny=0.0.0.0/0.0.0.0\npermit=192.0.2.0/255.255.255.0\n"
      "acl=office\n");
  OptionList acl;
  for (const auto& option : c->options("p", "endpoint")) {
    if (option.first == "deny" || option.first == "permit" || option.first == "acl") {
      acl.push_back(option);
    }
  }
  EXPECT_EQ(acl, (OptionList{{"deny", "0.0.0.0/0.0.0.0"},
                             {"permit", "192.0.2.0/255.255.255.0"},
                             {"acl", "office"}}));
  EXPECT_FALSE(c->has("p", "acl"));  // never one global acl object
}

TEST(PeerRules, QualifyGoesOnTheAor) {
  auto c = convert_text("[p]\ntype=friend\nhost=dynamic\nqualify=yes\nqualifyfreq=30\n");
  EXPECT_EQ(c->value("p", "aor", "qualify_frequency"), "30");
  EXPECT_EQ(c->value("p", "aor", "qualify_timeout"), "2");
  auto ms = convert_text("[general]\nqualify=1500\n[p]\ntype=friend\nhost=dynamic\n");
  EXPECT_EQ(ms->value("p", "aor", "qualify_frequency"), "60");
  EXPECT_EQ(ms->value("p", "aor", "qualify_timeout"), "1.5");
  // Seconds as printf's %g writes them: whole numbers up to six digits, then an exponent.
  for (const auto& [qualify, timeout] : std::vector<std::pair<std::string, std::string>>{
           {"999999000", "999999"}, {"1000000000", "1e+06"}, {"1234567", "1234.57"}}) {
    auto c2 = convert_text("[p]\ntype=friend\nhost=dynamic\nqualify=" + qualify + "\n");
    EXPECT_EQ(c2->value("p", "aor", "qualify_timeout"), timeout) << qualify;
  }
}

TEST(PeerRules, ExpiryLimitsComeFromGeneral) {
  auto c = convert_text(
      "[general]\nmaxexpiry=600\ndefaultexpiry=300\n[p]\ntype=friend\n"
      "host=dynamic\n");
  EXPECT_EQ(c->value("p", "aor", "maximum_expiration"), "600");
  EXPECT_EQ(c->value("p", "aor", "default_expiration"), "300");
  EXPECT_EQ(c->value("p", "aor", "minimum_expiration"), "60");
}

TEST(PeerRules, OutboundProxyBecomesALooseRouteUri) {
  auto c = convert_text(
      "[general]\noutboundproxy=tcp://proxy.example.com:5070\n[p]\ntype=peer\n"
      "host=192.0.2.5\n");
  EXPECT_EQ(c->value("p", "endpoint", "outbound_proxy"),
            "sip:proxy.example.com:5070;lr;transport=tcp");
  EXPECT_EQ(c->value("p", "aor", "outbound_proxy"), "sip:proxy.example.com:5070;lr;transport=tcp");
}

TEST(PeerRules, SetvarLaterNameReplacesEarlier) {
  auto c = convert_text(
      "[p]\ntype=friend\nhost=dynamic\nsetvar=A=1\nsetvar=B=2\nsetvar=A=3\nparkinglot=lot1\n");
  OptionList vars;
  for (const auto& option : c->options("p", "endpoint")) {
    if (option.first == "set_var") vars.push_back(option);
  }
  EXPECT_EQ(vars,
            (OptionList{
                {"set_var", "B=2"}, {"set_var", "A=3"}, {"set_var", "CHANNEL(parkinglot)=lot1"}}));
}

TEST(PeerRules, CallLimitKeepsOnlyTheDeviceState) {
  auto c = convert_text("[p]\ntype=friend\nhost=dynamic\ncall-limit=2\n");
  EXPECT_EQ(c->value("p", "endpoint", "device_state_busy_at"), "2");
  EXPECT_EQ(c->outcome_at(4),
            "approximated: pjsip no longer rejects calls above the limit, it only reports the "
            "device BUSY (use GROUP_COUNT in the dialplan to reject)");
}

TEST(PeerRules, SimpleOptionsMapOneToOne) {
  auto c = convert_text(
      "[p]\ntype=friend\nhost=dynamic\nlanguage=de\naccountcode=acc\ntonezone=de\n"
      "trustrpid=yes\nsendrpid=pai\ncallgroup=1,3-4\npickupgroup=1\nallowtransfer=no\n"
      "rtptimeout=60\nuse_q850_reason=yes\n");
  EXPECT_EQ(c->value("p", "endpoint", "language"), "de");
  EXPECT_EQ(c->value("p", "endpoint", "accountcode"), "acc");
  EXPECT_EQ(c->value("p", "endpoint", "tone_zone"), "de");
  EXPECT_EQ(c->value("p", "endpoint", "trust_id_inbound"), "yes");
  EXPECT_EQ(c->value("p", "endpoint", "send_pai"), "yes");
  EXPECT_EQ(c->value("p", "endpoint", "call_group"), "1,3-4");
  EXPECT_EQ(c->value("p", "endpoint", "pickup_group"), "1");
  EXPECT_EQ(c->value("p", "endpoint", "allow_transfer"), "no");
  EXPECT_EQ(c->value("p", "endpoint", "rtp_timeout"), "60");
  EXPECT_EQ(c->value("p", "endpoint", "suppress_q850_reason_headers"), "no");
}

TEST(PeerRules, GeneralDefaultsReachEveryPeer) {
  auto c = convert_text(
      "[general]\ncontext=from-users\nlanguage=fr\ndtmfmode=info\n"
      "[a]\ntype=friend\nhost=dynamic\n[b]\ntype=friend\nhost=dynamic\n"
      "context=other\n");
  EXPECT_EQ(c->value("a", "endpoint", "context"), "from-users");
  EXPECT_EQ(c->value("b", "endpoint", "context"), "other");
  EXPECT_EQ(c->value("b", "endpoint", "language"), "fr");
  EXPECT_EQ(c->value("a", "endpoint", "dtmf_mode"), "info");
}

TEST(PeerRules, SecretWithSemicolonIsEscapedOnOutput) {
  auto c = convert_text("[p]\ntype=friend\nhost=dynamic\nsecret=a\\;b\n");
  EXPECT_EQ(c->value("p", "auth", "password"), "a;b");
}

}  // namespace
}  // namespace sip2pjsip::testing
