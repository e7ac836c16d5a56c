// How config_text_file_load() in Asterisk's main/config.c gets its lines: fgets() into an
// 8192-byte buffer, a UTF-8 BOM dropped from the first line, NUL bytes ending a line.
#include <gtest/gtest.h>

#include <string>

#include "config/reader_helpers.h"

namespace sip2pjsip::testing {
namespace {

using namespace std::string_literals;

std::string too_long(int line, std::size_t length) {
  return "sip.conf:" + std::to_string(line) + ": warning: line is " + std::to_string(length) +
         " bytes long; Asterisk skips lines longer than 8190 bytes [config-line-too-long]";
}

TEST(ReaderLines, CrlfLineEndings) {
  const auto result = read("[s]\r\na=1\r\nb => 2\r\n; comment\r\nc=\r\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'a' = '1' sip.conf:2\n"
            "  'b' => '2' sip.conf:3\n"
            "  'c' = '' sip.conf:5\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderLines, CarriageReturnAloneDoesNotEndALine) {
  // fgets() splits at '\n' only: this is one line, a header followed by ignored text.
  const auto result = read("[s]\ra=1\r");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:1: warning: text after section header [s] is ignored: 'a=1' "
                    "[config-trailing-text]"});
}

TEST(ReaderLines, Utf8BomOnTheFirstLineIsDropped) {
  const auto result = read("\xEF\xBB\xBF[s]\na=1\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'a' = '1' sip.conf:2\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderLines, Utf8BomOnALaterLineIsText) {
  const auto result = read(
      "[s]\n\xEF\xBB\xBF"
      "a=1\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n  '\xEF\xBB\xBF"
            "a' = '1' sip.conf:2\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderLines, NonAsciiTextIsKeptAsBytes) {
  const auto result = read(
      "[pëer]\n"
      "callerid=\"Jürgen Müller\" <100>\n"
      "description=日本語\n");
  EXPECT_EQ(dump(result.document),
            "[pëer] sip.conf:1\n"
            "  'callerid' = '\"Jürgen Müller\" <100>' sip.conf:2\n"
            "  'description' = '日本語' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderLines, LastLineWithoutNewline) {
  const auto result = read("[s]\na=1");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'a' = '1' sip.conf:2\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderLines, EmptyFile) {
  const auto result = read("");
  EXPECT_EQ(dump(result.document), "");
  EXPECT_EQ(result.diagnostics, Strings{});
  ASSERT_EQ(result.document.files.size(), 1u);
  EXPECT_EQ(result.document.files[0].path, "sip.conf");
  EXPECT_EQ(result.document.files[0].included_by, std::nullopt);
  EXPECT_TRUE(result.document.files[0].items.empty());
}

TEST(ReaderLines, LongestLineThatFitsHas8190Bytes) {
  // 8190 bytes and the newline fill the 8191 bytes fgets() reads into buf[8192].
  const std::string value(8188, 'x');
  const auto result = read("[s]\na=" + value + "\nb=1\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n  'a' = '" + value + "' sip.conf:2\n  'b' = '1' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderLines, LineOf8191BytesIsSkipped) {
  const auto result = read("[s]\na=" + std::string(8189, 'x') + "\nb=1\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'b' = '1' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{too_long(2, 8191)});
}

TEST(ReaderLines, CarriageReturnCountsTowardsTheLimit) {
  const std::string fits(8187, 'x');
  const auto result = read("[s]\r\na=" + fits + "\r\nb=" + std::string(8188, 'y') + "\r\nc=1\r\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'a' = '" + fits +
                                       "' sip.conf:2\n"
                                       "  'c' = '1' sip.conf:4\n");
  EXPECT_EQ(result.diagnostics, Strings{too_long(3, 8191)});
}

TEST(ReaderLines, LimitOfALastLineWithoutNewline) {
  const std::string fits(8188, 'x');
  const auto kept = read("[s]\na=" + fits);
  EXPECT_EQ(dump(kept.document), "[s] sip.conf:1\n  'a' = '" + fits + "' sip.conf:2\n");
  EXPECT_EQ(kept.diagnostics, Strings{});

  const auto skipped = read("[s]\na=" + fits + "x");
  EXPECT_EQ(dump(skipped.document), "[s] sip.conf:1\n");
  EXPECT_EQ(skipped.diagnostics, Strings{too_long(2, 8191)});
}

TEST(ReaderLines, LongLinesAreSkippedWhole) {
  // Asterisk reads on in 8191-byte pieces until the line ends; the line count goes up once.
  const auto result = read("[s]\n" + std::string(8191, 'a') + "\n" + std::string(16382, 'b') +
                           "\n" + std::string(20000, 'c') + "=1\nd=1\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'd' = '1' sip.conf:5\n");
  EXPECT_EQ(result.diagnostics,
            (Strings{too_long(2, 8191), too_long(3, 16382), too_long(4, 20002)}));
}

TEST(ReaderLines, NulByteEndsTheLine) {
  const auto result = read("[s]\na=1\0junk=2\nb=2\n"s);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'a' = '1' sip.conf:2\n"
            "  'b' = '2' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:2: warning: NUL byte in line; Asterisk ignores the rest of the line "
                    "[config-nul-byte]"});
}

TEST(ReaderLines, NulByteHidesTheLengthOfALongLine) {
  // strlen() stops at the NUL, so the first 8191 bytes do not look too long: they are read up
  // to the NUL, and the next fgets() returns the rest of the line as a line of its own.
  const std::string line = "a=1"s + '\0' + std::string(8187, 'x') + "b=2";
  const auto result = read("[s]\n" + line + "\nc=3\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'a' = '1' sip.conf:2\n"
            "  'b' = '2' sip.conf:2\n"
            "  'c' = '3' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:2: warning: NUL byte in line; Asterisk ignores the rest of the "
                     "line [config-nul-byte]",
                     "sip.conf:2: warning: NUL byte in a line longer than 8190 bytes; Asterisk "
                     "reads the bytes after the first 8191 as a line of their own "
                     "[config-line-split]"}));
}

TEST(ReaderLines, NulByteAfterTheFirst8191BytesEndsTheSkipping) {
  // The skipping loop stops at the first piece whose strlen() is short: here the one holding
  // the NUL, which is also the end of the line.
  const std::string line = "a=" + std::string(9000, 'x') + '\0' + "b=2";
  const auto result = read("[s]\n" + line + "\nc=3\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'c' = '3' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{too_long(2, line.size())});
}

}  // namespace
}  // namespace sip2pjsip::testing
