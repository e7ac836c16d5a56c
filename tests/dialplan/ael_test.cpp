// extensions.ael: channel strings, functions and applications inside AEL's own syntax, with its
// comments (outside arguments only) left alone.
#include <gtest/gtest.h>

#include "dialplan/ael_scanner.h"
#include "dialplan/dialplan_helpers.h"

namespace sip2pjsip::testing {
namespace {

using dialplan::AelItem;

std::vector<std::string> items(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& item : dialplan::scan_ael(text)) {
    const char* kind = item.kind == AelItem::Kind::call         ? "call"
                       : item.kind == AelItem::Kind::assignment ? "set"
                                                                : "include";
    out.push_back(std::string(kind) + " " + text.substr(item.name.begin, item.name.size()) + " [" +
                  text.substr(item.args.begin, item.args.size()) + "]");
  }
  return out;
}

TEST(DialplanAel, ScannerFindsCallsAssignmentsAndIncludes) {
  EXPECT_EQ(items("#include \"users.ael\"\n"
                  "globals { T=SIP/x; }; // Dial(SIP/1)\n"
                  "context c { hint(SIP/1) 1 => { Dial(SIP/1,,U(sub^a)); /* NoOp(x) */\n"
                  "  if (${A} = 1) { CDR(foo) = bar; } NoOp(http://x/y); }; };\n"),
            (Strings{"include users.ael []", "set T [SIP/x]", "call hint [SIP/1]",
                     "call Dial [SIP/1,,U(sub^a)]", "call if [${A} = 1]", "call CDR [foo]",
                     "set CDR(foo) [bar]", "call NoOp [http://x/y]"}));
}

const std::string kAel =
    "// extensions.ael\n"
    "globals {\n"
    "    TRUNK=SIP/trunk;      // the provider\n"
    "};\n"
    "\n"
    "context internal {\n"
    "    hint(SIP/100&Custom:DND100) 100 => {\n"
    "        Dial(SIP/100,20);   // rings SIP/100\n"
    "        Voicemail(100@default,u);\n"
    "    };\n"
    "    _9. => {\n"
    "        Set(CALLERIP=${CHANNEL(peerip)});\n"
    "        if (\"${CHANNEL(channeltype)}\" = \"SIP\") {\n"
    "            NoOp(called from chan_sip);\n"
    "        }\n"
    "        SIPDtmfMode(rfc2833);\n"
    "        Dial(SIP/${EXTEN:1}@trunk,60);\n"
    "        NoOp(http://example.com/SIP/100);\n"
    "    };\n"
    "    /* Dial(SIP/101) used to be here */\n"
    "    200 => {\n"
    "        SIPAddHeader(Call-Info: answer-after=0);\n"
    "        Dial(SIP/101);\n"
    "        acct = ${SIP_HEADER(X-Account)};\n"
    "    };\n"
    "};\n";

TEST(DialplanAel, RewritesChannelsAndFunctionsAndLeavesCommentsAlone) {
  const auto result = rewrite(kAel, {}, "extensions.ael");
  EXPECT_EQ(result.text,
            "// extensions.ael\n"
            "globals {\n"
            "    TRUNK=PJSIP/trunk;      // the provider\n"
            "};\n"
            "\n"
            "context internal {\n"
            "    hint(PJSIP/100&Custom:DND100) 100 => {\n"
            "        Dial(PJSIP/100,20);   // rings SIP/100\n"
            "        Voicemail(100@default,u);\n"
            "    };\n"
            "    _9. => {\n"
            "        Set(CALLERIP=${PJSIP_PARSE_URI(sip:${CHANNEL(pjsip,remote_addr)},host)});\n"
            "        if (\"${CHANNEL(channeltype)}\" = \"SIP\") {\n"
            "            NoOp(called from chan_sip);\n"
            "        }\n"
            "        Set(PJSIP_DTMF_MODE()=rfc4733);\n"
            "        Dial(PJSIP/${EXTEN:1}@trunk,60);\n"
            "        NoOp(http://example.com/SIP/100);\n"
            "    };\n"
            "    /* Dial(SIP/101) used to be here */\n"
            "    200 => {\n"
            "        SIPAddHeader(Call-Info: answer-after=0);\n"
            "        Dial(PJSIP/101);\n"
            "        acct = ${PJSIP_HEADER(read,X-Account)};\n"
            "    };\n"
            "};\n");
  EXPECT_EQ(
      result.diagnostics,
      (Strings{"extensions.ael:13: warning: this tests whether the channel type is SIP; "
               "chan_pjsip channels are of type PJSIP: left as it is, check the test by hand "
               "[dialplan-channel-type]",
               "extensions.ael:22: warning: SIPAddHeader in AEL: the Dial that carries the header "
               "cannot be found here, so no pre-dial handler can be set up; left as it is (set "
               "the header with PJSIP_HEADER(add,...) in a pre-dial handler, or use "
               "PJSIP_INHERITABLE_HEADER on Asterisk 20.19/22.9/23.3 or later) "
               "[dialplan-header-manual]"}));
}

TEST(DialplanAel, InheritableHeadersWorkInAel) {
  RewriteOptions options;
  options.headers = dialplan::HeaderStrategy::inheritable;
  const auto result = rewrite(
      "context c {\n  1 => {\n    SIPAddHeader(X-A: ${B});\n    SIPRemoveHeader(X-A:);\n  };\n};\n",
      options, "extensions.ael");
  EXPECT_EQ(result.text,
            "context c {\n  1 => {\n    Set(PJSIP_INHERITABLE_HEADER(add,X-A)=${B});\n"
            "    Set(PJSIP_INHERITABLE_HEADER(remove,X-A)=);\n  };\n};\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(DialplanAel, VariableHoldingAPeerIsChecked) {
  const auto result =
      rewrite("globals { OUT=SIP/trunk; };\ncontext c { _X. => { Dial(${OUT}/${EXTEN}); }; };\n",
              {}, "extensions.ael");
  EXPECT_EQ(result.text,
            "globals { OUT=PJSIP/trunk; };\ncontext c { _X. => { Dial(${OUT}/${EXTEN}); }; };\n");
  EXPECT_EQ(result.diagnostics,
            (Strings{"extensions.ael:2: warning: ${OUT} holds a SIP/peer channel (now "
                     "PJSIP/peer), and '/...' after it is an extension in chan_sip but an aor or "
                     "URI in PJSIP: write PJSIP/exten@peer instead; left as it is "
                     "[dialplan-variable-dial]"}));
}

}  // namespace
}  // namespace sip2pjsip::testing
