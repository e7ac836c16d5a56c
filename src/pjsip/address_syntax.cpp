#include "pjsip/address_syntax.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

namespace sip2pjsip::pjsip {

namespace {

// Asterisk's bundled pjproject builds with PJ_MAX_HOSTNAME 256 and PJSIP_MAX_URL_SIZE 512
// (third-party/pjproject/patches/config_site.h); location.c allows one less of each.
constexpr std::size_t kMaxUriLength = 511;
constexpr std::size_t kMaxHostLength = 255;
// Without a port pjsip may look up "_sips._tcp.<host>", so the host must leave room for it.
constexpr std::size_t kSrvPrefixLength = 10;  // strlen("_sips.tcp.")

std::string_view strip(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::optional<Family> literal_family(const std::string& host) {
  unsigned char buffer[16];
  if (inet_pton(AF_INET, host.c_str(), buffer) == 1) return Family::ipv4;
  if (inet_pton(AF_INET6, host.c_str(), buffer) == 1) return Family::ipv6;
  return std::nullopt;
}

std::optional<int> parse_port(std::string_view text) {
  if (text.empty() || text.size() > 5 || !all_digits(text)) return std::nullopt;
  const int port = std::atoi(std::string(text).c_str());
  if (port > 65535) return std::nullopt;
  return port;
}

// A name pjlib could hand to the resolver: letters, digits, '-', '_' and dots.
bool is_plausible_host_name(std::string_view host) {
  return !host.empty() && std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_';
  });
}

bool is_all_zero(Family family, const std::string& address) {
  unsigned char buffer[16] = {};
  const int af = family == Family::ipv4 ? AF_INET : AF_INET6;
  if (inet_pton(af, address.c_str(), buffer) != 1) return false;
  const std::size_t size = family == Family::ipv4 ? 4 : 16;
  return std::all_of(buffer, buffer + size, [](unsigned char byte) { return byte == 0; });
}

// parse_cidr_mask() in main/acl.c: sscanf("%d") of a prefix length within the family's size.
bool is_prefix_length(std::string_view mask, Family family) {
  std::size_t i = 0;
  while (i < mask.size() && (mask[i] == ' ' || mask[i] == '\t')) ++i;
  std::size_t digits_start = i;
  if (i < mask.size() && (mask[i] == '+' || mask[i] == '-')) ++i;
  const std::size_t digits_begin = i;
  while (i < mask.size() && std::isdigit(static_cast<unsigned char>(mask[i]))) ++i;
  if (i == digits_begin) return false;
  const long length =
      std::strtol(std::string(mask.substr(digits_start, i - digits_start)).c_str(), nullptr, 10);
  return length >= 0 && length <= (family == Family::ipv4 ? 32 : 128);
}

}  // namespace

const char* to_string(Family family) {
  return family == Family::ipv4 ? "IPv4" : "IPv6";
}

std::optional<IpAddress> parse_ip_address(std::string_view text, bool port_allowed) {
  std::string host;
  std::string_view port_text;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = std::string(text.substr(1, close - 1));
    const auto rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port_text = rest.substr(1);
      if (port_text.empty()) return std::nullopt;
    }
  } else if (std::count(text.begin(), text.end(), ':') == 1) {
    const auto colon = text.find(':');
    host = std::string(text.substr(0, colon));
    port_text = text.substr(colon + 1);
    if (port_text.empty()) return std::nullopt;
  } else {
    host = std::string(text);  // no colon, or a bare IPv6 address (its colons are not a port)
  }
  const auto family = literal_family(host);
  if (!family) return std::nullopt;
  if (!text.empty() && text.front() == '[' && *family != Family::ipv6) return std::nullopt;
  IpAddress address{*family, host, std::nullopt};
  if (!port_text.empty()) {
    if (!port_allowed) return std::nullopt;
    address.port = parse_port(port_text);
    if (!address.port) return std::nullopt;
  }
  return address;
}

std::optional<std::string> acl_entry_problem(std::string_view entry, bool port_allowed) {
  entry = strip(entry);
  if (!entry.empty() && entry.front() == '!') entry = strip(entry.substr(1));
  const auto slash = entry.find('/');
  const auto address_text = strip(entry.substr(0, slash));
  const auto address = parse_ip_address(address_text, port_allowed);
  if (!address) return fmt::format("'{}' is not an IP address", address_text);
  if (slash == std::string_view::npos) return std::nullopt;
  const auto mask = strip(entry.substr(slash + 1));
  if (mask.find_first_of(":.") != std::string_view::npos) {
    const auto netmask = parse_ip_address(mask, false);
    if (!netmask) return fmt::format("'{}' is not a netmask", mask);
    if (netmask->family != address->family) {
      return fmt::format("netmask '{}' is not of the family of '{}'", mask, address_text);
    }
    return std::nullopt;
  }
  if (!is_prefix_length(mask, address->family)) {
    return fmt::format("'{}' is not a prefix length for {}", mask, to_string(address->family));
  }
  return std::nullopt;
}

std::optional<BindAddress> parse_bind(std::string_view text) {
  BindAddress bind;
  const auto colons = std::count(text.begin(), text.end(), ':');
  if (colons > 1) {
    bind.family = Family::ipv6;
    if (text.front() == '[') {
      const auto close = text.find(']');
      if (close == std::string_view::npos) return std::nullopt;
      bind.host = std::string(text.substr(1, close - 1));
      const auto last_colon = text.rfind(':');
      if (last_colon > close) {
        const auto port_text = text.substr(last_colon + 1);
        if (!all_digits(port_text)) return std::nullopt;
        if (!port_text.empty()) {
          const auto port = parse_port(port_text);
          if (!port) return std::nullopt;
          bind.port = *port;
        }
      }
    } else {
      // pj_sockaddr_parse() takes it all as the address, then retries "address:port".
      bind.host = std::string(text);
      if (literal_family(bind.host) != Family::ipv6) {
        const auto last_colon = text.rfind(':');
        const auto port = parse_port(text.substr(last_colon + 1));
        bind.host = std::string(text.substr(0, last_colon));
        if (!port || literal_family(bind.host) != Family::ipv6) return std::nullopt;
        bind.port = *port;
      }
    }
    if (literal_family(bind.host) != Family::ipv6) return std::nullopt;
  } else {
    bind.family = Family::ipv4;
    const auto colon = text.find(':');
    bind.host = std::string(text.substr(0, colon));
    if (colon != std::string_view::npos) {
      const auto port_text = text.substr(colon + 1);
      if (!all_digits(port_text)) return std::nullopt;
      if (!port_text.empty()) {
        const auto port = parse_port(port_text);
        if (!port) return std::nullopt;
        bind.port = *port;
      }
    }
    if (!bind.host.empty() && literal_family(bind.host) != Family::ipv4 &&
        !is_plausible_host_name(bind.host)) {
      return std::nullopt;
    }
  }
  bind.is_literal = bind.host.empty() || literal_family(bind.host).has_value();
  bind.is_wildcard = bind.host.empty() || is_all_zero(bind.family, bind.host);
  return bind;
}

std::string canonical_ip(Family family, const std::string& address) {
  unsigned char buffer[16] = {};
  char text[INET6_ADDRSTRLEN] = {};
  const int af = family == Family::ipv4 ? AF_INET : AF_INET6;
  if (inet_pton(af, address.c_str(), buffer) != 1) return address;
  if (!inet_ntop(af, buffer, text, sizeof(text))) return address;
  return text;
}

std::optional<std::string> sip_uri_problem(std::string_view uri) {
  if (uri.size() > kMaxUriLength) {
    return fmt::format("is longer than {} characters", kMaxUriLength);
  }
  auto contact = strip(uri);
  if (contact.size() >= 2 && contact.front() == '<' && contact.back() == '>') {
    contact = contact.substr(1, contact.size() - 2);
  }
  auto starts_with = [&](std::string_view prefix) {
    return contact.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), contact.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) ==
                    std::tolower(static_cast<unsigned char>(b));
           });
  };
  std::string_view host;
  if (starts_with("sip:")) {
    host = contact.substr(4);
  } else if (starts_with("sips:")) {
    host = contact.substr(5);
  } else {
    return std::string("is not a sip: or sips: URI");
  }
  if (const auto at = contact.find('@'); at != std::string_view::npos)
    host = contact.substr(at + 1);
  bool has_port = false;
  if (!host.empty() && host.front() == '[') {
    const auto close = host.find(']');
    if (close == std::string_view::npos) return std::string("has an IPv6 host without ']'");
    has_port = close + 1 < host.size() && host[close + 1] == ':';
    host = host.substr(0, close + 1);
  } else {
    host = host.substr(0, host.find_first_of(";?"));
    if (const auto colon = host.find(':'); colon != std::string_view::npos) {
      has_port = true;
      host = host.substr(0, colon);
    }
  }
  const auto limit = has_port ? kMaxHostLength : kMaxHostLength - kSrvPrefixLength;
  if (host.size() > limit) return fmt::format("has a host longer than {} characters", limit);
  return std::nullopt;
}

// pjsip's URI parser takes the user (and password) part only in these characters: RFC 3261's
// unreserved, escaped and user-unreserved, and '#' as its lenient parser does. A placeholder
// such as <username> fails the parse.
std::optional<std::string> parsed_sip_uri_problem(std::string_view uri) {
  if (auto problem = sip_uri_problem(uri)) return problem;
  auto contact = strip(uri);
  if (contact.size() >= 2 && contact.front() == '<' && contact.back() == '>') {
    contact = contact.substr(1, contact.size() - 2);
  }
  const auto at = contact.find('@');
  if (at == std::string_view::npos) return std::nullopt;
  const auto user = contact.substr(contact.find(':') + 1, at - contact.find(':') - 1);
  static constexpr std::string_view kUserMarks = "-_.!~*'()&=+$,;?/%:#";
  for (const char c : user) {
    if (!std::isalnum(static_cast<unsigned char>(c)) &&
        kUserMarks.find(c) == std::string_view::npos) {
      return fmt::format("has '{}' in its user part, which a SIP URI cannot hold", c);
    }
  }
  return std::nullopt;
}

}  // namespace sip2pjsip::pjsip
