#include "util/kept_until_exit.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sip2pjsip {
namespace {

// Counts the destructions of the objects that own a resource (a moved-from one owns none).
struct Counted {
  explicit Counted(int* destroyed) : destroyed(destroyed) {}
  Counted(Counted&& other) noexcept : destroyed(std::exchange(other.destroyed, nullptr)) {}
  ~Counted() {
    if (destroyed) ++*destroyed;
  }
  int* destroyed;
};

TEST(KeptUntilExit, MovesTheValuesAwayAndNeverDestroysThem) {
  int destroyed = 0;
  std::vector<std::string> lines(1000, std::string(100, 'x'));
  {
    Counted counted(&destroyed);
    keep_until_exit(std::move(counted), std::move(lines));
  }
  EXPECT_EQ(destroyed, 0);  // the kept one lives on; the moved-from shell owned nothing
  EXPECT_TRUE(lines.empty());
}

}  // namespace
}  // namespace sip2pjsip
