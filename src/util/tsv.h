// The tab-separated tables embedded in the binary (data/*.tsv).
#pragma once

#include <string>
#include <vector>

namespace sip2pjsip {

// The fields of one line, split at every `separator` (a trailing empty field is dropped, as
// std::getline drops it).
std::vector<std::string> split_fields(const std::string& line, char separator);

}  // namespace sip2pjsip
