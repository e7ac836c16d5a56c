#include "util/interned.h"

#include <mutex>
#include <set>
#include <string>
#include <unordered_set>

namespace sip2pjsip {

std::string_view interned(std::string_view text) {
  if (text.empty()) return {};
  static std::mutex mutex;
  // std::set nodes never move, so the views stay valid as the set grows.
  static std::set<std::string, std::less<>> texts;
  const std::lock_guard lock(mutex);
  auto found = texts.find(text);
  if (found == texts.end()) found = texts.emplace(text).first;
  return *found;
}

std::string_view interned_cached(std::string_view text) {
  // Views of interned texts, so the cache holds no copies; a thread asks for a vocabulary, so
  // it stays small.
  thread_local std::unordered_set<std::string_view> cache;
  if (const auto found = cache.find(text); found != cache.end()) return *found;
  const auto stable = interned(text);
  cache.insert(stable);
  return stable;
}

}  // namespace sip2pjsip
