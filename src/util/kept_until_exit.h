// Memory left to the end of the process instead of freed: a command about to exit would
// otherwise spend a tenth of its run destroying millions of small objects one by one, only for
// the operating system to take the pages back anyway (clang's -disable-free does the same).
// What is kept stays reachable, so leak checkers do not report it, and is never destroyed.
#pragma once

#include <tuple>
#include <type_traits>
#include <utility>

namespace sip2pjsip {

namespace detail {

struct Kept {
  virtual ~Kept() = default;
  Kept* next = nullptr;
};

// Links `kept` into a list reachable from a global for the rest of the run.
void keep(Kept* kept);

}  // namespace detail

// Moves the values into storage that is never destroyed.
template <typename... Values>
void keep_until_exit(Values&&... values) {
  struct Holder : detail::Kept {
    explicit Holder(Values&&... moved) : values(std::forward<Values>(moved)...) {}
    std::tuple<std::decay_t<Values>...> values;
  };
  detail::keep(new Holder(std::forward<Values>(values)...));
}

}  // namespace sip2pjsip
