// The reader against hostile input, in memory: whatever it is given, it finishes in bounded
// time and memory, with findings that say what happened. Where an input would need more than
// the limits of config/reader.h, reading stops with a `config-too-large` error and no document.
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "config/comment_filter.h"
#include "config/file_system.h"
#include "config/reader.h"
#include "config/reader_helpers.h"

namespace sip2pjsip::testing {
namespace {

using config::MemoryFileSystem;
using Strings = std::vector<std::string>;

const std::string kRejected = "; Asterisk refuses to load a file with this error";

// Wall-clock seconds since construction: the bounds below are generous enough for the ASan +
// UBSan debug build; what they catch is quadratic or exponential work, which takes minutes.
class Stopwatch {
 public:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// The peak memory of this process so far, in MiB.
long peak_mib() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// Reads a one-file config that may exceed the limits: then there is no document.
ReadResult read_limited(const std::string& text) {
  MemoryFileSystem files;
  files.add_file("sip.conf", text);
  return read(files);
}

std::string repeat(const std::string& text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

// ---- include chains and cycles --------------------------------------------------------------

TEST(RobustReaderLimits, IncludeChainTenThousandDeepStopsAtTheEleventhLevel) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include l1.conf\n");
  for (int i = 1; i <= 10000; ++i) {
    files.add_file("l" + std::to_string(i) + ".conf",
                   "x=" + std::to_string(i) + "\n#include l" + std::to_string(i + 1) + ".conf\n");
  }
  const Stopwatch clock;
  const auto result = read(files);
  EXPECT_LT(clock.seconds(), 5.0);
  EXPECT_EQ(result.diagnostics,
            Strings{"l10.conf:2: error: includes are nested deeper than 10 levels" + kRejected +
                    " [config-include-depth]"});
  EXPECT_EQ(result.document.files.size(), 11u);  // sip.conf and l1.conf ... l10.conf
  EXPECT_EQ(result.document.sections.at(0).variables.size(), 10u);
}

TEST(RobustReaderLimits, IncludeCyclesAreNotFollowed) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include a.conf\n#include *.conf\n");
  files.add_file("a.conf", "x=a\n#include b.conf\n");
  files.add_file("b.conf", "x=b\n#include a.conf\n#include ./sip.conf\n");
  const auto result = read(files);
  // The glob reads a.conf and b.conf again, each from the top, and refuses sip.conf.
  const auto cycle = [&](const std::string& where, const std::string& path) {
    return where + ": error: '" + path + "' includes itself (include cycle); not followed" +
           kRejected + " [config-include-cycle]";
  };
  const auto again = [&](const std::string& where, const std::string& path) {
    return where + ": warning: '" + path +
           "' is included more than once; Asterisk reads it again [config-include-repeated]";
  };
  EXPECT_EQ(result.diagnostics,
            (Strings{cycle("b.conf:2", "a.conf"), cycle("b.conf:3", "./sip.conf"),
                     again("sip.conf:3", "a.conf"), again("a.conf:2", "b.conf"),
                     cycle("b.conf:2", "a.conf"), cycle("b.conf:3", "./sip.conf"),
                     again("sip.conf:3", "b.conf"), again("b.conf:2", "a.conf"),
                     cycle("a.conf:2", "b.conf"), cycle("b.conf:3", "./sip.conf"),
                     cycle("sip.conf:3", "sip.conf")}));
}

// Ten files, each including the next ten times: 10^10 reads for Asterisk. The reader stops at
// kMaxFileLoads.
TEST(RobustReaderLimits, ExponentialIncludesStopAtTheFileLimit) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n" + repeat("#include e1.conf\n", 10));
  for (int i = 1; i <= 10; ++i) {
    files.add_file("e" + std::to_string(i) + ".conf",
                   i < 10 ? repeat("#include e" + std::to_string(i + 1) + ".conf\n", 10) : "x=1\n");
  }
  const Stopwatch clock;
  const auto result = read(files);
  EXPECT_LT(clock.seconds(), 20.0);
  ASSERT_EQ(result.diagnostics.size(), config::kMaxFindingsPerCode + 2);
  // The first time round, e9.conf reads e10.conf ten times.
  EXPECT_EQ(result.diagnostics.front(),
            "e9.conf:2: warning: 'e10.conf' is included more than once; Asterisk reads it again "
            "[config-include-repeated]");
  // 20,000 files read, 11 of them for the first time.
  EXPECT_EQ(result.diagnostics[config::kMaxFindingsPerCode],
            "e9.conf: warning: 18989 more findings like the 1000 above are not listed "
            "[config-include-repeated]");
  EXPECT_EQ(result.diagnostics.back(),
            "sip.conf: error: the configuration is too large to convert safely: more than 20000 "
            "files are read ('e10.conf' last; a file included again counts again); nothing "
            "converted [config-too-large]");
  EXPECT_TRUE(result.document.files.empty());  // no document
}

// Found by fuzz_reader (fuzz/regressions/reader/exec-recursion-timeout.conf): a program whose
// output runs it again, ten times, ten levels deep.
TEST(RobustReaderLimits, ExecThatRunsItselfStopsAtTheFileLimit) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#exec gen\n");
  config::ReaderOptions options;
  options.allow_exec = true;
  int runs = 0;
  options.exec_runner = [&runs](const std::string&, std::string&) -> std::optional<std::string> {
    ++runs;
    return "x=1\n" + repeat("#exec gen\n", 10);
  };
  const Stopwatch clock;
  const auto result = read(files, options);
  EXPECT_LT(clock.seconds(), 20.0);
  EXPECT_EQ(runs, 20000);
  EXPECT_EQ(result.diagnostics.back(),
            "sip.conf: error: the configuration is too large to convert safely: more than 20000 "
            "files are read ('#exec gen' last; a file included again counts again); nothing "
            "converted [config-too-large]");
}

TEST(RobustReaderLimits, BraceGroupsThatNeverFinishExpandingLoadNothing) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include " + repeat("{a,b}", 1000) + ".conf\nx=1\n");
  const Stopwatch clock;
  const auto result = read(files);
  EXPECT_LT(clock.seconds(), 2.0);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].substr(0, 27), "sip.conf:2: error: #include");
  EXPECT_NE(result.diagnostics[0].find(".conf' expands to more than 1000 names; nothing included "
                                       "[config-include-pattern]"),
            std::string::npos);
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'x' = '1' sip.conf:3\n");
}

TEST(RobustReaderLimits, PatternNamesAreCountedWithoutExpanding) {
  using config::count_pattern_names;
  EXPECT_EQ(count_pattern_names("a.conf", 1000), 1u);
  EXPECT_EQ(count_pattern_names("{a,b}{c,d,e}", 1000), 6u);
  EXPECT_EQ(count_pattern_names("{a,{b,c}}", 1000), 3u);
  EXPECT_EQ(count_pattern_names("{}", 1000), 1u);
  EXPECT_EQ(count_pattern_names("{a,b", 1000), 1u);       // never closed: taken as it is
  EXPECT_EQ(count_pattern_names("{a,b}{c,d", 1000), 2u);  // expansion stops at the open one
  EXPECT_EQ(count_pattern_names("a,b}", 1000), 1u);
  EXPECT_EQ(count_pattern_names(repeat("{a,b}", 10), 1000), 1001u);  // over the limit
  EXPECT_EQ(count_pattern_names(repeat("{a,b}", 200), 1000), 1001u);
  for (const std::string pattern : {"{a,b}{c,d,e}", "{a,{b,c}}x{y,z}", "{}", "{a,b", "a{b{c,d}"}) {
    EXPECT_EQ(count_pattern_names(pattern, 1000), config::expand_braces(pattern).size()) << pattern;
  }
}

// ---- templates and sections -----------------------------------------------------------------

// Without settings along the way, a 10,000-deep chain costs nothing: one copy of two settings
// per level.
TEST(RobustReaderLimits, TemplateChainTenThousandDeepIsRead) {
  std::string text = "[t0](!)\ntype=friend\nhost=dynamic\n";
  for (int i = 1; i < 10000; ++i) {
    text += "[t" + std::to_string(i) + "](!,t" + std::to_string(i - 1) + ")\n";
  }
  text += "[peer](t9999)\nsecret=x\n";
  const Stopwatch clock;
  const auto result = read(text);
  EXPECT_LT(clock.seconds(), 10.0);
  EXPECT_EQ(result.diagnostics, Strings{});
  ASSERT_EQ(result.document.sections.size(), 10001u);
  const auto& peer = result.document.sections.back();
  EXPECT_EQ(peer.bases, Strings{"t9999"});
  ASSERT_EQ(peer.variables.size(), 3u);
  EXPECT_EQ(location(result.document, peer.variables[0].where()), "sip.conf:2");
}

// With a setting at every level, level n holds n copies: 50 million settings for 10,000
// levels, as many as Asterisk would build. The reader stops at kMaxStoredBytes instead.
TEST(RobustReaderLimits, TemplateChainWithASettingPerLevelStopsAtTheMemoryLimit) {
  std::string text = "[t0](!)\ntype=friend\n";
  for (int i = 1; i < 10000; ++i) {
    text += "[t" + std::to_string(i) + "](!,t" + std::to_string(i - 1) + ")\nsetvar=V" +
            std::to_string(i) + "=1\n";
  }
  const long before = peak_mib();
  const Stopwatch clock;
  const auto result = read_limited(text);
  EXPECT_LT(clock.seconds(), 30.0);
  EXPECT_LT(peak_mib() - before, 1024);  // 256 MiB kept, plus what ASan adds
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf: error: the configuration is too large to convert safely: its "
                    "sections and settings, with the copies templates make, take more than 256 "
                    "MiB; nothing converted [config-too-large]"});
}

// The limit on what the document keeps is 32 bytes per byte read once that is more than the
// fixed limit: a large input of templated peers is read whole, a small input that templates
// multiply is not.
TEST(RobustReaderLimits, StoredBytesLimitGrowsWithTheInput) {
  config::ReaderOptions options;
  options.limits.stored_bytes = 64 << 10;
  std::string peers = "[t](!)\ntype=friend\nhost=dynamic\ncontext=phones\n";
  for (int i = 0; i < 5000; ++i) peers += "[p" + std::to_string(i) + "](t)\nsecret=s\n";
  MemoryFileSystem large;
  large.add_file("sip.conf", peers);
  const auto read_whole = read(large, options);
  EXPECT_EQ(read_whole.diagnostics, Strings{});
  EXPECT_EQ(read_whole.document.sections.size(), 5001u);

  std::string chain = "[t0](!)\ntype=friend\n";
  for (int i = 1; i < 200; ++i) {
    chain += "[t" + std::to_string(i) + "](!,t" + std::to_string(i - 1) + ")\nsetvar=V" +
             std::to_string(i) + "=1\n";
  }
  MemoryFileSystem small;
  small.add_file("sip.conf", chain);
  const auto stopped = read(small, options);
  EXPECT_EQ(stopped.diagnostics,
            Strings{"sip.conf: error: the configuration is too large to convert safely: its "
                    "sections and settings, with the copies templates make, take more than 0 "
                    "MiB; nothing converted [config-too-large]"});
}

TEST(RobustReaderLimits, HundredThousandSectionsWithTheSameName) {
  const auto text = repeat("[a]\ntype=friend\n", 100000) + "[a](+)\nhost=dynamic\n[b](a)\n";
  const Stopwatch clock;
  const auto result = read(text);
  EXPECT_LT(clock.seconds(), 10.0);
  EXPECT_EQ(result.diagnostics, Strings{});
  ASSERT_EQ(result.document.sections.size(), 100001u);
  // (+) and (a) find the first [a], as Asterisk does.
  EXPECT_EQ(result.document.sections.front().variables.size(), 2u);
  EXPECT_EQ(result.document.sections.back().variables.size(), 2u);
}

// A filter that matches none of 100,000 sections, tried on every header: 10^10 comparisons.
TEST(RobustReaderLimits, AppendFiltersThatScanEverySectionStopAtTheLookupLimit) {
  const auto text = repeat("[a]\nx=1\n", 100000) + repeat("[a](+y=2)\n", 10000);
  const Stopwatch clock;
  const auto result = read_limited(text);
  EXPECT_LT(clock.seconds(), 30.0);
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_EQ(result.diagnostics.front(),
            "sip.conf:200001: error: [a](+) adds to a section that does not exist" + kRejected +
                " [config-append-missing]");
  EXPECT_EQ(result.diagnostics.back(),
            "sip.conf: error: the configuration is too large to convert safely: finding the "
            "targets of '+=' and '(+)' takes more than 50000000 comparisons; nothing converted "
            "[config-too-large]");
}

// Asterisk's category filters are POSIX extended expressions (regcomp); a long value must
// not exhaust the stack the way a backtracking matcher would.
TEST(RobustReaderLimits, AppendFilterOnALongValue) {
  const auto text = "[a]\nx=" + repeat("ab", 4000) + "\n[a](+x=^[ab]*$)\ny=1\n[a](+x=(\\)\n";
  const auto result = read(text);
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:5: error: [a](+) adds to a section that does not exist" + kRejected +
                    " [config-append-missing]"});
  ASSERT_EQ(result.document.sections.size(), 2u);
  EXPECT_EQ(result.document.sections[0].variables.size(), 2u);
}

// A pattern just within regex_cost.h's bound (3,004 positions) costs that much per byte it is
// matched against: counted so, 2,000 sections with a value of 1,000 bytes pass the lookup
// limit, where counting bytes alone would let it run on. (The header's ')' and ',' end and
// split the filter, so it can hold neither groups nor `{m,n}`.)
TEST(RobustReaderLimits, CostlyFilterPatternsCountTheirSizeAgainstTheLookupLimit) {
  const auto text = repeat("[a]\nx=" + std::string(1000, 'a') + "\n", 2000) +
                    "[a](+x=^a{1000}b{1000}a{999}c)\ny=1\n";
  const Stopwatch clock;
  const auto result = read_limited(text);
  EXPECT_LT(clock.seconds(), 30.0);
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf: error: the configuration is too large to convert safely: finding "
                    "the targets of '+=' and '(+)' takes more than 50000000 comparisons; nothing "
                    "converted [config-too-large]"});
}

// ---- values and lines -----------------------------------------------------------------------

TEST(RobustReaderLimits, AppendingToAValueIsLinearAndBounded) {
  // A million `+=` lines: appended in place, until the value passes kMaxValueBytes.
  // The two `x` lines take the appends in turn (each `+=` lands on the first `x` whose value is
  // the last one's), which once left a copy of the whole value behind every other line: 1.3 GB.
  const auto text = "[p]\nx=a\nx=a\n" + repeat("x += b\n", 1000000);
  const auto before = peak_mib();
  const Stopwatch clock;
  const auto result = read_limited(text);
  EXPECT_LT(clock.seconds(), 10.0);
  EXPECT_LT(peak_mib() - before, 256);
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf: error: the configuration is too large to convert safely: 'x +=' "
                    "makes a value longer than 64 KiB; nothing converted [config-too-large]"});

  const auto fine = read("[p]\nx=a\n" + repeat("x+=b\n", 1000));
  EXPECT_EQ(fine.diagnostics, Strings{});
  EXPECT_EQ(fine.document.sections.at(0).variables.at(0).value, "a" + repeat("b", 1000));
}

TEST(RobustReaderLimits, MillionsOfBadLinesAreCountedNotListed) {
  const auto text = "[s]\n" + repeat("x\n", 200000);
  const Stopwatch clock;
  const auto result = read(text);
  EXPECT_LT(clock.seconds(), 20.0);
  ASSERT_EQ(result.diagnostics.size(), config::kMaxFindingsPerCode + 1);
  EXPECT_EQ(result.diagnostics[0],
            "sip.conf:2: warning: no '=' in line 'x'; Asterisk ignores it [config-no-equals]");
  EXPECT_EQ(result.diagnostics.back(),
            "sip.conf: warning: 199000 more findings like the 1000 above are not listed "
            "[config-no-equals]");
}

TEST(RobustReaderLimits, InputBytesAreBounded) {
  // One 1 MiB file included 300 times: 300 MiB read in all, against a limit of 256 MiB (the
  // default, 1 GiB, leaves room for a million peers).
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n" + repeat("#include big.conf\n", 300));
  files.add_file("big.conf", repeat("x", 1 << 20));
  config::ReaderOptions options;
  options.limits.input_bytes = std::size_t{256} << 20;
  const Stopwatch clock;
  const auto result = read(files, options);
  EXPECT_LT(clock.seconds(), 20.0);
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_EQ(result.diagnostics.back(),
            "sip.conf: error: the configuration is too large to convert safely: the files read, "
            "'big.conf' last, add up to more than 256 MiB; nothing converted "
            "[config-too-large]");
}

// Block comments full of semicolons, and lines of escaped semicolons: each line costs its
// length once (they used to cost their length per semicolon).
TEST(RobustReaderLimits, SemicolonsCostTheirLineOnce) {
  const auto semicolons = repeat(";", 8000);
  const auto escaped = repeat("\\;", 4000);
  const auto text = "[s]\n;--\n" + repeat(semicolons + "\n", 500) + "--;\n" +
                    repeat("x=" + escaped + "\n", 500) + repeat("y=a;-- b --;c\n", 500);
  const Stopwatch clock;
  const auto result = read(text);
  EXPECT_LT(clock.seconds(), 10.0);
  EXPECT_EQ(result.diagnostics, Strings{});
  ASSERT_EQ(result.document.sections.at(0).variables.size(), 1000u);
  EXPECT_EQ(result.document.sections[0].variables[0].value, repeat(";", 4000));
  EXPECT_EQ(result.document.sections[0].variables.back().value, "ac");
}

TEST(RobustReaderLimits, UnterminatedCommentIsReportedWhereItOpened) {
  // Only the comments still open are remembered, not every line read.
  const auto text = "[s]\n" + repeat(";-- a --;\n", 100000) + "x=1\n;-- open\n" +
                    repeat("\n", 1000000) + ";-- inner --;\n";
  const auto result = read(text);
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:100003: warning: block comment ';--' is never closed; the rest of "
                    "the file is ignored [config-comment-unterminated]"});
}

}  // namespace
}  // namespace sip2pjsip::testing
