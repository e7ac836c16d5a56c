// Transports that get in each other's way. transport_apply() starts a socket for each udp, tcp
// and tls transport in file order; one whose address is already taken fails to bind and is not
// loaded. tcp and tls both listen on TCP sockets, so they collide with each other too. A
// wildcard bind (0.0.0.0, ::) holds the port on every address of its family, so a second
// transport on a specific address and the same port fails as well (EADDRINUSE on Linux).
//
// ws and wss ride on Asterisk's HTTP server and flow transports have no socket of their own:
// neither binds anything.
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "config/document.h"
#include "pjsip/address_syntax.h"
#include "pjsip/check_model.h"

namespace sip2pjsip::pjsip::checks {

namespace {

struct Listener {
  const SeenObject* transport = nullptr;
  std::string protocol;  // udp, tcp or tls
  BindAddress bind;
  int port = 0;
  const Place* bind_place = nullptr;
};

bool uses_tcp(const std::string& protocol) {
  return protocol != "udp";
}

std::string address_text(const Listener& listener) {
  const auto& host = listener.bind.host.empty()
                         ? std::string(listener.bind.family == Family::ipv4 ? "0.0.0.0" : "::")
                         : listener.bind.host;
  if (listener.bind.family == Family::ipv6) return fmt::format("[{}]:{}", host, listener.port);
  return fmt::format("{}:{}", host, listener.port);
}

bool same_host(const Listener& a, const Listener& b) {
  if (a.bind.is_wildcard || b.bind.is_wildcard) return true;
  if (a.bind.is_literal != b.bind.is_literal) return false;  // a name: unknown until resolved
  if (!a.bind.is_literal) return config::iequals(a.bind.host, b.bind.host);
  return canonical_ip(a.bind.family, a.bind.host) == canonical_ip(b.bind.family, b.bind.host);
}

bool collide(const Listener& a, const Listener& b) {
  return uses_tcp(a.protocol) == uses_tcp(b.protocol) && a.bind.family == b.bind.family &&
         a.port == b.port && same_host(a, b);
}

std::optional<Listener> listener_of(const SeenObject& transport) {
  auto protocol = transport.value_of("protocol", "udp");
  for (auto& c : protocol) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (protocol != "udp" && protocol != "tcp" && protocol != "tls") return std::nullopt;
  const auto* bind_option = transport.last("bind");
  if (!bind_option) return std::nullopt;  // reported by the object rules
  const auto bind = parse_bind(bind_option->value);
  if (!bind) return std::nullopt;  // reported by the option checks
  // transport_apply(): no port means 5060, or 5061 for tls.
  const int port = bind->port ? bind->port : (protocol == "tls" ? 5061 : 5060);
  return Listener{&transport, protocol, *bind, port, &bind_option->where};
}

void report_conflict(Context& context, const Listener& later, const Listener& earlier) {
  context.findings.add(
      *later.bind_place, Severity::error,
      fmt::format("{} ({} {}) cannot bind: {} ({}) already listens on {} {}; Asterisk does not "
                  "load this transport",
                  describe(*later.transport), later.protocol, address_text(later),
                  describe(*earlier.transport), describe(earlier.transport->where),
                  earlier.protocol, address_text(earlier)),
      "pjsip-transport-conflict", "bind");
  context.drop(*later.transport);
}

// For a new tcp or tls connection to a destination, pjsip takes the first transport of that
// protocol and address family unless the endpoint names one (Asterisk's "PJSIP Transport
// Selection" documentation); a second one only serves endpoints that name it.
void report_shadowed(Context& context, const Listener& later, const Listener& earlier) {
  context.findings.add(
      later.transport->where, Severity::warning,
      fmt::format("{} is a second {} transport for {} (the first is '{}' at {}); new {} "
                  "connections to endpoints without transport= always go through '{}'",
                  describe(*later.transport), later.protocol, to_string(later.bind.family),
                  earlier.transport->name, describe(earlier.transport->where), later.protocol,
                  earlier.transport->name),
      "pjsip-transport-shadowed");
}

}  // namespace

void check_transports(Context& context) {
  std::vector<Listener> listeners;
  for (const auto& object : context.objects) {
    if (object.type != "transport" || !context.loads(object)) continue;
    const auto listener = listener_of(object);
    if (!listener) continue;
    const Listener* taken = nullptr;
    const Listener* first_of_kind = nullptr;
    for (const auto& earlier : listeners) {
      if (!taken && collide(*listener, earlier)) taken = &earlier;
      if (!first_of_kind && earlier.protocol == listener->protocol &&
          earlier.bind.family == listener->bind.family) {
        first_of_kind = &earlier;
      }
    }
    if (taken) {
      report_conflict(context, *listener, *taken);
      continue;
    }
    if (first_of_kind && uses_tcp(listener->protocol)) {
      report_shadowed(context, *listener, *first_of_kind);
    }
    listeners.push_back(*listener);
  }
}

}  // namespace sip2pjsip::pjsip::checks
