// Splits independent work over the machine's cores: the converter's costly stages (peers,
// validation, rendering) handle a million items whose results do not depend on each other, and
// each caller merges the parts back in order, so the result is the one a single pass gives.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace sip2pjsip {

// How many parts for_each_part() makes of `count` items: one per core, but none smaller than
// `min_part` items (a thread costs more than a few small items).
inline std::size_t part_count(std::size_t count, std::size_t min_part = 1000) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max<std::size_t>(1, std::min(cores, count / std::max<std::size_t>(min_part, 1)));
}

// Calls work(part, begin, end) for `parts` contiguous ranges covering [0, count), each on its
// own thread (part 0 on the calling one), and returns when all are done. An exception thrown by
// any part is rethrown here, after every part has finished.
template <typename Work>
void for_each_part(std::size_t count, std::size_t parts, Work work) {
  parts = std::max<std::size_t>(1, std::min(parts, std::max<std::size_t>(count, 1)));
  auto begin_of = [&](std::size_t part) { return count * part / parts; };
  std::vector<std::exception_ptr> errors(parts);
  auto run = [&](std::size_t part) {
    try {
      work(part, begin_of(part), begin_of(part + 1));
    } catch (...) {
      errors[part] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t part = 1; part < parts; ++part) {
    try {
      threads.emplace_back(run, part);
    } catch (const std::system_error&) {
      run(part);  // no thread to be had: this one does the part
    }
  }
  run(0);
  for (auto& thread : threads) thread.join();
  for (const auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

}  // namespace sip2pjsip
