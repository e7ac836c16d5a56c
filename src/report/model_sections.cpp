#include "report/model_sections.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

#include "util/ascii.h"

namespace sip2pjsip::report {

namespace {

using config::iequals;

SectionKind peer_kind(const chansip::PeerSection& peer) {
  if (peer.is_peer && peer.is_user) return SectionKind::friend_;
  return peer.is_peer ? SectionKind::peer : SectionKind::user;
}

// The document sections of each name that build_model() merges into one peer, in document
// order: visible sections chan_sip did not skip.
using SectionsByName = std::unordered_map<std::string_view, std::vector<std::uint32_t>,
                                          CaseInsensitiveHash, CaseInsensitiveEqual>;

SectionsByName mergeable_sections(const config::Document& document,
                                  const std::set<const config::Section*>& skipped) {
  SectionsByName out;
  for (std::uint32_t i = 0; i < document.sections.size(); ++i) {
    const auto& section = document.sections[i];
    if (!section.is_template && !skipped.count(&section)) out[section.name].push_back(i);
  }
  return out;
}

// The document sections a merged peer was built from, as build_model() merged them: its first
// definition, then every later visible section of that name chan_sip did not skip.
std::vector<std::uint32_t> definitions(const config::Document& document,
                                       const SectionsByName& by_name, std::uint32_t first) {
  std::vector<std::uint32_t> out{first};
  const auto& same_name = by_name.at(document.sections[first].name);
  const auto later = std::upper_bound(same_name.begin(), same_name.end(), first);
  out.insert(out.end(), later, same_name.end());
  return out;
}

// Pairs the merged copy's lines with the lines of its definitions, in order. Should the two
// ever disagree, the lines left unpaired show as unaccounted for rather than wrongly.
void pair_lines(const config::Document& document, const config::Section& merged,
                const std::vector<std::uint32_t>& sections, ModelSections& out) {
  std::size_t next = 0;
  for (const auto index : sections) {
    for (const auto& line : document.sections[index].variables) {
      if (next >= merged.variables.size()) return;
      const auto& copy = merged.variables[next++];
      if (copy.where().file != line.where().file || copy.where().line != line.where().line ||
          copy.name != line.name) {
        return;
      }
      out.lines.emplace(&copy, &line);
    }
  }
}

}  // namespace

ModelSections map_model_sections(const config::Document& document, const chansip::Model& model) {
  const auto count = document.sections.size();
  ModelSections out;
  // Visible sections the model does not place are reported as skipped, as chan_sip skips them.
  out.kinds.assign(count, SectionKind::skipped);
  out.built_from.resize(count);
  out.merged_into.resize(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    out.built_from[i] = &document.sections[i];
    if (document.sections[i].is_template) out.kinds[i] = SectionKind::template_;
  }
  const auto index = [&](const config::Section* section) {
    return static_cast<std::uint32_t>(section - document.sections.data());
  };
  if (model.general) out.kinds[index(model.general)] = SectionKind::general;
  if (model.authentication) out.kinds[index(model.authentication)] = SectionKind::authentication;

  const std::set<const config::Section*> skipped(model.skipped.begin(), model.skipped.end());
  std::optional<SectionsByName> by_name;  // only needed when a peer was merged
  for (const auto& peer : model.peers) {
    const auto merged = model.origins.find(peer.section);
    if (merged == model.origins.end()) {
      out.kinds[index(peer.section)] = peer_kind(peer);
      continue;
    }
    if (!by_name) by_name = mergeable_sections(document, skipped);
    const auto sections = definitions(document, *by_name, merged->second);
    for (const auto i : sections) {
      out.kinds[i] = peer_kind(peer);
      out.built_from[i] = peer.section;
      if (i != merged->second) out.merged_into[i] = merged->second;
    }
    pair_lines(document, *peer.section, sections, out);
  }
  return out;
}

}  // namespace sip2pjsip::report
