// Which sections become objects: sorcery takes a section for a type when its first `type` line
// names it exactly, or (global, system) when the section has that name and only its options.
#include <gtest/gtest.h>

#include "pjsip/check_helpers.h"

namespace sip2pjsip::testing {
namespace {

TEST(CheckSections, SectionWithoutType) {
  EXPECT_EQ(check_text("[alice]\ncontext=default\n"),
            Lines{"pjsip.conf:1: error: section [alice] has no type; Asterisk ignores it "
                  "[pjsip-missing-type]"});
}

TEST(CheckSections, UnknownTypeAndTheCaseOfTypes) {
  EXPECT_EQ(check_text("[alice]\ntype=phone\n"),
            Lines{"pjsip.conf:2: error: section [alice]: type 'phone' is not a res_pjsip type; "
                  "Asterisk ignores the section [pjsip-unknown-type]"});
  EXPECT_EQ(check_text("[alice]\ntype=Endpoint\n"),
            Lines{"pjsip.conf:2: error: section [alice]: type 'Endpoint' is not a res_pjsip type "
                  "(did you mean 'endpoint'? types are case-sensitive); Asterisk ignores the "
                  "section [pjsip-unknown-type]"});
}

TEST(CheckSections, TypesOfOtherFilesOrOfTheDatabase) {
  EXPECT_EQ(check_text("[w]\ntype=wizard\n"),
            Lines{"pjsip.conf:2: error: section [w]: type 'wizard' belongs in pjsip_wizard.conf; "
                  "Asterisk ignores the section [pjsip-unknown-type]"});
  EXPECT_EQ(check_text("[c]\ntype=contact\nuri=sip:a@b\n"),
            Lines{"pjsip.conf:2: error: section [c]: type 'contact' is not read from pjsip.conf "
                  "(Asterisk keeps these objects itself); Asterisk ignores the section "
                  "[pjsip-unknown-type]"});
}

TEST(CheckSections, EveryModuleTypeIsTaken) {
  EXPECT_EQ(check_text("[a]\ntype=domain_alias\ndomain=example.com\n"
                       "[b]\ntype=acl\npermit=192.0.2.0/24\n"
                       "[c]\ntype=asterisk-publication\ndevice_state=yes\n"
                       "[d]\ntype=inbound-publication\nevent_presence=x\n"),
            Lines{});
}

TEST(CheckSections, TypeFromATemplate) {
  EXPECT_EQ(check_text("[ep](!)\ntype=domain_alias\n[example.com](ep)\ndomain=example.org\n"),
            Lines{});
  EXPECT_EQ(check_text("[ep](!)\ncontext=default\n[alice](ep)\n"),
            Lines{"pjsip.conf:3: error: section [alice] has no type; Asterisk ignores it "
                  "[pjsip-missing-type]"});
}

TEST(CheckSections, FirstTypeLineWins) {
  EXPECT_EQ(check_text("[t](!)\ntype=domain_alias\n[x](t)\ntype=acl\ndomain=example.com\n"),
            Lines{"pjsip.conf:4: warning: section [x] sets type again ('acl'); Asterisk uses the "
                  "first one, 'domain_alias' [pjsip-type-repeated]"});
  // The same type again is harmless.
  EXPECT_EQ(check_text("[t](!)\ntype=acl\n[x](t)\ntype=acl\n"), Lines{});
}

TEST(CheckSections, GlobalAndSystemByName) {
  EXPECT_EQ(check_text("[global]\nuser_agent=PBX\n[system]\ntimer_t1=500\n"), Lines{});
  EXPECT_EQ(check_text("[global]\nuser_agent=PBX\ncontext=default\n"),
            Lines{"pjsip.conf:1: error: section [global] has no type; Asterisk ignores it "
                  "[pjsip-missing-type]"});
  EXPECT_EQ(check_text("[Global]\nuser_agent=PBX\n"),
            Lines{"pjsip.conf:1: error: section [Global] has no type; Asterisk ignores it "
                  "[pjsip-missing-type]"});
}

TEST(CheckSections, TemplatesAreNotObjects) {
  EXPECT_EQ(check_text("[t](!)\nfoo=bar\n"), Lines{});
}

}  // namespace
}  // namespace sip2pjsip::testing
