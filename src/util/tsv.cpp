#include "util/tsv.h"

#include <sstream>

namespace sip2pjsip {

std::vector<std::string> split_fields(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, separator)) fields.push_back(field);
  return fields;
}

}  // namespace sip2pjsip
