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

// Equal sources are the same locations in the same order, wherever they are held.
TEST(Sources, EqualWhenTheyHoldTheSameLocations) {
  const std::vector<config::Location> two{{0, 1}, {2, 5}};
  EXPECT_EQ(Sources(two), Sources(two));
  EXPECT_EQ(Sources({{0, 7}}), Sources({{0, 7}}));
  EXPECT_EQ(Sources{}, Sources{});
  EXPECT_FALSE(Sources(two) == Sources({{0, 1}}));
  EXPECT_FALSE(Sources(two) == Sources(std::vector<config::Location>{{2, 5}, {0, 1}}));
  EXPECT_FALSE(Sources({{0, 7}}) == Sources({{1, 7}}));
  EXPECT_FALSE(Sources{} == Sources({{0, 0}}));
}

// The options two objects of one Config have in common are kept once; an option of the same
// name and value from another line is another option.
TEST(OptionPool, ObjectsOfOneConfigShareTheirEqualOptions) {
  Config config;
  auto& first = config.add("6001", "endpoint", 1);
  auto& second = config.add("6002", "endpoint", 2);
  first.set("context", "from-internal", {{0, 4}}).set("aors", "6001", {{1, 2}});
  second.set("context", "from-internal", {{0, 4}}).set("aors", "6002", {{1, 8}});
  second.set("context", "from-internal", {{0, 9}});
  EXPECT_EQ(&first.options()[0], &second.options()[0]);
  EXPECT_NE(&first.options()[0], &second.options()[2]);
  EXPECT_EQ(second.options()[2].sources.front().line, 9);
  EXPECT_EQ(first.options()[1].value, "6001");
  EXPECT_EQ(second.options()[1].value, "6002");
}

// Changing or removing a shared option changes only the object it is done to.
TEST(OptionPool, ReplacingAndRemovingLeaveTheOtherObjectsAlone) {
  Config config;
  auto& first = config.add("a", "transport", std::nullopt);
  auto& second = config.add("b", "transport", std::nullopt);
  for (auto* object : {&first, &second}) {
    object->set("bind", "0.0.0.0:5060").set("external_signaling_port", "5060");
  }
  auto moved = first.options()[0];
  moved.value = first.keep("0.0.0.0:5070");
  first.replace(0, moved);
  EXPECT_EQ(first.remove_options([](std::size_t index, const Option& option) {
    return index == 1 && option.name == "external_signaling_port";
  }),
            1u);
  ASSERT_EQ(first.options().size(), 1u);
  EXPECT_EQ(first.options()[0].value, "0.0.0.0:5070");
  ASSERT_EQ(second.options().size(), 2u);
  EXPECT_EQ(second.options()[0].value, "0.0.0.0:5060");
  EXPECT_EQ(second.find("external_signaling_port")->value, "5060");
}

}  // namespace
}  // namespace sip2pjsip::pjsip
