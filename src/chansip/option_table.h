// Every option chan_sip (Asterisk 20) accepts, from data/chan_sip_options.tsv (embedded at
// build time), so the converter can tell an option it does not convert yet from one chan_sip
// itself never knew.
#pragma once

#include <string>
#include <string_view>

namespace sip2pjsip::chansip {

enum class Scope { general, peer, both, authentication, realtime };

struct OptionInfo {
  std::string name;  // canonical name
  Scope scope = Scope::both;
  bool inherited_by_peers = false;  // [general] value is the peer's default
  std::string pjsip_counterpart;    // free text from the research table
};

// Looks an option up by name or alias, case-insensitively (chan_sip compares with strcasecmp).
const OptionInfo* find_option(std::string_view name);

// A number for each option (aliases share it), so hot code compares integers instead of names;
// kUnknownOption for a name chan_sip does not know.
inline constexpr int kUnknownOption = -1;
int option_id(std::string_view name);

// True when the option is valid in a peer/user/friend section.
bool valid_in_peer(const OptionInfo& info);
// True when the option is valid in [general].
bool valid_in_general(const OptionInfo& info);

}  // namespace sip2pjsip::chansip
