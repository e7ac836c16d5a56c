#include <malloc.h>

#include <iostream>

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
