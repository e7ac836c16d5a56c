// The text of a document's settings: one store per document, so a million templated peers do
// not make a heap string for every setting they copy from a template (a copy is two views of
// the template's text), and the text goes away with the document that read it.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iosfwd>
#include <memory_resource>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace sip2pjsip::config {

// A text kept by a TextStore, held as one pointer where a view takes two: the store writes
// the text's length just before its characters. Every sip.conf line and every pjsip option
// holds one (a million peers make some fifty million).
class StoredText {
 public:
  StoredText() = default;  // ""

  std::string_view view() const {
    if (!chars_) return {};
    std::uint32_t length = 0;
    std::memcpy(&length, chars_ - sizeof length, sizeof length);  // unaligned: texts are packed
    return {chars_, length};
  }
  operator std::string_view() const { return view(); }  // NOLINT: reads as the text
  const char* data() const { return chars_ ? chars_ : ""; }
  std::size_t size() const { return view().size(); }
  bool empty() const { return size() == 0; }
  bool operator==(std::string_view other) const { return view() == other; }

 private:
  friend class TextStore;
  friend class EditableText;
  explicit StoredText(const char* chars) : chars_(chars) {}
  const char* chars_ = nullptr;  // just after the 4-byte length; null: ""
};

// As its text (test failures print values).
std::ostream& operator<<(std::ostream& out, const StoredText& text);

// A kept text the reader may change in place (a value lengthened by `+=` lines), so a long run
// of them costs what the lines are long. Its StoredText changes with every edit.
class EditableText {
 public:
  explicit EditableText(std::string_view initial);
  void assign(std::string_view text);
  void append(std::string_view more);
  // Removes the blanks (bytes below 33) at both ends, as a joined value is trimmed.
  void trim_blanks();
  StoredText stored() const;

 private:
  void write_length();
  std::string buffer_;  // the length, then the text
};

class TextStore {
 public:
  TextStore() = default;
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  // A copy of `text` that lives as long as the store. Equal short texts kept close together
  // may share one copy.
  StoredText keep(std::string_view text);

  // A text the reader may change in place; it lives as long as the store.
  EditableText& editable(std::string_view initial);

 private:
  // The last short text kept in each slot, by hash: templated peers repeat the same names and
  // values ("secret", "yes", their template's context), which are then copied once per slot
  // rather than once per peer. A few kilobytes, whatever the size of the input.
  static constexpr std::size_t kRecentSlots = 512;
  static constexpr std::size_t kShortText = 32;
  std::array<StoredText, kRecentSlots> recent_{};

  std::pmr::monotonic_buffer_resource blocks_{std::size_t{64} << 10};
  std::deque<EditableText> editable_;  // a deque: growing it leaves the texts in place
};

}  // namespace sip2pjsip::config

template <>
struct fmt::formatter<sip2pjsip::config::StoredText> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const sip2pjsip::config::StoredText& text, FormatContext& context) const {
    return fmt::formatter<std::string_view>::format(text.view(), context);
  }
};
