// Address notations res_pjsip reads without resolving names: IP literals with an optional port
// (ast_sockaddr_parse), ACL entries "[!]address[/mask]" (append_ha_core in main/acl.c),
// transport binds (pj_sockaddr_parse) and SIP URIs as ast_sip_validate_uri_length() sees them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sip2pjsip::pjsip {

enum class Family { ipv4, ipv6 };

const char* to_string(Family family);  // "IPv4", "IPv6"

struct IpAddress {
  Family family = Family::ipv4;
  std::string address;      // without brackets, as written
  std::optional<int> port;  // when one was written
};

// "1.2.3.4", "1.2.3.4:5060", "::1", "[::1]", "[::1]:5060" (ast_sockaddr_split_hostport plus a
// numeric getaddrinfo). Nothing for names, bad literals, or a port where none is allowed.
std::optional<IpAddress> parse_ip_address(std::string_view text, bool port_allowed);

// Why one ACL entry "[!]address[/mask]" is refused, or nothing when Asterisk takes it.
std::optional<std::string> acl_entry_problem(std::string_view entry, bool port_allowed);

// A transport `bind` as pj_sockaddr_parse() reads it. The host may be a name (pjlib resolves it
// when the transport starts); the port is 0 when none was written.
struct BindAddress {
  Family family = Family::ipv4;
  std::string host;  // without brackets; empty for "" or ":5060" (the wildcard)
  int port = 0;
  bool is_literal = false;   // host is an IP literal (or empty)
  bool is_wildcard = false;  // 0.0.0.0, :: or empty: every local address
};

std::optional<BindAddress> parse_bind(std::string_view text);

// The same address in one spelling (inet_ntop), so "::0" and "::" compare equal.
std::string canonical_ip(Family family, const std::string& address);

// Why a URI is not a `sip:`/`sips:` URI res_pjsip accepts (ast_sip_validate_uri_length), or
// nothing.
std::optional<std::string> sip_uri_problem(std::string_view uri);
// The same, for a URI that pjsip parses when the object is applied (registration and
// outbound-publish URIs): the user part must hold only characters a SIP URI allows.
std::optional<std::string> parsed_sip_uri_problem(std::string_view uri);

}  // namespace sip2pjsip::pjsip
