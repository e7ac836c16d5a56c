#include <malloc.h>

#include <cstdlib>
#include <iostream>

#ifdef SIP2PJSIP_WITH_MIMALLOC
#include <mimalloc.h>

namespace {

// mimalloc's heap in 2 MiB pages (transparent huge pages, where the kernel allows them): a
// million peers touch about five gigabytes of fresh memory, and a fault for each 4 KiB page was
// half of the run on a virtual machine, where a page fault costs some 10 us (1.5 million faults;
// 52,000 with huge pages). Set before the static constructors allocate, so that the first
// segments get them too; an administrator's MIMALLOC_LARGE_OS_PAGES still decides.
__attribute__((constructor(101))) void use_large_pages() {
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr) mi_option_enable(mi_option_large_os_pages);
}

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
