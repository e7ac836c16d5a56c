#include "support.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sip2pjsip::testing {

std::vector<std::string> formatted(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.all()) out.push_back(format(d));
  return out;
}

config::Document read_memory(const config::MemoryFileSystem& files, Diagnostics& diagnostics,
                             const std::string& main) {
  config::ReaderOptions options;
  auto document = config::read_config(main, files, options, diagnostics);
  if (!document) throw std::runtime_error("main file not readable: " + main);
  return std::move(*document);
}

config::Document read_text(const std::string& text, Diagnostics& diagnostics) {
  config::MemoryFileSystem files;
  files.add_file("sip.conf", text);
  return read_memory(files, diagnostics);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "sip2pjsip-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

CommandResult run_binary(const std::vector<std::string>& arguments, const std::string& directory) {
  const auto scratch = make_temp_dir();
  const auto out_path = scratch + "/stdout";
  const auto err_path = scratch + "/stderr";
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(directory.c_str()) != 0) _exit(127);
    if (!freopen("/dev/null", "r", stdin) || !freopen(out_path.c_str(), "w", stdout) ||
        !freopen(err_path.c_str(), "w", stderr)) {
      _exit(127);
    }
    std::vector<char*> argv;
    std::string binary = SIP2PJSIP_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = arguments;
    for (auto& argument : copies) argv.push_back(argument.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  CommandResult result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.max_rss_kb = usage.ru_maxrss;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  std::filesystem::remove_all(scratch);
  return result;
}

}  // namespace sip2pjsip::testing
