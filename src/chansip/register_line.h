// `register =>` lines, parsed as sip_parse_register_line() (channels/sip/config_parser.c) does:
//   [peer?][transport://]user[@domain][:secret[:authuser]]@host[:port][/extension][~expiry]
//   [peer?][transport://]user[@domain]:domainport:secret:authuser@host[:port][/extension][~expiry]
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sip2pjsip::chansip {

struct RegisterLine {
  std::string peer;       // `peer?`: the peer whose address, transport and proxy it uses
  std::string transport;  // udp, tcp or tls
  std::string user;
  std::string domain;   // From/To domain when given
  int domain_port = 0;  // 0 when not given
  std::string secret;
  std::string authuser;  // digest username; empty means user
  std::string host;
  int port = 0;  // 0 when not given (5060, 5061 for tls)
  bool port_given = false;
  std::string extension = "s";  // Contact user
  int expiry = 0;               // `~expiry`, else the defaultexpiry in force at that line
  bool expiry_given = false;
  std::string notice;  // what chan_sip would log about the line (bad port, unknown transport)
};

// Nothing when chan_sip rejects the line (no user part or no host, or a stray '/').
std::optional<RegisterLine> parse_register_line(std::string_view value, int default_expiry);

}  // namespace sip2pjsip::chansip
