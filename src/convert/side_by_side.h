// Running chan_sip and res_pjsip together while phones move over (the seed page's "Disabling
// res_pjsip and chan_pjsip"): the converted transports on other ports, and the modules.conf
// lines for each phase of the move.
#pragma once

#include <optional>
#include <string>

#include "pjsip/object.h"
#include "util/diagnostics.h"

namespace sip2pjsip::convert {

// Moves every UDP and TCP transport to `port` and every TLS transport to `port + 1`, so that
// they no longer collide with chan_sip's sockets. WebSocket transports are served by the HTTP
// server and keep their settings. An external_signaling_port (a NAT mapping made for chan_sip's
// port) is removed and reported, since the router must forward the new port instead.
void move_transports(pjsip::Config& config, int port, Diagnostics& diagnostics,
                     const std::string& output_path);

enum class MigrationPhase { chan_sip, both, pjsip };

std::optional<MigrationPhase> parse_phase(const std::string& name);

// modules.conf lines for the phase, with comments saying what each does.
std::string modules_plan(MigrationPhase phase);

}  // namespace sip2pjsip::convert
