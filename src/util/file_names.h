// Output file names that must not collide.
#pragma once

#include <set>
#include <string>

namespace sip2pjsip {

// `name`, or when it is already taken, "name_2.ext", "name_3.ext", ... in the same folder; the
// name returned is added to `taken`. Two inputs with one base name (from different folders)
// thus get outputs of their own.
std::string unique_file_name(const std::string& name, std::set<std::string>& taken);

}  // namespace sip2pjsip
