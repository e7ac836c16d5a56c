#include "config/text_store.h"

#include <cstring>

namespace sip2pjsip::config {

std::string_view TextStore::keep(std::string_view text) {
  if (text.empty()) return {};
  auto* copy = static_cast<char*>(blocks_.allocate(text.size(), 1));
  std::memcpy(copy, text.data(), text.size());
  return {copy, text.size()};
}

std::string& TextStore::editable(std::string_view initial) {
  return editable_.emplace_back(initial);
}

}  // namespace sip2pjsip::config
