#include "convert/side_by_side.h"

#include <fmt/format.h>

#include "util/address.h"

namespace sip2pjsip::convert {

void move_transports(pjsip::Config& config, int port, Diagnostics& diagnostics,
                     const std::string& output_path) {
  for (auto& object : config.objects) {
    if (object.type != "transport") continue;
    const auto* protocol = object.find("protocol");
    if (!protocol || protocol->value == "ws" || protocol->value == "wss") continue;
    const int new_port = protocol->value == "tls" ? port + 1 : port;
    const auto options = object.options();
    for (std::size_t i = 0; i < options.size(); ++i) {
      if (options[i].name != "bind") continue;
      auto bind = parse_host_port(options[i].value);
      if (!bind) continue;
      bind->port = new_port;
      auto moved = options[i];
      moved.value = object.keep(bind->to_string());
      object.replace(i, std::move(moved));
    }
    const auto removed = object.remove_options([](std::size_t, const pjsip::Option& option) {
      return option.name == "external_signaling_port";
    });
    if (removed != 0) {
      diagnostics.report(output_path, 0, Severity::warning,
                         fmt::format("[{}]: external_signaling_port removed: the NAT mapping was "
                                     "made for chan_sip's port; forward port {} instead",
                                     object.name, new_port),
                         "side-by-side-nat");
    }
  }
}

std::optional<MigrationPhase> parse_phase(const std::string& name) {
  if (name == "chan_sip") return MigrationPhase::chan_sip;
  if (name == "both") return MigrationPhase::both;
  if (name == "pjsip") return MigrationPhase::pjsip;
  return std::nullopt;
}

std::string modules_plan(MigrationPhase phase) {
  switch (phase) {
    case MigrationPhase::chan_sip:
      return "; modules.conf: keep chan_sip, load no PJSIP module yet\n"
             "noload => res_pjsip.so\n"
             "noload => res_pjsip_pubsub.so\n"
             "noload => res_pjsip_session.so\n"
             "noload => chan_pjsip.so\n"
             "noload => res_pjsip_exten_state.so\n"
             "noload => res_pjsip_log_forwarder.so\n";
    case MigrationPhase::both:
      return "; modules.conf: run chan_sip and chan_pjsip side by side\n"
             "; Both load; they must not share a port: convert with --pjsip-port (for example\n"
             "; 5070) so the pjsip transports listen beside chan_sip's 5060, then move phones\n"
             "; one by one and dial them as PJSIP/<name> once they registered there.\n"
             "; chan_sip takes the 'sip' WebSocket protocol while websocket_enabled=yes (its\n"
             "; default), and res_pjsip_transport_websocket then declines to load: set\n"
             "; websocket_enabled=no in sip.conf before WebRTC phones move to pjsip.\n"
             "load => chan_sip.so\n"
             "load => res_pjsip.so\n"
             "load => chan_pjsip.so\n";
    case MigrationPhase::pjsip:
      return "; modules.conf: switch to chan_pjsip, stop loading chan_sip\n"
             "; Convert again without --pjsip-port so pjsip takes chan_sip's ports.\n"
             "noload => chan_sip.so\n"
             "load => res_pjsip.so\n"
             "load => chan_pjsip.so\n";
  }
  return "";
}

}  // namespace sip2pjsip::convert
