// Output file names that must not collide.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace sip2pjsip {

// `name`, or when it is already taken, "name_2.ext", "name_3.ext", ... in the same folder; the
// name returned is added to `taken`. Two inputs with one base name (from different folders)
// thus get outputs of their own.
std::string unique_file_name(const std::string& name, std::set<std::string>& taken);

// A file name that an #include line carries as it is: letters, digits and '.', '-', '_', '+'
// are kept, every other byte becomes '-'. Asterisk ends the directive at a ';', expands '*',
// '?' and '[' as a glob, strips quotes and angle brackets around the name, and a newline would
// end the line.
std::string includable_file_name(std::string_view name);

// Text from an input (a file's path) made to stay on one comment line: line breaks and other
// control bytes become '?'.
std::string one_line(std::string_view text);

}  // namespace sip2pjsip
