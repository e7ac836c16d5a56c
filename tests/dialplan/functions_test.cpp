// chan_sip dialplan functions and channel variables, and tests of the channel type.
#include <gtest/gtest.h>

#include "dialplan/dialplan_helpers.h"

namespace sip2pjsip::testing {
namespace {

void expect_line(const std::string& before, const std::string& after,
                 const Strings& diagnostics = {}) {
  const auto result = rewrite_line(before);
  EXPECT_EQ(result.text, after) << "from: " << before;
  EXPECT_EQ(result.diagnostics, diagnostics) << "from: " << before;
}

// What SIPPEER(<peer>,<field>) reads through the peer's first contact.
std::string contact(const std::string& aor, const std::string& field) {
  return "PJSIP_CONTACT(${CUT(PJSIP_AOR(" + aor + ",contact),\\,,1)}," + field + ")";
}

TEST(DialplanFunctions, SipHeaderReadsWithPjsipHeader) {
  expect_line("exten => 1,1,Set(X=${SIP_HEADER(X-Account)})",
              "exten => 1,1,Set(X=${PJSIP_HEADER(read,X-Account)})");
  expect_line("exten => 1,1,Set(V=${SIP_HEADER(Via,2)})",
              "exten => 1,1,Set(V=${PJSIP_HEADER(read,Via,2)})");
  expect_line("exten => 1,1,Set(X=${SIP_HEADER(${HDR})})",
              "exten => 1,1,Set(X=${PJSIP_HEADER(read,${HDR})})");
  // As the variable name CUT reads.
  expect_line("exten => 1,1,Set(U=${CUT(SIP_HEADER(From),@,1)})",
              "exten => 1,1,Set(U=${CUT(PJSIP_HEADER(read,From),@,1)})");
  expect_line("exten => 1,1,Set(H=${SIP_HEADERS(X-)})", "exten => 1,1,Set(H=${PJSIP_HEADERS(X-)})");
  expect_line("exten => 1,1,Set(H=${SIP_HEADERS(*)})", "exten => 1,1,Set(H=${PJSIP_HEADERS()})");
}

TEST(DialplanFunctions, SippeerAddressFieldsComeFromTheContact) {
  expect_line("exten => 1,1,Set(IP=${SIPPEER(100,ip)})",
              "exten => 1,1,Set(IP=${PJSIP_PARSE_URI(${" + contact("100", "uri") + "},host)})");
  // Without a field SIPPEER gave the address.
  expect_line("exten => 1,1,Set(IP=${SIPPEER(100)})",
              "exten => 1,1,Set(IP=${PJSIP_PARSE_URI(${" + contact("100", "uri") + "},host)})");
  // The aor of "carrier" is "carrier-aor".
  expect_line("exten => 1,1,Set(UA=${SIPPEER(carrier,useragent)})",
              "exten => 1,1,Set(UA=${" + contact("carrier-aor", "user_agent") + "})");
  expect_line(
      "exten => 1,1,Set(P=${SIPPEER(100,port)})",
      "exten => 1,1,Set(P=${PJSIP_PARSE_URI(${" + contact("100", "uri") + "},port)})",
      {"extensions.conf:2: warning: SIPPEER(100,port): the port now comes from the contact URI: "
       "0 when the URI has none (chan_sip gave 5060) [dialplan-approximate]"});
  expect_line(
      "exten => 1,1,GotoIf($[\"${SIPPEER(${EXTEN},status):0:2}\" = \"OK\"]?up)",
      "exten => 1,1,GotoIf($[\"${" + contact("${EXTEN}", "status") + ":0:2}\" = \"OK\"]?up)",
      {"extensions.conf:2: warning: SIPPEER(${EXTEN},status): the status words differ: PJSIP "
       "gives Reachable, Unreachable, NonQualified or Unknown where chan_sip gave \"OK (n ms)\", "
       "UNREACHABLE, LAGGED, UNKNOWN or Unmonitored (${DEVICE_STATE(PJSIP/<endpoint>)} is "
       "another choice); check every comparison [dialplan-approximate]"});
}

TEST(DialplanFunctions, SippeerSettingsComeFromTheEndpoint) {
  const std::pair<const char*, const char*> fields[] = {
      {"language", "language"},
      {"context", "context"},
      {"accountcode", "accountcode"},
      {"callgroup", "call_group"},
      {"pickupgroup", "pickup_group"},
      {"namedcallgroup", "named_call_group"},
      {"namedpickupgroup", "named_pickup_group"},
      {"mailbox", "mailboxes"},
      {"busylevel", "device_state_busy_at"},
      {"CONTEXT", "context"},
  };
  for (const auto& [field, option] : fields) {
    expect_line(std::string("exten => 1,1,Set(V=${SIPPEER(100,") + field + ")})",
                std::string("exten => 1,1,Set(V=${PJSIP_ENDPOINT(100,") + option + ")})");
  }
  expect_line("exten => 1,1,Set(C=${SIPPEER(office,codecs)})",
              "exten => 1,1,Set(C=${PJSIP_ENDPOINT(Office,allow)})",
              {"extensions.conf:2: note: chan_sip found peer 'office' without regard to case; "
               "the endpoint is 'Office' [dialplan-endpoint-case]",
               "extensions.conf:2: warning: SIPPEER(office,codecs): SIPPEER(...,codecs) gave "
               "\"(ulaw|alaw)\"; PJSIP_ENDPOINT(...,allow) gives \"(ulaw|alaw)\" only for the "
               "endpoint's own allow list [dialplan-approximate]"});
  // Nested functions inside the peer name are rewritten too.
  expect_line("exten => 1,1,Set(L=${SIPPEER(${SIP_HEADER(X-Peer)},language)})",
              "exten => 1,1,Set(L=${PJSIP_ENDPOINT(${PJSIP_HEADER(read,X-Peer)},language)})");
}

TEST(DialplanFunctions, SippeerFieldsWithoutEquivalentAreReported) {
  expect_line("exten => 1,1,Set(N=${SIPPEER(100,curcalls)})",
              "exten => 1,1,Set(N=${SIPPEER(100,curcalls)})",
              {"extensions.conf:2: warning: SIPPEER(100,curcalls): PJSIP does not count an "
               "endpoint's calls; ${DEVICE_STATE(PJSIP/<endpoint>)} tells whether it is in use; "
               "left as it is [dialplan-no-equivalent]"});
  expect_line("exten => 1,1,Set(N=${SIPPEER(100,${FIELD})})",
              "exten => 1,1,Set(N=${SIPPEER(100,${FIELD})})",
              {"extensions.conf:2: warning: SIPPEER(100,${FIELD}): the field comes from a "
               "variable, and each SIPPEER field has its own PJSIP function; left as it is "
               "[dialplan-no-equivalent]"});
  expect_line("exten => 1,1,Set(N=${SIPPEER(100,chanvar[FOO])})",
              "exten => 1,1,Set(N=${SIPPEER(100,chanvar[FOO])})",
              {"extensions.conf:2: warning: SIPPEER(100,chanvar[FOO]): chan_sip has no such "
               "SIPPEER field (or it has no PJSIP equivalent); left as it is "
               "[dialplan-no-equivalent]"});
  expect_line("exten => 1,1,Set(N=${SIPPEER(nobody,context)})",
              "exten => 1,1,Set(N=${PJSIP_ENDPOINT(nobody,context)})",
              {"extensions.conf:2: warning: SIPPEER(nobody,context): no endpoint named 'nobody' "
               "in the pjsip configuration [dialplan-unknown-endpoint]"});
}

TEST(DialplanFunctions, ChannelFieldsOfChanSip) {
  expect_line("exten => 1,1,Set(IP=${CHANNEL(peerip)})",
              "exten => 1,1,Set(IP=${PJSIP_PARSE_URI(sip:${CHANNEL(pjsip,remote_addr)},host)})");
  expect_line("exten => 1,1,Set(P=${CHANNEL(recvport)})",
              "exten => 1,1,Set(P=${PJSIP_PARSE_URI(sip:${CHANNEL(pjsip,remote_addr)},port)})");
  expect_line("exten => 1,1,Set(IP=${CHANNEL(recvip)})",
              "exten => 1,1,Set(IP=${PJSIP_PARSE_URI(sip:${CHANNEL(pjsip,remote_addr)},host)})",
              {"extensions.conf:2: note: CHANNEL(recvip): chan_sip's recvip was the source of the "
               "last request; PJSIP gives the address the INVITE came from "
               "[dialplan-approximate]"});
  expect_line("exten => 1,1,Set(F=${CHANNEL(from)})",
              "exten => 1,1,Set(F=${CHANNEL(pjsip,remote_uri)})");
  expect_line("exten => 1,1,Set(U=${CHANNEL(uri)})",
              "exten => 1,1,Set(U=${CHANNEL(pjsip,target_uri)})",
              {"extensions.conf:2: note: CHANNEL(uri): chan_sip's CHANNEL(uri) was the Contact "
               "URI without its parameters; CHANNEL(pjsip,target_uri) keeps them "
               "[dialplan-approximate]"});
  expect_line("exten => 1,1,Set(R=${CHANNEL(ruri)})",
              "exten => 1,1,Set(R=${CHANNEL(pjsip,request_uri)})");
  expect_line("exten => 1,1,Set(UA=${CHANNEL(useragent)})",
              "exten => 1,1,Set(UA=${PJSIP_HEADER(read,User-Agent)})");
  expect_line("exten => 1,1,Set(P=${CHANNEL(peername)})",
              "exten => 1,1,Set(P=${CHANNEL(endpoint)})");
  expect_line("exten => 1,1,Set(T=${CHANNEL(t38passthrough)})",
              "exten => 1,1,Set(T=$[\"${CHANNEL(pjsip,t38state)}\" != \"DISABLED\"])");
  expect_line("exten => 1,1,Set(D=${CHANNEL(rtpdest)})",
              "exten => 1,1,Set(D=${CHANNEL(rtp,dest)})");
  expect_line("exten => 1,1,Set(D=${CHANNEL(rtpsource,video)})",
              "exten => 1,1,Set(D=${CHANNEL(rtp,src,video)})");
  expect_line("exten => 1,1,Set(S=${CHANNEL(secure_signaling)})",
              "exten => 1,1,Set(S=${CHANNEL(pjsip,secure)})",
              {"extensions.conf:2: warning: CHANNEL(secure_signaling): PJSIP gives 0 where "
               "chan_sip gave an empty value (1 stays 1) [dialplan-approximate]"});
  // Fields every channel has are not chan_sip's.
  expect_line("exten => 1,1,Set(L=${CHANNEL(language)})",
              "exten => 1,1,Set(L=${CHANNEL(language)})");
}

TEST(DialplanFunctions, ChannelFieldsWithoutEquivalentAreReported) {
  expect_line("exten => 1,1,Set(Q=${CHANNEL(rtpqos,audio,all)})",
              "exten => 1,1,Set(Q=${CHANNEL(rtpqos,audio,all)})",
              {"extensions.conf:2: warning: CHANNEL(rtpqos,audio,all): use "
               "CHANNEL(rtcp,<statistic>[,audio|video]); the statistic names differ (rxjitter, "
               "txcount, rtt, ...); left as it is [dialplan-no-equivalent]"});
  expect_line("exten => 1,1,Set(D=${CHANNEL(rtpdest,text)})",
              "exten => 1,1,Set(D=${CHANNEL(rtpdest,text)})",
              {"extensions.conf:2: warning: CHANNEL(rtpdest,text): PJSIP has RTP information for "
               "audio and video only; left as it is [dialplan-no-equivalent]"});
  // t38passthrough as a part of a bigger expression: no function gives 0/1.
  expect_line("exten => 1,1,Set(T=${CUT(CHANNEL(t38passthrough),x,1)})",
              "exten => 1,1,Set(T=${CUT(CHANNEL(t38passthrough),x,1)})",
              {"extensions.conf:2: warning: CHANNEL(t38passthrough): PJSIP gives the T.38 state "
               "as a word (CHANNEL(pjsip,t38state)); left as it is [dialplan-no-equivalent]"});
}

TEST(DialplanFunctions, ChanSipChannelVariables) {
  expect_line("exten => 1,1,Set(ID=${SIPCALLID})",
              "exten => 1,1,Set(ID=${CHANNEL(pjsip,call-id)})");
  expect_line("exten => 1,1,Set(ID=${SIPCALLID:0:8})",
              "exten => 1,1,Set(ID=${CHANNEL(pjsip,call-id):0:8})");
  expect_line("exten => 1,1,Set(U=${SIPURI})", "exten => 1,1,Set(U=${CHANNEL(pjsip,target_uri)})",
              {"extensions.conf:2: note: chan_sip's SIPURI was the caller's Contact URI without "
               "its parameters; CHANNEL(pjsip,target_uri) keeps them [dialplan-approximate]"});
  expect_line("exten => 1,1,Set(H=${CUT(SIPCALLID,@,2)})",
              "exten => 1,1,Set(H=${CUT(CHANNEL(pjsip,call-id),@,2)})");
  // chan_pjsip sets SIPDOMAIN itself (chan_pjsip.c set_sipdomain_variable), and res_pjsip
  // reads SIPFROMDOMAIN: both stay.
  expect_line("exten => 1,1,Goto(${SIPDOMAIN},${EXTEN},1)",
              "exten => 1,1,Goto(${SIPDOMAIN},${EXTEN},1)");
  expect_line("exten => 1,1,Set(__SIPFROMDOMAIN=example.com)",
              "exten => 1,1,Set(__SIPFROMDOMAIN=example.com)");
  expect_line("exten => 1,1,Set(_SIP_CODEC=g722)", "exten => 1,1,Set(_SIP_CODEC=g722)",
              {"extensions.conf:2: warning: sets chan_sip's channel variable SIP_CODEC, which "
               "PJSIP ignores: set the offered codecs with Set(PJSIP_MEDIA_OFFER(audio)=...); "
               "left as it is [dialplan-no-equivalent]"});
  expect_line("exten => 1,1,NoOp(${SIPURIPHONECONTEXT})",
              "exten => 1,1,NoOp(${SIPURIPHONECONTEXT})",
              {"extensions.conf:2: warning: reads chan_sip's channel variable SIPURIPHONECONTEXT, "
               "which PJSIP does not set: read the Request-URI with CHANNEL(pjsip,request_uri); "
               "left as it is [dialplan-no-equivalent]"});
}

TEST(DialplanFunctions, FunctionsWithoutEquivalentAreReported) {
  expect_line("exten => 1,1,GotoIf($[\"${CHECKSIPDOMAIN(${SIPDOMAIN})}\" = \"\"]?reject)",
              "exten => 1,1,GotoIf($[\"${CHECKSIPDOMAIN(${SIPDOMAIN})}\" = \"\"]?reject)",
              {"extensions.conf:2: warning: CHECKSIPDOMAIN() has no PJSIP equivalent (PJSIP keeps "
               "no list of local domains to check against); left as it is "
               "[dialplan-no-equivalent]"});
  expect_line("exten => 1,1,Set(IP=${SIPCHANINFO(peerip)})",
              "exten => 1,1,Set(IP=${SIPCHANINFO(peerip)})",
              {"extensions.conf:2: warning: SIPCHANINFO() is gone (chan_sip itself replaced it "
               "with CHANNEL()); read the value with CHANNEL(pjsip,...) or PJSIP_HEADER(read,...); "
               "left as it is [dialplan-no-equivalent]"});
}

TEST(DialplanFunctions, ChannelTypeTestsAreReported) {
  const std::string warning =
      "extensions.conf:2: warning: this tests whether the channel type is SIP; chan_pjsip "
      "channels are of type PJSIP: left as it is, check the test by hand [dialplan-channel-type]";
  expect_line("exten => 1,1,GotoIf($[\"${CHANNEL(channeltype)}\" = \"SIP\"]?sip,1)",
              "exten => 1,1,GotoIf($[\"${CHANNEL(channeltype)}\" = \"SIP\"]?sip,1)", {warning});
  expect_line("exten => 1,1,ExecIf($[${CHANNEL:0:3} = SIP]?Set(T=1))",
              "exten => 1,1,ExecIf($[${CHANNEL:0:3} = SIP]?Set(T=1))", {warning});
  expect_line("exten => 1,1,Set(T=${IF($[\"${CHANNEL(channeltype)}\"=\"SIP\"]?a:b)})",
              "exten => 1,1,Set(T=${IF($[\"${CHANNEL(channeltype)}\"=\"SIP\"]?a:b)})", {warning});
  // Reading the type, or a label named sip, is no test.
  expect_line("exten => 1,1,Set(T=${CHANNEL(channeltype)})",
              "exten => 1,1,Set(T=${CHANNEL(channeltype)})");
  expect_line("exten => 1,1,GotoIf($[${X}]?sip:other)", "exten => 1,1,GotoIf($[${X}]?sip:other)");
  const auto globals = rewrite("[globals]\nTECH=SIP\n");
  EXPECT_EQ(globals.text, "[globals]\nTECH=SIP\n");
  EXPECT_EQ(globals.diagnostics,
            (Strings{"extensions.conf:2: warning: a variable set to SIP: if it names the channel "
                     "technology (Dial(${VAR}/...) or a test of the channel type), it must become "
                     "PJSIP; left as it is [dialplan-channel-type]"}));
}

TEST(DialplanFunctions, DeepNesting) {
  expect_line(
      "exten => 1,1,Set(C=${IF($[\"${SIP_HEADER(X-A)}\" = \"\"]?${SIPPEER(${CUT(CALLERID(num),"
      "-,1)},context)}:${CHANNEL(peername)})})",
      "exten => 1,1,Set(C=${IF($[\"${PJSIP_HEADER(read,X-A)}\" = \"\"]?${PJSIP_ENDPOINT(${CUT("
      "CALLERID(num),-,1)},context)}:${CHANNEL(endpoint)})})");
}

}  // namespace
}  // namespace sip2pjsip::testing
