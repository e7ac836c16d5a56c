// Every input a fuzz target ever crashed on (fuzz/regressions/<target>/) and every committed
// seed (fuzz/seeds/) runs through the same code as the fuzz targets (fuzz/harness.h), so a
// crash that comes back fails the normal test suite, in the ASan + UBSan build too.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz/harness.h"
#include "support.h"

namespace sip2pjsip::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> files_below(const std::string& directory) {
  std::vector<std::string> out;
  if (!fs::is_directory(directory)) return out;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.is_regular_file()) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string fuzz_dir(const std::string& sub) {
  return std::string(SIP2PJSIP_SOURCE_DIR) + "/fuzz/" + sub;
}

using Target = void (*)(const std::uint8_t*, std::size_t);

void replay(const std::vector<std::string>& inputs, Target target) {
  for (const auto& path : inputs) {
    SCOPED_TRACE(path);
    const auto bytes = read_file(path);
    target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
}

TEST(RobustFuzzReplay, InputFormatSplitsFilesAtTheMarker) {
  const auto files = fuzz::split_files("[a]\nx=1\n%%% b.conf\n[b]\n%%% c/d.conf\ny=2", "sip.conf");
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0], (std::pair<std::string, std::string>{"sip.conf", "[a]\nx=1"}));
  EXPECT_EQ(files[1], (std::pair<std::string, std::string>{"b.conf", "[b]"}));
  EXPECT_EQ(files[2], (std::pair<std::string, std::string>{"c/d.conf", "y=2"}));
  EXPECT_EQ(fuzz::split_files("", "sip.conf").size(), 1u);
  EXPECT_EQ(fuzz::split_files("\n%%% ", "sip.conf").size(), 2u);
}

TEST(RobustFuzzReplay, EveryCommittedInputOfTheReader) {
  const auto inputs = files_below(fuzz_dir("regressions/reader"));
  replay(inputs, fuzz::run_reader);
  replay(files_below(fuzz_dir("seeds/sip")), fuzz::run_reader);
}

TEST(RobustFuzzReplay, EveryCommittedInputOfTheConverter) {
  replay(files_below(fuzz_dir("regressions/convert")), fuzz::run_convert);
  const auto seeds = files_below(fuzz_dir("seeds/sip"));
  ASSERT_FALSE(seeds.empty());
  replay(seeds, fuzz::run_convert);
}

TEST(RobustFuzzReplay, EveryCommittedInputOfTheChecker) {
  const auto crashes = files_below(fuzz_dir("regressions/check"));
  ASSERT_FALSE(crashes.empty());
  replay(crashes, fuzz::run_check_every_form);
  replay(files_below(fuzz_dir("seeds/pjsip")), fuzz::run_check_every_form);
}

}  // namespace
}  // namespace sip2pjsip::testing
