#include "chansip/model.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include "chansip/option_table.h"
#include "util/ascii.h"
#include "util/parallel.h"

namespace sip2pjsip::chansip {

using config::iequals;

namespace {

const config::Variable* first_setting(const config::Section& section, const std::string& name) {
  for (const auto& variable : section.variables) {
    if (iequals(variable.name, name)) return &variable;
  }
  return nullptr;
}

// A template no section inherits from is never seen by chan_sip: its lines do nothing.
void report_unused_templates(const config::Document& document, Diagnostics& diagnostics) {
  std::unordered_set<std::string> used_bases;
  for (const auto& section : document.sections) {
    for (const auto& base : section.bases) used_bases.insert(ascii_lower(base));
  }
  for (const auto& section : document.sections) {
    if (!section.is_template) continue;
    if (!used_bases.count(ascii_lower(section.name))) {
      diagnostics.report(document.path_of(section.where), section.where.line, Severity::note,
                         fmt::format("template [{}] is not used by any section; its {} line(s) "
                                     "have no effect",
                                     section.name, section.variables.size()),
                         "sip-unused-template");
    }
  }
}

// build_peer() ORs every type line of every definition together.
void add_types(PeerSection& peer, const config::Section& section) {
  for (const auto& variable : section.variables) {
    if (!iequals(variable.name, "type")) continue;
    if (iequals(variable.value, "peer")) peer.is_peer = true;
    if (iequals(variable.value, "user")) peer.is_user = true;
    if (iequals(variable.value, "friend")) peer.is_peer = peer.is_user = true;
  }
}

void merge_into(Model& model, const config::Document& document, PeerSection& peer,
                const config::Section& again) {
  if (!model.origins.count(peer.section)) {
    model.merged.push_back(*peer.section);
    model.origins.emplace(&model.merged.back(),
                          static_cast<std::uint32_t>(peer.section - document.sections.data()));
    peer.section = &model.merged.back();
  }
  // peer.section now points into model.merged, which owns it.
  auto& merged = const_cast<config::Section&>(*peer.section);
  merged.name = again.name;  // build_peer() takes the later spelling of the name
  for (const auto& variable : again.variables) merged.variables.push_back(variable);
}

}  // namespace

std::vector<int> option_ids(const config::Section& section) {
  std::vector<int> ids;
  ids.reserve(section.variables.size());
  for (const auto& variable : section.variables) ids.push_back(option_id_of(variable.name));
  return ids;
}

OptionIndex::OptionIndex()
    : first_(option_count(), -1), last_(option_count(), -1), count_(option_count(), 0) {}

void OptionIndex::assign(const std::vector<int>& ids) {
  clear();
  ids_ = &ids;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == kUnknownOption) continue;
    const auto id = static_cast<std::size_t>(ids[i]);
    if (count_[id]++ == 0) first_[id] = static_cast<int>(i);
    last_[id] = static_cast<int>(i);
  }
}

void OptionIndex::clear() {
  if (!ids_) return;
  for (const int id : *ids_) {
    if (id == kUnknownOption) continue;
    first_[static_cast<std::size_t>(id)] = -1;
    last_[static_cast<std::size_t>(id)] = -1;
    count_[static_cast<std::size_t>(id)] = 0;
  }
  ids_ = nullptr;
}

std::vector<std::size_t> OptionIndex::positions(std::initializer_list<int> ids) const {
  std::vector<std::size_t> found;
  int from = -1;
  int to = -1;
  for (const int id : ids) {
    if (count(id) == 0) continue;
    from = from < 0 ? first(id) : std::min(from, first(id));
    to = std::max(to, last(id));
  }
  if (from < 0) return found;
  for (auto i = static_cast<std::size_t>(from); i <= static_cast<std::size_t>(to); ++i) {
    if (std::find(ids.begin(), ids.end(), (*ids_)[i]) != ids.end()) found.push_back(i);
  }
  return found;
}

const config::Variable* last_with_id(const config::Section& section, const std::vector<int>& ids,
                                     int id) {
  for (std::size_t i = ids.size(); i-- > 0;) {
    if (ids[i] == id) return &section.variables[i];
  }
  return nullptr;
}

const config::Variable* last_setting(const config::Section& section, const std::string& name) {
  // The same name, or the same option by another name (an alias), with the id of `name` looked
  // up once.
  const int id = option_id(name);
  const config::Variable* found = nullptr;
  for (const auto& variable : section.variables) {
    if (iequals(variable.name, name) ||
        (id != kUnknownOption && option_id_of(variable.name) == id)) {
      found = &variable;
    }
  }
  return found;
}

const config::Variable* own_setting(const PeerSection& peer, std::string_view name) {
  const int id = option_id(name);
  if (id == kUnknownOption) return last_setting(*peer.section, std::string(name));
  return last_with_id(*peer.section, peer.option_ids, id);
}

const config::Variable* effective_setting(const Model& model, const PeerSection& peer,
                                          std::string_view name) {
  const int id = option_id(name);
  if (id == kUnknownOption) return last_setting(*peer.section, std::string(name));
  if (const auto* own = last_with_id(*peer.section, peer.option_ids, id)) return own;
  if (!model.general || !find_option(name)->inherited_by_peers) return nullptr;
  const int last = model.general_last_line[static_cast<std::size_t>(id)];
  return last < 0 ? nullptr : &model.general->variables[static_cast<std::size_t>(last)];
}

Model build_model(const config::Document& document, Diagnostics& diagnostics) {
  Model model;
  auto skip = [&](const config::Section& section, std::string why, const char* code) {
    diagnostics.report(document.path_of(section.where), section.where.line, Severity::warning,
                       std::move(why), code);
    model.skipped.push_back(&section);
  };
  report_unused_templates(document, diagnostics);
  // chan_sip's peer table compares names case-insensitively. The keys are the names of the
  // peers' first sections, which the document keeps.
  absl::flat_hash_map<std::string_view, std::size_t, CaseInsensitiveHash, CaseInsensitiveEqual>
      peer_index;
  for (const auto* section : document.visible_sections()) {
    if (iequals(section->name, "general") || iequals(section->name, "authentication")) {
      auto& slot = iequals(section->name, "general") ? model.general : model.authentication;
      if (!slot) {
        slot = section;
      } else {
        skip(*section,
             fmt::format("second [{}] section; chan_sip reads only the first one (line {}), so "
                         "nothing in this one is converted",
                         section->name, slot->where.line),
             "sip-duplicate-general");
      }
      continue;
    }
    // reload_config() decides on the first `type` line; build_peer() then ORs every one.
    const auto* type = first_setting(*section, "type");
    if (!type) {
      skip(*section, fmt::format("section [{}] has no type; chan_sip skips it", section->name),
           "sip-missing-type");
      continue;
    }
    if (!iequals(type->value, "peer") && !iequals(type->value, "user") &&
        !iequals(type->value, "friend")) {
      skip(*section,
           fmt::format("section [{}] has unknown type '{}'; chan_sip skips it", section->name,
                       type->value),
           "sip-unknown-type");
      continue;
    }
    PeerSection peer{section, false, false, {}};
    const auto [known, is_new] = peer_index.emplace(section->name, model.peers.size());
    if (!is_new) {
      auto earlier = model.peers.begin() + static_cast<std::ptrdiff_t>(known->second);
      diagnostics.report(document.path_of(section->where), section->where.line, Severity::warning,
                         fmt::format("[{}] is defined again (first at {}:{}); chan_sip applies "
                                     "these lines on top of the earlier ones, and so does the "
                                     "conversion: one set of pjsip objects",
                                     section->name, document.path_of(earlier->section->where),
                                     earlier->section->where.line),
                         "sip-duplicate-peer");
      merge_into(model, document, *earlier, *section);
      add_types(*earlier, *section);
      continue;
    }
    add_types(peer, *section);
    model.peers.push_back(std::move(peer));
  }
  // Each peer's option ids, once its sections are merged: a name lookup for every line, fifteen
  // million at a million peers, split over the cores.
  for_each_part(model.peers.size(), part_count(model.peers.size()),
                [&model](std::size_t, std::size_t begin, std::size_t end) {
                  for (auto i = begin; i < end; ++i) {
                    model.peers[i].option_ids = option_ids(*model.peers[i].section);
                  }
                });
  if (model.general) model.general_option_ids = option_ids(*model.general);
  model.general_last_line.assign(option_count(), -1);
  for (std::size_t i = 0; i < model.general_option_ids.size(); ++i) {
    const int id = model.general_option_ids[i];
    if (id != kUnknownOption)
      model.general_last_line[static_cast<std::size_t>(id)] = static_cast<int>(i);
  }
  return model;
}

}  // namespace sip2pjsip::chansip
