// chan_sip applications: SIPDtmfMode, SIPAddHeader and SIPRemoveHeader (with the pre-dial handler
// that puts the header on the outgoing leg), SIPSendCustomINFO.
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

RewriteOptions inheritable() {
  RewriteOptions options;
  options.headers = dialplan::HeaderStrategy::inheritable;
  return options;
}

// The handler context appended for these (number, header name) sites.
std::string handler(const std::vector<std::pair<int, std::string>>& sites) {
  std::string out =
      "\n"
      "; Added by sip2pjsip. chan_sip's SIPAddHeader() put its header on the outgoing call;\n"
      "; each SIPAddHeader now keeps the header value in an inherited variable\n"
      "; (SIP2PJSIP_HEADER<n>), and the Dial, Queue or Page after it runs this pre-dial "
      "handler (option b)\n"
      "; on the outgoing channel, which adds the headers with PJSIP_HEADER(add,...).\n"
      "[sip2pjsip-add-headers]\n"
      "exten => s,1,GotoIf($[\"${CHANNEL(channeltype)}\" != \"PJSIP\"]?done)\n";
  for (std::size_t i = 0; i < sites.size(); ++i) {
    const auto n = std::to_string(sites[i].first);
    const auto next = i + 1 < sites.size() ? "h" + std::to_string(sites[i + 1].first) : "done";
    out +=
        " same => n(h" + n + "),GotoIf($[${LEN(${SIP2PJSIP_HEADER" + n + "})} = 0]?" + next + ")\n";
    out +=
        " same => n,Set(PJSIP_HEADER(add," + sites[i].second + ")=${SIP2PJSIP_HEADER" + n + "})\n";
  }
  return out + " same => n(done),Return()\n";
}

TEST(DialplanApplications, SipDtmfModeSetsPjsipDtmfMode) {
  expect_line("exten => 1,1,SIPDtmfMode(rfc2833)", "exten => 1,1,Set(PJSIP_DTMF_MODE()=rfc4733)");
  expect_line("exten => 1,1,SIPDtmfMode(RFC2833)", "exten => 1,1,Set(PJSIP_DTMF_MODE()=rfc4733)");
  expect_line("exten => 1,1,SIPDtmfMode(inband)", "exten => 1,1,Set(PJSIP_DTMF_MODE()=inband)");
  expect_line("exten => 1,1,sipdtmfmode(info)", "exten => 1,1,Set(PJSIP_DTMF_MODE()=info)");
  expect_line("exten => 1,1,SIPDtmfMode(shortinfo)", "exten => 1,1,Set(PJSIP_DTMF_MODE()=info)",
              {"extensions.conf:2: warning: PJSIP has no shortinfo DTMF mode; info sends the "
               "longer INFO body [dialplan-approximate]"});
  expect_line("exten => 1,1,SIPDtmfMode(${MODE})", "exten => 1,1,Set(PJSIP_DTMF_MODE()=${MODE})",
              {"extensions.conf:2: warning: the DTMF mode comes from a variable: PJSIP_DTMF_MODE "
               "takes rfc4733 where chan_sip took rfc2833, and has no shortinfo "
               "[dialplan-approximate]"});
  expect_line("exten => 1,1,SIPDtmfMode(bogus)", "exten => 1,1,SIPDtmfMode(bogus)",
              {"extensions.conf:2: warning: SIPDtmfMode(bogus): chan_sip ignored this mode; left "
               "as it is [dialplan-no-equivalent]"});
  expect_line("exten => 1,1,ExecIf($[${FAX}]?SIPDtmfMode(inband))",
              "exten => 1,1,ExecIf($[${FAX}]?Set(PJSIP_DTMF_MODE()=inband))");
}

TEST(DialplanApplications, SipSendCustomInfoIsReported) {
  expect_line("exten => 1,1,SIPSendCustomINFO(hello)", "exten => 1,1,SIPSendCustomINFO(hello)",
              {"extensions.conf:2: warning: SIPSendCustomINFO has no PJSIP equivalent (chan_sip "
               "only had it in test builds); left as it is [dialplan-no-equivalent]"});
}

TEST(DialplanHeaders, AddedHeadersGoToTheOutgoingLegThroughAPreDialHandler) {
  const auto result = rewrite(
      "[internal]\n"
      "exten => 200,1,SIPAddHeader(Alert-Info: <http://pbx/ring2>\\;info=ring2)\n"
      " same => n,SIPAddHeader(Call-Info: <sip:pbx>\\;answer-after=0)\n"
      " same => n,Dial(SIP/100)\n"
      "exten => 201,1,SIPAddHeader(X-Caller: ${CALLERID(num)})\n"
      " same => n,Dial(SIP/101,20)\n"
      "exten => 202,1,SIPAddHeader(\"X-Quoted: yes\")\n"
      " same => n,Queue(support,tT)\n"
      "exten => 203,1,SIPAddHeader(Call-Info: answer-after=0)\n"
      " same => n,Page(SIP/100&SIP/101)\n");
  EXPECT_EQ(result.text,
            "[internal]\n"
            "exten => 200,1,Set(__SIP2PJSIP_HEADER1=<http://pbx/ring2>\\;info=ring2)\n"
            " same => n,Set(__SIP2PJSIP_HEADER2=<sip:pbx>\\;answer-after=0)\n"
            " same => n,Dial(PJSIP/100,,b(sip2pjsip-add-headers^s^1))\n"
            "exten => 201,1,Set(__SIP2PJSIP_HEADER3=${CALLERID(num)})\n"
            " same => n,Dial(PJSIP/101,20,b(sip2pjsip-add-headers^s^1))\n"
            "exten => 202,1,Set(__SIP2PJSIP_HEADER4=yes)\n"
            " same => n,Queue(support,tTb(sip2pjsip-add-headers^s^1))\n"
            "exten => 203,1,Set(__SIP2PJSIP_HEADER5=answer-after=0)\n"
            " same => n,Page(PJSIP/100&PJSIP/101,b(sip2pjsip-add-headers^s^1))\n" +
                handler({{1, "Alert-Info"},
                         {2, "Call-Info"},
                         {3, "X-Caller"},
                         {4, "X-Quoted"},
                         {5, "Call-Info"}}));
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(DialplanHeaders, HeadersWithoutAFollowingDialAreReported) {
  const auto result = rewrite(
      "[macro-autoanswer]\n"
      "exten => s,1,SIPAddHeader(Call-Info: answer-after=0)\n"
      "[internal]\n"
      "exten => 300,1,Macro(autoanswer)\n"
      " same => n,Dial(SIP/100,,tT)\n"
      "exten => 301,1,SIPAddHeader(X-A: 1)\n"
      " same => n,Dial(SIP/101,20,b(mine^s^1))\n");
  EXPECT_EQ(result.text,
            "[macro-autoanswer]\n"
            "exten => s,1,Set(__SIP2PJSIP_HEADER1=answer-after=0)\n"
            "[internal]\n"
            "exten => 300,1,Macro(autoanswer)\n"
            " same => n,Dial(PJSIP/100,,tT)\n"
            "exten => 301,1,Set(__SIP2PJSIP_HEADER2=1)\n"
            " same => n,Dial(PJSIP/101,20,b(mine^s^1))\n" +
                handler({{1, "Call-Info"}, {2, "X-A"}}));
  EXPECT_EQ(
      result.diagnostics,
      (Strings{"extensions.conf:2: warning: no Dial, Queue or Page follows this SIPAddHeader in "
               "its extension: the header is kept in SIP2PJSIP_HEADER1 but only a Dial, Queue or "
               "Page with b(sip2pjsip-add-headers^s^1) sends it; add that option to the one that "
               "should carry the header [dialplan-header-no-dial]",
               "extensions.conf:7: warning: this already runs a pre-dial handler (b option), so "
               "the headers of the SIPAddHeader before it are not added: call "
               "Gosub(sip2pjsip-add-headers,s,1) from that handler "
               "[dialplan-header-handler-taken]"}));
}

TEST(DialplanHeaders, RemovedHeadersClearTheirVariables) {
  const auto result = rewrite(
      "[internal]\n"
      "exten => 400,1,SIPAddHeader(X-Tenant: blue)\n"
      " same => n,SIPAddHeader(X-Trace: 1)\n"
      " same => n,SIPAddHeader(Alert-Info: ring1)\n"
      " same => n,SIPRemoveHeader(X-T)\n"
      " same => n,SIPRemoveHeader(alert-info:)\n"
      " same => n,SIPRemoveHeader()\n"
      " same => n,SIPRemoveHeader(P-Asserted)\n"
      " same => n,SIPRemoveHeader(${H})\n"
      " same => n,Dial(SIP/100)\n");
  EXPECT_EQ(result.text,
            "[internal]\n"
            "exten => 400,1,Set(__SIP2PJSIP_HEADER1=blue)\n"
            " same => n,Set(__SIP2PJSIP_HEADER2=1)\n"
            " same => n,Set(__SIP2PJSIP_HEADER3=ring1)\n"
            " same => n,MSet(__SIP2PJSIP_HEADER1=,__SIP2PJSIP_HEADER2=)\n"
            " same => n,Set(__SIP2PJSIP_HEADER3=)\n"
            " same => n,MSet(__SIP2PJSIP_HEADER1=,__SIP2PJSIP_HEADER2=,__SIP2PJSIP_HEADER3=)\n"
            " same => n,SIPRemoveHeader(P-Asserted)\n"
            " same => n,SIPRemoveHeader(${H})\n"
            " same => n,Dial(PJSIP/100,,b(sip2pjsip-add-headers^s^1))\n" +
                handler({{1, "X-Tenant"}, {2, "X-Trace"}, {3, "Alert-Info"}}));
  EXPECT_EQ(result.diagnostics,
            (Strings{"extensions.conf:8: warning: SIPRemoveHeader: no SIPAddHeader in this "
                     "dialplan adds a matching header; left as it is (remove it, or the header is "
                     "added elsewhere) [dialplan-header-manual]",
                     "extensions.conf:9: warning: SIPRemoveHeader with a variable: which headers "
                     "it removes is known only at run time; left as it is "
                     "[dialplan-header-manual]"}));
}

TEST(DialplanHeaders, HeadersThisToolCannotNameAreReported) {
  const auto result = rewrite(
      "[internal]\n"
      "exten => 500,1,SIPAddHeader(${HEADER_NAME}: x)\n"
      " same => n,SIPAddHeader(no colon here)\n"
      " same => n,ExecIf($[${AA}]?SIPAddHeader(Call-Info: answer-after=0))\n"
      " same => n,Set(__SIPADDHEADER01=X-Old: 1)\n"
      " same => n,Dial(SIP/100)\n");
  EXPECT_EQ(result.text,
            "[internal]\n"
            "exten => 500,1,SIPAddHeader(${HEADER_NAME}: x)\n"
            " same => n,SIPAddHeader(no colon here)\n"
            " same => n,ExecIf($[${AA}]?SIPAddHeader(Call-Info: answer-after=0))\n"
            " same => n,Set(__SIPADDHEADER01=X-Old: 1)\n"
            " same => n,Dial(PJSIP/100)\n");
  EXPECT_EQ(
      result.diagnostics,
      (Strings{"extensions.conf:2: warning: SIPAddHeader with a header name this tool cannot name "
               "in PJSIP_HEADER (a variable, or odd characters); left as it is "
               "[dialplan-header-manual]",
               "extensions.conf:3: warning: SIPAddHeader without 'Name: value' text this tool "
               "can read (chan_sip adds no header without a ':'); left as it is "
               "[dialplan-header-manual]",
               "extensions.conf:4: warning: SIPAddHeader inside another application: the Dial "
               "that carries the header cannot be found here, so no pre-dial handler can be set "
               "up; left as it is (set the header with PJSIP_HEADER(add,...) in a pre-dial "
               "handler, or use PJSIP_INHERITABLE_HEADER on Asterisk 20.19/22.9/23.3 or later) "
               "[dialplan-header-manual]",
               "extensions.conf:5: warning: sets SIPADDHEADER01, the variable chan_sip's "
               "SIPAddHeader used; PJSIP ignores it: use SIPAddHeader's PJSIP form; left as it "
               "is [dialplan-header-manual]"}));
}

TEST(DialplanHeaders, InheritableHeadersOnNewerAsterisk) {
  const auto options = inheritable();
  expect_line("exten => 1,1,SIPAddHeader(Alert-Info: <http://pbx/r>\\;info=r2)",
              "exten => 1,1,Set(PJSIP_INHERITABLE_HEADER(add,Alert-Info)=<http://pbx/r>\\;info=r2)",
              {}, options);
  expect_line("exten => 1,1,ExecIf($[${AA}]?SIPAddHeader(Call-Info: answer-after=0))",
              "exten => 1,1,ExecIf($[${AA}]?Set(PJSIP_INHERITABLE_HEADER(add,Call-Info)="
              "answer-after=0))",
              {}, options);
  expect_line("exten => 1,1,SIPRemoveHeader(X-)",
              "exten => 1,1,Set(PJSIP_INHERITABLE_HEADER(remove,X-*)=)", {}, options);
  expect_line("exten => 1,1,SIPRemoveHeader(X-Foo:)",
              "exten => 1,1,Set(PJSIP_INHERITABLE_HEADER(remove,X-Foo)=)", {}, options);
  expect_line("exten => 1,1,SIPRemoveHeader()",
              "exten => 1,1,Set(PJSIP_INHERITABLE_HEADER(remove,*)=)", {}, options);
  expect_line("exten => 1,1,SIPRemoveHeader(X-Foo: bar)",
              "exten => 1,1,SIPRemoveHeader(X-Foo: bar)",
              {"extensions.conf:2: warning: SIPRemoveHeader matching on the header value has no "
               "PJSIP form; left as it is [dialplan-header-manual]"},
              options);
  // No handler is needed, and the Dial stays as it was.
  const auto result =
      rewrite("[i]\nexten => 1,1,SIPAddHeader(X-A: 1)\n same => n,Dial(SIP/100)\n", options);
  EXPECT_EQ(result.text,
            "[i]\nexten => 1,1,Set(PJSIP_INHERITABLE_HEADER(add,X-A)=1)\n"
            " same => n,Dial(PJSIP/100)\n");
}

}  // namespace
}  // namespace sip2pjsip::testing
