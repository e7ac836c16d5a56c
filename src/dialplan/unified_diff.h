// A unified diff of two texts (as `diff -u` prints it), to show what the dialplan rewrite
// changed without an external diff program.
#pragma once

#include <string>
#include <string_view>

namespace sip2pjsip::dialplan {

// Empty when the texts are equal. `context` lines of context around each change; a text that
// does not end with a newline gets "\ No newline at end of file" after its last line.
std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         const std::string& old_label, const std::string& new_label,
                         int context = 3);

}  // namespace sip2pjsip::dialplan
