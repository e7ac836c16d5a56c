// `auth = user:secret@realm` and `auth = user#md5secret@realm` lines, in a peer or in
// [authentication] (add_realm_authentication): credentials for challenges from that realm.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sip2pjsip::chansip {

struct RealmAuth {
  std::string user;
  std::string secret;  // the password, or the md5 hash when md5
  bool md5 = false;
  std::string realm;
};

// The last '@' starts the realm; nothing when there is no realm or no user.
std::optional<RealmAuth> parse_realm_auth(std::string_view value);

}  // namespace sip2pjsip::chansip
