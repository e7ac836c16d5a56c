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
// How many bytes render_to() appends for the object: an output file is reserved at its size,
// rather than grown by doubling to as much as twice its size (a million peers make a gigabyte).
std::size_t rendered_size(const Object& object);

}  // namespace sip2pjsip::pjsip
