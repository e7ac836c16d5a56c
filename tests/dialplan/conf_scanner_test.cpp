// Reading extensions.conf lines as main/config.c and pbx/pbx_config.c do, with the file offset
// of every character kept.
#include <gtest/gtest.h>

#include <string>

#include "dialplan/conf_scanner.h"

namespace sip2pjsip::testing {
namespace {

using dialplan::ConfEntry;
using dialplan::Span;

std::string text_of(const std::string& text, Span span) {
  return text.substr(span.begin, span.size());
}

TEST(DialplanConfScanner, RemovesCommentsAndKeepsOffsets) {
  const std::string raw = "exten => 1,1,NoOp(a\\;b) ; comment\n; only a comment\n[ctx]\n";
  const auto lines = dialplan::read_conf_lines(raw);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].line, 1);
  EXPECT_EQ(lines[0].text.text(), "exten => 1,1,NoOp(a;b) ");
  // The ';' of "\;" is at offset 20 in the file; 'b' right after it.
  EXPECT_EQ(lines[0].text.raw_offset(19), 20u);
  EXPECT_EQ(lines[0].text.raw_offset(20), 21u);
  EXPECT_EQ(lines[1].text.text(), "");  // a comment line leaves no text
  EXPECT_EQ(lines[2].line, 3);
  EXPECT_EQ(lines[2].text.text(), "[ctx]");
}

TEST(DialplanConfScanner, BlockCommentsSpanLinesAndJoinText) {
  const std::string raw =
      "a=1 ;-- start\n"
      "still comment\n"
      "end --; b=2\n"
      "c=3;-- inline --;4\n"
      ";--- not a block comment\n";
  const auto lines = dialplan::read_conf_lines(raw);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text.text(), "a=1 ");
  EXPECT_EQ(lines[1].text.text(), " b=2");
  EXPECT_EQ(lines[1].line, 3);
  EXPECT_EQ(lines[2].text.text(), "c=34");
  EXPECT_EQ(lines[2].text.raw_offset(3), raw.find("4\n"));
  EXPECT_EQ(lines[3].text.text(), "");
}

TEST(DialplanConfScanner, ClassifiesLines) {
  const std::string section = "  [internal](+) ";
  auto entry = dialplan::classify(section);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->kind, ConfEntry::Kind::section);
  EXPECT_EQ(text_of(section, entry->name), "internal");

  const std::string directive = "#include \"users.conf\"";
  entry = dialplan::classify(directive);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->kind, ConfEntry::Kind::directive);
  EXPECT_EQ(text_of(directive, entry->name), "include");
  EXPECT_EQ(text_of(directive, entry->value), "\"users.conf\"");

  const std::string exten = " exten =>  100,1,Set(a=b)  ";
  entry = dialplan::classify(exten);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->kind, ConfEntry::Kind::variable);
  EXPECT_TRUE(entry->object);
  EXPECT_EQ(text_of(exten, entry->name), "exten");
  EXPECT_EQ(text_of(exten, entry->value), "100,1,Set(a=b)");

  EXPECT_FALSE(dialplan::classify("   "));
}

TEST(DialplanConfScanner, SplitsExtensionLinesAsPbxConfig) {
  const std::string value = "_[1,2]XX,1(start),Dial(SIP/${EXTEN},${IF($[1]?20:30)})";
  const auto line = dialplan::parse_extension(value, Span{0, value.size()}, false);
  ASSERT_TRUE(line);
  EXPECT_EQ(text_of(value, line->extension), "_[1,2]XX");
  EXPECT_EQ(text_of(value, line->priority), "1(start)");
  EXPECT_FALSE(line->hint);
  EXPECT_EQ(text_of(value, line->application), "Dial");
  ASSERT_TRUE(line->data);
  EXPECT_EQ(text_of(value, *line->data), "SIP/${EXTEN},${IF($[1]?20:30)}");
  EXPECT_EQ(text_of(value, line->call), "Dial(SIP/${EXTEN},${IF($[1]?20:30)})");
  EXPECT_TRUE(line->closed);
}

TEST(DialplanConfScanner, HintsSameLinesAndApplicationsWithoutArguments) {
  const std::string hint = "100,hint,SIP/100&Custom:DND100";
  auto line = dialplan::parse_extension(hint, Span{0, hint.size()}, false);
  ASSERT_TRUE(line);
  EXPECT_TRUE(line->hint);
  EXPECT_EQ(text_of(hint, line->application), "SIP/100&Custom:DND100");
  EXPECT_FALSE(line->data);

  // A hint with ${...} before any '(' keeps its whole text as the "application".
  const std::string global = "100,hint,SIP/${GLOBAL(PHONE)}";
  line = dialplan::parse_extension(global, Span{0, global.size()}, false);
  ASSERT_TRUE(line);
  EXPECT_EQ(text_of(global, line->application), "SIP/${GLOBAL(PHONE)}");

  const std::string same = "n, Answer";
  line = dialplan::parse_extension(same, Span{0, same.size()}, true);
  ASSERT_TRUE(line);
  EXPECT_EQ(text_of(same, line->priority), "n");
  EXPECT_EQ(text_of(same, line->application), "Answer");
  EXPECT_FALSE(line->data);

  const std::string open = "n,Dial(SIP/100";
  line = dialplan::parse_extension(open, Span{0, open.size()}, true);
  ASSERT_TRUE(line);
  EXPECT_FALSE(line->closed);

  EXPECT_FALSE(dialplan::parse_extension(std::string("100"), Span{0, 3}, false));
}

}  // namespace
}  // namespace sip2pjsip::testing
