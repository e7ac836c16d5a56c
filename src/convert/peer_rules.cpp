// A peer, user or friend becomes an endpoint, with an aor when it can be reached, auths for
// its credentials and an identify when it is matched by address. Each group of options has its
// rule in convert/rules/.
#include "convert/context.h"
#include "convert/peer_context.h"

namespace sip2pjsip::convert {

namespace {

void convert_peer(Context& context, const chansip::PeerSection& peer) {
  PeerContext p(context, peer);
  convert_identity(p);
  convert_media(p);
  convert_nat(p);
  convert_address(p);
  convert_calls(p);
  convert_simple(p);
  if (p.aor) PeerContext::set(p.endpoint, "aors", p.name);
  convert_auth(p);
  convert_unsupported(p);

  context.output.objects.push_back(std::move(p.endpoint));
  if (p.aor) context.output.objects.push_back(std::move(*p.aor));
  if (p.inbound_auth) context.output.objects.push_back(std::move(*p.inbound_auth));
  for (auto& auth : p.outbound_auths) context.output.objects.push_back(std::move(auth));
  if (p.identify) context.output.objects.push_back(std::move(*p.identify));
}

}  // namespace

void convert_peers(Context& context) {
  for (const auto& peer : context.model.peers) convert_peer(context, peer);
}

}  // namespace sip2pjsip::convert
