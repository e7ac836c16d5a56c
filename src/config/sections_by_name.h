// The sections of each name, ignoring case as Asterisk's category lookup does, in the order they
// were added: the reader looks bases and `[name](+)` targets up by name. One slot per distinct
// name in an open-addressed table (the name's hash, its first and last section), chained
// through the sections of the same name: a file with a million peers has a million names, and
// std::unordered_map's node per name, prime-modulo buckets and rehashing through scattered
// nodes made the reader's time grow faster than the file.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "config/document.h"
#include "util/ascii.h"

namespace sip2pjsip::config {

class SectionsByName {
 public:
  // `sections` is the document's list; its names must not change once added.
  explicit SectionsByName(const std::vector<Section>& sections) : sections_(sections) {}

  // Adds sections[index], which must be the section added last.
  void add(std::uint32_t index) {
    next_.resize(index + 1, kNone);
    if ((names_ + 1) * 2 > slots_.size()) grow();
    const std::string_view name = sections_[index].name;
    const auto hash = CaseInsensitiveHash{}(name);
    auto& slot = slots_[position(name, hash)];
    if (slot.first != kNone) {
      next_[slot.last] = index;
      slot.last = index;
      return;
    }
    slot = Slot{hash, index, index};
    ++names_;
  }

  // The index of the first section of that name; none: kNone.
  std::uint32_t first(std::string_view name) const {
    if (slots_.empty()) return kNone;
    return slots_[position(name, CaseInsensitiveHash{}(name))].first;
  }
  // The index of the next section of the same name; none: kNone.
  std::uint32_t next(std::uint32_t index) const { return next_[index]; }

  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

 private:
  struct Slot {
    std::size_t hash = 0;
    std::uint32_t first = kNone;  // kNone: a free slot
    std::uint32_t last = kNone;
  };

  // Where that name's slot is, or the free slot where it goes. The table is never more than
  // half full, so a free slot is always found.
  std::size_t position(std::string_view name, std::size_t hash) const {
    const auto mask = slots_.size() - 1;
    for (auto i = hash & mask;; i = (i + 1) & mask) {
      const auto& slot = slots_[i];
      if (slot.first == kNone) return i;
      if (slot.hash == hash && ascii_iequals(sections_[slot.first].name, name)) return i;
    }
  }

  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(16, slots_.size() * 2));
    old.swap(slots_);
    const auto mask = slots_.size() - 1;
    for (const auto& slot : old) {
      if (slot.first == kNone) continue;
      auto i = slot.hash & mask;
      while (slots_[i].first != kNone) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  const std::vector<Section>& sections_;
  std::vector<Slot> slots_;  // a power of two of them
  std::size_t names_ = 0;
  std::vector<std::uint32_t> next_;
};

}  // namespace sip2pjsip::config
