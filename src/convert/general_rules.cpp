// [general] settings the peers depend on: the transports chan_sip listens on (semantics.md
// sections 13 and 14), [authentication] (section 15), and the global identifier order.
#include <algorithm>

#include <fmt/format.h>

#include "chansip/model.h"
#include "chansip/option_table.h"
#include "chansip/realm_auth.h"
#include "chansip/values.h"
#include "convert/context.h"
#include "convert/object_names.h"
#include "pjsip/value_type.h"
#include "util/address.h"

namespace sip2pjsip::convert {

namespace {

using config::iequals;

std::optional<std::uint32_t> general_origin(const Context& context) {
  if (!context.model.general) return std::nullopt;
  return context.index_of(*context.model.general);
}

void mapped(Context& context, const config::Variable* line, const std::string& target) {
  if (line) context.ledger.mapped(*context.model.general, *line, target);
}

void invalid(Context& context, const config::Variable* line, const std::string& reason) {
  if (line) {
    context.ledger.not_converted(*context.model.general, *line, reason, "sip-invalid-value");
  }
}

// The last line of an option (or its alias), with earlier ones recorded as superseded.
const config::Variable* take(Context& context, const std::string& option) {
  const auto* line = general_setting(context, option);
  if (line) mark_superseded(context, *line);
  return line;
}

std::optional<HostPort> parse_bind(Context& context, const config::Variable* line) {
  if (!line) return std::nullopt;
  auto parsed = parse_host_port(line->value);
  if (!parsed || !parsed->is_ip()) {
    invalid(context, line, "not an IP address; chan_sip ignores it");
    return std::nullopt;
  }
  return parsed;
}

// externaddr/externip, externhost, localnet, tos_sip and cos_sip go on every transport.
struct NatSettings {
  std::optional<HostPort> external;
  bool external_is_hostname = false;
  std::vector<const config::Variable*> local_nets;
  const config::Variable* external_line = nullptr;
};

NatSettings read_nat_settings(Context& context) {
  NatSettings nat;
  if (const auto* line = take(context, "externaddr")) {
    // chan_sip takes only an address here (ast_parse_arg PARSE_ADDR) and ignores a host name.
    if (auto address = parse_host_port(line->value); address && address->is_ip()) {
      nat.external = address;
      nat.external_line = line;
    } else {
      invalid(context, line,
              "not an IP address[:port]; chan_sip ignores it (use externhost for "
              "a host name)");
    }
  }
  if (const auto* line = take(context, "externhost")) {
    if (auto host = parse_host_port(line->value)) {
      // chan_sip resolves externhost every externrefresh seconds; pjsip once, at load.
      nat.external = host;
      nat.external_is_hostname = !host->is_ip();
      nat.external_line = line;
      context.ledger.approximated(*context.model.general, *line,
                                  "pjsip resolves the host name once, when it loads; chan_sip "
                                  "looked it up again every externrefresh seconds");
    } else {
      invalid(context, line, "not a host[:port]");
    }
  }
  for (const auto& line : context.model.general->variables) {
    if (iequals(line.name, "localnet")) nat.local_nets.push_back(&line);
  }
  return nat;
}

void apply_nat(Context& context, pjsip::Object& transport, const NatSettings& nat,
               const char* external_port_option) {
  if (nat.external) {
    transport.set("external_media_address", nat.external->host, {nat.external_line->where()});
    transport.set("external_signaling_address", nat.external->host, {nat.external_line->where()});
    int port = nat.external->port.value_or(0);
    if (external_port_option) {
      port = 0;
      if (const auto* line = take(context, external_port_option)) {
        if (auto value = chansip::parse_integer(line->value); value && *value > 0) {
          port = static_cast<int>(*value);
          mapped(context, line, "transport external_signaling_port");
        } else {
          invalid(context, line, "not a port number");
        }
      }
    }
    if (port) transport.set("external_signaling_port", std::to_string(port));
    if (!nat.external_is_hostname) {
      mapped(context, nat.external_line,
             "transport external_signaling_address/external_media_address");
    }
  }
  for (const auto* line : nat.local_nets) {
    transport.set("local_net", std::string(line->value), {line->where()});
    mapped(context, line, "transport local_net");
  }
  // chan_sip marks SIP packets with cos 4 unless told otherwise; pjsip with 0.
  const auto* tos = take(context, "tos_sip");
  if (tos) {
    transport.set("tos", std::string(tos->value), {tos->where()});
    mapped(context, tos, "transport tos");
  }
  const auto* cos = take(context, "cos_sip");
  transport.set("cos", std::string(cos ? cos->value.view() : "4"),
                cos ? std::vector{cos->where()} : std::vector<config::Location>{});
  mapped(context, cos, "transport cos");
}

// Settings of a transport chan_sip does not open have no effect there either.
void mark_unused_transport_options(Context& context, bool tcp_on, bool tls_on) {
  static constexpr const char* kTlsOptions[] = {
      "tlsbindaddr", "tlscertfile",     "tlsprivatekey",       "tlscipher",    "tlscafile",
      "tlscapath",   "tlsclientmethod", "tlsdontverifyserver", "externtlsport"};
  // In file order, as the ledger records them.
  std::vector<std::pair<const config::Variable*, const char*>> unused;
  if (!tcp_on) {
    for (const auto* line : general_lines_setting(context, "externtcpport"_option)) {
      unused.emplace_back(line, "unused: TCP is not enabled");
    }
  }
  if (!tls_on) {
    for (const char* option : kTlsOptions) {
      for (const auto* line : general_lines_setting(context, chansip::OptionName(option))) {
        unused.emplace_back(line, "unused: TLS is not enabled");
      }
    }
  }
  std::sort(unused.begin(), unused.end());
  for (const auto& [line, why] : unused) mapped(context, line, why);
}

// chan_sip hands tlscipher to OpenSSL as a cipher string (ALL, HIGH:!aNULL, ...); pjsip's
// cipher takes a comma list of cipher names and refuses the whole transport otherwise, so only
// such a list is written (the check `sip2pjsip check` makes of a transport's cipher).
void convert_tls_cipher(Context& context, pjsip::Object& transport) {
  const auto* line = take(context, "tlscipher");
  if (!line) return;
  pjsip::ValueType cipher_list;
  cipher_list.kind = pjsip::ValueKind::cipher_list;
  const bool names_only = !pjsip::check_value(cipher_list, line->value);
  if (!names_only) {
    context.ledger.approximated(*context.model.general, *line,
                                "pjsip's cipher takes cipher names, not an OpenSSL cipher "
                                "string; left out, so every cipher OpenSSL offers is allowed");
    return;
  }
  transport.set("cipher", std::string(line->value), {line->where()});
  mapped(context, line, "transport transport-tls cipher");
}

pjsip::Object& add_transport(Context& context, const std::string& protocol, const HostPort& bind) {
  const std::string name = "transport-" + protocol;
  auto& transport = context.output.add(name, "transport", general_origin(context));
  transport.set("protocol", protocol);
  transport.set("bind", bind.to_string());
  context.transports[protocol] = name;
  return transport;
}

// chan_sip binds UDP on bindaddr (alias udpbindaddr; default 0.0.0.0) with bindport (default
// 5060) overriding any port given there; TCP, when enabled, on tcpbindaddr, else on the UDP
// address and port; TLS, when enabled, on tlsbindaddr, else on the UDP address and port 5061.
void convert_transports(Context& context) {
  const auto* general = context.model.general;
  HostPort udp{"0.0.0.0", std::nullopt, true, false};
  NatSettings nat;
  const config::Variable* tcp_enable = nullptr;
  const config::Variable* tls_enable = nullptr;
  if (general) {
    const auto* bindaddr = take(context, "bindaddr");
    if (auto parsed = parse_bind(context, bindaddr)) {
      udp = *parsed;
      mapped(context, bindaddr, "transport transport-udp bind");
    }
    if (const auto* port = take(context, "bindport")) {
      if (auto value = chansip::parse_integer(port->value); value && *value > 0 && *value < 65536) {
        udp.port = static_cast<int>(*value);
        mapped(context, port, "transport transport-udp bind port");
      } else {
        invalid(context, port, "not a port number");
      }
    }
    nat = read_nat_settings(context);
    tcp_enable = take(context, "tcpenable");
    tls_enable = take(context, "tlsenable");
  }
  auto& udp_transport = add_transport(context, "udp", udp);
  if (general) apply_nat(context, udp_transport, nat, nullptr);

  if (tcp_enable) mapped(context, tcp_enable, "transport transport-tcp");
  if (tcp_enable && chansip::is_true(tcp_enable->value)) {
    HostPort tcp = udp;
    if (const auto* line = take(context, "tcpbindaddr")) {
      if (auto parsed = parse_bind(context, line)) {
        tcp = *parsed;
        if (!tcp.port) tcp.port = 5060;
        mapped(context, line, "transport transport-tcp bind");
      }
    }
    apply_nat(context, add_transport(context, "tcp", tcp), nat, "externtcpport");
  } else if (const auto* line = general ? take(context, "tcpbindaddr") : nullptr) {
    mapped(context, line, "unused: TCP is not enabled");
  }

  if (tls_enable) mapped(context, tls_enable, "transport transport-tls");
  const bool tcp_on = tcp_enable && chansip::is_true(tcp_enable->value);
  const bool tls_on = tls_enable && chansip::is_true(tls_enable->value);
  if (general) mark_unused_transport_options(context, tcp_on, tls_on);
  if (tls_on) {
    HostPort tls = udp;
    tls.port = 5061;
    if (const auto* line = take(context, "tlsbindaddr")) {
      if (auto parsed = parse_bind(context, line)) {
        tls = *parsed;
        if (!tls.port) tls.port = 5061;
        mapped(context, line, "transport transport-tls bind");
      }
    }
    auto& transport = add_transport(context, "tls", tls);
    static constexpr std::pair<const char*, const char*> kFiles[] = {
        {"tlscertfile", "cert_file"},
        {"tlsprivatekey", "priv_key_file"},
        {"tlscafile", "ca_list_file"},
        {"tlscapath", "ca_list_path"}};
    for (const auto& [option, target] : kFiles) {
      if (const auto* line = take(context, option)) {
        transport.set(target, std::string(line->value), {line->where()});
        mapped(context, line, std::string("transport transport-tls ") + target);
      }
    }
    convert_tls_cipher(context, transport);
    if (const auto* line = take(context, "tlsclientmethod")) {
      const auto method = chansip::to_lower(line->value);
      transport.set("method", method == "sslv2" || method == "sslv3" ? "sslv23" : method,
                    {line->where()});
      mapped(context, line, "transport transport-tls method");
    }
    if (const auto* line = take(context, "tlsdontverifyserver")) {
      transport.set("verify_server", chansip::is_true(line->value) ? "no" : "yes", {line->where()});
      mapped(context, line, "transport transport-tls verify_server");
    }
    apply_nat(context, transport, nat, "externtlsport");
  }
}

// [authentication] auth= lines answer challenges from their realm on every dialog.
void convert_authentication(Context& context) {
  const auto* section = context.model.authentication;
  if (!section) return;
  for (const auto& line : section->variables) {
    if (!iequals(line.name, "auth")) continue;
    const auto parsed = chansip::parse_realm_auth(line.value);
    if (!parsed) {
      context.ledger.not_converted(*section, line,
                                   "expected user:secret@realm or user#md5secret@realm",
                                   "sip-invalid-value");
      continue;
    }
    const auto realm = name_part(parsed->realm);
    std::string name = "auth-" + realm;
    for (int n = 2; context.output.find(name, "auth"); ++n) {
      name = fmt::format("auth-{}-{}", realm, n);
    }
    auto& auth = context.output.add(name, "auth", context.index_of(*section));
    auth.set("auth_type", parsed->md5 ? "md5" : "userpass");
    auth.set("username", parsed->user, {line.where()});
    auth.set(parsed->md5 ? "md5_cred" : "password", parsed->secret, {line.where()});
    auth.set("realm", parsed->realm, {line.where()});
    context.global_outbound_auths.push_back(name);
    context.ledger.mapped(*section, line,
                          fmt::format("auth {} in the outbound_auth of every endpoint and "
                                      "registration",
                                      name));
  }
}

// WebSocket peers need a ws/wss transport; res_http_websocket serves them (http.conf).
void convert_websocket_transports(Context& context) {
  const auto* enabled = general_setting(context, "websocket_enabled"_option);
  if (enabled) mapped(context, enabled, "ws/wss transports for WebSocket peers");
  if (enabled && chansip::is_false(enabled->value)) return;
  // Peers of a template (or [general]) repeat one value: a value looked at before adds nothing.
  std::string_view last_value;
  for (const auto& peer : context.model.peers) {
    const auto* line = chansip::effective_setting(context.model, peer, "transport");
    if (!line || line->value == last_value) continue;
    last_value = line->value;
    for (const auto& word : chansip::split_list(line->value)) {
      const auto protocol = chansip::to_lower(word);
      if ((protocol == "ws" || protocol == "wss") && !context.transports.count(protocol)) {
        add_transport(context, protocol, HostPort{"0.0.0.0", std::nullopt, true, false});
        context.report(line->where(), Severity::note,
                       fmt::format("WebSocket peers need res_http_websocket: http.conf must have "
                                   "enabled=yes{}",
                                   protocol == "wss" ? " and tlsenable=yes with a certificate"
                                                     : " and a bindaddr/bindport"),
                       "pjsip-http-conf");
      }
    }
  }
}

// chan_sip looks a request up by name before address; pjsip's default order is the reverse.
void convert_identifier_order(Context& context) {
  auto& global = context.output.add("global", "global", general_origin(context));
  global.set("endpoint_identifier_order", "username,ip,anonymous");
}

}  // namespace

const config::Variable* general_setting(const Context& context, const chansip::OptionName& option) {
  const auto* general = context.model.general;
  if (!general) return nullptr;
  const int id = option.id;
  if (id == chansip::kUnknownOption) {
    return chansip::last_setting(*general, std::string(option.name));
  }
  const int last = context.general_lines.last(id);
  return last < 0 ? nullptr : &general->variables[static_cast<std::size_t>(last)];
}

std::vector<const config::Variable*> general_lines_setting(const Context& context,
                                                           const chansip::OptionName& option) {
  std::vector<const config::Variable*> lines;
  const auto* general = context.model.general;
  if (!general) return lines;
  for (const auto position : context.general_lines.positions({option.id})) {
    lines.push_back(&general->variables[position]);
  }
  return lines;
}

void convert_general(Context& context) {
  convert_transports(context);
  convert_websocket_transports(context);
  convert_authentication(context);
  convert_identifier_order(context);
}

}  // namespace sip2pjsip::convert
