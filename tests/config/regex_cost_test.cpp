#include "config/regex_cost.h"

#include <gtest/gtest.h>

#include <string>

namespace sip2pjsip::config {
namespace {

// What real category filters look like passes.
TEST(RegexCost, OrdinaryPatternsPass) {
  for (const char* pattern :
       {"peer", "^(peer|friend)$", "^10\\.0\\.[0-9]+\\.[0-9]+$", "[[:alpha:]]*", "[]x]+",
        "a{2,5}b?", "(ab|cd){3}", "x{", "(", ")", "[unclosed", "a|*"}) {
    EXPECT_EQ(regex_cost_problem(pattern), std::nullopt) << pattern;
  }
}

TEST(RegexCost, StackedRepetitionsAreRefused) {
  const std::string why =
      "repeats a repetition, which POSIX leaves undefined and glibc's regcomp() multiplies";
  for (const char* pattern : {"x++", "a*?", "(ab)+*", "a{2}{3}", "a+{2}"}) {
    EXPECT_EQ(regex_cost_problem(pattern), why) << pattern;
  }
  // A repetition inside a group, the group repeated once: allowed.
  EXPECT_EQ(regex_cost_problem("(a+)*"), std::nullopt);
}

TEST(RegexCost, BackReferencesAreRefused) {
  EXPECT_EQ(regex_cost_problem("(a)\\1"),
            "has a back-reference, which extended regular expressions do not have and glibc "
            "matches by trying every way");
  EXPECT_EQ(regex_cost_problem("a\\.b"), std::nullopt);  // an escaped character is not one
}

// Nested bounds multiply: 16 x 16 x 16 = 4096 copies, past the bound with the group's own
// positions; 15 x 15 x 15 stays within it.
TEST(RegexCost, NestedBoundsMultiply) {
  EXPECT_EQ(regex_cost_problem("((a{16}){16}){16}"), "expands to more than 4096 positions");
  EXPECT_EQ(regex_cost_problem("((a{14}){14}){14}"), std::nullopt);
  EXPECT_EQ(regex_cost_problem("a{99999}"), "expands to more than 4096 positions");
  EXPECT_EQ(regex_cost_problem(std::string(5000, 'a')), "expands to more than 4096 positions");
}

// Each character is a position; a group adds one; `+` doubles its operand and `{m,n}` makes
// n + 1 copies of it.
TEST(RegexCost, Positions) {
  EXPECT_EQ(regex_positions("peer"), 4u);
  EXPECT_EQ(regex_positions("x+"), 2u);
  EXPECT_EQ(regex_positions("(ab|cd){3}"), 20u);
  EXPECT_EQ(regex_positions("[[:digit:]]*"), 1u);
  EXPECT_EQ(regex_positions(""), 1u);
}

}  // namespace
}  // namespace sip2pjsip::config
