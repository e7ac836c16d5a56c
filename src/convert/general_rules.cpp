// [general]: the UDP transport chan_sip always opens, and the defaults peers inherit.
#include <fmt/format.h>

#include "chansip/model.h"
#include "convert/context.h"
#include "util/address.h"

namespace sip2pjsip::convert {

namespace {

// chan_sip binds UDP on `bindaddr` (alias udpbindaddr; default 0.0.0.0), with `bindport`
// overriding any port given there (reload_config, after the option loop).
void convert_udp_transport(Context& context) {
  const config::Section* general = context.model.general;
  std::optional<std::uint32_t> origin;
  if (general) origin = context.index_of(*general);

  HostPort bind{"0.0.0.0", std::nullopt, true, false};
  std::vector<config::Location> sources;
  if (general) {
    for (const auto& variable : general->variables) {
      if (config::iequals(variable.name, "bindaddr") ||
          config::iequals(variable.name, "udpbindaddr")) {
        if (auto parsed = parse_host_port(variable.value); parsed && parsed->is_ip()) {
          bind = *parsed;
          context.ledger.mapped(*general, variable, "transport transport-udp bind");
        } else {
          context.report(variable.where, Severity::error,
                         fmt::format("{} = {}: not an IP address; chan_sip ignores it",
                                     variable.name, variable.value),
                         "sip-invalid-value");
          context.ledger.not_converted(*general, variable, "not an IP address");
        }
        sources.push_back(variable.where);
      }
    }
    if (const auto* port = chansip::last_setting(*general, "bindport")) {
      mark_superseded(context, *general, *port);
      int number = 0;
      if (std::sscanf(port->value.c_str(), "%5d", &number) == 1 && number > 0) {
        bind.port = number;
        context.ledger.mapped(*general, *port, "transport transport-udp bind");
        sources.push_back(port->where);
      }
    }
  }
  auto& transport = context.output.add("transport-udp", "transport", origin);
  transport.set("protocol", "udp");
  transport.set("bind", bind.to_string(), sources);
}

// chan_sip looks a request up by name before address; pjsip's default order is the reverse.
void convert_identifier_order(Context& context) {
  std::optional<std::uint32_t> origin;
  if (context.model.general) origin = context.index_of(*context.model.general);
  auto& global = context.output.add("global", "global", origin);
  global.set("endpoint_identifier_order", "username,ip,anonymous");
}

}  // namespace

void convert_general(Context& context) {
  convert_udp_transport(context);
  convert_identifier_order(context);
}

}  // namespace sip2pjsip::convert
