// Every real sip.conf of the shared corpus (shared/corpus/real/NNN-owner-repo/) converts without
// a crash: exit code 0 or 1, pjsip.conf written, every output non-empty, and every #include in
// the outputs naming a file that was written.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_helpers.h"
#include "support.h"

namespace sip2pjsip::testing {
namespace {

namespace fs = std::filesystem;

const std::string kCorpus = std::string(SIP2PJSIP_SHARED_DIR) + "/corpus/real";

std::vector<std::string> corpus_directories() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    if (entry.is_directory()) out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The main inputs of a corpus directory: its sip.conf. A few directories hold only files a
// sip.conf would include (sip_additional.conf, sip_custom.conf, ...); each of those is then
// converted as a main file of its own.
std::vector<std::string> main_inputs(const std::string& directory) {
  if (fs::exists(directory + "/sip.conf")) return {"sip.conf"};
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".conf") {
      out.push_back(entry.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void convert_and_check(const std::string& source, const std::string& input) {
  SCOPED_TRACE(input);
  ScratchDir dir;
  copy_tree(source, dir.path());
  const auto before = snapshot(dir.path());

  const auto result = run_binary({"-q", input, "pjsip.conf"}, dir.path());

  // 0 or 1; 2 would mean the input was not read or nothing written, >128 a signal.
  EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1)
      << "exit code " << result.exit_code << "\n"
      << result.err;
  EXPECT_TRUE(fs::exists(dir / "pjsip.conf"));

  const auto after = snapshot(dir.path());
  std::set<std::string> written;
  for (const auto& [name, content] : after) {
    const auto old = before.find(name);
    if (old != before.end()) {
      EXPECT_EQ(content, old->second) << name << ": an input file was changed";
      continue;
    }
    SCOPED_TRACE(name);
    written.insert(name);
    // Outputs only: no temporary file left behind.
    EXPECT_EQ(name.rfind("pjsip", 0), 0u);
    EXPECT_FALSE(content.empty());
  }
  for (const auto& name : written) {
    for (const auto& line : include_lines(after.at(name))) {
      if (line.rfind("#include ", 0) != 0) continue;  // a #tryinclude may name nothing
      EXPECT_TRUE(written.count(line.substr(9))) << name << ": " << line;
    }
  }
}

TEST(CorpusReal, EveryConfigConvertsWithoutACrash) {
  if (!fs::is_directory(kCorpus)) {
    GTEST_SKIP() << "corpus not found at " << kCorpus
                 << "; it lives in the shared folder beside the checkout, not in the repository";
  }
  const auto directories = corpus_directories();
  ASSERT_FALSE(directories.empty()) << kCorpus << " holds no directories";
  for (const auto& name : directories) {
    SCOPED_TRACE(name);
    const auto source = kCorpus + "/" + name;
    const auto inputs = main_inputs(source);
    EXPECT_FALSE(inputs.empty()) << "no .conf file";
    for (const auto& input : inputs) convert_and_check(source, input);
  }
}

}  // namespace
}  // namespace sip2pjsip::testing
