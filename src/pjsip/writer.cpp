#include "pjsip/writer.h"

namespace sip2pjsip::pjsip {

std::string escape_value(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == ';') out += '\\';
    out += c;
  }
  return out;
}

std::string render(const Object& object) {
  std::string out = "[" + object.name + "]\ntype=" + object.type + "\n";
  for (const auto& option : object.options) {
    out += option.name + "=" + escape_value(option.value) + "\n";
  }
  out += "\n";
  return out;
}

}  // namespace sip2pjsip::pjsip
