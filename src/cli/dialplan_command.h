// `sip2pjsip dialplan [--sip sip.conf | --pjsip pjsip.conf] [-o OUT] extensions.conf`: rewrites
// SIP channels and chan_sip functions in the dialplan for PJSIP.
#pragma once

#include <iosfwd>
#include <string>

namespace sip2pjsip::cli {

struct DialplanOptions {
  std::string input = "extensions.conf";
  std::string sip;     // sip.conf to convert to learn the endpoints
  std::string pjsip;   // or a pjsip.conf to read them from
  std::string output;  // default: prefix + the input's name, beside it
  std::string prefix = "pjsip_";
  std::string config_dir;
  bool in_place = false;
  bool diff = false;
  bool inheritable_headers = false;
  std::string uri_endpoint = "default_outbound_endpoint";
  bool quiet = false;
};

// Exit code: 0 rewritten, 1 with errors reported, 2 unreadable input or unwritable output.
int run_dialplan(const DialplanOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sip2pjsip::cli
