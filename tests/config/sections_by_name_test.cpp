#include "config/sections_by_name.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sip2pjsip::config {
namespace {

std::vector<std::uint32_t> all_named(const SectionsByName& index, std::string_view name) {
  std::vector<std::uint32_t> found;
  for (auto i = index.first(name); i != SectionsByName::kNone; i = index.next(i)) {
    found.push_back(i);
  }
  return found;
}

TEST(SectionsByName, ListsEverySectionOfANameIgnoringCaseInOrder) {
  std::vector<Section> sections;
  SectionsByName index(sections);
  for (const char* name : {"general", "Phone", "6001", "phone", "6002", "PHONE"}) {
    sections.push_back(Section{name, {}, false, {}, {}});
    index.add(static_cast<std::uint32_t>(sections.size() - 1));
  }
  EXPECT_EQ(all_named(index, "phone"), (std::vector<std::uint32_t>{1, 3, 5}));
  EXPECT_EQ(all_named(index, "PHONE"), (std::vector<std::uint32_t>{1, 3, 5}));
  EXPECT_EQ(all_named(index, "6002"), (std::vector<std::uint32_t>{4}));
  EXPECT_EQ(all_named(index, "phones"), (std::vector<std::uint32_t>{}));
  EXPECT_EQ(all_named(index, ""), (std::vector<std::uint32_t>{}));
}

// Enough names for the table to grow many times, each found again afterwards; and names whose
// hashes are equal ("a@1" and "a`1" differ only in the bit the hash ignores for case) kept
// apart.
TEST(SectionsByName, KeepsEveryNameApartAsTheTableGrows) {
  std::vector<Section> sections;
  sections.reserve(6000);
  SectionsByName index(sections);
  for (int i = 0; i < 3000; ++i) {
    for (const char* prefix : {"a@", "a`"}) {
      sections.push_back(Section{prefix + std::to_string(i), {}, false, {}, {}});
      index.add(static_cast<std::uint32_t>(sections.size() - 1));
    }
  }
  for (int i = 0; i < 3000; ++i) {
    const auto n = static_cast<std::uint32_t>(2 * i);
    EXPECT_EQ(all_named(index, "A@" + std::to_string(i)), (std::vector<std::uint32_t>{n}));
    EXPECT_EQ(all_named(index, "a`" + std::to_string(i)), (std::vector<std::uint32_t>{n + 1}));
  }
  EXPECT_EQ(all_named(index, "a@3000"), (std::vector<std::uint32_t>{}));
}

}  // namespace
}  // namespace sip2pjsip::config
