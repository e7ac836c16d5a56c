// Every option chan_sip accepts in a peer ends as mapped, approximated or not convertible with
// a reason: nothing is dropped, and nothing is left as "not converted yet".
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "convert/convert_support.h"

namespace sip2pjsip::testing {
namespace {

struct OptionRow {
  std::string name;
  std::string scope;
};

std::vector<OptionRow> options_with_scope(const std::set<std::string>& scopes) {
  std::ifstream in(std::string(SIP2PJSIP_SOURCE_DIR) + "/data/chan_sip_options.tsv");
  std::vector<OptionRow> rows;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    OptionRow row;
    std::getline(fields, row.name, '\t');
    std::getline(fields, row.scope, '\t');
    if (scopes.count(row.scope)) rows.push_back(row);
  }
  return rows;
}

std::vector<OptionRow> peer_options() {
  return options_with_scope({"peer", "both"});
}

// A value chan_sip would accept for most options; the rules must account for it either way.
std::string sample_value(const std::string& option) {
  if (option == "type") return "friend";
  if (option == "host") return "dynamic";
  if (option == "auth") return "user:pw@realm.example";
  if (option == "setvar") return "A=1";
  return "yes";
}

TEST(Coverage, TableHasEveryPeerOption) {
  EXPECT_EQ(peer_options().size(), 136u);
}

TEST(Coverage, EveryPeerOptionIsAccountedFor) {
  for (const auto& row : peer_options()) {
    SCOPED_TRACE(row.name);
    std::string text = "[p]\n";
    if (row.name != "type") text += "type=friend\n";
    if (row.name != "host") text += "host=dynamic\n";
    text += row.name + "=" + sample_value(row.name) + "\n";
    const int line = row.name == "type" || row.name == "host" ? 3 : 4;
    auto c = convert_text(text);
    const auto outcome = c->outcome_at(line);
    EXPECT_NE(outcome, "<none>");
    EXPECT_EQ(outcome.find("not converted yet"), std::string::npos) << outcome;
  }
}

// Values chan_sip accepts for the [general] options that need a particular form.
std::string general_value(const std::string& option) {
  if (option == "register") return "user:secret@sip.example.com";
  if (option == "mwi") return "user:secret@sip.example.com/100";
  if (option == "bindaddr" || option == "tcpbindaddr" || option == "tlsbindaddr" ||
      option == "externaddr" || option == "media_address" || option == "rtpbindaddr") {
    return "192.0.2.10";
  }
  if (option == "localnet" || option == "contactpermit" || option == "contactdeny") {
    return "10.0.0.0/8";
  }
  if (option == "externhost") return "pbx.example.com";
  if (option == "bindport" || option == "externtcpport" || option == "externtlsport") {
    return "5070";
  }
  return "yes";
}

TEST(Coverage, EveryGeneralOptionIsAccountedFor) {
  const auto rows = options_with_scope({"general", "both"});
  EXPECT_EQ(rows.size(), 186u);
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    auto c = convert_text("[general]\n" + row.name + "=" + general_value(row.name) +
                          "\n[p]\ntype=friend\nhost=dynamic\n");
    const auto outcome = c->outcome_at(2);
    EXPECT_NE(outcome, "<none>");
    EXPECT_EQ(outcome.find("not converted yet"), std::string::npos) << outcome;
  }
}

TEST(Coverage, EveryOptionLineHasExactlyOneOutcome) {
  auto c = convert_text(
      "[general]\ncontext=a\nallow=g722\n[t](!)\nnat=yes\n[p](t)\ntype=friend\nhost=dynamic\n"
      "secret=x\nsecret=y\nbogus=1\n");
  std::size_t lines = 0;
  for (const auto& section : c->document.sections) lines += section.variables.size();
  EXPECT_EQ(c->conversion.ledger.outcomes().size(), lines - 1);  // the template itself is hidden
}

}  // namespace
}  // namespace sip2pjsip::testing
