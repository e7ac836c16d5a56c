// The unified diff printed by `sip2pjsip dialplan --diff`.
#include <gtest/gtest.h>

#include "dialplan/unified_diff.h"

namespace sip2pjsip::testing {
namespace {

using dialplan::unified_diff;

TEST(DialplanDiff, EqualTextsGiveNothing) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "a", "b"), "");
  EXPECT_EQ(unified_diff("", "", "a", "b"), "");
}

TEST(DialplanDiff, OneChangedLineWithContext) {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  EXPECT_EQ(unified_diff(before, after, "a/x.conf", "b/x.conf"),
            "--- a/x.conf\n"
            "+++ b/x.conf\n"
            "@@ -2,7 +2,7 @@\n"
            " 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(DialplanDiff, NearChangesShareAHunkAndFarOnesDoNot) {
  std::string before;
  for (int i = 1; i <= 20; ++i) before += std::to_string(i) + "\n";
  std::string after = before;
  after.replace(after.find("3\n"), 2, "three\n");
  after.replace(after.find("8\n"), 2, "eight\n");
  after.replace(after.find("19\n"), 3, "nineteen\n");
  EXPECT_EQ(unified_diff(before, after, "a", "b", 2),
            "--- a\n+++ b\n"
            "@@ -1,10 +1,10 @@\n"
            " 1\n 2\n-3\n+three\n 4\n 5\n 6\n 7\n-8\n+eight\n 9\n 10\n"
            "@@ -17,4 +17,4 @@\n"
            " 17\n 18\n-19\n+nineteen\n 20\n");
}

TEST(DialplanDiff, InsertionsDeletionsAndMissingNewline) {
  EXPECT_EQ(unified_diff("a\nb", "a\nb\nc\n", "x", "y"),
            "--- x\n+++ y\n"
            "@@ -1,2 +1,3 @@\n"
            " a\n-b\n\\ No newline at end of file\n+b\n+c\n");
  EXPECT_EQ(unified_diff("", "new\n", "x", "y"), "--- x\n+++ y\n@@ -0,0 +1 @@\n+new\n");
  EXPECT_EQ(unified_diff("a\nb\nc\n", "a\nc\n", "x", "y"),
            "--- x\n+++ y\n@@ -1,3 +1,2 @@\n a\n-b\n c\n");
}

}  // namespace
}  // namespace sip2pjsip::testing
