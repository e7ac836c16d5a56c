#include "chansip/model.h"

#include <algorithm>

#include <fmt/format.h>

#include "chansip/option_table.h"

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
  for (const auto& section : document.sections) {
    if (!section.is_template) continue;
    const bool used = std::any_of(
        document.sections.begin(), document.sections.end(), [&](const config::Section& other) {
          return std::any_of(other.bases.begin(), other.bases.end(),
                             [&](const std::string& base) { return iequals(base, section.name); });
        });
    if (!used) {
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

bool same_option(const std::string& a, const std::string& b) {
  if (iequals(a, b)) return true;
  const auto* info = find_option(a);
  return info && info == find_option(b);
}

const config::Variable* last_setting(const config::Section& section, const std::string& name) {
  const config::Variable* found = nullptr;
  for (const auto& variable : section.variables) {
    if (same_option(variable.name, name)) found = &variable;
  }
  return found;
}

const config::Variable* effective_setting(const Model& model, const PeerSection& peer,
                                          const std::string& name) {
  if (const auto* own = last_setting(*peer.section, name)) return own;
  if (!model.general) return nullptr;
  const auto* info = find_option(name);
  if (!info || !info->inherited_by_peers) return nullptr;
  return last_setting(*model.general, name);
}

Model build_model(const config::Document& document, Diagnostics& diagnostics) {
  Model model;
  auto skip = [&](const config::Section& section, std::string why, const char* code) {
    diagnostics.report(document.path_of(section.where), section.where.line, Severity::warning,
                       std::move(why), code);
    model.skipped.push_back(&section);
  };
  report_unused_templates(document, diagnostics);
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
    PeerSection peer{section, false, false};
    auto earlier = std::find_if(model.peers.begin(), model.peers.end(), [&](const auto& p) {
      return iequals(p.section->name, section->name);
    });
    if (earlier != model.peers.end()) {
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
    model.peers.push_back(peer);
  }
  return model;
}

}  // namespace sip2pjsip::chansip
