#include "child_process.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace sip2pjsip::bench {

namespace {

double seconds(const timeval& tv) {
  return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
}

// In the child, between fork() and exec(): only async-signal-safe calls.
[[noreturn]] void exec_child(const std::vector<char*>& argv, const ChildRun& how) {
  auto redirect = [](const std::string& path, int fd) {
    const char* target = path.empty() ? "/dev/null" : path.c_str();
    const int opened = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (opened < 0 || dup2(opened, fd) < 0) _exit(126);
    close(opened);
  };
  if (!how.directory.empty() && chdir(how.directory.c_str()) != 0) _exit(126);
  const int null_in = open("/dev/null", O_RDONLY);
  if (null_in < 0 || dup2(null_in, STDIN_FILENO) < 0) _exit(126);
  redirect(how.stdout_path, STDOUT_FILENO);
  redirect(how.stderr_path, STDERR_FILENO);
  execvp(argv[0], argv.data());
  _exit(127);
}

}  // namespace

ChildResult run_child(const std::vector<std::string>& argv, const ChildRun& how) {
  if (argv.empty()) throw std::runtime_error("nothing to run");
  std::vector<char*> pointers;
  for (const auto& argument : argv) pointers.push_back(const_cast<char*>(argument.c_str()));
  pointers.push_back(nullptr);

  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) exec_child(pointers, how);

  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) throw std::runtime_error(std::string("wait4: ") + std::strerror(errno));
  }
  const auto end = std::chrono::steady_clock::now();

  ChildResult result;
  result.wall_seconds = std::chrono::duration<double>(end - start).count();
  result.user_seconds = seconds(usage.ru_utime);
  result.system_seconds = seconds(usage.ru_stime);
  result.peak_rss_kib = usage.ru_maxrss;
  result.page_faults = usage.ru_minflt;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (result.exit_code == 127) {
    throw std::runtime_error("cannot run " + argv[0]);
  }
  return result;
}

}  // namespace sip2pjsip::bench
