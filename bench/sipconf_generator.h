// Writes a realistic sip.conf set of N peers for the benchmark: a main sip.conf with [general]
// defaults, the trunks' register lines and the templates, and the peers spread over included
// files of at most `peers_per_file` peers each (no file is giant). The content depends only on
// the options, so two runs write the same bytes.
#pragma once

#include <cstdint>
#include <string>

namespace sip2pjsip::bench {

struct GeneratorOptions {
  std::size_t peers = 10000;
  std::size_t peers_per_file = 10000;
};

struct GeneratedSet {
  std::string main_file;    // the sip.conf to convert
  std::size_t files = 0;    // files written, the main one included
  std::uint64_t bytes = 0;  // their total size
  std::size_t phones = 0;   // host=dynamic peers
  std::size_t trunks = 0;   // static peers with a register line
};

// Writes the set into `directory` (created when missing; files of an earlier set with the same
// names are replaced). Throws std::runtime_error when a file cannot be written.
GeneratedSet generate_sip_conf(const std::string& directory, const GeneratorOptions& options);

}  // namespace sip2pjsip::bench
