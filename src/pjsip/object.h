// The pjsip.conf being built: typed objects whose every option remembers the sip.conf lines it
// came from.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "config/document.h"

namespace sip2pjsip::pjsip {

struct Option {
  std::string name;
  std::string value;
  std::vector<config::Location> sources;  // sip.conf lines this value came from
};

struct Object {
  std::string name;
  std::string type;  // endpoint, aor, auth, identify, transport, registration, ...
  std::optional<std::uint32_t> origin;  // the sip.conf section it was converted from
  std::vector<Option> options;

  Object& set(std::string option, std::string value, std::vector<config::Location> sources = {});
  const Option* find(const std::string& option) const;
};

struct Config {
  std::deque<Object> objects;  // a deque, so references to added objects stay valid

  Object& add(std::string name, std::string type, std::optional<std::uint32_t> origin);
  const Object* find(const std::string& name, const std::string& type) const;
  Object* find(const std::string& name, const std::string& type);
};

}  // namespace sip2pjsip::pjsip
