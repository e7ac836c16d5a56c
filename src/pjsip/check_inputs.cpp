#include "pjsip/check_inputs.h"

#include <algorithm>

#include <fmt/format.h>

namespace sip2pjsip::pjsip::checks {

namespace {

Place place_of(const config::Document& document, const config::Location& where) {
  return Place{document.path_of(where), where.line, where.file};
}

bool is_type_line(const config::Variable& variable) {
  return config::iequals(variable.name, "type");
}

// sorcery_is_explicit_name_met(): a section named exactly "global" or "system" is that object
// even without `type`, when every option in it belongs to that type.
std::optional<std::string> explicit_type(const config::Section& section, const Schema& schema) {
  for (const char* name : {"global", "system"}) {
    if (section.name != name) continue;
    const auto* spec = schema.find_type(name);
    if (!spec) continue;
    const bool all_known =
        std::all_of(section.variables.begin(), section.variables.end(),
                    [&](const config::Variable& variable) { return spec->find(variable.name); });
    if (all_known) return std::string(name);
  }
  return std::nullopt;
}

std::vector<SeenOption> options_of(const config::Document& document,
                                   const config::Section& section) {
  std::vector<SeenOption> options;
  for (const auto& variable : section.variables) {
    options.push_back(SeenOption{variable.name, variable.value,
                                 place_of(document, variable.where()), variable.inherited()});
  }
  return options;
}

}  // namespace

std::optional<std::string> type_problem(const Schema& schema, const std::string& type) {
  if (const auto* spec = schema.find_type(type)) {
    if (spec->in_pjsip_conf) return std::nullopt;
    return fmt::format("'{}' is not read from pjsip.conf (Asterisk keeps these objects itself)",
                       type);
  }
  if (type == "wizard") return std::string("'wizard' belongs in pjsip_wizard.conf");
  for (const auto& spec : schema.types()) {
    if (spec.in_pjsip_conf && config::iequals(spec.name, type)) {
      return fmt::format(
          "'{}' is not a res_pjsip type (did you mean '{}'? types are "
          "case-sensitive)",
          type, spec.name);
    }
  }
  return fmt::format("'{}' is not a res_pjsip type", type);
}

std::vector<SeenObject> objects_from_document(const config::Document& document,
                                              const Schema& schema, Findings& findings) {
  std::vector<SeenObject> objects;
  for (const auto* section : document.visible_sections()) {
    const auto where = place_of(document, section->where);
    const auto first_type =
        std::find_if(section->variables.begin(), section->variables.end(), is_type_line);
    std::string type;
    if (first_type != section->variables.end()) {
      type = first_type->value;
    } else if (const auto implied = explicit_type(*section, schema)) {
      type = *implied;
    } else {
      findings.add(where, Severity::error,
                   fmt::format("section [{}] has no type; Asterisk ignores it", section->name),
                   "pjsip-missing-type");
      continue;
    }
    if (first_type != section->variables.end()) {
      if (auto problem = type_problem(schema, type)) {
        findings.add(place_of(document, first_type->where()), Severity::error,
                     fmt::format("section [{}]: type {}; Asterisk ignores the section",
                                 section->name, *problem),
                     "pjsip-unknown-type", "type");
        continue;
      }
      // sorcery looks the type up with ast_variable_find_in_list(): the first line wins.
      for (auto later = first_type + 1; later != section->variables.end(); ++later) {
        if (is_type_line(*later) && later->value != type) {
          findings.add(place_of(document, later->where()), Severity::warning,
                       fmt::format("section [{}] sets type again ('{}'); Asterisk uses the "
                                   "first one, '{}'",
                                   section->name, later->value, type),
                       "pjsip-type-repeated", "type");
        }
      }
    }
    objects.push_back(SeenObject{type, section->name, where, options_of(document, *section)});
  }
  return objects;
}

std::vector<SeenObject> objects_from_config(const Config& config, const config::Document& source,
                                            const Schema& schema, Findings& findings) {
  std::vector<SeenObject> objects;
  for (const auto& object : config.objects) {
    auto seen = object_without_places(object);
    if (object.origin) seen.where = place_of(source, source.sections.at(*object.origin).where);
    const auto options = object.options();
    for (std::size_t i = 0; i < options.size(); ++i) {
      const auto& sources = options[i].sources;
      seen.options[i].where = sources.empty() ? seen.where : place_of(source, sources.front());
    }
    if (seen.where.file.empty() && !seen.options.empty()) seen.where = seen.options.front().where;
    if (auto problem = type_problem(schema, object.type.str())) {
      findings.add(
          seen.where, Severity::error,
          fmt::format("{}: type {}; Asterisk ignores the object", describe(seen), *problem),
          "pjsip-unknown-type", "type");
      continue;
    }
    objects.push_back(std::move(seen));
  }
  return objects;
}

SeenObject object_without_places(const Object& object) {
  SeenObject seen;
  assign_without_places(seen, object);
  return seen;
}

void assign_without_places(SeenObject& seen, const Object& object) {
  seen.type = object.type;
  seen.name = object.name;
  seen.where = Place{};
  seen.options.clear();
  seen.options.reserve(object.options().size());
  for (const auto& option : object.options()) {
    seen.options.push_back(SeenOption{option.name, option.value, Place{}, false});
  }
}

}  // namespace sip2pjsip::pjsip::checks
