// Text from the input placed in HTML: every character that could start markup or end an
// attribute is escaped, so a sip.conf value can never become part of the page.
#pragma once

#include <string>
#include <string_view>

namespace sip2pjsip::report {

// Appends `text` with & < > " ' escaped; safe in element content and in quoted attributes.
void append_escaped(std::string& out, std::string_view text);

std::string escape_html(std::string_view text);

}  // namespace sip2pjsip::report
