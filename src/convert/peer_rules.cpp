// A peer, user or friend becomes an endpoint, an aor (when it can be reached) and an auth (when
// it has a secret).
#include <fmt/format.h>

#include "chansip/codecs.h"
#include "chansip/model.h"
#include "convert/context.h"
#include "util/address.h"

namespace sip2pjsip::convert {

namespace {

using config::iequals;

bool is_codec_line(const config::Variable& variable) {
  return iequals(variable.name, "allow") || iequals(variable.name, "disallow");
}

// Codecs accumulate: [general]'s list first, then the peer's own allow/disallow lines in order.
void convert_codecs(Context& context, const chansip::PeerSection& peer, pjsip::Object& endpoint) {
  auto codecs = chansip::CodecList::chan_sip_default();
  std::vector<config::Location> sources;
  auto apply = [&](const config::Section& section, const config::Variable& variable) {
    for (const auto& unknown : codecs.apply(variable.value, iequals(variable.name, "allow"))) {
      context.report(variable.where, Severity::warning,
                     fmt::format("unknown codec '{}'; chan_sip ignores it", unknown),
                     "sip-unknown-codec");
    }
    sources.push_back(variable.where);
    if (&section == peer.section) {
      context.ledger.mapped(section, variable, fmt::format("endpoint {} allow", endpoint.name));
    }
  };
  if (context.model.general) {
    for (const auto& variable : context.model.general->variables) {
      if (is_codec_line(variable)) apply(*context.model.general, variable);
    }
  }
  for (const auto& variable : peer.section->variables) {
    if (is_codec_line(variable)) apply(*peer.section, variable);
  }
  endpoint.set("disallow", "all", sources);
  if (!codecs.empty()) endpoint.set("allow", codecs.allow_value(), sources);
  if (!codecs.removed_from_all().empty()) {
    std::string removed;
    for (const auto& codec : codecs.removed_from_all()) {
      removed += (removed.empty() ? "" : ",") + codec;
    }
    endpoint.set("disallow", removed, sources);
  }
}

void convert_context(Context& context, const chansip::PeerSection& peer, pjsip::Object& endpoint) {
  const auto* setting = chansip::effective_setting(context.model, peer, "context");
  if (!setting) {
    endpoint.set("context", "default");  // chan_sip's DEFAULT_CONTEXT
    return;
  }
  endpoint.set("context", setting->value, {setting->where});
  if (const auto* own = chansip::last_setting(*peer.section, "context")) {
    mark_superseded(context, *peer.section, *own);
    context.ledger.mapped(*peer.section, *own, fmt::format("endpoint {} context", endpoint.name));
  }
}

// host=dynamic: one registration, a new one replacing the old. A static host: a fixed contact.
// Returns false when the peer cannot be reached, so no aor is written.
bool convert_address(Context& context, const chansip::PeerSection& peer, const std::string& name) {
  const auto& section = *peer.section;
  const auto* host = chansip::last_setting(section, "host");
  if (!host) return false;
  mark_superseded(context, section, *host);
  if (!peer.is_peer) {
    context.ledger.approximated(section, *host,
                                "a type=user section is never dialled or matched by address");
    return false;
  }
  const auto origin = context.index_of(section);
  if (iequals(host->value, "dynamic")) {
    context.ledger.mapped(section, *host, fmt::format("aor {} max_contacts, remove_existing", name));
    auto& aor = context.output.add(name, "aor", origin);
    aor.set("max_contacts", "1", {host->where});
    aor.set("remove_existing", "yes", {host->where});
    return true;
  }
  auto address = parse_host_port(host->value);
  if (!address) {
    context.report(host->where, Severity::error,
                   fmt::format("host = {}: not a host name or address", host->value),
                   "sip-invalid-value");
    context.ledger.not_converted(section, *host, "not a host name or address");
    return false;
  }
  std::vector<config::Location> sources{host->where};
  if (const auto* port = chansip::last_setting(section, "port")) {
    mark_superseded(context, section, *port);
    if (auto number = parse_host_port("h:" + port->value); number && number->port) {
      address->port = number->port;
      sources.push_back(port->where);
      context.ledger.mapped(section, *port, fmt::format("aor {} contact", name));
    }
  }
  // chan_sip sends to 5060 when no port is set; for a host name it may look up SRV records,
  // so the port is written only for an IP address, where it changes nothing.
  if (!address->port && address->is_ip()) address->port = 5060;
  context.ledger.mapped(section, *host, fmt::format("aor {} contact", name));
  auto& aor = context.output.add(name, "aor", origin);
  aor.set("contact", "sip:" + address->to_string(), sources);
  return true;
}

// Inbound authentication: chan_sip checks the digest username against the section name.
bool convert_secret(Context& context, const chansip::PeerSection& peer, const std::string& name) {
  const auto& section = *peer.section;
  const auto* secret = chansip::last_setting(section, "secret");
  if (!secret) return false;
  mark_superseded(context, section, *secret);
  if (secret->value.empty()) {
    context.ledger.mapped(section, *secret, "no auth: an empty secret means no authentication");
    return false;
  }
  context.ledger.mapped(section, *secret, fmt::format("auth {} password", name));
  auto& auth = context.output.add(name, "auth", context.index_of(section));
  auth.set("auth_type", "userpass");
  auth.set("username", name);
  auth.set("password", secret->value, {secret->where});
  return true;
}

void convert_peer(Context& context, const chansip::PeerSection& peer) {
  const auto& section = *peer.section;
  const auto& name = section.name;
  for (const auto& variable : section.variables) {
    if (iequals(variable.name, "type")) {
      context.ledger.mapped(section, variable, fmt::format("endpoint {}", name));
    }
  }
  auto& endpoint = context.output.add(name, "endpoint", context.index_of(section));
  convert_context(context, peer, endpoint);
  convert_codecs(context, peer, endpoint);
  const bool has_aor = convert_address(context, peer, name);
  const bool has_auth = convert_secret(context, peer, name);
  if (has_aor) endpoint.set("aors", name);
  if (has_auth) endpoint.set("auth", name);
}

}  // namespace

void convert_peers(Context& context) {
  for (const auto& peer : context.model.peers) convert_peer(context, peer);
}

}  // namespace sip2pjsip::convert
