#include "util/interned.h"

#include <mutex>
#include <set>
#include <string>

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

}  // namespace sip2pjsip
