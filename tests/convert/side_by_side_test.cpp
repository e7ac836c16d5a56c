#include "convert/side_by_side.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "convert/convert_support.h"

namespace sip2pjsip::testing {
namespace {

TEST(SideBySide, TransportsMoveToAnotherPort) {
  auto c = convert_text(
      "[general]\nudpbindaddr=192.0.2.1:5060\ntcpenable=yes\ntlsenable=yes\n"
      "externaddr=203.0.113.1:5060\n[web]\ntype=friend\nhost=dynamic\ntransport=ws\n");
  Diagnostics diagnostics;
  convert::move_transports(c->conversion.config, 5070, diagnostics, "pjsip.conf");
  EXPECT_EQ(c->value("transport-udp", "transport", "bind"), "192.0.2.1:5070");
  EXPECT_EQ(c->value("transport-tcp", "transport", "bind"), "192.0.2.1:5070");
  EXPECT_EQ(c->value("transport-tls", "transport", "bind"), "192.0.2.1:5071");
  EXPECT_EQ(c->value("transport-ws", "transport", "bind"), "0.0.0.0");
  EXPECT_EQ(c->value("transport-udp", "transport", "external_signaling_port"), "<absent>");
  EXPECT_THAT(formatted(diagnostics),
              ::testing::ElementsAre(
                  "pjsip.conf: warning: [transport-udp]: external_signaling_port removed: the NAT "
                  "mapping was made for chan_sip's port; forward port 5070 instead "
                  "[side-by-side-nat]"));
}

TEST(SideBySide, ModulesPlanPerPhase) {
  EXPECT_EQ(convert::parse_phase("sideways"), std::nullopt);
  const auto keep = convert::modules_plan(*convert::parse_phase("chan_sip"));
  EXPECT_THAT(keep, ::testing::HasSubstr("noload => res_pjsip.so\n"));
  EXPECT_THAT(keep, ::testing::HasSubstr("noload => chan_pjsip.so\n"));
  EXPECT_THAT(keep, ::testing::Not(::testing::HasSubstr("chan_sip.so")));
  const auto both = convert::modules_plan(*convert::parse_phase("both"));
  EXPECT_THAT(both, ::testing::HasSubstr("load => chan_sip.so\n"));
  EXPECT_THAT(both, ::testing::HasSubstr("load => chan_pjsip.so\n"));
  EXPECT_THAT(both, ::testing::Not(::testing::HasSubstr("noload")));
  const auto pjsip = convert::modules_plan(*convert::parse_phase("pjsip"));
  EXPECT_THAT(pjsip, ::testing::HasSubstr("noload => chan_sip.so\n"));
  EXPECT_THAT(pjsip, ::testing::Not(::testing::HasSubstr("noload => res_pjsip")));
}

}  // namespace
}  // namespace sip2pjsip::testing
