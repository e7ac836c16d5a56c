// sip2pjsip_benchmark: converts generated sip.conf sets of N peers with the real sip2pjsip
// binary, as a child process, and prints wall time, peak memory (the child's ru_maxrss) and
// input throughput per size. Given sip_to_pjsip.py, it also converts the 16k-peer set with it
// and prints how many times faster sip2pjsip is. It prints figures; it judges nothing.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "child_process.h"
#include "sipconf_generator.h"

namespace {

namespace fs = std::filesystem;
using sip2pjsip::bench::ChildResult;
using sip2pjsip::bench::ChildRun;
using sip2pjsip::bench::GeneratedSet;
using sip2pjsip::bench::GeneratorOptions;

// Changes whenever the generator writes different sets, so cached sets are written again.
constexpr const char* kSetVersion = "sip2pjsip-bench-set 1";

struct Options {
  std::string binary;
  std::string work_dir = "bench-work";
  std::vector<std::size_t> sizes = {10000, 100000, 1000000};
  std::string sip_to_pjsip;  // path of Asterisk's sip_to_pjsip.py; empty: not compared
  std::string python = "python3";
  std::size_t python_peers = 16000;
  int runs = 1;
};

// A set is generated once per size and kept in the work directory; a stamp file records what
// was written, so an interrupted or outdated set is written again.
GeneratedSet ensure_set(const Options& options, std::size_t peers) {
  const fs::path directory = fs::path(options.work_dir) / "sets" / std::to_string(peers);
  const fs::path stamp = directory / "generated";
  const std::string wanted = fmt::format("{} peers={}", kSetVersion, peers);
  GeneratedSet set;
  {
    std::ifstream in(stamp);
    std::string version;
    if (std::getline(in, version) && version == wanted &&
        in >> set.files >> set.bytes >> set.phones >> set.trunks) {
      set.main_file = (directory / "sip.conf").string();
      return set;
    }
  }
  std::cout << fmt::format("generating {} peers in {} ...", peers, directory.string())
            << std::flush;
  fs::remove_all(directory);
  GeneratorOptions generator;
  generator.peers = peers;
  set = sip2pjsip::bench::generate_sip_conf(directory.string(), generator);
  std::ofstream(stamp) << wanted << '\n'
                       << set.files << ' ' << set.bytes << ' ' << set.phones << ' ' << set.trunks
                       << '\n';
  std::cout << fmt::format(" {} files, {:.1f} MB\n", set.files, set.bytes / 1e6);
  return set;
}

// An empty directory for one run: old outputs would otherwise be kept as .bak first.
fs::path fresh_run_directory(const Options& options, const std::string& name) {
  const fs::path directory = fs::absolute(fs::path(options.work_dir) / "runs" / name);
  fs::remove_all(directory);
  fs::create_directories(directory);
  return directory;
}

// The run with the median wall time of `runs` runs.
template <typename RunOnce>
ChildResult median_run(int runs, RunOnce run_once) {
  std::vector<ChildResult> results;
  for (int i = 0; i < runs; ++i) results.push_back(run_once());
  std::sort(results.begin(), results.end(),
            [](const auto& a, const auto& b) { return a.wall_seconds < b.wall_seconds; });
  return results[results.size() / 2];
}

ChildResult run_sip2pjsip(const Options& options, const GeneratedSet& set, std::size_t peers) {
  return median_run(options.runs, [&] {
    const auto directory = fresh_run_directory(options, fmt::format("sip2pjsip-{}", peers));
    return sip2pjsip::bench::run_child(
        {options.binary, fs::absolute(set.main_file).string(), (directory / "pjsip.conf").string()},
        {directory.string(), (directory / "stdout.txt").string(),
         (directory / "stderr.txt").string()});
  });
}

// sip_to_pjsip.py resolves includes against the working directory and writes its outputs
// there, so it runs in a directory of links to the set's files.
ChildResult run_python(const Options& options, const GeneratedSet& set, std::size_t peers) {
  return median_run(options.runs, [&] {
    const auto directory = fresh_run_directory(options, fmt::format("sip_to_pjsip-{}", peers));
    for (const auto& entry : fs::directory_iterator(fs::path(set.main_file).parent_path())) {
      if (entry.path().extension() == ".conf") {
        fs::create_symlink(fs::absolute(entry.path()), directory / entry.path().filename());
      }
    }
    return sip2pjsip::bench::run_child(
        {options.python, fs::absolute(options.sip_to_pjsip).string(), "sip.conf", "pjsip.conf"},
        {directory.string(), (directory / "stdout.txt").string(),
         (directory / "stderr.txt").string()});
  });
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(" \t", colon + 1));
    }
  }
  return "unknown CPU";
}

std::string row(const std::string& label, std::size_t peers, const GeneratedSet& set,
                const ChildResult& result) {
  const double megabytes = static_cast<double>(set.bytes) / 1e6;
  return fmt::format(
      "{:<16} {:>9} {:>6} {:>9.1f} {:>8.3f} {:>8.3f} {:>8.3f} {:>10.1f} {:>11} {:>8.1f} {:>5}",
      label, peers, set.files, megabytes, result.wall_seconds, result.user_seconds,
      result.system_seconds, static_cast<double>(result.peak_rss_kib) / 1024.0, result.page_faults,
      megabytes / std::max(result.wall_seconds, 1e-9), result.exit_code);
}

std::string header() {
  return fmt::format("{:<16} {:>9} {:>6} {:>9} {:>8} {:>8} {:>8} {:>10} {:>11} {:>8} {:>5}",
                     "program", "peers", "files", "input MB", "wall s", "user s", "sys s",
                     "peak RSS MB", "page faults", "MB/s", "exit");
}

// sip2pjsip exits 0, or 1 when it converted but reported errors; anything else is a failure.
bool converted(const ChildResult& result) {
  return result.exit_code == 0 || result.exit_code == 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{
      "Converts generated sip.conf sets with the sip2pjsip binary and prints wall time, peak "
      "memory and throughput per size (and the comparison with sip_to_pjsip.py when given).",
      "sip2pjsip_benchmark"};
  app.add_option("--binary", options.binary, "the sip2pjsip binary to measure")->required();
  app.add_option("--work-dir", options.work_dir,
                 "where the generated sets and the outputs of the runs are kept")
      ->capture_default_str();
  app.add_option("--sizes", options.sizes, "numbers of peers to measure")
      ->delimiter(',')
      ->capture_default_str();
  app.add_option("--sip-to-pjsip", options.sip_to_pjsip,
                 "Asterisk's contrib/scripts/sip_to_pjsip/sip_to_pjsip.py (with its "
                 "astconfigparser.py and astdicts.py beside it): also convert the set of "
                 "--python-peers peers with it and print the ratio");
  app.add_option("--python", options.python, "the Python interpreter for sip_to_pjsip.py")
      ->capture_default_str();
  app.add_option("--python-peers", options.python_peers,
                 "the set both converters run on for the comparison")
      ->capture_default_str();
  app.add_option("--runs", options.runs, "runs per size; the run with the median time counts")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  try {
    std::cout << fmt::format("sip2pjsip benchmark: {}\nmachine: {}, {} cores\n", options.binary,
                             cpu_model(), std::thread::hardware_concurrency());
    std::vector<std::string> lines;
    std::vector<std::pair<std::size_t, double>> times;
    bool failed = false;
    for (const auto peers : options.sizes) {
      const auto set = ensure_set(options, peers);
      const auto result = run_sip2pjsip(options, set, peers);
      failed = failed || !converted(result);
      lines.push_back(row("sip2pjsip", peers, set, result));
      times.emplace_back(peers, result.wall_seconds);
    }
    std::string comparison;
    if (!options.sip_to_pjsip.empty()) {
      const auto peers = options.python_peers;
      const auto set = ensure_set(options, peers);
      const auto ours = run_sip2pjsip(options, set, peers);
      std::cout << fmt::format("running sip_to_pjsip.py on {} peers ...\n", peers) << std::flush;
      const auto theirs = run_python(options, set, peers);
      failed = failed || !converted(ours);
      lines.push_back(row("sip2pjsip", peers, set, ours));
      lines.push_back(row("sip_to_pjsip.py", peers, set, theirs));
      if (theirs.exit_code != 0) {
        comparison = fmt::format("sip_to_pjsip.py failed (exit {}); see {}/runs/sip_to_pjsip-{}",
                                 theirs.exit_code, options.work_dir, peers);
      } else {
        comparison = fmt::format(
            "on {} peers sip2pjsip is {:.0f}x faster than sip_to_pjsip.py ({:.3f} s vs {:.2f} s) "
            "and uses {:.1f}x {} memory ({:.1f} MB vs {:.1f} MB)",
            peers, theirs.wall_seconds / std::max(ours.wall_seconds, 1e-9), ours.wall_seconds,
            theirs.wall_seconds,
            ours.peak_rss_kib <= theirs.peak_rss_kib
                ? static_cast<double>(theirs.peak_rss_kib) / std::max(ours.peak_rss_kib, 1L)
                : static_cast<double>(ours.peak_rss_kib) / std::max(theirs.peak_rss_kib, 1L),
            ours.peak_rss_kib <= theirs.peak_rss_kib ? "less" : "more",
            static_cast<double>(ours.peak_rss_kib) / 1024.0,
            static_cast<double>(theirs.peak_rss_kib) / 1024.0);
      }
    }

    std::cout << '\n' << header() << '\n';
    for (const auto& line : lines) std::cout << line << '\n';
    // Linear growth: ten times the peers should take about ten times as long.
    for (std::size_t i = 1; i < times.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (times[i].first == times[j].first * 10) {
          std::cout << fmt::format("time({})/time({}) = {:.1f}\n", times[i].first, times[j].first,
                                   times[i].second / std::max(times[j].second, 1e-9));
        }
      }
    }
    if (!comparison.empty()) std::cout << comparison << '\n';
    if (failed) {
      std::cout << fmt::format("sip2pjsip failed on a set; its stderr is in {}/runs/\n",
                               options.work_dir);
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "sip2pjsip_benchmark: " << e.what() << '\n';
    return 2;
  }
}
