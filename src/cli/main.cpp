#include <malloc.h>

#include <iostream>
#include <string_view>

#ifdef SIP2PJSIP_WITH_MIMALLOC
#include <mimalloc.h>

namespace {

// How mimalloc should use memory here, unless the administrator's environment says otherwise
// (MIMALLOC_<NAME> wins). On a virtual machine a page fault costs some 10 us, and a conversion
// touches a lot of fresh memory (a million peers about five gigabytes), so both settings are
// about faults:
// - large_os_pages: the heap in 2 MiB pages (transparent huge pages, where the kernel allows
//   them): 1.5 million faults at a million peers became 52,000.
// - eager_commit_delay 0: every thread's first segment committed at once, in those large pages,
//   instead of 4 KiB at a time as it is used (mimalloc's default delays one segment per thread
//   so that many short threads stay small; ours are a few long ones): 7,000 faults at 16,000
//   peers became 370, 0.23 s became 0.15 s.
struct AllocatorSetting {
  std::string_view variable;  // "MIMALLOC_" + the option's name, upper case, then '='
  mi_option_t option;
  long value;
};
constexpr AllocatorSetting kAllocatorSettings[] = {
    {"MIMALLOC_LARGE_OS_PAGES=", mi_option_large_os_pages, 1},
    {"MIMALLOC_EAGER_COMMIT_DELAY=", mi_option_eager_commit_delay, 0},
};

bool environment_sets(char** environment, std::string_view variable) {
  for (char** entry = environment; entry && *entry; ++entry) {
    if (std::string_view(*entry).starts_with(variable)) return true;
  }
  return false;
}

// The environment comes as an argument: this runs before the C library's getenv() can see it.
void configure_allocator(int, char**, char** environment) {
  for (const auto& setting : kAllocatorSettings) {
    if (!environment_sets(environment, setting.variable))
      mi_option_set(setting.option, setting.value);
  }
}

// Run from the executable's .preinit_array, before any library's constructor: mimalloc reads
// its options when it sets itself up, and reserves its first 32 MiB then (with a static
// constructor, that region kept 4 KiB pages: 8,000 more faults, a quarter of a small run).
// Nothing is allocated here.
[[gnu::section(".preinit_array"),
  gnu::used]] void (*const preinit_allocator)(int, char**, char**) = configure_allocator;

}  // namespace
#endif

#include "cli/run.h"

int main(int argc, char** argv) {
#ifdef M_MXFAST
  // glibc consolidates its "fast bins" of freed small chunks before every allocation of a
  // kilobyte or more; a conversion keeps millions of small strings alive and allocates an
  // option list per endpoint, so that walk took a tenth of the run. Without fast bins, small
  // chunks are still reused through the per-thread cache.
  mallopt(M_MXFAST, 0);
#endif
  return sip2pjsip::cli::run(argc, argv, std::cout, std::cerr, /*exits_after=*/true);
}
