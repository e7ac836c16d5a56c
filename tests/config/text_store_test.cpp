#include "config/text_store.h"

#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace sip2pjsip::config {
namespace {

// A kept text is a copy: the caller's buffer may change or go away.
TEST(TextStore, KeepsACopyThatOutlivesTheCallersText) {
  TextStore store;
  std::string value = "from-internal";
  const auto kept = store.keep(value);
  value.assign("overwritten!!");
  EXPECT_EQ(kept, "from-internal");
  EXPECT_NE(kept.data(), value.data());
  EXPECT_TRUE(store.keep("").empty());
}

// Templated peers keep the same short names and values again and again: kept in turn, they
// share one copy; a long text is copied each time (it is rarely repeated, and comparing it
// would cost more than the copy).
TEST(TextStore, ShortTextsKeptInTurnShareACopyLongOnesDoNot) {
  TextStore store;
  const auto first = store.keep(std::string("yes"));
  const auto other = store.keep(std::string("no"));
  const auto again = store.keep(std::string("yes"));
  EXPECT_EQ(again, "yes");
  EXPECT_EQ(again.data(), first.data());
  EXPECT_EQ(other, "no");
  EXPECT_NE(other.data(), first.data());

  const std::string long_text(33, 'x');
  const auto long_first = store.keep(long_text);
  const auto long_again = store.keep(long_text);
  EXPECT_EQ(long_again, long_text);
  EXPECT_NE(long_again.data(), long_first.data());

  // A prefix is a text of its own, not a view of the longer one.
  const auto prefix = store.keep(std::string("ye"));
  EXPECT_EQ(prefix, "ye");
  EXPECT_EQ(first, "yes");
}

// A kept text is one pointer; its length (not a terminator) ends it, so any byte may be in it.
TEST(TextStore, AKeptTextIsOnePointerAndKnowsItsLength) {
  EXPECT_EQ(sizeof(StoredText), sizeof(void*));
  TextStore store;
  const std::string with_nul("a\0b", 3);
  const auto kept = store.keep(with_nul);
  EXPECT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept.view(), with_nul);
  const std::string long_text(100000, 'y');
  EXPECT_EQ(store.keep(long_text).view(), long_text);
  const StoredText empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_STREQ(empty.data(), "");
  EXPECT_EQ(fmt::format("[{}]", kept.view().substr(0, 1)), "[a]");
  EXPECT_EQ(fmt::format("[{}|{}]", store.keep("yes"), empty), "[yes|]");
}

// A value lengthened by `+=` lines: appended in place and trimmed at both ends, as Asterisk
// trims a joined value.
TEST(TextStore, AnEditableTextGrowsAndIsTrimmedInPlace) {
  TextStore store;
  auto& value = store.editable("allow");
  EXPECT_EQ(value.stored(), "allow");
  value.append(",ulaw  \t");
  value.trim_blanks();
  EXPECT_EQ(value.stored(), "allow,ulaw");
  value.assign("  g722 ");
  value.trim_blanks();
  EXPECT_EQ(value.stored(), "g722");
  value.assign(" \t ");
  value.trim_blanks();
  EXPECT_TRUE(value.stored().empty());
  EXPECT_EQ(store.editable("").stored(), "");
}

}  // namespace
}  // namespace sip2pjsip::config
