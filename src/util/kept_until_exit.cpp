#include "util/kept_until_exit.h"

#include <mutex>

namespace sip2pjsip::detail {

namespace {

// Plain pointers: nothing destroys them at exit, and they keep the list reachable.
std::mutex* list_mutex = new std::mutex;
Kept* list_head = nullptr;

}  // namespace

void keep(Kept* kept) {
  const std::lock_guard lock(*list_mutex);
  kept->next = list_head;
  list_head = kept;
}

}  // namespace sip2pjsip::detail
