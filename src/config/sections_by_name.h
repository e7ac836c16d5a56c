// The sections of each name, ignoring case as Asterisk's category lookup does, in the order they
// were added: the reader looks bases and `[name](+)` targets up by name. One hash entry per
// distinct name, keyed by the index of its first section and chained through the others: a file
// with a million peers has a million names, and a string and a vector per name would double
// what the reader allocates for them. An Abseil flat table: std::unordered_map's node per name,
// prime-modulo buckets and rehashing through scattered nodes made the reader's time grow faster
// than the file.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "config/document.h"
#include "util/ascii.h"

namespace sip2pjsip::config {

class SectionsByName {
 public:
  // `sections` is the document's list; its names must not change once added.
  explicit SectionsByName(const std::vector<Section>& sections)
      : last_(0, Hash{&sections}, Equal{&sections}) {}

  // Adds sections[index], which must be the section added last.
  void add(std::uint32_t index) {
    next_.resize(index + 1, kNone);
    const auto [found, fresh] = last_.try_emplace(index, index);
    if (!fresh) {
      next_[found->second] = index;
      found->second = index;
    }
  }

  // Room for `count` sections in all, so adding them does not rehash the names.
  void reserve(std::size_t count) {
    last_.reserve(count);  // the table grows by powers of two: asking again is cheap
    if (count > next_.capacity()) next_.reserve(std::max(count, 2 * next_.capacity()));
  }

  // The index of the first section of that name; none: kNone.
  std::uint32_t first(std::string_view name) const {
    const auto found = last_.find(name);
    return found == last_.end() ? kNone : found->first;
  }
  // The index of the next section of the same name; none: kNone.
  std::uint32_t next(std::uint32_t index) const { return next_[index]; }

  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

 private:
  // Keys are section indexes, hashed and compared by their sections' names, so a lookup by a
  // name needs no copy of it.
  struct Hash {
    using is_transparent = void;
    const std::vector<Section>* sections;
    std::size_t operator()(std::uint32_t index) const { return (*this)((*sections)[index].name); }
    std::size_t operator()(std::string_view name) const { return CaseInsensitiveHash{}(name); }
  };
  struct Equal {
    using is_transparent = void;
    const std::vector<Section>* sections;
    std::string_view name(std::uint32_t index) const { return (*sections)[index].name; }
    std::string_view name(std::string_view text) const { return text; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return ascii_iequals(name(a), name(b));
    }
  };

  absl::flat_hash_map<std::uint32_t, std::uint32_t, Hash, Equal> last_;  // first -> last
  std::vector<std::uint32_t> next_;
};

}  // namespace sip2pjsip::config
