// The text of a document's settings: one store per document, so a million templated peers do
// not make a heap string for every setting they copy from a template (a copy is two views of
// the template's text), and the text goes away with the document that read it.
#pragma once

#include <array>
#include <deque>
#include <memory_resource>
#include <string>
#include <string_view>

namespace sip2pjsip::config {

class TextStore {
 public:
  TextStore() = default;
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  // A copy of `text` that lives as long as the store. Equal short texts kept close together
  // may share one copy.
  std::string_view keep(std::string_view text);

  // A string the reader may grow in place (a value lengthened by `+=` lines), so a long run of
  // them costs what the lines are long; its views are refreshed after every change.
  std::string& editable(std::string_view initial);

 private:
  // The last short text kept in each slot, by hash: templated peers repeat the same names and
  // values ("secret", "yes", their template's context), which are then copied once per slot
  // rather than once per peer. A few kilobytes, whatever the size of the input.
  static constexpr std::size_t kRecentSlots = 512;
  static constexpr std::size_t kShortText = 32;
  std::array<std::string_view, kRecentSlots> recent_{};

  std::pmr::monotonic_buffer_resource blocks_{std::size_t{64} << 10};
  std::deque<std::string> editable_;  // a deque: growing it leaves the strings in place
};

}  // namespace sip2pjsip::config
