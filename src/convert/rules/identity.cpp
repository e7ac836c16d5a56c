// Which requests reach the endpoint: type=user is matched by From user, type=peer by source
// address, type=friend by both (semantics.md section 1). The identify object itself is built
// with the address (address.cpp), which knows host, port and insecure=port.
#include <fmt/format.h>

#include "chansip/values.h"
#include "convert/peer_context.h"

namespace sip2pjsip::convert {

namespace {

bool is_dynamic(PeerContext& p) {
  const auto* host = p.own("host"_option);
  return host && config::iequals(host->value, "dynamic");
}

}  // namespace

void convert_identity(PeerContext& p) {
  // With match_auth_username=yes chan_sip looks users up by the Authorization username.
  const config::Variable* by_auth = general_setting(p.context, "match_auth_username"_option);
  const std::string user_identifier =
      by_auth && chansip::is_true(by_auth->value) ? "auth_username" : "username";
  p.mapped(by_auth, "identify_by={} on every user endpoint", user_identifier);

  std::string identify_by;
  std::string target;
  if (p.peer.is_user && p.peer.is_peer) {
    identify_by = user_identifier + ",ip";
  } else if (p.peer.is_user) {
    identify_by = user_identifier;
  } else if (is_dynamic(p)) {
    // A dynamic type=peer is matched only by its registered address in chan_sip; pjsip cannot
    // identify by registered contact, and its registrar needs username identification.
    identify_by = user_identifier;
  } else {
    identify_by = "ip";
  }
  PeerContext::set(p.endpoint, "identify_by", identify_by);
  for (const auto* type : p.lines("type"_option)) {
    if (!p.peer.is_user && is_dynamic(p)) {
      p.approximated(type,
                     "a dynamic type=peer was matched only by its registered address; pjsip "
                     "matches it by From user (identify_by=" +
                         identify_by + ")");
    } else {
      p.mapped(type, "endpoint {} identify_by={}", p.name, identify_by);
    }
  }

  const auto* context = p.setting("context"_option);
  PeerContext::set(p.endpoint, "context", std::string(context ? context->value.view() : "default"),
                   context);
  p.mapped(context, "endpoint {} context", p.name);
}

}  // namespace sip2pjsip::convert
