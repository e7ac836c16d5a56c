#include "chansip/realm_auth.h"

namespace sip2pjsip::chansip {

std::optional<RealmAuth> parse_realm_auth(const std::string& value) {
  const auto at = value.rfind('@');
  if (at == std::string::npos || at + 1 == value.size()) return std::nullopt;
  RealmAuth auth;
  auth.realm = value.substr(at + 1);
  const std::string credentials = value.substr(0, at);
  const auto separator = credentials.find_first_of(":#");
  auth.user = credentials.substr(0, separator);
  if (auth.user.empty()) return std::nullopt;
  if (separator != std::string::npos) {
    auth.md5 = credentials[separator] == '#';
    auth.secret = credentials.substr(separator + 1);
  }
  return auth;
}

}  // namespace sip2pjsip::chansip
