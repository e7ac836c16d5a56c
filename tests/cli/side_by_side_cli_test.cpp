// --pjsip-port and --modules-plan: running chan_sip and chan_pjsip side by side.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_helpers.h"

namespace sip2pjsip::testing {
namespace {

TEST(CliSideBySide, PjsipPortMovesTheTransports) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\nbindport=5060\ntcpenable=yes\ntlsenable=yes\n");
  const auto result = run_binary({"-q", "--pjsip-port", "5070"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto text = read_file(dir / "pjsip.conf");
  EXPECT_THAT(text, ::testing::HasSubstr("[transport-udp]\ntype=transport\nprotocol=udp\n"
                                         "bind=0.0.0.0:5070\n"));
  EXPECT_THAT(text, ::testing::HasSubstr("[transport-tcp]\ntype=transport\nprotocol=tcp\n"
                                         "bind=0.0.0.0:5070\n"));
  EXPECT_THAT(text, ::testing::HasSubstr("[transport-tls]\ntype=transport\nprotocol=tls\n"
                                         "bind=0.0.0.0:5071\n"));
}

TEST(CliSideBySide, PjsipPortOutOfRangeIsAUsageError) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\n");
  const auto result = run_binary({"--pjsip-port", "70000"}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "pjsip.conf"));
}

TEST(CliSideBySide, ModulesPlanPrintsAndConvertsNothing) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\n");
  const auto result = run_binary({"--modules-plan", "chan_sip"}, dir.path());
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out,
            "; modules.conf: keep chan_sip, load no PJSIP module yet\n"
            "noload => res_pjsip.so\n"
            "noload => res_pjsip_pubsub.so\n"
            "noload => res_pjsip_session.so\n"
            "noload => chan_pjsip.so\n"
            "noload => res_pjsip_exten_state.so\n"
            "noload => res_pjsip_log_forwarder.so\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "pjsip.conf"));
}

TEST(CliSideBySide, UnknownPhaseIsAUsageError) {
  ScratchDir dir;
  const auto result = run_binary({"--modules-plan", "later"}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err,
              ::testing::HasSubstr("--modules-plan: later not in {chan_sip,both,pjsip}"));
}

}  // namespace
}  // namespace sip2pjsip::testing
