// Names sorcery refuses (sorcery_config_internal_load() in res/res_sorcery_config.c): a second
// object of one type with the same name, or a second section of a single-object type (global,
// system). Either way the load of that type stops, and Asterisk loads no object of it at all.
#include <map>
#include <utility>

#include <fmt/format.h>

#include "pjsip/check_model.h"

namespace sip2pjsip::pjsip::checks {

namespace {

void check_duplicates(Context& context) {
  std::map<std::pair<std::string, std::string>, const SeenObject*> first;
  for (const auto& object : context.objects) {
    const auto* type = context.schema.find_type(object.type);
    if (!type || type->singleton) continue;
    const auto [entry, inserted] = first.emplace(std::make_pair(object.type, object.name), &object);
    if (inserted) continue;
    context.findings.add(object.where, Severity::error,
                         fmt::format("{} is defined twice (also at {}); Asterisk then loads no "
                                     "{} at all",
                                     describe(object), describe(entry->second->where), object.type),
                         "pjsip-duplicate-name");
    context.drop_type(object.type);
  }
}

void check_singletons(Context& context) {
  std::map<std::string, const SeenObject*> first;
  for (const auto& object : context.objects) {
    const auto* type = context.schema.find_type(object.type);
    if (!type || !type->singleton) continue;
    const auto [entry, inserted] = first.emplace(object.type, &object);
    if (inserted) continue;
    context.findings.add(object.where, Severity::error,
                         fmt::format("a second {} section [{}] (the first is [{}] at {}); "
                                     "Asterisk then loads no {} section at all",
                                     object.type, object.name, entry->second->name,
                                     describe(entry->second->where), object.type),
                         "pjsip-singleton-repeated");
    context.drop_type(object.type);
  }
}

}  // namespace

void check_names(Context& context) {
  check_duplicates(context);
  check_singletons(context);
}

}  // namespace sip2pjsip::pjsip::checks
