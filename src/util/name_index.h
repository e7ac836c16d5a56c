// A fixed set of names, compared ignoring ASCII case (as strcasecmp in the C locale), each with
// a number: the table of chan_sip options and the pjsip schema look names up this way for every
// line read and every option written. An open-addressing table of hashes with the names kept
// back to back: a lookup is a hash, one probe or two, and a comparison, where a
// std::unordered_map divides by a prime and follows two pointers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/ascii.h"

namespace sip2pjsip {

class NameIndex {
 public:
  // Adds a name; a name already there (ignoring case) keeps its first number.
  void add(std::string_view name, std::uint32_t number) {
    if (find(name)) return;
    if ((count_ + 1) * 2 > slots_.size()) grow();
    insert(Slot{hash(name), number, static_cast<std::uint32_t>(names_.size()),
                static_cast<std::uint32_t>(name.size())});
    names_.append(name);
    ++count_;
  }

  std::optional<std::uint32_t> find(std::string_view name) const {
    if (slots_.empty()) return std::nullopt;
    const auto wanted = hash(name);
    for (auto i = wanted & mask(); slots_[i].length != kEmpty; i = (i + 1) & mask()) {
      const auto& slot = slots_[i];
      if (slot.hash == wanted && slot.length == name.size() &&
          ascii_iequals(std::string_view(names_).substr(slot.offset, slot.length), name)) {
        return slot.number;
      }
    }
    return std::nullopt;
  }

  std::size_t size() const { return count_; }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t number = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = kEmpty;  // kEmpty: a free slot
  };

  static std::uint64_t hash(std::string_view name) { return CaseInsensitiveHash{}(name); }
  std::size_t mask() const { return slots_.size() - 1; }

  void insert(const Slot& slot) {
    auto i = slot.hash & mask();
    while (slots_[i].length != kEmpty) i = (i + 1) & mask();
    slots_[i] = slot;
  }

  // Keeps the table at most half full, so probes stay short.
  void grow() {
    std::vector<Slot> old(slots_.empty() ? 64 : slots_.size() * 2);
    old.swap(slots_);
    for (const auto& slot : old) {
      if (slot.length != kEmpty) insert(slot);
    }
  }

  std::vector<Slot> slots_;  // the size is a power of two
  std::string names_;        // the names as added, back to back
  std::size_t count_ = 0;
};

}  // namespace sip2pjsip
