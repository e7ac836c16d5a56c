#include "config/text_store.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <ostream>
#include <stdexcept>

namespace sip2pjsip::config {

namespace {

using Length = std::uint32_t;  // as StoredText::view() reads it
constexpr std::size_t kLengthBytes = sizeof(Length);

// Texts are at most the reader's value limit, far below 4 GiB; a longer one is refused rather
// than cut.
Length length_of(std::string_view text) {
  if (text.size() > std::numeric_limits<Length>::max()) {
    throw std::length_error("a kept text is longer than 4 GiB");
  }
  return static_cast<Length>(text.size());
}

bool blank(char c) {
  return static_cast<unsigned char>(c) < 33;
}

}  // namespace

std::ostream& operator<<(std::ostream& out, const StoredText& text) {
  return out << text.view();
}

EditableText::EditableText(std::string_view initial) {
  assign(initial);
}

void EditableText::assign(std::string_view text) {
  buffer_.assign(kLengthBytes, '\0');
  buffer_.append(text);
  write_length();
}

void EditableText::append(std::string_view more) {
  buffer_.append(more);
  write_length();
}

void EditableText::trim_blanks() {
  while (buffer_.size() > kLengthBytes && blank(buffer_.back())) buffer_.pop_back();
  const auto text = buffer_.begin() + kLengthBytes;
  buffer_.erase(text, std::find_if_not(text, buffer_.end(), blank));
  write_length();
}

StoredText EditableText::stored() const {
  return StoredText(buffer_.data() + kLengthBytes);
}

void EditableText::write_length() {
  const auto length = length_of(std::string_view(buffer_).substr(kLengthBytes));
  std::memcpy(buffer_.data(), &length, kLengthBytes);
}

StoredText TextStore::keep(std::string_view text) {
  if (text.empty()) return {};
  StoredText* slot = nullptr;
  if (text.size() <= kShortText) {
    slot = &recent_[std::hash<std::string_view>{}(text) % kRecentSlots];
    if (*slot == text) return *slot;
  }
  const auto length = length_of(text);
  auto* copy = static_cast<char*>(blocks_.allocate(kLengthBytes + text.size(), 1));
  std::memcpy(copy, &length, kLengthBytes);
  std::memcpy(copy + kLengthBytes, text.data(), text.size());
  const StoredText kept(copy + kLengthBytes);
  if (slot) *slot = kept;
  return kept;
}

EditableText& TextStore::editable(std::string_view initial) {
  return editable_.emplace_back(initial);
}

}  // namespace sip2pjsip::config
