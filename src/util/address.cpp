#include "util/address.h"

#include <arpa/inet.h>

#include <charconv>

namespace sip2pjsip {

namespace {

bool is_ipv4(const std::string& host) {
  in_addr out{};
  return inet_pton(AF_INET, host.c_str(), &out) == 1;
}

bool is_ipv6(const std::string& host) {
  in6_addr out{};
  return inet_pton(AF_INET6, host.c_str(), &out) == 1;
}

std::optional<int> parse_port(std::string_view text) {
  int port = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, port);
  if (ec != std::errc() || ptr != end || port < 1 || port > 65535) return std::nullopt;
  return port;
}

}  // namespace

std::string HostPort::to_string() const {
  std::string out;
  if (ipv6) {
    out.reserve(host.size() + 8);
    out.append("[").append(host).append("]");
  } else {
    out = host;
  }
  if (port) out.append(":").append(std::to_string(*port));
  return out;
}

std::optional<HostPort> parse_host_port(std::string_view text) {
  if (text.empty()) return std::nullopt;
  HostPort result;
  std::string_view port_text;
  if (text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    result.host = std::string(text.substr(1, close - 1));
    const auto rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port_text = rest.substr(1);
    }
    if (!is_ipv6(result.host)) return std::nullopt;
  } else if (text.find(':') != text.rfind(':')) {
    result.host = std::string(text);  // two or more colons: a bare IPv6 address, no port
    if (!is_ipv6(result.host)) return std::nullopt;
  } else {
    const auto colon = text.find(':');
    result.host = std::string(text.substr(0, colon));
    if (colon != std::string_view::npos) port_text = text.substr(colon + 1);
  }
  if (result.host.empty()) return std::nullopt;
  if (!port_text.empty() || (text.back() == ':')) {
    result.port = parse_port(port_text);
    if (!result.port) return std::nullopt;
  }
  result.ipv6 = is_ipv6(result.host);
  result.ipv4 = !result.ipv6 && is_ipv4(result.host);
  return result;
}

}  // namespace sip2pjsip
