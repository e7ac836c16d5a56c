// sip2pjsip_generate: writes a benchmark sip.conf set of N peers into a directory, for
// profiling or trying the converter by hand (the benchmark runner generates its own sets).
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "sipconf_generator.h"

int main(int argc, char** argv) {
  sip2pjsip::bench::GeneratorOptions options;
  std::string directory;
  CLI::App app{"Writes a realistic sip.conf set of N peers (phones and trunks) into a directory.",
               "sip2pjsip_generate"};
  app.add_option("directory", directory, "where sip.conf and its included files go")->required();
  app.add_option("--peers", options.peers, "number of peers")->capture_default_str();
  app.add_option("--peers-per-file", options.peers_per_file,
                 "peers per included file (peers-001.conf, ...)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    const auto set = sip2pjsip::bench::generate_sip_conf(directory, options);
    std::cout << fmt::format("{}: {} phones, {} trunks in {} files, {:.1f} MB\n", set.main_file,
                             set.phones, set.trunks, set.files, set.bytes / 1e6);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "sip2pjsip_generate: " << e.what() << '\n';
    return 2;
  }
}
