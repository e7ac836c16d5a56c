// Section headers as process_text_line() in Asterisk's main/config.c reads them: `[name]`,
// templates `(!)`, inheritance `(base,...)`, appending `(+)`, and the malformed forms.
#include <gtest/gtest.h>

#include "config/reader_helpers.h"

namespace sip2pjsip::testing {
namespace {

const std::string kRejected = "; Asterisk refuses to load a file with this error";

TEST(ReaderSections, SectionsInFileOrder) {
  const auto result = read(
      "[general]\n"
      "context=default\n"
      "\n"
      "[peer1]\n"
      "type=friend\n"
      "host=dynamic\n");
  EXPECT_EQ(dump(result.document),
            "[general] sip.conf:1\n"
            "  'context' = 'default' sip.conf:2\n"
            "[peer1] sip.conf:4\n"
            "  'type' = 'friend' sip.conf:5\n"
            "  'host' = 'dynamic' sip.conf:6\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderSections, NameIsTakenAsWrittenBetweenTheBrackets) {
  // catname is the text after '[' up to the first ']', neither stripped nor checked.
  const auto result = read("[ peer one ]\na=1\n[]\nb=2\n[f(!)]\n");
  EXPECT_EQ(dump(result.document),
            "[ peer one ] sip.conf:1\n"
            "  'a' = '1' sip.conf:2\n"
            "[] sip.conf:3\n"
            "  'b' = '2' sip.conf:4\n"
            "[f(!)] sip.conf:5\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderSections, RepeatedNameCreatesASecondSection) {
  const auto result = read("[a]\nx=1\n[b]\n[A]\nx=2\n");
  EXPECT_EQ(dump(result.document),
            "[a] sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "[b] sip.conf:3\n"
            "[A] sip.conf:4\n"
            "  'x' = '2' sip.conf:5\n");
  EXPECT_EQ(result.diagnostics, Strings{});
  // ast_category_get() finds the first one, ignoring case.
  EXPECT_EQ(result.document.find_visible("A"), &result.document.sections[0]);
  EXPECT_EQ(result.document.visible_sections().size(), 3u);
}

TEST(ReaderSections, TemplateIsHiddenFromVisibleSections) {
  const auto result = read(
      "[tmpl](!)\n"
      "a=1\n"
      "[peer](tmpl)\n"
      "b=2\n");
  EXPECT_EQ(dump(result.document),
            "[tmpl](!) sip.conf:1\n"
            "  'a' = '1' sip.conf:2\n"
            "[peer] sip.conf:3 bases=tmpl\n"
            "  'a' = '1' sip.conf:2 inherited\n"
            "  'b' = '2' sip.conf:4\n");
  EXPECT_EQ(result.diagnostics, Strings{});
  const auto visible = result.document.visible_sections();
  ASSERT_EQ(visible.size(), 1u);
  EXPECT_EQ(visible[0], &result.document.sections[1]);
  EXPECT_EQ(result.document.find_visible("tmpl"), nullptr);
  EXPECT_EQ(result.document.find_visible("PEER"), &result.document.sections[1]);
}

// A peer copies its template's lines in one allocation and then adds its own, which doubles
// it; the document keeps room for exactly the lines read (a million peers).
TEST(ReaderSections, SectionsHoldNoUnusedRoom) {
  const auto result = read(
      "[tmpl](!)\n"
      "a=1\nb=2\nc=3\n"
      "[peer](tmpl)\n"
      "d=4\n");
  ASSERT_EQ(result.document.sections.size(), 2u);
  for (const auto& section : result.document.sections) {
    EXPECT_EQ(section.variables.capacity(), section.variables.size()) << section.name;
  }
  EXPECT_EQ(result.document.sections[1].variables.size(), 4u);
}

TEST(ReaderSections, NameOf79BytesIsKept) {
  const std::string name(79, 'n');
  const auto result = read("[" + name + "]\n");
  EXPECT_EQ(dump(result.document), "[" + name + "] sip.conf:1\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderSections, LongerNameIsCutTo79Bytes) {
  // ast_category.name is char[80]; ast_copy_string() keeps 79 bytes.
  const std::string cut(79, 'n');
  const auto result = read("[" + cut + "XYZ]\na=1\n");
  EXPECT_EQ(dump(result.document), "[" + cut + "] sip.conf:1\n  'a' = '1' sip.conf:2\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:1: warning: section name is longer than 79 bytes; Asterisk cuts it "
                    "to '" +
                    cut + "' [config-name-truncated]"});
}

TEST(ReaderSections, TextAfterTheHeaderIsIgnored) {
  // Options count only when '(' follows ']' at once; anything after ']' or ')' is dropped.
  const auto result = read(
      "[a]x\n"
      "[b] (!)\n"
      "[c](!)y\n"
      "[d]]\n"
      "[e] ; a comment is no text\n");
  EXPECT_EQ(dump(result.document),
            "[a] sip.conf:1\n"
            "[b] sip.conf:2\n"
            "[c](!) sip.conf:3\n"
            "[d] sip.conf:4\n"
            "[e] sip.conf:5\n");
  EXPECT_EQ(result.diagnostics,
            (Strings{
                "sip.conf:1: warning: text after section header [a] is ignored: 'x' "
                "[config-trailing-text]",
                "sip.conf:2: warning: text after section header [b] is ignored: '(!)' "
                "[config-trailing-text]",
                "sip.conf:3: warning: text after section header [c] is ignored: 'y' "
                "[config-trailing-text]",
                "sip.conf:4: warning: text after section header [d] is ignored: ']' "
                "[config-trailing-text]",
            }));
}

TEST(ReaderSections, UnclosedBracketLeavesTheLineOut) {
  const auto result = read("[a]\nx=1\n[b\ny=2\n");
  EXPECT_EQ(dump(result.document),
            "[a] sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "  'y' = '2' sip.conf:4\n");
  EXPECT_EQ(result.diagnostics, Strings{"sip.conf:3: error: no closing ']' in section header" +
                                        kRejected + " [config-unclosed-bracket]"});
}

TEST(ReaderSections, UnclosedParenthesisLeavesTheLineOut) {
  const auto result = read("[a]\n[b](!\ny=2\n");
  EXPECT_EQ(dump(result.document),
            "[a] sip.conf:1\n"
            "  'y' = '2' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{"sip.conf:2: error: no closing ')' after section [b]" +
                                        kRejected + " [config-unclosed-paren]"});
}

TEST(ReaderInheritance, BasesAreCopiedInOrder) {
  // ast_category_inherit() appends clones of every variable, so a later base's value follows
  // (and overrides, for modules taking the last) an earlier one's; own lines come after.
  const auto result = read(
      "[t1](!)\n"
      "a=1\n"
      "b=1\n"
      "[t2](!)\n"
      "b=2\n"
      "c=2\n"
      "[p](t1,t2)\n"
      "c=3\n");
  EXPECT_EQ(dump(result.document),
            "[t1](!) sip.conf:1\n"
            "  'a' = '1' sip.conf:2\n"
            "  'b' = '1' sip.conf:3\n"
            "[t2](!) sip.conf:4\n"
            "  'b' = '2' sip.conf:5\n"
            "  'c' = '2' sip.conf:6\n"
            "[p] sip.conf:7 bases=t1,t2\n"
            "  'a' = '1' sip.conf:2 inherited\n"
            "  'b' = '1' sip.conf:3 inherited\n"
            "  'b' = '2' sip.conf:5 inherited\n"
            "  'c' = '2' sip.conf:6 inherited\n"
            "  'c' = '3' sip.conf:8\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderInheritance, FromAnEarlierSectionWithWhatItInherited) {
  const auto result = read(
      "[t](!)\n"
      "x=1\n"
      "[a](t)\n"
      "y=2\n"
      "[b](a)\n"
      "z=3\n");
  EXPECT_EQ(dump(result.document),
            "[t](!) sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "[a] sip.conf:3 bases=t\n"
            "  'x' = '1' sip.conf:2 inherited\n"
            "  'y' = '2' sip.conf:4\n"
            "[b] sip.conf:5 bases=a\n"
            "  'x' = '1' sip.conf:2 inherited\n"
            "  'y' = '2' sip.conf:4 inherited\n"
            "  'z' = '3' sip.conf:6\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderInheritance, TemplateWithABaseInEitherOrder) {
  const auto result = read(
      "[t1](!)\n"
      "x=1\n"
      "[t2](!,t1)\n"
      "y=2\n"
      "[t3](t1,!)\n"
      "[p](t2)\n");
  EXPECT_EQ(dump(result.document),
            "[t1](!) sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "[t2](!) sip.conf:3 bases=t1\n"
            "  'x' = '1' sip.conf:2 inherited\n"
            "  'y' = '2' sip.conf:4\n"
            "[t3](!) sip.conf:5 bases=t1\n"
            "  'x' = '1' sip.conf:2 inherited\n"
            "[p] sip.conf:6 bases=t2\n"
            "  'x' = '1' sip.conf:2 inherited\n"
            "  'y' = '2' sip.conf:4 inherited\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderInheritance, BaseNameIsCaseInsensitive) {
  // The base is recorded under its own name (base->name), not as written in the header.
  const auto result = read("[Tmpl](!)\nx=1\n[p](tMPL)\n");
  EXPECT_EQ(dump(result.document),
            "[Tmpl](!) sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "[p] sip.conf:3 bases=Tmpl\n"
            "  'x' = '1' sip.conf:2 inherited\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderInheritance, FirstSectionOfTheNameWinsTemplatesIncluded) {
  // The lookup filter is "TEMPLATES=include": the template comes first, so it is the base.
  const auto result = read("[t](!)\nx=1\n[t]\nx=2\n[p](t)\n");
  EXPECT_EQ(dump(result.document),
            "[t](!) sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "[t] sip.conf:3\n"
            "  'x' = '2' sip.conf:4\n"
            "[p] sip.conf:5 bases=t\n"
            "  'x' = '1' sip.conf:2 inherited\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderInheritance, SpaceAfterTheCommaIsPartOfTheName) {
  // strsep() splits on ',' only: the second base is " t2", which does not exist.
  const auto result = read(
      "[t1](!)\n"
      "a=1\n"
      "[t2](!)\n"
      "b=2\n"
      "[p](t1, t2)\n"
      "c=3\n");
  EXPECT_EQ(dump(result.document),
            "[t1](!) sip.conf:1\n"
            "  'a' = '1' sip.conf:2\n"
            "[t2](!) sip.conf:3\n"
            "  'b' = '2' sip.conf:4\n"
            "[p] sip.conf:5 bases=t1\n"
            "  'a' = '1' sip.conf:2 inherited\n"
            "  'c' = '3' sip.conf:6\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:5: error: [p] inherits from ' t2', which is not defined before it" +
                    kRejected + " [config-base-missing]"});
}

TEST(ReaderInheritance, BaseMustComeBefore) {
  // The new section is not in the config yet while its bases are looked up, so neither a
  // later section nor the section itself can be a base.
  const auto result = read("[p](t)\nx=1\n[t](!)\n[q](q)\n");
  EXPECT_EQ(dump(result.document),
            "[p] sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "[t](!) sip.conf:3\n"
            "[q] sip.conf:4\n");
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:1: error: [p] inherits from 't', which is not defined before it" +
                         kRejected + " [config-base-missing]",
                     "sip.conf:4: error: [q] inherits from 'q', which is not defined before it" +
                         kRejected + " [config-base-missing]"}));
}

TEST(ReaderInheritance, EmptyBaseNameMeansTheFirstSection) {
  // An empty name passes does_category_match() for any section, so `(!,)` inherits from the
  // first section of the config, template or not.
  const auto result = read("[first](!)\nx=1\n[p](!,)\n");
  EXPECT_EQ(dump(result.document),
            "[first](!) sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "[p](!) sip.conf:3 bases=first\n"
            "  'x' = '1' sip.conf:2 inherited\n");
  EXPECT_EQ(result.diagnostics, Strings{});

  const auto alone = read("[q]()\n");
  EXPECT_EQ(dump(alone.document), "[q] sip.conf:1\n");
  EXPECT_EQ(alone.diagnostics,
            Strings{"sip.conf:1: error: [q] inherits from '', which is not defined before it" +
                    kRejected + " [config-base-missing]"});
}

TEST(ReaderAppend, PlusAddsToTheEarlierSection) {
  const auto result = read(
      "[a]\n"
      "x=1\n"
      "[b]\n"
      "y=2\n"
      "[a](+)\n"
      "z=3\n");
  EXPECT_EQ(dump(result.document),
            "[a] sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "  'z' = '3' sip.conf:6\n"
            "[b] sip.conf:3\n"
            "  'y' = '2' sip.conf:4\n");
  EXPECT_EQ(result.diagnostics, Strings{});
  // No new section starts at line 5.
  const auto& items = result.document.files[0].items;
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].index, 0u);
  EXPECT_EQ(items[1].index, 1u);
}

TEST(ReaderAppend, PlusFindsOnlyNonTemplates) {
  const auto result = read(
      "[a](!)\n"
      "x=1\n"
      "[A]\n"
      "y=2\n"
      "[a](+)\n"
      "z=3\n");
  EXPECT_EQ(dump(result.document),
            "[a](!) sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "[A] sip.conf:3\n"
            "  'y' = '2' sip.conf:4\n"
            "  'z' = '3' sip.conf:6\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderAppend, PlusOnATemplateOnlyIsAnError) {
  // Recovery: the header starts a new section.
  const auto result = read("[t](!)\nx=1\n[t](+)\ny=2\n");
  EXPECT_EQ(dump(result.document),
            "[t](!) sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "[t] sip.conf:3\n"
            "  'y' = '2' sip.conf:4\n");
  EXPECT_EQ(result.diagnostics, Strings{"sip.conf:3: error: [t](+) adds to a section that does "
                                        "not exist" +
                                        kRejected + " [config-append-missing]"});
}

TEST(ReaderAppend, PlusOnAMissingSectionIsAnError) {
  const auto result = read("[a](+)\nx=1\n");
  EXPECT_EQ(dump(result.document), "[a] sip.conf:1\n  'x' = '1' sip.conf:2\n");
  EXPECT_EQ(result.diagnostics, Strings{"sip.conf:1: error: [a](+) adds to a section that does "
                                        "not exist" +
                                        kRejected + " [config-append-missing]"});
}

TEST(ReaderAppend, PlusLooksUpTheUncutName) {
  // category_get_sep() gets the name as written; the stored one was cut to 79 bytes.
  const std::string cut(79, 'n');
  const auto result = read("[" + cut + "X]\n[" + cut + "X](+)\nx=1\n");
  EXPECT_EQ(dump(result.document), "[" + cut + "] sip.conf:1\n[" + cut +
                                       "] sip.conf:2\n"
                                       "  'x' = '1' sip.conf:3\n");
  const std::string truncated =
      "warning: section name is longer than 79 bytes; Asterisk cuts it to '" + cut +
      "' [config-name-truncated]";
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:1: " + truncated, "sip.conf:2: " + truncated,
                     "sip.conf:2: error: [" + cut + "](+) adds to a section that does not exist" +
                         kRejected + " [config-append-missing]"}));
}

TEST(ReaderAppend, TextAfterPlusIsAFilter) {
  // `+name=regex` picks the first section of the name with a matching variable (the '&'
  // separated filter of category_get_sep()); "TEMPLATES=include" lets it pick a template.
  const auto result = read(
      "[a]\n"
      "type=user\n"
      "[a]\n"
      "type=peer\n"
      "[a](+type=peer)\n"
      "x=1\n"
      "[t](!)\n"
      "[t](+TEMPLATES=include)\n"
      "y=2\n"
      "[a](+type=friend)\n");
  EXPECT_EQ(dump(result.document),
            "[a] sip.conf:1\n"
            "  'type' = 'user' sip.conf:2\n"
            "[a] sip.conf:3\n"
            "  'type' = 'peer' sip.conf:4\n"
            "  'x' = '1' sip.conf:6\n"
            "[t](!) sip.conf:7\n"
            "  'y' = '2' sip.conf:9\n"
            "[a] sip.conf:10\n");
  EXPECT_EQ(result.diagnostics, Strings{"sip.conf:10: error: [a](+) adds to a section that does "
                                        "not exist" +
                                        kRejected + " [config-append-missing]"});
}

TEST(ReaderAppend, FilterRegexThatWouldExplodeIsNotCompiled) {
  // glibc's regcomp() multiplies stacked repetitions: `x` and forty `+` took gigabytes. The
  // pattern is refused, the filter matches nothing, and a sane filter still works.
  const auto result = read(
      "[a]\n"
      "type=peer\n"
      "[a](+type=x" +
      std::string(40, '+') +
      ")\n"
      "x=1\n"
      "[a](+type=pe+r)\n"
      "y=2\n");
  EXPECT_EQ(dump(result.document),
            "[a] sip.conf:1\n"
            "  'type' = 'peer' sip.conf:2\n"
            "  'y' = '2' sip.conf:6\n"
            "[a] sip.conf:3\n"
            "  'x' = '1' sip.conf:4\n");
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:3: error: the filter of [a] is not evaluated: the value pattern "
                     "repeats a repetition, which POSIX leaves undefined and glibc's regcomp() "
                     "multiplies; no section matches it [config-filter-too-costly]",
                     "sip.conf:3: error: [a](+) adds to a section that does not exist" + kRejected +
                         " [config-append-missing]"}));
}

TEST(ReaderAppend, BasesBeforePlusMoveTheirVariablesButAreNotRecorded) {
  // The new category inherits first; `+` then moves its variables to the existing one and
  // destroys it with its template instances.
  const auto result = read(
      "[t](!)\n"
      "k=v\n"
      "[a]\n"
      "x=1\n"
      "[a](t,+)\n"
      "y=2\n");
  EXPECT_EQ(dump(result.document),
            "[t](!) sip.conf:1\n"
            "  'k' = 'v' sip.conf:2\n"
            "[a] sip.conf:3\n"
            "  'x' = '1' sip.conf:4\n"
            "  'k' = 'v' sip.conf:2 inherited\n"
            "  'y' = '2' sip.conf:6\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderAppend, BasesAfterPlusAreRecorded) {
  const auto result = read(
      "[t](!)\n"
      "k=v\n"
      "[a]\n"
      "x=1\n"
      "[a](+,t)\n"
      "y=2\n");
  EXPECT_EQ(dump(result.document),
            "[t](!) sip.conf:1\n"
            "  'k' = 'v' sip.conf:2\n"
            "[a] sip.conf:3 bases=t\n"
            "  'x' = '1' sip.conf:4\n"
            "  'k' = 'v' sip.conf:2 inherited\n"
            "  'y' = '2' sip.conf:6\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(ReaderAppend, TemplateMarkGoesToTheExistingSection) {
  const auto result = read("[a]\nx=1\n[b]\n[a](!,+)\n[b](+,!)\n");
  EXPECT_EQ(dump(result.document),
            "[a](!) sip.conf:1\n"
            "  'x' = '1' sip.conf:2\n"
            "[b](!) sip.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{});
  EXPECT_TRUE(result.document.visible_sections().empty());
}

}  // namespace
}  // namespace sip2pjsip::testing
