// Variable lines and comments as Asterisk's main/config.c reads them: `=`, `=>`, `+=`, the
// leading `\` escape (process_text_line) and `;`, `\;`, `;-- --;` (config_text_file_load).
#include <gtest/gtest.h>

#include "config/reader_helpers.h"

namespace sip2pjsip::testing {
namespace {

const std::string kRejected = "; Asterisk refuses to load a file with this error";

TEST(ReaderVariables, AssignmentsObjectsAndEmptyValues) {
  const auto result = read(
      "[s]\n"
      "key = value\n"
      "key2=>value2\n"
      "key3 => value3\n"
      "  spaced  =  two  words  \n"
      "empty =\n"
      "empty2=>\n"
      "arrow = > not an object\n"
      "a==b\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'key' = 'value' sip.conf:2\n"
            "  'key2' => 'value2' sip.conf:3\n"
            "  'key3' => 'value3' sip.conf:4\n"
            "  'spaced' = 'two  words' sip.conf:5\n"
            "  'empty' = '' sip.conf:6\n"
            "  'empty2' => '' sip.conf:7\n"
            "  'arrow' = '> not an object' sip.conf:8\n"
            "  'a' = '=b' sip.conf:9\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderVariables, EveryByteBelow33IsBlank) {
  // ast_strip() trims bytes below 33 (unsigned): control characters go, DEL and bytes above
  // 127 (here a UTF-8 no-break space) stay, and so does anything between other bytes.
  const auto result = read(
      "[s]\n"
      "\x01\tname\x1f=\x02 v\x01w\x7f\x0b\n"
      "nb=\xC2\xA0x\xC2\xA0\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'name' = 'v\x01w\x7f' sip.conf:2\n"
            "  'nb' = '\xC2\xA0x\xC2\xA0' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderVariables, PlusEqualsAppendsTheRawText) {
  // The text after '=' is appended as it is, blanks included, then the result is trimmed.
  const auto result = read(
      "[s]\n"
      "a=x\n"
      "a += y\n"
      "allow=ulaw\n"
      "allow+=,alaw\n"
      "b+=z\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'a' = 'x y' sip.conf:2\n"
            "  'allow' = 'ulaw,alaw' sip.conf:4\n"
            "  'b' = 'z' sip.conf:6\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderVariables, PlusEqualsGoesToTheLastVariableOfThatExactName) {
  // The variable to extend is found with strcmp(); `A` matches none, so it is a new variable.
  const auto result = read(
      "[s]\n"
      "a=1\n"
      "a=2\n"
      "a+=3\n"
      "A+=4\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'a' = '1' sip.conf:2\n"
            "  'a' = '23' sip.conf:3\n"
            "  'A' = '4' sip.conf:5\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderVariables, PlusEqualsReplacesTheFirstMatchIgnoringCase) {
  // ast_variable_update() replaces the first variable whose name and value equal the found
  // one's ignoring case: here the one on line 2, which takes the name `a`.
  const auto result = read(
      "[s]\n"
      "A=x\n"
      "a=X\n"
      "a+=y\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'a' = 'Xy' sip.conf:2\n"
            "  'a' = 'X' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderVariables, PlusEqualsAfterAnEmptyValueReplacesTheFirstOfTheName) {
  // An empty match value matches any value in ast_variable_update().
  const auto result = read(
      "[s]\n"
      "a=1\n"
      "a=\n"
      "a+=z\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'a' = 'z' sip.conf:2\n"
            "  'a' = '' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderVariables, PlusEqualsKeepsTheObjectFlagAndTakesNoArrow) {
  const auto result = read(
      "[s]\n"
      "exten=>1\n"
      "exten+=2\n"
      "x=1\n"
      "x+=>2\n"
      "y+=>3\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'exten' => '12' sip.conf:2\n"
            "  'x' = '1>2' sip.conf:4\n"
            "  'y' = '>3' sip.conf:6\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

// A value `+=` has grown is grown in place by the next `+=` only while no other setting shares
// its text: a section made from it since keeps the value it copied. (The values are long, so
// growing one moves its text: a copy still viewing the old text would read freed memory.)
TEST(ReaderVariables, PlusEqualsLeavesTheCopiesOfAGrownValueAlone) {
  const std::string ten = "0123456789";
  const auto result = read(
      "[a]\n"
      "x=1\n"
      "x+=2" +
      ten +
      "\n"
      "[b](a)\n"
      "[a](+)\n"
      "x+=3" +
      ten + ten + ten +
      "\n"
      "x+=4" +
      ten + ten + ten + ten +
      "\n"
      "[t](!)\n"
      "v=1\n"
      "v+=2\n"
      "[p](t)\n"
      "v+=3\n"
      "[q](t)\n");
  EXPECT_EQ(dump(result.document),
            "[a] sip.conf:1\n"
            "  'x' = '12" +
                ten + "3" + ten + ten + ten + "4" + ten + ten + ten + ten +
                "' sip.conf:2\n"
                "[b] sip.conf:4 bases=a\n"
                "  'x' = '12" +
                ten +
                "' sip.conf:2 inherited\n"
                "[t](!) sip.conf:8\n"
                "  'v' = '12' sip.conf:9\n"
                "[p] sip.conf:11 bases=t\n"
                "  'v' = '123' sip.conf:9\n"
                "[q] sip.conf:13 bases=t\n"
                "  'v' = '12' sip.conf:9 inherited\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderVariables, PlusEqualsOnAnInheritedVariable) {
  // The replacement is a new variable: same line, but no longer marked inherited.
  const auto result = read(
      "[t](!)\n"
      "allow=ulaw\n"
      "[p](t)\n"
      "allow += alaw\n");
  EXPECT_EQ(dump(result.document),
            "[t](!) sip.conf:1\n"
            "  'allow' = 'ulaw' sip.conf:2\n"
            "[p] sip.conf:3 bases=t\n"
            "  'allow' = 'ulaw alaw' sip.conf:2\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderVariables, NoNameBeforeTheEqualsSign) {
  const auto result = read("[s]\n+=x\n=y\n = z\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n");
  const std::string message =
      " warning: no option name before '='; Asterisk ignores the line "
      "[config-no-name]";
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:2:" + message, "sip.conf:3:" + message, "sip.conf:4:" + message}));
}

TEST(ReaderVariables, LineWithoutEqualsSign) {
  const auto result = read("[s]\njust some text\nb=1\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'b' = '1' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:2: warning: no '=' in line 'just some text'; Asterisk ignores it "
                    "[config-no-equals]"});
}

TEST(ReaderVariables, LineBeforeTheFirstSection) {
  // The missing category is checked before anything else on the line.
  const auto result = read("a=1\njunk\n[s]\nb=2\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:3\n  'b' = '2' sip.conf:4\n");
  const std::string message =
      " error: line is not inside any section" + kRejected + " [config-no-section]";
  EXPECT_EQ(result.diagnostics, (Strings{"sip.conf:1:" + message, "sip.conf:2:" + message}));
}

TEST(ReaderEscapes, BackslashEscapesTheFirstCharacter) {
  // The '=' is searched from the character after the escaped one, and the backslash is not
  // part of the name. `\;` is undone earlier, by the comment scan, so that name starts with ';'.
  const auto result = read(
      "[s]\n"
      "\\=x=1\n"
      "\\[x]=2\n"
      "\\#include=3\n"
      "\\+=4\n"
      "\\a+=5\n"
      "\\a+=6\n"
      "\\;x=7\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  '=x' = '1' sip.conf:2\n"
            "  '[x]' = '2' sip.conf:3\n"
            "  '#include' = '3' sip.conf:4\n"
            "  '+' = '4' sip.conf:5\n"
            "  'a' = '56' sip.conf:6\n"
            "  ';x' = '7' sip.conf:8\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderEscapes, EscapingABlankOrAByteAbove127IsAnError) {
  // `cur[0] < 33` on a signed char: bytes above 127 are invalid escapes as well.
  const auto result = read(
      "[s]\n"
      "\\ x=1\n"
      "\\\n"
      "\\\xC3\xA9=1\n"
      "ok=1\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'ok' = '1' sip.conf:5\n");
  const std::string message =
      " error: invalid escape '\\'" + kRejected + " [config-invalid-escape]";
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:2:" + message, "sip.conf:3:" + message, "sip.conf:4:" + message}));
}

TEST(ReaderComments, SemicolonStartsALineComment) {
  const auto result = read(
      "; leading comment\n"
      "[s] ; header comment\n"
      "a=1 ; trailing\n"
      "b=2;tight\n"
      "c = ; only a comment\n"
      "   ; indented comment\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:2\n"
            "  'a' = '1' sip.conf:3\n"
            "  'b' = '2' sip.conf:4\n"
            "  'c' = '' sip.conf:5\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderComments, EscapedSemicolonAndOtherBackslashes) {
  // Only the backslash before ';' is removed; every other backslash stays as written.
  const auto result = read(
      "[s]\n"
      "secret=ab\\;cd;comment\n"
      "password=ab\\cd\n"
      "two=a\\\\b\n"
      "end=x\\\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'secret' = 'ab;cd' sip.conf:2\n"
            "  'password' = 'ab\\cd' sip.conf:3\n"
            "  'two' = 'a\\\\b' sip.conf:4\n"
            "  'end' = 'x\\' sip.conf:5\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderComments, BlockComments) {
  const auto result = read(
      "[s]\n"
      "a=1 ;-- inline --; \n"
      "b=2;-- starts here\n"
      "hidden=1\n"
      "still ;-- nested --; hidden=2\n"
      "--;c=3\n"
      "d=x;--a;--b--;c--;y\n"
      "e=1;--x--;2\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'a' = '1' sip.conf:2\n"
            "  'b' = '2' sip.conf:3\n"
            "  'c' = '3' sip.conf:6\n"
            "  'd' = 'xy' sip.conf:7\n"
            "  'e' = '12' sip.conf:8\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderComments, ThreeDashesMakeALineComment) {
  const auto result = read("[s]\na=1;--- not a block\nb=2\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'a' = '1' sip.conf:2\n"
            "  'b' = '2' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderComments, UnterminatedBlockComment) {
  const auto result = read("[s]\na=1\n;-- open\nb=2\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'a' = '1' sip.conf:2\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:3: warning: block comment ';--' is never closed; the rest of the "
                    "file is ignored [config-comment-unterminated]"});
}

TEST(ReaderComments, UnterminatedNamesTheInnermostOpenComment) {
  // nest[comment - 1]: the inner comment closed, the outer one (line 2) is still open.
  const auto result = read("[s]\n;-- outer\n;-- inner\n--;\nb=2\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:2: warning: block comment ';--' is never closed; the rest of the "
                    "file is ignored [config-comment-unterminated]"});
}

TEST(ReaderComments, StrayCloseSwallowsLinesUntilAnOpen) {
  // `--;` with no comment open takes the depth to -1: its own line is read whole, the lines
  // after it are skipped until a `;--` brings the depth back to 0.
  const auto result = read(
      "[s]\n"
      "a=x--;y\n"
      "b=2\n"
      ";-- back to zero\n"
      "c=3\n");
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'a' = 'x--;y' sip.conf:2\n"
            "  'c' = '3' sip.conf:5\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:2: warning: '--;' closes a block comment that is not open; "
                    "Asterisk ignores every following line of this file until a ';--' "
                    "[config-comment-stray-close]"});
}

}  // namespace
}  // namespace sip2pjsip::testing
