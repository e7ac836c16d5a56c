#include <malloc.h>

#include <iostream>
#include <string_view>

#ifdef SIP2PJSIP_WITH_MIMALLOC
#include <mimalloc.h>

namespace {

// mimalloc's heap in 2 MiB pages (transparent huge pages, where the kernel allows them): a
// million peers touch about five gigabytes of fresh memory, and a fault for each 4 KiB page was
// half of the run on a virtual machine, where a page fault costs some 10 us (1.5 million faults;
// 52,000 with huge pages). An administrator's MIMALLOC_LARGE_OS_PAGES still decides.
// The environment comes as an argument: this runs before the C library's getenv() can see it.
void use_large_pages(int, char**, char** environment) {
  constexpr std::string_view kSetting = "MIMALLOC_LARGE_OS_PAGES=";
  for (char** entry = environment; entry && *entry; ++entry) {
    if (std::string_view(*entry).starts_with(kSetting)) return;
  }
  mi_option_enable(mi_option_large_os_pages);
}

// Run from the executable's .preinit_array, before any library's constructor: mimalloc reads
// the option when it sets itself up, and reserves its first 32 MiB then (with a static
// constructor, that region kept 4 KiB pages: 8,000 more faults, a quarter of a small run).
// Nothing is allocated here.
[[gnu::section(".preinit_array"),
  gnu::used]] void (*const preinit_large_pages)(int, char**, char**) = use_large_pages;

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
