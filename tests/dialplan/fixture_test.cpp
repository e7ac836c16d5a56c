// The realistic dialplan in tests/data/dialplan: a PBX with hints, ring groups, queues, trunks,
// intercom headers and header-reading functions, rewritten against the endpoints converted
// from its sip.conf. The expected files and the diff were reviewed by hand: the output differs
// from the input only where a chan_sip construct stood.
#include <gtest/gtest.h>

#include <filesystem>

#include "chansip/model.h"
#include "config/reader.h"
#include "convert/converter.h"
#include "dialplan/dialplan_helpers.h"
#include "dialplan/unified_diff.h"

namespace sip2pjsip::testing {
namespace {

const std::string kDirectory = std::string(SIP2PJSIP_TEST_DATA) + "/dialplan";

// The endpoints the way `sip2pjsip dialplan --sip sip.conf` knows them: by converting.
dialplan::EndpointList converted_endpoints() {
  config::DiskFileSystem files;
  Diagnostics diagnostics;
  config::ReaderOptions options;
  options.config_dir = kDirectory;
  const auto document = config::read_config(kDirectory + "/sip.conf", files, options, diagnostics);
  EXPECT_TRUE(document);
  const auto model = chansip::build_model(*document, diagnostics);
  const auto conversion = convert::convert(*document, model, diagnostics);
  return dialplan::endpoints_from_conversion(conversion.config);
}

struct Run {
  std::vector<dialplan::DialplanFile> files;
  std::string diff;
  std::string diagnostics;
};

Run rewrite_fixture(const dialplan::EndpointDirectory& endpoints) {
  Run run;
  config::DiskFileSystem disk;
  for (const char* main : {"extensions.conf", "queues.conf"}) {
    Diagnostics diagnostics;
    dialplan::TreeOptions options;
    options.config_dir = kDirectory;
    auto tree = dialplan::rewrite_dialplan_files(kDirectory + "/" + main, disk, options, endpoints,
                                                 diagnostics);
    EXPECT_TRUE(tree);
    if (!tree) continue;
    for (auto& file : tree->files) {
      const auto name = std::filesystem::path(file.path).filename().string();
      run.diff += dialplan::unified_diff(file.original, file.result.text, "a/" + name, "b/" + name);
      run.files.push_back(std::move(file));
    }
    for (const auto& line : formatted(diagnostics)) {
      run.diagnostics += line.substr(kDirectory.size() + 1) + "\n";
    }
  }
  return run;
}

TEST(DialplanFixture, ConvertedEndpointsHaveTheirContacts) {
  const auto endpoints = converted_endpoints();
  ASSERT_NE(endpoints.find("provider"), nullptr);
  EXPECT_EQ(endpoints.find("provider")->contacts, (Strings{"sip:acct123@sip.provider.example"}));
  EXPECT_EQ(endpoints.find("itsp")->contacts, (Strings{"sip:203.0.113.10:5080"}));
  EXPECT_TRUE(endpoints.find("6001")->contacts.empty());
}

TEST(DialplanFixture, RewrittenFilesMatchTheReviewedOnes) {
  const auto run = rewrite_fixture(converted_endpoints());
  ASSERT_EQ(run.files.size(), 3u);
  for (const auto& file : run.files) {
    const auto name = std::filesystem::path(file.path).filename().string();
    EXPECT_EQ(file.result.text, read_file(kDirectory + "/" + name + ".expected")) << name;
  }
  EXPECT_EQ(run.diff, read_file(kDirectory + "/dialplan.diff"));
  EXPECT_EQ(run.diagnostics, read_file(kDirectory + "/diagnostics.expected"));
}

TEST(DialplanFixture, OnlyLinesWithChanSipConstructsChange) {
  const auto run = rewrite_fixture(converted_endpoints());
  const std::vector<std::string> markers = {
      "SIP/",        "SIP_HEADER",      "SIPPEER", "CHANNEL(", "SIPCALLID",   "SIPAddHeader",
      "SIPDtmfMode", "SIPRemoveHeader", "Dial(",   "Page(",    "ChanSpy(SIP,"};
  std::size_t removed = 0;
  std::size_t pos = 0;
  const auto& diff = run.diff;
  while (pos < diff.size()) {
    auto end = diff.find('\n', pos);
    const std::string line = diff.substr(pos, end - pos);
    pos = end + 1;
    if (line.rfind("-", 0) != 0 || line.rfind("---", 0) == 0) continue;
    ++removed;
    bool found = false;
    for (const auto& marker : markers) found = found || line.find(marker) != std::string::npos;
    EXPECT_TRUE(found) << "changed without a chan_sip construct: " << line;
  }
  EXPECT_EQ(removed, 40u);
}

TEST(DialplanFixture, RewritingTheResultAgainChangesNothing) {
  const auto endpoints = converted_endpoints();
  const auto run = rewrite_fixture(endpoints);
  for (const auto& file : run.files) {
    Diagnostics diagnostics;
    const auto again =
        dialplan::rewrite_dialplan(file.path, file.result.text, file.kind, endpoints, diagnostics);
    EXPECT_FALSE(again.changed()) << file.path;
  }
}

}  // namespace
}  // namespace sip2pjsip::testing
