// What chan_sip builds from the sections: [general], peers, skipped sections, duplicates.
#include "chansip/model.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "convert/convert_support.h"

namespace sip2pjsip::testing {
namespace {

using ::testing::ElementsAre;

TEST(ChanSipModel, TypesAndSkippedSections) {
  Diagnostics diagnostics;
  const auto document = read_text(
      "[general]\n[u]\ntype=user\n[p]\ntype=peer\n[f]\ntype=friend\n[x]\nhost=dynamic\n"
      "[y]\ntype=phone\n[authentication]\n",
      diagnostics);
  const auto model = chansip::build_model(document, diagnostics);
  ASSERT_EQ(model.peers.size(), 3u);
  EXPECT_TRUE(model.peers[0].is_user && !model.peers[0].is_peer);
  EXPECT_TRUE(!model.peers[1].is_user && model.peers[1].is_peer);
  EXPECT_TRUE(model.peers[2].is_user && model.peers[2].is_peer);
  EXPECT_EQ(model.general->name, "general");
  EXPECT_EQ(model.authentication->name, "authentication");
  EXPECT_THAT(formatted(diagnostics),
              ElementsAre("sip.conf:8: warning: section [x] has no type; chan_sip skips it "
                          "[sip-missing-type]",
                          "sip.conf:10: warning: section [y] has unknown type 'phone'; chan_sip "
                          "skips it [sip-unknown-type]"));
}

TEST(ChanSipModel, SecondGeneralIsIgnored) {
  Diagnostics diagnostics;
  const auto document = read_text("[general]\ncontext=a\n[GENERAL]\ncontext=b\n", diagnostics);
  const auto model = chansip::build_model(document, diagnostics);
  EXPECT_EQ(model.general->variables.front().value, "a");
  EXPECT_THAT(formatted(diagnostics),
              ElementsAre("sip.conf:3: warning: second [GENERAL] section; chan_sip reads only the "
                          "first one (line 1), so nothing in this one is converted "
                          "[sip-duplicate-general]"));
}

TEST(ChanSipModel, PeerDefinedTwiceIsOnePeer) {
  auto c =
      convert_text("[alice]\ntype=user\nsecret=a\n[Alice]\ntype=peer\nhost=dynamic\ncontext=two\n");
  ASSERT_EQ(c->model.peers.size(), 1u);
  EXPECT_EQ(c->model.peers[0].section->name, "Alice");
  EXPECT_TRUE(c->model.peers[0].is_user && c->model.peers[0].is_peer);
  EXPECT_EQ(c->value("Alice", "endpoint", "context"), "two");
  EXPECT_EQ(c->value("Alice", "auth", "password"), "a");
  EXPECT_FALSE(c->has("alice", "endpoint"));
  EXPECT_THAT(c->messages(),
              ::testing::Contains("sip.conf:4: warning: [Alice] is defined again (first at "
                                  "sip.conf:1); chan_sip applies these lines on top of the "
                                  "earlier ones, and so does the conversion: one set of pjsip "
                                  "objects [sip-duplicate-peer]"));
  // Objects are placed where the first definition stood.
  EXPECT_EQ(c->conversion.config.find("Alice", "endpoint")->origin, 0u);
}

TEST(ChanSipModel, UnusedTemplateIsNoted) {
  Diagnostics diagnostics;
  const auto document =
      read_text("[t](!)\nnat=yes\n[used](!)\n[p](used)\ntype=peer\n", diagnostics);
  chansip::build_model(document, diagnostics);
  EXPECT_THAT(formatted(diagnostics),
              ElementsAre("sip.conf:1: note: template [t] is not used by any section; its 1 "
                          "line(s) have no effect [sip-unused-template]"));
}

}  // namespace
}  // namespace sip2pjsip::testing
