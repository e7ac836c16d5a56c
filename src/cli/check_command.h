// `sip2pjsip check [--asterisk-version N] [--json] pjsip.conf`: finds what makes Asterisk drop
// or misuse objects of a pjsip.conf, converted or written by hand.
#pragma once

#include <iosfwd>
#include <string>

namespace sip2pjsip::cli {

struct CheckOptions {
  std::string input = "pjsip.conf";
  std::string config_dir;
  int asterisk_version = 20;
  bool json = false;
};

// Exit code: 0 clean, 1 warnings only, 2 errors (or a file that cannot be read).
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sip2pjsip::cli
