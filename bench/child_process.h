// Runs a program as a child process and measures it the way the benchmark reports it: wall
// time around fork() and wait4(), and the child's CPU times and peak resident set size from the
// rusage wait4() returns (so the runner's own memory never counts).
#pragma once

#include <string>
#include <vector>

namespace sip2pjsip::bench {

struct ChildRun {
  std::string directory;    // working directory of the child; empty: the runner's
  std::string stdout_path;  // where its output goes; empty: /dev/null
  std::string stderr_path;
};

struct ChildResult {
  int exit_code = -1;  // -1 when it did not exit normally (killed by a signal, not started)
  double wall_seconds = 0;
  double user_seconds = 0;
  double system_seconds = 0;
  long peak_rss_kib = 0;  // ru_maxrss
  // ru_minflt: on a virtual machine each fault can cost microseconds, so this tells a slow run
  // of fresh memory from a slow run of code.
  long page_faults = 0;
};

// Throws std::runtime_error when the child cannot be started at all.
ChildResult run_child(const std::vector<std::string>& argv, const ChildRun& how);

}  // namespace sip2pjsip::bench
