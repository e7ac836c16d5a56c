#include "dialplan/endpoints.h"

#include <map>

namespace sip2pjsip::dialplan {

namespace {

// Fills in the contacts of every endpoint from the aors, in the order of its `aors`.
void attach_contacts(std::vector<EndpointInfo>& endpoints,
                     const std::map<std::string, std::vector<std::string>>& contacts_by_aor) {
  for (auto& endpoint : endpoints) {
    for (const auto& aor : endpoint.aors) {
      const auto found = contacts_by_aor.find(aor);
      if (found == contacts_by_aor.end()) continue;
      endpoint.contacts.insert(endpoint.contacts.end(), found->second.begin(), found->second.end());
    }
  }
}

}  // namespace

const EndpointInfo* EndpointList::find(std::string_view name) const {
  for (const auto& endpoint : endpoints_) {
    if (endpoint.name == name) return &endpoint;
  }
  const EndpointInfo* match = nullptr;
  for (const auto& endpoint : endpoints_) {
    if (!config::iequals(endpoint.name, std::string(name))) continue;
    if (match) return nullptr;  // two endpoints differ only by case: no guess
    match = &endpoint;
  }
  return match;
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  while (begin <= value.size()) {
    auto end = value.find(',', begin);
    if (end == std::string_view::npos) end = value.size();
    auto item = value.substr(begin, end - begin);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (!item.empty()) items.emplace_back(item);
    begin = end + 1;
  }
  return items;
}

EndpointList endpoints_from_conversion(const pjsip::Config& config) {
  std::vector<EndpointInfo> endpoints;
  std::map<std::string, std::vector<std::string>> contacts_by_aor;
  for (const auto& object : config.objects) {
    if (object.type == "endpoint") {
      EndpointInfo info{std::string(object.name), {}, {}};
      for (const auto& option : object.options()) {
        if (option.name != "aors") continue;
        for (auto& aor : split_list(option.value)) info.aors.push_back(std::move(aor));
      }
      endpoints.push_back(std::move(info));
    } else if (object.type == "aor") {
      auto& contacts = contacts_by_aor[std::string(object.name)];
      for (const auto& option : object.options()) {
        if (option.name != "contact") continue;
        for (auto& contact : split_list(option.value)) contacts.push_back(std::move(contact));
      }
    }
  }
  attach_contacts(endpoints, contacts_by_aor);
  EndpointList list;
  for (auto& endpoint : endpoints) list.add(std::move(endpoint));
  return list;
}

EndpointList endpoints_from_pjsip_conf(const config::Document& document) {
  std::vector<EndpointInfo> endpoints;
  std::map<std::string, std::vector<std::string>> contacts_by_aor;
  for (const auto* section : document.visible_sections()) {
    std::string type;
    for (const auto& variable : section->variables) {
      if (variable.name == "type") {
        type = variable.value;
        break;
      }
    }
    if (type == "endpoint") {
      EndpointInfo info{section->name, {}, {}};
      for (const auto& variable : section->variables) {
        if (variable.name != "aors") continue;
        for (auto& aor : split_list(variable.value)) info.aors.push_back(std::move(aor));
      }
      endpoints.push_back(std::move(info));
    } else if (type == "aor") {
      auto& contacts = contacts_by_aor[section->name];
      for (const auto& variable : section->variables) {
        if (variable.name != "contact") continue;
        for (auto& contact : split_list(variable.value)) contacts.push_back(std::move(contact));
      }
    }
  }
  attach_contacts(endpoints, contacts_by_aor);
  EndpointList list;
  for (auto& endpoint : endpoints) list.add(std::move(endpoint));
  return list;
}

}  // namespace sip2pjsip::dialplan
