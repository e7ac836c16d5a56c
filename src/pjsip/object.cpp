#include "pjsip/object.h"

namespace sip2pjsip::pjsip {

Object& Object::set(std::string option, std::string value, std::vector<config::Location> sources) {
  options.push_back(Option{std::move(option), std::move(value), std::move(sources)});
  return *this;
}

const Option* Object::find(const std::string& option) const {
  for (const auto& candidate : options) {
    if (candidate.name == option) return &candidate;
  }
  return nullptr;
}

Object& Config::add(std::string name, std::string type, std::optional<std::uint32_t> origin) {
  objects.push_back(Object{std::move(name), std::move(type), origin, {}});
  return objects.back();
}

const Object* Config::find(const std::string& name, const std::string& type) const {
  for (const auto& object : objects) {
    if (object.name == name && object.type == type) return &object;
  }
  return nullptr;
}

Object* Config::find(const std::string& name, const std::string& type) {
  for (auto& object : objects) {
    if (object.name == name && object.type == type) return &object;
  }
  return nullptr;
}

}  // namespace sip2pjsip::pjsip
