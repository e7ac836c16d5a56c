// The endpoints the rewrite knows: from a conversion or from a pjsip.conf.
#include <gtest/gtest.h>

#include "config/file_system.h"
#include "dialplan/dialplan_helpers.h"

namespace sip2pjsip::testing {
namespace {

TEST(DialplanEndpoints, ExactNameFirstThenTheOnlyOneEqualButForCase) {
  EndpointList list;
  list.add(EndpointInfo{"Alice", {}, {}});
  list.add(EndpointInfo{"bob", {}, {}});
  list.add(EndpointInfo{"BOB", {}, {}});
  ASSERT_NE(list.find("alice"), nullptr);
  EXPECT_EQ(list.find("alice")->name, "Alice");
  EXPECT_EQ(list.find("BOB")->name, "BOB");
  EXPECT_EQ(list.find("Bob"), nullptr);  // two candidates: no guess
  EXPECT_EQ(list.find("carol"), nullptr);
}

TEST(DialplanEndpoints, FromAConversion) {
  pjsip::Config config;
  config.add("trunk", "endpoint", std::nullopt).set("aors", "trunk");
  auto& aor = config.add("trunk", "aor", std::nullopt);
  aor.set("contact", "sip:user@198.51.100.7:5060");
  config.add("6001", "endpoint", std::nullopt).set("aors", "6001");
  config.add("6001", "aor", std::nullopt).set("max_contacts", "1");
  config.add("6001", "auth", std::nullopt);
  const auto list = dialplan::endpoints_from_conversion(config);
  ASSERT_EQ(list.all().size(), 2u);
  EXPECT_EQ(list.find("trunk")->contacts, (Strings{"sip:user@198.51.100.7:5060"}));
  EXPECT_EQ(list.find("6001")->aors, (Strings{"6001"}));
  EXPECT_TRUE(list.find("6001")->contacts.empty());
}

TEST(DialplanEndpoints, FromAPjsipConf) {
  config::MemoryFileSystem files;
  files.add_file("pjsip.conf",
                 "[tpl](!)\ntype=endpoint\n"
                 "[office](tpl)\naors=office-a, office-b\n"
                 "[office-a]\ntype=aor\ncontact=sip:10.0.0.1,sip:10.0.0.2\n"
                 "[office-b]\ntype=aor\ncontact=sip:u@10.0.0.3\n"
                 "[6001]\ntype=auth\n");
  Diagnostics diagnostics;
  const auto document = read_memory(files, diagnostics, "pjsip.conf");
  const auto list = dialplan::endpoints_from_pjsip_conf(document);
  ASSERT_EQ(list.all().size(), 1u);
  const auto* office = list.find("office");
  ASSERT_NE(office, nullptr);
  EXPECT_EQ(office->aors, (Strings{"office-a", "office-b"}));
  EXPECT_EQ(office->contacts, (Strings{"sip:10.0.0.1", "sip:10.0.0.2", "sip:u@10.0.0.3"}));
}

}  // namespace
}  // namespace sip2pjsip::testing
