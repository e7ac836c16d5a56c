#include "report/section_roles.h"

#include "chansip/model.h"
#include "chansip/option_table.h"

namespace sip2pjsip::report {

using chansip::operator""_option;
using config::iequals;

bool is_peer_kind(SectionKind kind) {
  return kind == SectionKind::peer || kind == SectionKind::user || kind == SectionKind::friend_;
}

bool has_endpoint(const SectionEntry& entry) {
  for (const auto* object : entry.objects) {
    if (object->type == "endpoint") return true;
  }
  return false;
}

TrunkFinder::TrunkFinder(const pjsip::Config& config) {
  for (const auto& object : config.objects) {
    if (object.type != "registration") continue;
    // A registration linked to a peer is named after it (-2, -3, ... for its further lines), and
    // names the peer's endpoint when the peer has no identify.
    const std::string_view name = object.name;
    registered_.emplace(name);
    const auto dash = name.rfind('-');
    if (dash != std::string_view::npos &&
        name.find_first_not_of("0123456789", dash + 1) == std::string_view::npos) {
      registered_.emplace(name.substr(0, dash));
    }
    if (const auto* endpoint = object.find("endpoint")) registered_.emplace(endpoint->value);
  }
}

bool TrunkFinder::is_trunk(SectionKind kind, const config::Section& section) const {
  if (kind != SectionKind::peer && kind != SectionKind::friend_) return false;
  // The section's option ids once, rather than a name lookup per line for every question.
  const auto ids = chansip::option_ids(section);
  const auto* host = chansip::last_with_id(section, ids, "host"_option.id);
  if (!host || iequals(host->value, "dynamic")) return false;
  if (registered_.count(section.name)) return true;
  // Settings an ITSP account needs and a phone does not.
  for (const auto* option : {&"defaultuser"_option, &"fromuser"_option, &"fromdomain"_option,
                             &"remotesecret"_option, &"insecure"_option, &"outboundproxy"_option}) {
    if (chansip::last_with_id(section, ids, option->id)) return true;
  }
  return false;
}

}  // namespace sip2pjsip::report
