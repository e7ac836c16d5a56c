// Where the peer is (semantics.md sections 1, 6, 12): host=dynamic registers, a static host
// is a fixed contact plus an identify that matches its address; outboundproxy, qualify and the
// registration expiry limits go on the aor.
#include <fmt/format.h>

#include "chansip/values.h"
#include "convert/peer_context.h"
#include "util/address.h"

namespace sip2pjsip::convert {

namespace {

constexpr int kDefaultMaxMs = 2000;  // DEFAULT_MAXMS: qualify=yes
constexpr long kDefaultQualifyFreq = 60;

// The peer's transport= list (else [general]'s), without tcp or tls when they are not enabled
// (chan_sip drops those); the first is the one chan_sip dials with.
std::vector<std::string> enabled_transports(PeerContext& p) {
  const auto* line = chansip::effective_setting(p.context.model, p.peer, "transport");
  std::vector<std::string> enabled;
  if (line) {
    for (const auto& word : chansip::split_list(line->value)) {
      const auto protocol = chansip::to_lower(word);
      if (p.context.transports.count(protocol)) enabled.push_back(protocol);
    }
  }
  if (enabled.empty()) enabled.push_back("udp");
  return enabled;
}

std::string primary_transport(PeerContext& p) {
  return enabled_transports(p).front();
}

std::string uri_transport_parameter(const std::string& transport) {
  if (transport == "tcp" || transport == "tls") return ";transport=" + transport;
  return "";
}

// contact = sip:[defaultuser@]host[:port]; chan_sip sends to 5060 (5061 for TLS) when no port
// is set, but for a host name it may look up SRV records, so the port is written only for an
// IP address, where it changes nothing.
std::string contact_uri(const std::string& user, HostPort address, const std::string& transport) {
  if (!address.port && address.is_ip()) address.port = transport == "tls" ? 5061 : 5060;
  return "sip:" + (user.empty() ? "" : user + "@") + address.to_string() +
         uri_transport_parameter(transport);
}

// outboundproxy = [transport://]host[:port][,force] (proxy_from_config).
void convert_outbound_proxy(PeerContext& p) {
  const auto* line = p.setting("outboundproxy"_option);
  if (!line) return;
  std::string value(line->value);
  bool force = false;
  if (const auto comma = value.find(','); comma != std::string::npos) {
    force = config::iequals(chansip::split_list(value.substr(comma + 1)).empty()
                                ? ""
                                : chansip::split_list(value.substr(comma + 1)).front(),
                            "force");
    value = value.substr(0, comma);
  }
  std::string transport = "udp";
  if (const auto scheme = value.find("://"); scheme != std::string::npos) {
    transport = chansip::to_lower(value.substr(0, scheme));
    value = value.substr(scheme + 3);
  }
  auto address = parse_host_port(value);
  if (!address) {
    p.invalid(line, "not a host[:port]");
    return;
  }
  const std::string uri =
      "sip:" + address->to_string() + ";lr" + uri_transport_parameter(transport);
  PeerContext::set(p.endpoint, "outbound_proxy", uri, line);
  if (p.aor) PeerContext::set(*p.aor, "outbound_proxy", uri, line);
  if (force) {
    p.approximated(line, "',force' has no pjsip equivalent; the proxy is used as a loose route");
  } else {
    p.mapped(line, "endpoint/aor {} outbound_proxy", p.name);
  }
}

// qualify = no|yes|<ms>: yes is [general]'s ms when set, else 2000 ms (peer->maxms).
void convert_qualify(PeerContext& p) {
  const auto* line = p.setting("qualify"_option);
  const auto* freq = p.setting("qualifyfreq"_option);
  long maxms = 0;
  if (line) {
    if (chansip::is_true(line->value)) {
      maxms = kDefaultMaxMs;
      if (const auto* base = general_setting(p.context, "qualify"_option)) {
        if (auto ms = chansip::parse_integer(base->value); ms && *ms > 0) maxms = *ms;
      }
    } else if (auto ms = chansip::parse_integer(line->value)) {
      maxms = *ms > 0 ? *ms : 0;
    } else if (!chansip::is_false(line->value)) {
      p.invalid(line, "expected yes, no or a number of milliseconds");
      return;
    }
  }
  if (maxms == 0) {
    p.mapped(line, "qualify off (pjsip default)");
    p.mapped(freq, "unused: qualify is off");
    return;
  }
  if (!p.aor) {
    p.not_converted(line, "the peer has no address to qualify (no aor)");
    p.not_converted(freq, "the peer has no address to qualify (no aor)");
    return;
  }
  long seconds = kDefaultQualifyFreq;
  if (freq) {
    if (auto value = chansip::parse_integer(freq->value); value && *value > 0) {
      seconds = *value;
    } else {
      p.invalid(freq, "expected a number of seconds");
    }
  }
  PeerContext::set(*p.aor, "qualify_frequency", std::to_string(seconds), freq);
  // Whole seconds below a million print as {:g} prints them, without formatting a double
  // (which cost a percent of a conversion where every peer has qualify=yes).
  PeerContext::set(*p.aor, "qualify_timeout",
                   maxms % 1000 == 0 && maxms < 1'000'000'000 ? std::to_string(maxms / 1000)
                                                              : fmt::format("{:g}", maxms / 1000.0),
                   line);
  p.mapped(line,
           "aor {} qualify_timeout (pjsip has no LAGGED state: chan_sip "
           "refused calls to a peer slower than {} ms)",
           p.name, maxms);
  p.mapped(freq, "aor {} qualify_frequency", p.name);
}

// [general] maxexpiry/minexpiry/defaultexpiry bound every registration; pjsip's defaults
// (7200/60/3600) differ from chan_sip's (3600/60/120), so they are always written.
void convert_expiry(PeerContext& p) {
  struct Limit {
    const chansip::OptionName& option;
    const char* target;
    long chan_sip_default;
  };
  static const Limit kLimits[] = {{"minexpiry"_option, "minimum_expiration", 60},
                                  {"maxexpiry"_option, "maximum_expiration", 3600},
                                  {"defaultexpiry"_option, "default_expiration", 120}};
  for (const auto& limit : kLimits) {
    long value = limit.chan_sip_default;
    const config::Variable* line = general_setting(p.context, limit.option);
    if (line) {
      if (auto parsed = chansip::parse_integer(line->value); parsed && *parsed > 0) {
        value = *parsed;
        p.mapped(line, "aor {} of every dynamic peer", limit.target);
      } else {
        p.invalid(line, "expected a number of seconds");
      }
    }
    PeerContext::set(*p.aor, limit.target, std::to_string(value), line);
  }
}

void convert_dynamic(PeerContext& p, const config::Variable* host, const std::string& user) {
  auto& aor = p.ensure_aor();
  PeerContext::set(aor, "max_contacts", "1", host);
  PeerContext::set(aor, "remove_existing", "yes", host);
  p.mapped(host, "aor {} max_contacts=1, remove_existing=yes", p.name);
  convert_expiry(p);
  if (const auto* defaultip = p.setting("defaultip"_option)) {
    if (auto address = parse_host_port(defaultip->value); address && address->is_ip()) {
      if (const auto* port = p.setting("port"_option)) {
        if (auto number = chansip::parse_integer(port->value)) address->port = *number;
        p.mapped(port, "aor {} contact port", p.name);
      }
      PeerContext::set(aor, "contact", contact_uri(user, *address, primary_transport(p)),
                       defaultip);
      p.approximated(defaultip,
                     "pjsip also calls this permanent contact while the peer is registered; "
                     "chan_sip used defaultip only while it was not");
    } else {
      p.invalid(defaultip, "not an IP address");
    }
  } else if (const auto* port = p.setting("port"_option)) {
    p.mapped(port, "unused: the registration gives the port");
  }
}

// res_pjsip resolves an identify's host name once, at load, and drops the identify when the
// name does not resolve then; chan_sip kept such a peer and looked the name up again later.
void warn_about_resolution(PeerContext& p, const config::Variable& line, const std::string& host) {
  const bool looks_like_placeholder = host.find('.') == std::string::npos;
  p.context.report(
      line.where(), looks_like_placeholder ? Severity::warning : Severity::note,
      fmt::format("host = {}: res_pjsip resolves this name when it loads; if it does "
                  "not resolve then, Asterisk drops identify {} and calls from it no "
                  "longer reach endpoint {}{}",
                  host, p.name, p.name, looks_like_placeholder ? " (is this a placeholder?)" : ""),
      "sip-identify-hostname");
}

void convert_static(PeerContext& p, const config::Variable* host, const std::string& user,
                    bool match_without_port) {
  auto address = parse_host_port(host->value);
  if (!address) {
    p.invalid(host, "not a host name or address");
    return;
  }
  const auto transport = primary_transport(p);
  if (const auto* port = p.setting("port"_option)) {
    auto number = chansip::parse_integer(port->value);
    if (number && *number > 0 && *number < 65536) {
      address->port = static_cast<int>(*number);
      p.mapped(port, "aor {} contact and identify match port", p.name);
    } else {
      p.invalid(port, "not a port number");
    }
  }
  if (const auto* defaultip = p.setting("defaultip"_option)) {
    p.mapped(defaultip, "unused: the peer has a static host");
  }
  auto& aor = p.ensure_aor();
  PeerContext::set(aor, "contact", contact_uri(user, *address, transport), host);
  p.mapped(host, "aor {} contact, identify {} match", p.name, p.name);

  // chan_sip matches a UDP peer on IP and port, unless insecure=port; TCP and TLS peers on
  // IP alone (peer_ipcmp_cb_full).
  HostPort match = *address;
  if (match_without_port || transport != "udp") {
    match.port.reset();
  } else if (!match.port) {
    match.port = 5060;
  }
  p.identify = p.make("identify");
  PeerContext::set(*p.identify, "endpoint", p.name);
  PeerContext::set(*p.identify, "match", match.to_string(), host);
  if (!address->is_ip()) warn_about_resolution(p, *host, address->host);
}

// transport = udp,tcp,tls,ws,wss: the first is used for calls to the peer. chan_sip also
// refuses requests from the peer over a transport not in the list; pjsip cannot restrict that
// per endpoint.
void convert_transport(PeerContext& p) {
  const auto* line = p.setting("transport"_option);
  if (!line) return;
  std::vector<std::string> unknown;
  std::vector<std::string> disabled;
  for (const auto& word : chansip::split_list(line->value)) {
    const auto protocol = chansip::to_lower(word);
    if (protocol != "udp" && protocol != "tcp" && protocol != "tls" && protocol != "ws" &&
        protocol != "wss") {
      unknown.push_back(word);
    } else if (!p.context.transports.count(protocol)) {
      disabled.push_back(protocol);
    }
  }
  if (!unknown.empty()) {
    p.invalid(line, fmt::format("'{}' is not a transport chan_sip knows", unknown.front()));
  }
  const auto primary = primary_transport(p);
  if (primary != "udp") {
    PeerContext::set(p.endpoint, "transport", p.context.transports.at(primary), line);
  }
  const bool websocket = primary == "ws" || primary == "wss";
  const auto* avpf = p.setting("avpf"_option);
  const auto* ice = p.setting("icesupport"_option);
  if (websocket && avpf && chansip::is_true(avpf->value) && ice && chansip::is_true(ice->value)) {
    // A chan_sip WebRTC peer: pjsip's webrtc=yes also sets bundle, rtcp_mux and the received
    // transport for media, which browsers need.
    PeerContext::set(p.endpoint, "webrtc", "yes", line);
  }
  if (!disabled.empty()) {
    p.approximated(line, fmt::format("{} is not enabled in [general], so chan_sip dropped it "
                                     "from the list too",
                                     disabled.front()));
  } else {
    p.mapped(line, "endpoint {} transport ({} first)", p.name, primary);
  }
}

}  // namespace

void convert_address(PeerContext& p) {
  convert_transport(p);
  const auto* host = p.setting("host"_option);
  const auto* defaultuser = p.own("defaultuser"_option);
  const std::string user(defaultuser ? defaultuser->value.view() : "");
  if (!p.peer.is_peer) {
    for (const auto* option : {&"host"_option, &"port"_option, &"defaultip"_option}) {
      p.approximated(p.setting(*option),
                     "a type=user section is never dialled or matched by address");
    }
  } else if (host && config::iequals(host->value, "dynamic")) {
    convert_dynamic(p, host, user);
  } else if (host) {
    const auto* insecure = p.setting("insecure"_option);
    bool without_port = false;
    if (insecure) {
      for (const auto& word : chansip::split_list(insecure->value)) {
        if (config::iequals(word, "port")) without_port = true;
      }
    }
    convert_static(p, host, user, without_port);
  }
  convert_outbound_proxy(p);
  convert_qualify(p);
}

}  // namespace sip2pjsip::convert
