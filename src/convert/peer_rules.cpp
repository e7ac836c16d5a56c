// A peer, user or friend becomes an endpoint, with an aor when it can be reached, auths for
// its credentials and an identify when it is matched by address. Each group of options has its
// rule in convert/rules/.
#include <algorithm>
#include <vector>

#include "convert/context.h"
#include "convert/peer_context.h"
#include "util/parallel.h"

namespace sip2pjsip::convert {

namespace {

// Room for exactly the object's options and those added later: a few unused slots in each of a
// million endpoints and aors made a gigabyte.
void fit_capacity(pjsip::Object& object, std::size_t added_later) {
  object.fit_option_capacity(object.options().size() + added_later);
}

void convert_peer(Context& context, const chansip::PeerSection& peer, std::size_t rows_later) {
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
  fit_capacity(p.endpoint, rows_later);
  if (p.aor) fit_capacity(*p.aor, 0);

  context.output.objects.push_back(std::move(p.endpoint));
  if (p.aor) context.output.objects.push_back(std::move(*p.aor));
  if (p.inbound_auth) context.output.objects.push_back(std::move(*p.inbound_auth));
  for (auto& auth : p.outbound_auths) context.output.objects.push_back(std::move(auth));
  if (p.identify) context.output.objects.push_back(std::move(*p.identify));
}

}  // namespace

// Each peer is converted on its own, so the peers are split over the cores. The first part
// converts into the conversion itself; every other part into objects, a ledger and diagnostics
// of its own, appended afterwards in peer order. That gives what one pass over the peers gives:
// the ledger keeps a line's first outcome, so a [general] line the parts share keeps the one of
// the first peer that recorded it.
void convert_peers(Context& context) {
  struct Part {
    pjsip::Config output;
    Ledger ledger;
    Diagnostics diagnostics;
  };
  const auto& peers = context.model.peers;
  const auto parts = part_count(peers.size());
  const auto rows_later = endpoint_options_from_general(context);
  std::vector<Part> later(parts - 1);
  for_each_part(peers.size(), parts, [&](std::size_t part, std::size_t begin, std::size_t end) {
    if (part == 0) {
      for (auto i = begin; i < end; ++i) convert_peer(context, peers[i], rows_later);
      return;
    }
    auto& sink = later[part - 1];
    Context own{context.document,
                context.model,
                sink.output,
                sink.ledger,
                sink.diagnostics,
                context.transports,
                context.global_outbound_auths,
                context.general_lines,
                {},
                {}};
    for (auto i = begin; i < end; ++i) convert_peer(own, peers[i], rows_later);
  });
  for (auto& part : later) {
    context.output.absorb(std::move(part.output));
    context.ledger.absorb(std::move(part.ledger));
    // A finding of a template's line was made by each part that converted one of its peers.
    for (const auto& diagnostic : part.diagnostics.all()) {
      context.diagnostics.report_once(diagnostic);
    }
  }
}

}  // namespace sip2pjsip::convert
