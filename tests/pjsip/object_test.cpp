#include "pjsip/object.h"

#include <limits>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace sip2pjsip::pjsip {
namespace {

std::vector<std::pair<std::uint32_t, int>> listed(const Sources& sources) {
  std::vector<std::pair<std::uint32_t, int>> out;
  for (const auto& where : sources) out.emplace_back(where.file, where.line);
  return out;
}

using Lines = std::vector<std::pair<std::uint32_t, int>>;

// One location is held in place, more on the heap: copies, moves and growth keep them all.
TEST(Sources, KeepsEveryLocationThroughCopiesMovesAndGrowth) {
  const Sources none{};
  const Sources one{{0, 7}};
  const Sources three(std::vector<config::Location>{{0, 1}, {2, 5}, {1, 9}});
  EXPECT_EQ(listed(Sources(none)), Lines{});
  EXPECT_EQ(listed(Sources(one)), (Lines{{0, 7}}));
  EXPECT_EQ(listed(Sources(three)), (Lines{{0, 1}, {2, 5}, {1, 9}}));

  Sources grown = one;
  for (int line = 10; line < 15; ++line) grown.push_back({3, line});
  EXPECT_EQ(listed(grown), (Lines{{0, 7}, {3, 10}, {3, 11}, {3, 12}, {3, 13}, {3, 14}}));
  Sources copy = grown;
  grown.push_back({4, 1});
  EXPECT_EQ(copy.size(), 6u);
  Sources moved = std::move(grown);
  EXPECT_EQ(moved.size(), 7u);
  EXPECT_EQ(listed(moved).back(), (std::pair<std::uint32_t, int>{4, 1}));
  copy = three;
  EXPECT_EQ(listed(copy), listed(three));
}

// The location held in place is encoded in one word with its tag: the largest file number and
// line survive it, and a file number that would not fit is refused rather than cut.
TEST(Sources, HoldsTheLargestLocationInPlaceAndRefusesAFileNumberThatDoesNotFit) {
  const std::uint32_t last_file = (1u << 31) - 1;
  const int last_line = std::numeric_limits<int>::max();
  Sources far{{last_file, last_line}};
  EXPECT_EQ(listed(far), (Lines{{last_file, last_line}}));
  far.push_back({0, 0});
  EXPECT_EQ(listed(far), (Lines{{last_file, last_line}, {0, 0}}));
  EXPECT_EQ(far.front().file, last_file);
  EXPECT_EQ(far[1].line, 0);
  EXPECT_THROW(Sources({{1u << 31, 1}}), std::length_error);
}

}  // namespace
}  // namespace sip2pjsip::pjsip
