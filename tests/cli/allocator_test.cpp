// The binary's allocator: mimalloc with 2 MiB pages, every segment committed at once, unless
// the administrator says otherwise (src/cli/main.cpp). mimalloc prints the options it runs with
// when MIMALLOC_VERBOSE is set.
#include <cstdlib>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "cli/cli_helpers.h"

namespace sip2pjsip::testing {
namespace {

// Sets an environment variable for the test's children, and takes it away afterwards.
class ScopedEnvironment {
 public:
  ScopedEnvironment(const char* name, const char* value) : name_(name) {
    setenv(name, value, /*overwrite=*/1);
  }
  ~ScopedEnvironment() { unsetenv(name_); }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  const char* name_;
};

// The value of `option` in mimalloc's verbose listing, or "" when not listed.
std::string listed_option(const std::string& err, const std::string& option) {
  const std::string line = "mimalloc: option '" + option + "': ";
  const auto at = err.find(line);
  if (at == std::string::npos) return "";
  const auto value = at + line.size();
  return err.substr(value, err.find('\n', value) - value);
}

class Allocator : public ::testing::Test {
 protected:
  void SetUp() override {
#ifndef SIP2PJSIP_BINARY_HAS_MIMALLOC
    GTEST_SKIP() << "the binary is built without mimalloc (sanitizer builds)";
#endif
  }

  // The options mimalloc lists when the binary runs with `variable` set to `value` (none when
  // `variable` is null), as "large_os_pages=.. eager_commit_delay=..".
  static std::string options_with(const char* variable, const char* value) {
    ScratchDir dir;
    ScopedEnvironment verbose("MIMALLOC_VERBOSE", "1");
    std::optional<ScopedEnvironment> setting;
    if (variable) setting.emplace(variable, value);

    const auto result = run_binary({"--version"}, dir.path());

    EXPECT_EQ(result.exit_code, 0);
    return "large_os_pages=" + listed_option(result.err, "large_os_pages") +
           " eager_commit_delay=" + listed_option(result.err, "eager_commit_delay");
  }
};

TEST_F(Allocator, LargePagesCommittedAtOnceByDefault) {
  EXPECT_EQ(options_with(nullptr, nullptr), "large_os_pages=1 eager_commit_delay=0");
}

TEST_F(Allocator, AdministratorsSettingWins) {
  EXPECT_EQ(options_with("MIMALLOC_LARGE_OS_PAGES", "0"), "large_os_pages=0 eager_commit_delay=0");
}

TEST_F(Allocator, AdministratorsSettingOfOneOptionLeavesTheOther) {
  EXPECT_EQ(options_with("MIMALLOC_EAGER_COMMIT_DELAY", "2"),
            "large_os_pages=1 eager_commit_delay=2");
}

}  // namespace
}  // namespace sip2pjsip::testing
