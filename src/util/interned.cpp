#include "util/interned.h"

#include <array>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <set>
#include <string>
#include <unordered_map>

namespace sip2pjsip {

namespace {

// The interned copy of `text`. std::set nodes never move, so the strings stay where they are
// as the set grows.
const std::string& interned_string(std::string_view text) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> texts;
  const std::lock_guard lock(mutex);
  auto found = texts.find(text);
  if (found == texts.end()) found = texts.emplace(text).first;
  return *found;
}

// The same, answered from a cache of the calling thread when it asked for the text before.
const std::string& interned_string_cached(std::string_view text) {
  // Most names come from the same string literals again and again: a small table by the
  // address of the text answers them without hashing it (the text is still compared, since an
  // address may be reused for other text).
  struct Recent {
    const char* data = nullptr;
    const std::string* interned = nullptr;
  };
  thread_local std::array<Recent, 512> recent{};
  auto& slot = recent[(reinterpret_cast<std::uintptr_t>(text.data()) >> 2) % recent.size()];
  if (slot.data == text.data() && slot.interned && *slot.interned == text) return *slot.interned;
  // Keyed by views of the interned strings, so the cache holds no copies; a thread asks for a
  // vocabulary, so it stays small.
  thread_local std::unordered_map<std::string_view, const std::string*> cache;
  const std::string* stable = nullptr;
  if (const auto found = cache.find(text); found != cache.end()) {
    stable = found->second;
  } else {
    stable = &interned_string(text);
    cache.emplace(*stable, stable);
  }
  slot = Recent{text.data(), stable};
  return *stable;
}

}  // namespace

std::string_view interned(std::string_view text) {
  if (text.empty()) return {};
  return interned_string(text);
}

std::string_view interned_cached(std::string_view text) {
  if (text.empty()) return {};
  return interned_string_cached(text);
}

InternedName::InternedName() : text_(&interned_string_cached("")) {}

InternedName::InternedName(std::string_view text) : text_(&interned_string_cached(text)) {}

std::ostream& operator<<(std::ostream& out, const InternedName& name) {
  return out << name.view();
}

}  // namespace sip2pjsip
