// SIP/... channel strings wherever the dialplan holds them, each form with its exact rewrite.
#include <gtest/gtest.h>

#include "dialplan/dialplan_helpers.h"

namespace sip2pjsip::testing {
namespace {

void expect_line(const std::string& before, const std::string& after,
                 const Strings& diagnostics = {}, const RewriteOptions& options = {}) {
  const auto result = rewrite_line(before, options);
  EXPECT_EQ(result.text, after) << "from: " << before;
  EXPECT_EQ(result.diagnostics, diagnostics) << "from: " << before;
}

const std::string kUriEndpointWarning =
    "which you need to define in pjsip.conf [dialplan-uri-dial]";

TEST(DialplanChannels, PeerBecomesEndpoint) {
  expect_line("exten => 100,1,Dial(SIP/100)", "exten => 100,1,Dial(PJSIP/100)");
  expect_line("exten => 100,1,Dial(SIP/100,20,tT)", "exten => 100,1,Dial(PJSIP/100,20,tT)");
  // Channel technologies are found without regard to case.
  expect_line("exten => 100,1,Dial(sip/100)", "exten => 100,1,Dial(PJSIP/100)");
  expect_line("same => n,Dial(SIP/100)", "same => n,Dial(PJSIP/100)");
}

TEST(DialplanChannels, ExtensionAtPeerAndPeerSlashExtension) {
  expect_line("exten => _9.,1,Dial(SIP/${EXTEN:1}@trunk,60)",
              "exten => _9.,1,Dial(PJSIP/${EXTEN:1}@trunk,60)");
  expect_line("exten => _9.,1,Dial(SIP/trunk/${EXTEN:1},60)",
              "exten => _9.,1,Dial(PJSIP/${EXTEN:1}@trunk,60)");
  expect_line("exten => 5,1,Dial(SIP/trunk/5551234)", "exten => 5,1,Dial(PJSIP/5551234@trunk)");
}

TEST(DialplanChannels, ContactWithAUserPartIsDialledAsAUri) {
  // carrier's aor contact is sip:acct123@carrier.example.net;transport=tcp: PJSIP/exten@carrier
  // would dial that contact, so the extension goes into an explicit URI. The ';' is written
  // "\;" in extensions.conf.
  expect_line("exten => _8.,1,Dial(SIP/${EXTEN:1}@carrier,60)",
              "exten => _8.,1,Dial(PJSIP/carrier/sip:${EXTEN:1}@carrier.example.net\\;"
              "transport=tcp,60)");
  expect_line("exten => _8.,1,Dial(SIP/carrier/${EXTEN})",
              "exten => _8.,1,Dial(PJSIP/carrier/sip:${EXTEN}@carrier.example.net\\;"
              "transport=tcp)");
  // Without an extension the contact is dialled as it is.
  expect_line("exten => 8,1,Dial(SIP/carrier)", "exten => 8,1,Dial(PJSIP/carrier)");
}

TEST(DialplanChannels, UserAtHostWithoutPeerGoesThroughANamedEndpoint) {
  expect_line(
      "exten => 2,1,Dial(SIP/2000@pbx2.example.com)",
      "exten => 2,1,Dial(PJSIP/default_outbound_endpoint/sip:2000@pbx2.example.com)",
      {"extensions.conf:2: warning: 'SIP/2000@pbx2.example.com' dials host 'pbx2.example.com', "
       "which is no peer: PJSIP dials a URI only through an endpoint, so this now goes to "
       "sip:2000@pbx2.example.com through endpoint 'default_outbound_endpoint', " +
       kUriEndpointWarning});
  expect_line("exten => 3,1,Dial(SIP/192.0.2.10:5080)",
              "exten => 3,1,Dial(PJSIP/default_outbound_endpoint/sip:192.0.2.10:5080)",
              {"extensions.conf:2: warning: 'SIP/192.0.2.10:5080' dials host '192.0.2.10:5080', "
               "which is no peer: PJSIP dials a URI only through an endpoint, so this now goes to "
               "sip:192.0.2.10:5080 through endpoint 'default_outbound_endpoint', " +
               kUriEndpointWarning});
  RewriteOptions options;
  options.uri_endpoint = "trunk";  // an endpoint that exists: no need to define it
  expect_line("exten => 4,1,Dial(SIP/[2001:db8::1]/${EXTEN})",
              "exten => 4,1,Dial(PJSIP/trunk/sip:${EXTEN}@[2001:db8::1])",
              {"extensions.conf:2: warning: 'SIP/[2001:db8::1]/${EXTEN}' dials host "
               "'[2001:db8::1]', which is no peer: PJSIP dials a URI only through an endpoint, so "
               "this now goes to sip:${EXTEN}@[2001:db8::1] through endpoint 'trunk' "
               "[dialplan-uri-dial]"},
              options);
}

TEST(DialplanChannels, UnknownPeersAndCase) {
  expect_line("exten => 200,1,Dial(SIP/200)", "exten => 200,1,Dial(PJSIP/200)",
              {"extensions.conf:2: warning: no endpoint named '200' in the pjsip configuration "
               "(a realtime peer, or a typo?); written as PJSIP/200 anyway "
               "[dialplan-unknown-endpoint]"});
  expect_line("exten => 300,1,Dial(SIP/office)", "exten => 300,1,Dial(PJSIP/Office)",
              {"extensions.conf:2: note: chan_sip found peer 'office' without regard to case; "
               "the endpoint is 'Office' and PJSIP needs its exact name "
               "[dialplan-endpoint-case]"});
}

TEST(DialplanChannels, ValuesBuiltFromVariables) {
  expect_line("exten => _X.,1,Dial(SIP/${EXTEN})", "exten => _X.,1,Dial(PJSIP/${EXTEN})");
  expect_line("exten => _X.,1,Dial(SIP/${EXTEN}@${TRUNK})",
              "exten => _X.,1,Dial(PJSIP/${EXTEN}@${TRUNK})");
  expect_line("exten => s,1,Set(DEVS=${DEVS}&SIP/${ARG1})",
              "exten => s,1,Set(DEVS=${DEVS}&PJSIP/${ARG1})");
  expect_line("exten => s,1,Set(__FWD=SIP/${CUT(ARG1,-,1)}@trunk)",
              "exten => s,1,Set(__FWD=PJSIP/${CUT(ARG1,-,1)}@trunk)");
  expect_line("exten => s,1,Set(X=\"SIP/100\")", "exten => s,1,Set(X=\"PJSIP/100\")");
}

TEST(DialplanChannels, AmpersandListsAndOtherTechnologies) {
  expect_line("exten => 600,1,Dial(SIP/100&SIP/101&DAHDI/g1/5551234&IAX2/remote/600,30)",
              "exten => 600,1,Dial(PJSIP/100&PJSIP/101&DAHDI/g1/5551234&IAX2/remote/600,30)");
  expect_line("exten => 601,1,Dial(${RINGGROUP}&SIP/100)",
              "exten => 601,1,Dial(${RINGGROUP}&PJSIP/100)");
  // Only whole technology names are channel strings.
  expect_line("exten => 602,1,Dial(PJSIP/100&Local/SIP/1@x)",
              "exten => 602,1,Dial(PJSIP/100&Local/SIP/1@x)");
  expect_line("exten => 603,1,NoOp(MYSIP/100 IAXSIP/2)", "exten => 603,1,NoOp(MYSIP/100 IAXSIP/2)");
}

TEST(DialplanChannels, NestedInFunctionsAndExpressions) {
  expect_line("exten => 1,1,Dial(${IF($[${DND}]?SIP/100:SIP/101)},20)",
              "exten => 1,1,Dial(${IF($[${DND}]?PJSIP/100:PJSIP/101)},20)");
  expect_line(
      "exten => 1,1,ExecIf($[\"${X}\" = \"1\"]?Dial(SIP/100):Dial(SIP/trunk/${EXTEN}))",
      "exten => 1,1,ExecIf($[\"${X}\" = \"1\"]?Dial(PJSIP/100):Dial(PJSIP/${EXTEN}@trunk))");
  expect_line("exten => 1,1,Gosub(sub-dial,s,1(SIP/100,20))",
              "exten => 1,1,Gosub(sub-dial,s,1(PJSIP/100,20))");
}

TEST(DialplanChannels, HintsAndDeviceState) {
  expect_line("exten => 100,hint,SIP/100", "exten => 100,hint,PJSIP/100");
  expect_line("exten => 100,hint,SIP/100&SIP/101&Custom:DND100",
              "exten => 100,hint,PJSIP/100&PJSIP/101&Custom:DND100");
  // chan_sip's device state looked at the peer after '@'.
  expect_line("exten => 7,hint,SIP/7@trunk", "exten => 7,hint,PJSIP/trunk");
  expect_line("exten => 1,1,Set(S=${DEVICE_STATE(SIP/100)})",
              "exten => 1,1,Set(S=${DEVICE_STATE(PJSIP/100)})");
  expect_line("exten => 1,1,GotoIf($[\"${DEVICE_STATE(SIP/${EXTEN})}\" = \"INUSE\"]?busy)",
              "exten => 1,1,GotoIf($[\"${DEVICE_STATE(PJSIP/${EXTEN})}\" = \"INUSE\"]?busy)");
  // EXTENSION_STATE names an extension, not a device: it follows the rewritten hint.
  expect_line("exten => 1,1,Set(S=${EXTENSION_STATE(100@internal)})",
              "exten => 1,1,Set(S=${EXTENSION_STATE(100@internal)})");
}

TEST(DialplanChannels, QueuesPagingSpyingAndOriginate) {
  expect_line("exten => 1,1,AddQueueMember(support,SIP/100,0,,Alice,SIP/100)",
              "exten => 1,1,AddQueueMember(support,PJSIP/100,0,,Alice,PJSIP/100)");
  expect_line("exten => 1,1,RemoveQueueMember(support,SIP/100)",
              "exten => 1,1,RemoveQueueMember(support,PJSIP/100)");
  expect_line("exten => 1,1,Page(SIP/100&SIP/101,i,30)",
              "exten => 1,1,Page(PJSIP/100&PJSIP/101,i,30)");
  expect_line("exten => 1,1,ChanSpy(SIP/100,qw)", "exten => 1,1,ChanSpy(PJSIP/100,qw)");
  // ChanSpy takes a channel name prefix: the bare technology too.
  expect_line("exten => 1,1,ChanSpy(SIP,q)", "exten => 1,1,ChanSpy(PJSIP,q)");
  expect_line("exten => 1,1,ChanIsAvail(SIP/100&SIP/101,s)",
              "exten => 1,1,ChanIsAvail(PJSIP/100&PJSIP/101,s)");
  expect_line("exten => 1,1,Originate(SIP/100,exten,internal,200,1)",
              "exten => 1,1,Originate(PJSIP/100,exten,internal,200,1)");
}

TEST(DialplanChannels, QueuesConfMembers) {
  Diagnostics diagnostics;
  const auto endpoints = sample_endpoints();
  const std::string before =
      "[support]\n"
      "strategy = ringall\n"
      "member => SIP/100,0,Alice,SIP/100\n"
      "member => Local/101@internal/n,0,Bob,SIP/101,no\n"
      "member = SIP/6001\n";
  const auto result = dialplan::rewrite_dialplan("queues.conf", before, endpoints, diagnostics);
  EXPECT_EQ(result.text,
            "[support]\n"
            "strategy = ringall\n"
            "member => PJSIP/100,0,Alice,PJSIP/100\n"
            "member => Local/101@internal/n,0,Bob,PJSIP/101,no\n"
            "member = PJSIP/6001\n");
  EXPECT_EQ(formatted(diagnostics), Strings{});
}

TEST(DialplanChannels, DialStringPartsWithoutPjsipFormAreReported) {
  expect_line("exten => 1,1,Dial(SIP/100!200@example.com)",
              "exten => 1,1,Dial(SIP/100!200@example.com)",
              {"extensions.conf:2: warning: 'SIP/100!200@example.com': the !to[!from] part sets "
               "the To/From URI, which a PJSIP dial string cannot; left as it is (set the "
               "endpoint's from_user/from_domain, or PJSIP_HEADER(update,From) in a pre-dial "
               "handler) [dialplan-dial-string]"});
  expect_line("exten => 1,1,Dial(SIP/200:secret@pbx.example.com)",
              "exten => 1,1,Dial(SIP/200:secret@pbx.example.com)",
              {"extensions.conf:2: warning: 'SIP/200:secret@pbx.example.com': a secret, "
               "authentication name or transport in the dial string has no PJSIP form; left as "
               "it is (PJSIP takes them from the endpoint's outbound_auth and transport) "
               "[dialplan-dial-string]"});
  expect_line("exten => 1,1,Dial(SIP/trunk/123/192.0.2.1)",
              "exten => 1,1,Dial(SIP/trunk/123/192.0.2.1)",
              {"extensions.conf:2: warning: 'SIP/trunk/123/192.0.2.1': the third part is an "
               "outbound proxy address for this call, which a PJSIP dial string cannot carry; "
               "left as it is (use the endpoint's outbound_proxy) [dialplan-dial-string]"});
  expect_line("exten => 1,1,Dial(SIP/1@trunk/2)", "exten => 1,1,Dial(SIP/1@trunk/2)",
              {"extensions.conf:2: warning: 'SIP/1@trunk/2' gives the extension twice (before "
               "'@' and after '/'); chan_sip used the first; left as it is "
               "[dialplan-dial-string]"});
}

TEST(DialplanChannels, VariableHoldingAPeerFollowedByAnExtension) {
  const auto result = rewrite(
      "[globals]\n"
      "TRUNK=SIP/trunk\n"
      "[outbound]\n"
      "exten => _9.,1,Dial(${TRUNK}/${EXTEN:1})\n");
  EXPECT_EQ(result.text,
            "[globals]\n"
            "TRUNK=PJSIP/trunk\n"
            "[outbound]\n"
            "exten => _9.,1,Dial(${TRUNK}/${EXTEN:1})\n");
  EXPECT_EQ(result.diagnostics,
            (Strings{"extensions.conf:4: warning: ${TRUNK} holds a SIP/peer channel (now "
                     "PJSIP/peer), and '/...' after it is an extension in chan_sip but an aor or "
                     "URI in PJSIP: write PJSIP/exten@peer instead; left as it is "
                     "[dialplan-variable-dial]"}));
}

TEST(DialplanChannels, CommentsAndEscapesStayAsTheyWere) {
  expect_line("exten => 1,1,Dial(SIP/100) ; was SIP/100 before",
              "exten => 1,1,Dial(PJSIP/100) ; was SIP/100 before");
  expect_line("exten => 1,1,Dial(SIP/100;-- old: SIP/101 --;&SIP/101)",
              "exten => 1,1,Dial(PJSIP/100;-- old: SIP/101 --;&PJSIP/101)");
  // A block comment inside the very channel string: it cannot be replaced without losing it.
  expect_line("exten => 1,1,Dial(SIP/10;--x--;0)", "exten => 1,1,Dial(SIP/10;--x--;0)",
              {"extensions.conf:2: warning: a block comment lies inside 'SIP/100', so it is not "
               "rewritten to 'PJSIP/100'; left as it is [dialplan-comment-inside]"});
  expect_line("exten => 1,1,Verbose(1,calling SIP/100\\; please wait)",
              "exten => 1,1,Verbose(1,calling PJSIP/100\\; please wait)");
}

}  // namespace
}  // namespace sip2pjsip::testing
