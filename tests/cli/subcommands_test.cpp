// `sip2pjsip check`, `sip2pjsip dialplan` and --asterisk-version, run as a user would.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_helpers.h"

namespace sip2pjsip::testing {
namespace {

using ::testing::HasSubstr;

TEST(CliCheck, CleanFileIsZero) {
  ScratchDir dir;
  write_file(dir / "pjsip.conf",
             "[t]\ntype=transport\nprotocol=udp\nbind=0.0.0.0\n"
             "[a]\ntype=aor\nmax_contacts=1\nremove_existing=yes\n"
             "[a]\ntype=endpoint\naors=a\ncontext=x\nrewrite_contact=yes\n");
  const auto result = run_binary({"check", "pjsip.conf"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
}

TEST(CliCheck, UnknownOptionIsAnErrorAtItsLine) {
  ScratchDir dir;
  write_file(dir / "pjsip.conf", "[a]\ntype=endpoint\nnat=yes\n");
  const auto result = run_binary({"check", "pjsip.conf"}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("pjsip.conf:3: error: "));
  EXPECT_THAT(result.err, HasSubstr("[pjsip-unknown-option]"));
}

TEST(CliCheck, VersionMattersAndJsonGoesToStdout) {
  ScratchDir dir;
  write_file(dir / "pjsip.conf", "[a]\ntype=endpoint\nwebrtc=yes\ncontext=x\n");
  EXPECT_EQ(run_binary({"check", "--asterisk-version", "20", "pjsip.conf"}, dir.path()).exit_code,
            1);  // loads, but an endpoint without aors is only a warning
  const auto old =
      run_binary({"check", "--json", "--asterisk-version", "13", "pjsip.conf"}, dir.path());
  EXPECT_EQ(old.exit_code, 2);
  EXPECT_THAT(old.out, HasSubstr("\"code\": \"pjsip-option-unavailable\""));
  EXPECT_THAT(old.out, HasSubstr("\"line\": 3"));
}

TEST(CliCheck, UnknownVersionIsAUsageError) {
  ScratchDir dir;
  EXPECT_EQ(run_binary({"check", "--asterisk-version", "17", "pjsip.conf"}, dir.path()).exit_code,
            2);
}

TEST(CliConvert, AsteriskVersionLeavesOutWhatThatBranchLacks) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\nallowguest=no\n[p]\ntype=friend\nhost=dynamic\n");
  const auto result = run_binary({"-q", "--asterisk-version", "13"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto text = read_file(dir / "pjsip.conf");
  EXPECT_THAT(text, ::testing::Not(HasSubstr("allow_unauthenticated_options")));
  EXPECT_THAT(result.err,
              HasSubstr("sip.conf: note: endpoint allow_unauthenticated_options not written on 1 "
                        "object(s) for Asterisk 13"));
  const auto current = run_binary({"-q", "sip.conf", "p20.conf"}, dir.path());
  EXPECT_THAT(read_file(dir / "p20.conf"), HasSubstr("allow_unauthenticated_options=yes\n"));
}

TEST(CliDialplan, RewritesWithEndpointsFromSipConf) {
  ScratchDir dir;
  write_file(dir / "sip.conf",
             "[general]\nallowguest=no\n[100]\ntype=friend\nhost=dynamic\n"
             "[trunk]\ntype=peer\nhost=203.0.113.1\n");
  const std::string dialplan =
      "[internal]\nexten => 100,1,Dial(SIP/100,30)\nexten => _0X.,1,Dial(SIP/trunk/${EXTEN:1})\n"
      "exten => 100,hint,SIP/100\n";
  write_file(dir / "extensions.conf", dialplan);
  const auto result = run_binary({"dialplan", "--sip", "sip.conf", "extensions.conf"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(dir / "pjsip_extensions.conf"),
            "[internal]\nexten => 100,1,Dial(PJSIP/100,30)\n"
            "exten => _0X.,1,Dial(PJSIP/${EXTEN:1}@trunk)\nexten => 100,hint,PJSIP/100\n");
  EXPECT_EQ(read_file(dir / "extensions.conf"), dialplan);  // the input is untouched
  EXPECT_EQ(result.out, "Rewrote pjsip_extensions.conf\n");
}

TEST(CliDialplan, DiffAndInPlaceWithBackup) {
  ScratchDir dir;
  write_file(dir / "extensions.conf", "[a]\nexten => 1,1,Dial(SIP/alice)\n");
  const auto diff = run_binary({"dialplan", "--diff", "--in-place", "extensions.conf"}, dir.path());
  EXPECT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_THAT(diff.out,
              HasSubstr("-exten => 1,1,Dial(SIP/alice)\n+exten => 1,1,Dial(PJSIP/alice)\n"));
  EXPECT_EQ(read_file(dir / "extensions.conf"), "[a]\nexten => 1,1,Dial(PJSIP/alice)\n");
  EXPECT_EQ(read_file(dir / "extensions.conf.bak"), "[a]\nexten => 1,1,Dial(SIP/alice)\n");
}

TEST(CliDialplan, MissingInputIsTwo) {
  ScratchDir dir;
  EXPECT_EQ(run_binary({"dialplan", "nothere.conf"}, dir.path()).exit_code, 2);
}

}  // namespace
}  // namespace sip2pjsip::testing
