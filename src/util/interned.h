// Strings from a small fixed vocabulary (diagnostic codes) kept once for the whole run, so the
// millions of records that carry one hold a view instead of a copy of their own.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace sip2pjsip {

// A view of a copy of `text` that lives until the program ends; equal texts get the same copy.
// Safe to call from several threads. Only for vocabularies the program itself defines: every
// new text stays for good.
std::string_view interned(std::string_view text);

// The same, answered from a cache of the calling thread when it asked for the text before: for
// hot paths, where interned()'s lock would be taken millions of times.
std::string_view interned_cached(std::string_view text);

// An interned text held as one pointer, where a view takes two: option names (a million
// endpoints have forty million, a million templated peers copy twenty million sip.conf lines)
// and pjsip object types. Equal names are the same pointer. Names read from a user's file are
// interned too: a file names few distinct options, however many lines it has.
class InternedName {
 public:
  InternedName();                       // ""
  InternedName(std::string_view text);  // NOLINT: interns (interned_cached())
  InternedName(const char* text) : InternedName(std::string_view(text)) {}         // NOLINT
  InternedName(const std::string& text) : InternedName(std::string_view(text)) {}  // NOLINT

  std::string_view view() const { return *text_; }
  const std::string& str() const { return *text_; }
  std::size_t size() const { return text_->size(); }
  operator std::string_view() const { return *text_; }  // NOLINT: reads as the text
  bool empty() const { return text_->empty(); }
  bool operator==(const InternedName& other) const { return text_ == other.text_; }
  bool operator==(std::string_view other) const { return view() == other; }
  bool operator==(const std::string& other) const { return view() == other; }
  bool operator==(const char* other) const { return view() == other; }

  // Hashed by identity: equal names are the same copy.
  template <typename Hash>
  friend Hash AbslHashValue(Hash hash, const InternedName& name) {
    return Hash::combine(std::move(hash), name.text_);
  }

 private:
  const std::string* text_;
};

// As its text (test failures print names).
std::ostream& operator<<(std::ostream& out, const InternedName& name);

}  // namespace sip2pjsip

template <>
struct fmt::formatter<sip2pjsip::InternedName> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const sip2pjsip::InternedName& name, FormatContext& context) const {
    return fmt::formatter<std::string_view>::format(name.view(), context);
  }
};

namespace sip2pjsip {}  // namespace sip2pjsip
