// The conversion itself: sip.conf (and its includes) in, pjsip.conf files out, written safely.
#pragma once

#include <iosfwd>
#include <string>

namespace sip2pjsip::cli {

struct ConvertOptions {
  std::string input = "sip.conf";
  std::string output = "pjsip.conf";
  std::string prefix = "pjsip_";
  std::string config_dir;
  bool quiet = false;
  bool allow_exec = false;
  int pjsip_port = 0;         // 0: keep chan_sip's ports
  int asterisk_version = 20;  // the branch whose pjsip the output must load in
  std::string report_json;    // where to write the JSON report; empty: none
  std::string report_html;    // where to write the HTML report; empty: none
  // False when the process ends right after: the conversion's memory is then left to it
  // (util/kept_until_exit.h) rather than freed object by object.
  bool free_memory = true;
};

// Exit codes: 0 converted; 1 converted, but errors were reported; 2 unreadable input or
// output that could not be written.
int convert_files(const ConvertOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sip2pjsip::cli
