// pjsip.conf text for objects.
#pragma once

#include <string>

#include "pjsip/object.h"

namespace sip2pjsip::pjsip {

// A value as pjsip.conf must hold it: `;` escaped so it is not read as a comment.
std::string escape_value(const std::string& value);

// `[name]`, `type=...`, then each option as `name=value`, and a blank line.
std::string render(const Object& object);
// The same, appended to `out`: outputs are rendered into one string per file.
void render_to(std::string& out, const Object& object);

}  // namespace sip2pjsip::pjsip
