// Host and port notation as Asterisk's ast_sockaddr_split_hostport() reads it:
// "host", "host:port", "1.2.3.4:5060", "[2001:db8::1]:5060" and a bare "2001:db8::1".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sip2pjsip {

struct HostPort {
  std::string host;  // without brackets
  std::optional<int> port;
  bool ipv4 = false;  // host is an IPv4 literal
  bool ipv6 = false;  // host is an IPv6 literal

  bool is_ip() const { return ipv4 || ipv6; }
  // "host", "host:port", "[v6]" or "[v6]:port".
  std::string to_string() const;
};

// Nothing when the text is empty, a bracket is unbalanced, or the port is not 1-65535.
std::optional<HostPort> parse_host_port(std::string_view text);

}  // namespace sip2pjsip
