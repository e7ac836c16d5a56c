#include "util/edit_distance.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace sip2pjsip {
namespace {

// The textbook full table, the reference the bounded one must agree with.
std::size_t full_distance(const std::string& a, const std::string& b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
  std::vector<std::vector<std::size_t>> table(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) table[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) table[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      table[i][j] = std::min({table[i - 1][j] + 1, table[i][j - 1] + 1,
                              table[i - 1][j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1)});
    }
  }
  return table[a.size()][b.size()];
}

TEST(EditDistance, KnownPairs) {
  EXPECT_EQ(edit_distance_below("rtp_symetric", "rtp_symmetric", 3), 1u);
  EXPECT_EQ(edit_distance_below("RTP_SYMETRIK", "rtp_symmetric", 3), 2u);
  EXPECT_EQ(edit_distance_below("rtp_sym_etrikk", "rtp_symmetric", 3), 3u);  // 3 edits: capped
  EXPECT_EQ(edit_distance_below("kitten", "sitting", 10), 3u);
  EXPECT_EQ(edit_distance_below("", "abc", 10), 3u);
  EXPECT_EQ(edit_distance_below("abc", "", 2), 2u);  // the length alone reaches the limit
  EXPECT_EQ(edit_distance_below("same", "SAME", 1), 0u);
  EXPECT_EQ(edit_distance_below("a", "b", 0), 0u);
}

// Random short names over a small alphabet (so near misses are common), every limit from 1 to
// 5: the bounded distance is the full one, capped.
TEST(EditDistance, AgreesWithTheFullTable) {
  std::mt19937 random(20261126);
  const std::string alphabet = "abcAB_";
  const auto word = [&] {
    std::string w(random() % 12, ' ');
    for (auto& c : w) c = alphabet[random() % alphabet.size()];
    return w;
  };
  for (int round = 0; round < 20000; ++round) {
    const auto a = word();
    const auto b = word();
    const auto full = full_distance(a, b);
    for (std::size_t limit = 1; limit <= 5; ++limit) {
      ASSERT_EQ(edit_distance_below(a, b, limit), std::min(full, limit))
          << "'" << a << "' '" << b << "' limit " << limit;
    }
  }
}

}  // namespace
}  // namespace sip2pjsip
