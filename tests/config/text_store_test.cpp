#include "config/text_store.h"

#include <string>

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

}  // namespace
}  // namespace sip2pjsip::config
