// Which sections are peers, which of those have an endpoint, and which are provider trunks
// rather than phones, for the report's counts.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "config/document.h"
#include "report/report.h"

namespace sip2pjsip::report {

bool is_peer_kind(SectionKind kind);

bool has_endpoint(const SectionEntry& entry);

// Tells provider trunks from phones: a trunk is a peer (or friend) reached at a fixed address
// that a `register =>` line registers to, or that carries a provider's settings (defaultuser,
// fromuser, fromdomain, remotesecret, insecure, outboundproxy). Every other peer, user or friend
// counts as a peer.
class TrunkFinder {
 public:
  explicit TrunkFinder(const pjsip::Config& config);
  // `built_from`: the section chan_sip built the peer from (a merged peer's every line).
  bool is_trunk(SectionKind kind, const config::Section& built_from) const;

 private:
  std::set<std::string> registered_;  // peers a registration is linked to
};

}  // namespace sip2pjsip::report
