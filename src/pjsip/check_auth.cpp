// auth_apply() in res_pjsip/config_auth.c, which changed with Asterisk 20's digest algorithms:
// before, only auth_type=md5 needs anything besides the username (an md5_cred of 32
// characters) and a userpass auth with no password uses the empty one; from 20 on, every
// algorithm the auth supports needs the password or a digest for it.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "chansip/values.h"
#include "config/document.h"
#include "pjsip/check_model.h"
#include "pjsip/value_checks.h"

namespace sip2pjsip::pjsip::checks {

namespace {

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

// global's default_auth_algorithms_uas/uac; a bad list falls back to MD5 (global_apply).
std::string default_algorithms(const Context& context, std::string_view option) {
  for (const auto& object : context.objects) {
    if (object.type != "global" || !context.loads(object)) continue;
    const auto value = object.value_of(option, "MD5");
    return values::digest_algorithms_problem(value) ? "MD5" : value;
  }
  return "MD5";
}

struct NeededAlgorithm {
  std::string name;  // upper case IANA name
  std::string side;  // "uas" or "uac"
};

std::vector<NeededAlgorithm> needed_algorithms(const Context& context, const SeenObject& auth) {
  std::vector<NeededAlgorithm> needed;
  for (const char* side : {"uas", "uac"}) {
    auto list = auth.value_of(fmt::format("supported_algorithms_{}", side));
    if (chansip::split_list(list).empty()) {
      list = default_algorithms(context, fmt::format("default_auth_algorithms_{}", side));
    }
    for (const auto& name : chansip::split_list(list)) {
      needed.push_back(NeededAlgorithm{upper(name), side});
    }
  }
  return needed;
}

// The algorithms with a stored digest: md5_cred is an MD5 one, password_digest lists
// "ALGORITHM:digest" items (an item without ':' is MD5).
std::vector<std::string> digest_algorithms(const SeenObject& auth) {
  std::vector<std::string> digests;
  if (is_set(auth, "md5_cred")) digests.push_back("MD5");
  for (const auto& item : chansip::split_list(auth.value_of("password_digest"))) {
    const auto colon = item.find(':');
    digests.push_back(colon == std::string::npos ? "MD5" : upper(item.substr(0, colon)));
  }
  return digests;
}

void report_no_password(Context& context, const SeenObject& auth, const std::string& problem) {
  context.findings.add(auth.where, Severity::error,
                       fmt::format("{} has {}; Asterisk does not load it", describe(auth), problem),
                       "pjsip-auth-no-password");
  context.drop(auth);
}

void check_digest_era(Context& context, const SeenObject& auth) {
  if (is_set(auth, "password")) return;
  const auto digests = digest_algorithms(auth);
  for (const auto& needed : needed_algorithms(context, auth)) {
    if (std::find(digests.begin(), digests.end(), needed.name) != digests.end()) continue;
    if (needed.name == "MD5") {
      report_no_password(context, auth, "no password and no md5_cred");
    } else {
      report_no_password(context, auth,
                         fmt::format("no password and no {} password_digest (needed for "
                                     "supported_algorithms_{})",
                                     needed.name, needed.side));
    }
    return;
  }
}

void check_md5_era(Context& context, const SeenObject& auth) {
  if (!config::iequals(auth.value_of("auth_type"), "md5")) {
    if (!is_set(auth, "password")) {
      context.findings.add(
          auth.where, Severity::warning,
          fmt::format("{} has no password; Asterisk uses the empty password", describe(auth)),
          "pjsip-auth-no-password");
    }
    return;
  }
  const auto* md5_cred = auth.last("md5_cred");
  if (!md5_cred || md5_cred->value.empty()) {
    report_no_password(context, auth, "auth_type=md5 but no md5_cred");
  } else if (const auto problem = values::md5_digest_problem(md5_cred->value)) {
    context.findings.add(md5_cred->where, Severity::error,
                         fmt::format("{}: md5_cred '{}' {}; Asterisk does not load this auth",
                                     describe(auth), md5_cred->value, *problem),
                         "pjsip-invalid-value", "md5_cred");
    context.drop(auth);
  }
}

}  // namespace

void check_auth(Context& context, const SeenObject& auth) {
  if (!is_set(auth, "username")) {
    report_missing(context, auth, "username");
    return;
  }
  if (config::iequals(auth.value_of("auth_type"), "google_oauth")) {
    for (const char* required : {"refresh_token", "oauth_clientid", "oauth_secret"}) {
      if (!is_set(auth, required)) report_missing(context, auth, required);
    }
    return;
  }
  if (context.schema.branch() >= 20) {
    check_digest_era(context, auth);
  } else {
    check_md5_era(context, auth);
  }
}

}  // namespace sip2pjsip::pjsip::checks
