// libFuzzer target: see fuzz/harness.h for the input format.
#include <cstddef>
#include <cstdint>

#include "fuzz/harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sip2pjsip::fuzz::run_reader(data, size);
  return 0;
}
