#include "chansip/realm_auth.h"

namespace sip2pjsip::chansip {

std::optional<RealmAuth> parse_realm_auth(std::string_view value) {
  const auto at = value.rfind('@');
  if (at == std::string_view::npos || at + 1 == value.size()) return std::nullopt;
  RealmAuth auth;
  auth.realm = value.substr(at + 1);
  const std::string_view credentials = value.substr(0, at);
  const auto separator = credentials.find_first_of(":#");
  auth.user = credentials.substr(0, separator);
  if (auth.user.empty()) return std::nullopt;
  if (separator != std::string_view::npos) {
    auth.md5 = credentials[separator] == '#';
    auth.secret = credentials.substr(separator + 1);
  }
  return auth;
}

}  // namespace sip2pjsip::chansip
