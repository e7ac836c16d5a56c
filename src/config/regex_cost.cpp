#include "config/regex_cost.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace sip2pjsip::config {

namespace {

// Positions are counted in this type and capped, so no count overflows.
using Cost = std::size_t;
constexpr Cost kOver = kMaxRegexPositions + 1;

Cost capped_product(Cost a, Cost b) {
  return b != 0 && a > kOver / b ? kOver : std::min(a * b, kOver);
}
Cost capped_sum(Cost a, Cost b) {
  return std::min(a + b, kOver);
}

// The end of a bracket expression starting at `open` ('['), or npos when it has none (regcomp
// then fails on it by itself).
std::size_t bracket_end(std::string_view pattern, std::size_t open) {
  std::size_t i = open + 1;
  if (i < pattern.size() && pattern[i] == '^') ++i;
  if (i < pattern.size() && pattern[i] == ']') ++i;  // a leading ']' is a member
  while (i < pattern.size()) {
    if (pattern[i] == '[' && i + 1 < pattern.size() &&
        (pattern[i + 1] == ':' || pattern[i + 1] == '=' || pattern[i + 1] == '.')) {
      const char kind = pattern[i + 1];
      const char closing[] = {kind, ']', '\0'};
      const auto close = pattern.find(closing, i + 2);
      if (close == std::string_view::npos) return std::string_view::npos;
      i = close + 2;
      continue;
    }
    if (pattern[i] == ']') return i;
    ++i;
  }
  return std::string_view::npos;
}

// `{m}`, `{m,}` or `{m,n}` at `open`: the largest count it allows (m when it has no upper bound,
// which glibc builds as m copies and a star) and its end, or nullopt when it is no bound (glibc
// then reads the brace as an ordinary character or fails).
struct Bound {
  Cost copies;
  std::size_t end;  // the position of '}'
};
std::optional<Bound> interval_at(std::string_view pattern, std::size_t open) {
  std::size_t i = open + 1;
  auto number = [&]() -> std::optional<Cost> {
    const auto start = i;
    Cost value = 0;
    while (i < pattern.size() && pattern[i] >= '0' && pattern[i] <= '9') {
      value = std::min<Cost>(value * 10 + static_cast<Cost>(pattern[i] - '0'), kOver);
      ++i;
    }
    if (i == start) return std::nullopt;
    return value;
  };
  const auto low = number();
  if (!low) return std::nullopt;
  Cost high = *low;
  if (i < pattern.size() && pattern[i] == ',') {
    ++i;
    if (const auto upper = number()) high = *upper;
  }
  if (i >= pattern.size() || pattern[i] != '}') return std::nullopt;
  return Bound{std::max<Cost>({*low, high, 1}) + 1, i};
}

// The cost of a pattern: its positions (capped just past the bound), or why it is refused.
struct Estimate {
  Cost positions = 0;
  std::optional<std::string> problem;
};

Estimate estimate(std::string_view pattern) {
  // One frame per open group: the positions of what it holds so far, and of its last item (the
  // operand of a repetition that follows).
  struct Frame {
    Cost total = 0;
    Cost last = 0;
  };
  std::vector<Frame> frames(1);
  bool after_repetition = false;
  auto add_item = [&](Cost cost) {
    frames.back().total = capped_sum(frames.back().total, cost);
    frames.back().last = cost;
    after_repetition = false;
  };
  // The last item, `copies` times over.
  auto repeat = [&](Cost copies) -> std::optional<std::string> {
    if (after_repetition) {
      return std::string(
          "repeats a repetition, which POSIX leaves undefined and glibc's "
          "regcomp() multiplies");
    }
    auto& frame = frames.back();
    const auto grown = capped_product(frame.last, copies);
    frame.total = capped_sum(frame.total - frame.last, grown);
    frame.last = grown;
    after_repetition = true;
    return std::nullopt;
  };

  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    std::optional<std::string> problem;
    switch (c) {
      case '\\':
        if (i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
          return Estimate{
              kOver, std::string("has a back-reference, which extended regular expressions do not "
                                 "have and glibc matches by trying every way")};
        }
        ++i;
        add_item(1);
        break;
      case '[': {
        const auto end = bracket_end(pattern, i);
        // regcomp() refuses an unclosed bracket by itself.
        if (end == std::string_view::npos) return Estimate{1, std::nullopt};
        i = end;
        add_item(1);
        break;
      }
      case '(':
        frames.emplace_back();
        after_repetition = false;
        break;
      case ')':
        if (frames.size() > 1) {
          const auto group = frames.back().total;
          frames.pop_back();
          add_item(capped_sum(group, 1));
        } else {
          add_item(1);  // an unmatched ')' is an ordinary character
        }
        break;
      case '|':
        frames.back().last = 0;
        after_repetition = false;
        break;
      case '*':
      case '?':
        problem = repeat(1);
        break;
      case '+':
        problem = repeat(2);  // glibc builds x+ as x x*
        break;
      case '{':
        if (const auto bound = interval_at(pattern, i)) {
          problem = repeat(bound->copies);
          i = bound->end;
        } else {
          add_item(1);
        }
        break;
      default:
        add_item(1);
    }
    if (problem) return Estimate{kOver, problem};
    if (frames.back().total >= kOver) {
      return Estimate{kOver, fmt::format("expands to more than {} positions", kMaxRegexPositions)};
    }
  }
  Cost whole = 0;
  for (const auto& frame : frames) whole = capped_sum(whole, frame.total);
  if (whole >= kOver) {
    return Estimate{kOver, fmt::format("expands to more than {} positions", kMaxRegexPositions)};
  }
  return Estimate{std::max<Cost>(whole, 1), std::nullopt};
}

}  // namespace

std::optional<std::string> regex_cost_problem(std::string_view pattern) {
  return estimate(pattern).problem;
}

std::size_t regex_positions(std::string_view pattern) {
  return estimate(pattern).positions;
}

}  // namespace sip2pjsip::config
