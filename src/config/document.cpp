#include "config/document.h"

#include "util/ascii.h"

namespace sip2pjsip::config {

// Templated peers copy their template's lines: at a million peers, every byte here is 20 MB.
static_assert(sizeof(Variable) == 24);

const char* to_string(DirectiveKind kind) {
  switch (kind) {
    case DirectiveKind::include:
      return "include";
    case DirectiveKind::tryinclude:
      return "tryinclude";
    case DirectiveKind::exec:
      return "exec";
  }
  return "include";
}

bool iequals(std::string_view a, std::string_view b) {
  return ascii_iequals(a, b);
}

std::vector<const Section*> Document::visible_sections() const {
  std::vector<const Section*> out;
  for (const auto& section : sections) {
    if (!section.is_template) out.push_back(&section);
  }
  return out;
}

const Section* Document::find_visible(const std::string& name) const {
  for (const auto& section : sections) {
    if (!section.is_template && iequals(section.name, name)) return &section;
  }
  return nullptr;
}

}  // namespace sip2pjsip::config
