#include "util/interned.h"

#include <string>
#include <thread>

#include <gtest/gtest.h>

namespace sip2pjsip {
namespace {

TEST(Interned, EqualTextsShareOneCopyThatOutlivesTheArgument) {
  std::string first = "rtp_symmetric_and_more";
  const auto a = interned(first);
  first.assign(first.size(), 'x');  // the argument changes; the interned copy does not
  const auto b = interned(std::string("rtp_symmetric_and_more"));
  EXPECT_EQ(a, "rtp_symmetric_and_more");
  EXPECT_EQ(a.data(), b.data());
  EXPECT_TRUE(interned("").empty());
}

TEST(Interned, CachedAnswersAreTheSharedCopyInEveryThread) {
  const auto here = interned_cached(std::string("allow_unauthenticated_options"));
  EXPECT_EQ(here.data(), interned_cached("allow_unauthenticated_options").data());
  const char* there = nullptr;
  std::thread([&] { there = interned_cached("allow_unauthenticated_options").data(); }).join();
  EXPECT_EQ(here.data(), there);
  EXPECT_EQ(here.data(), interned("allow_unauthenticated_options").data());
}

// The cache answers by the address of the text first: text changed at the same address must
// not get the answer of the old text.
TEST(Interned, CachedAnswersFollowTheTextNotItsAddress) {
  std::string text = "identify_by";
  const auto first = interned_cached(text);
  text.replace(0, text.size(), "identify_xy");  // same buffer, same size, other text
  const auto second = interned_cached(text);
  EXPECT_EQ(first, "identify_by");
  EXPECT_EQ(second, "identify_xy");
  EXPECT_EQ(second.data(), interned("identify_xy").data());
  text = "identify";  // same buffer, shorter
  EXPECT_EQ(interned_cached(text), "identify");
}

TEST(Interned, NamesAreOnePointerAndReadAsTheirText) {
  std::string text = "media_encryption";
  const InternedName name(text);
  text = "changed";
  EXPECT_EQ(name.view(), "media_encryption");
  EXPECT_TRUE(name == "media_encryption");
  EXPECT_FALSE(name == "media_encryption_optimistic");
  EXPECT_TRUE(name == InternedName(std::string("media_encryption")));
  EXPECT_EQ(name.view().data(), interned("media_encryption").data());
  EXPECT_EQ(fmt::format("[{}]", name), "[media_encryption]");
  EXPECT_TRUE(InternedName().empty());
  EXPECT_TRUE(InternedName("") == InternedName());
  EXPECT_EQ(sizeof(InternedName), sizeof(void*));
}

}  // namespace
}  // namespace sip2pjsip
