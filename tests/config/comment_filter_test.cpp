#include "config/comment_filter.h"

#include <gtest/gtest.h>

namespace sip2pjsip::config {
namespace {

std::optional<std::string> text_of(CommentFilter& filter, const std::string& line, int n = 1) {
  return filter.filter(line, n).text;
}

TEST(CommentFilter, LineCommentEndsTheText) {
  CommentFilter filter;
  EXPECT_EQ(text_of(filter, "secret=abc ; the password"), "secret=abc ");
}

TEST(CommentFilter, EscapedSemicolonIsText) {
  CommentFilter filter;
  EXPECT_EQ(text_of(filter, "secret=ab\\;cd;comment"), "secret=ab;cd");
}

TEST(CommentFilter, OtherBackslashesAreKept) {
  CommentFilter filter;
  EXPECT_EQ(text_of(filter, "secret=ab\\cd"), "secret=ab\\cd");
}

TEST(CommentFilter, BlockCommentOnOneLineIsCutOut) {
  CommentFilter filter;
  EXPECT_EQ(text_of(filter, "a=1;-- hidden --;b"), "a=1b");
  EXPECT_EQ(filter.depth(), 0);
}

TEST(CommentFilter, NestedBlockCommentsOnOneLine) {
  CommentFilter filter;
  EXPECT_EQ(text_of(filter, "x;-- a ;-- b --; c --;y"), "xy");
}

TEST(CommentFilter, BlockCommentSpanningLines) {
  CommentFilter filter;
  EXPECT_EQ(text_of(filter, "a=1 ;-- start", 1), "a=1 ");
  EXPECT_EQ(filter.depth(), 1);
  EXPECT_EQ(text_of(filter, "b=2", 2), std::nullopt);
  EXPECT_EQ(text_of(filter, "end --; c=3", 3), " c=3");
  EXPECT_EQ(filter.depth(), 0);
}

TEST(CommentFilter, TripleDashDoesNotOpenABlock) {
  CommentFilter filter;
  EXPECT_EQ(text_of(filter, "a=1;--- not a block"), "a=1");
  EXPECT_EQ(filter.depth(), 0);
}

TEST(CommentFilter, StrayCloseIsReportedAndSwallowsLaterLines) {
  CommentFilter filter;
  auto result = filter.filter("a=x--;y", 1);
  EXPECT_EQ(result.text, "a=x--;y");  // Asterisk keeps the line as it is
  ASSERT_EQ(result.events.size(), 1u);
  EXPECT_EQ(result.events[0], CommentFilter::Event::stray_close);
  EXPECT_EQ(text_of(filter, "b=2", 2), std::nullopt);
  EXPECT_EQ(text_of(filter, ";-- back to zero", 3), std::nullopt);
  EXPECT_EQ(text_of(filter, "c=3", 4), "c=3");
}

TEST(CommentFilter, OpenSinceNamesTheLine) {
  CommentFilter filter;
  filter.filter(";--", 7);
  EXPECT_EQ(filter.open_since(), 7);
}

}  // namespace
}  // namespace sip2pjsip::config
