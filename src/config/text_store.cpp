#include "config/text_store.h"

#include <cstring>
#include <functional>

namespace sip2pjsip::config {

std::string_view TextStore::keep(std::string_view text) {
  if (text.empty()) return {};
  std::string_view* slot = nullptr;
  if (text.size() <= kShortText) {
    slot = &recent_[std::hash<std::string_view>{}(text) % kRecentSlots];
    if (*slot == text) return *slot;
  }
  auto* copy = static_cast<char*>(blocks_.allocate(text.size(), 1));
  std::memcpy(copy, text.data(), text.size());
  const std::string_view kept{copy, text.size()};
  if (slot) *slot = kept;
  return kept;
}

std::string& TextStore::editable(std::string_view initial) {
  return editable_.emplace_back(initial);
}

}  // namespace sip2pjsip::config
