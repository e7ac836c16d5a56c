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
