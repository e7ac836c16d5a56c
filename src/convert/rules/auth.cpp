// Credentials (semantics.md sections 2 and 3). Inbound: chan_sip checks the digest username
// against the section name and the password against md5secret, else secret; insecure=invite
// skips that for calls. Outbound (Asterisk challenged): the peer's realm-specific auth= lines
// first, then defaultuser with remotesecret, else secret.
#include <fmt/format.h>

#include "chansip/realm_auth.h"
#include "chansip/values.h"
#include "convert/object_names.h"
#include "convert/peer_context.h"

namespace sip2pjsip::convert {

namespace {

struct Insecure {
  bool port = false;
  bool invite = false;
};

// set_insecure_flags(): a comma list of port and invite; a false value clears both.
Insecure parse_insecure(PeerContext& p, const config::Variable* line) {
  Insecure insecure;
  if (!line) return insecure;
  for (const auto& word : chansip::split_list(line->value)) {
    if (config::iequals(word, "port")) {
      insecure.port = true;
    } else if (config::iequals(word, "invite")) {
      insecure.invite = true;
    } else if (chansip::is_false(word)) {
      return Insecure{};
    } else {
      p.invalid(line, fmt::format("unknown insecure value '{}'; chan_sip ignores it", word));
    }
  }
  return insecure;
}

bool is_dynamic_peer(PeerContext& p) {
  const auto* host = p.own("host"_option);
  return p.peer.is_peer && host && config::iequals(host->value, "dynamic");
}

void set_credentials(pjsip::Object& auth, const std::string& username,
                     const config::Variable* password, bool md5) {
  PeerContext::set(auth, "auth_type", md5 ? "md5" : "userpass");
  PeerContext::set(auth, "username", username);
  PeerContext::set(auth, md5 ? "md5_cred" : "password", std::string(password->value), password);
}

// auth = user:secret@realm or user#md5secret@realm (add_realm_authentication).
void convert_realm_auths(PeerContext& p, std::vector<std::string>& outbound) {
  for (const auto* line : p.lines("auth"_option)) {
    const auto parsed = chansip::parse_realm_auth(line->value);
    if (!parsed) {
      p.invalid(line, "expected user:secret@realm or user#md5secret@realm");
      continue;
    }
    auto auth = p.make("auth", fmt::format("{}-{}", p.name, name_part(parsed->realm)));
    PeerContext::set(auth, "auth_type", parsed->md5 ? "md5" : "userpass");
    PeerContext::set(auth, "username", parsed->user, line);
    PeerContext::set(auth, parsed->md5 ? "md5_cred" : "password", parsed->secret, line);
    PeerContext::set(auth, "realm", parsed->realm, line);
    p.mapped(line, "auth {} in endpoint {} outbound_auth", auth.name, p.name);
    outbound.emplace_back(auth.name);
    p.outbound_auths.push_back(std::move(auth));
  }
  // [authentication] entries answer challenges on every dialog, after the peer's own.
  for (const auto& name : p.context.global_outbound_auths) outbound.push_back(name);
}

}  // namespace

void convert_auth(PeerContext& p) {
  const auto* secret = p.setting("secret"_option);
  const auto* md5secret = p.setting("md5secret"_option);
  const auto* remotesecret = p.setting("remotesecret"_option);
  const auto* defaultuser = p.setting("defaultuser"_option);
  const auto* insecure_line = p.setting("insecure"_option);
  const auto insecure = parse_insecure(p, insecure_line);
  const auto* realm = general_setting(p.context, "realm"_option);

  auto non_empty = [](const config::Variable* line) { return line && !line->value.empty(); };
  const config::Variable* password = non_empty(md5secret) ? md5secret
                                     : non_empty(secret)  ? secret
                                                          : nullptr;
  const bool md5 = password == md5secret && password;
  if (secret && !non_empty(secret)) p.mapped(secret, "empty: no authentication");
  if (md5secret && !non_empty(md5secret)) p.mapped(md5secret, "empty: no authentication");
  if (md5 && non_empty(secret)) p.mapped(secret, "unused: md5secret takes precedence");

  // Inbound authentication.
  bool challenge = password != nullptr;
  if (password && insecure.invite) {
    if (is_dynamic_peer(p)) {
      p.approximated(insecure_line,
                     "insecure=invite: pjsip cannot skip authentication for calls while "
                     "requiring it for REGISTER; calls from this peer are now challenged too");
    } else {
      challenge = false;
      p.mapped(insecure_line, "endpoint {} without auth= (calls not challenged)", p.name);
    }
  }
  if (challenge) {
    p.inbound_auth = p.make("auth");
    set_credentials(*p.inbound_auth, p.name, password, md5);
    // An md5secret is a hash over the realm chan_sip challenged with.
    if (md5 && realm) PeerContext::set(*p.inbound_auth, "realm", std::string(realm->value), realm);
    p.mapped(password, "auth {} (inbound; username {})", p.name, p.name);
  }
  if (!insecure.invite && insecure_line) {
    p.mapped(insecure_line, insecure.port ? "identify match without port" : "no effect");
  } else if (insecure.port && insecure_line) {
    // insecure=port,invite: the port part is kept by the identify (address.cpp).
    p.mapped(insecure_line, "identify match without port; endpoint without auth=");
  }

  // Outbound authentication.
  std::vector<std::string> outbound;
  convert_realm_auths(p, outbound);
  const config::Variable* outbound_password = non_empty(remotesecret) ? remotesecret : password;
  const bool outbound_md5 = outbound_password == md5secret && outbound_password;
  if (outbound_password) {
    const std::string username(non_empty(defaultuser) ? defaultuser->value.view() : p.name);
    if (p.inbound_auth && username == p.name && outbound_password == password) {
      outbound.push_back(p.name);
    } else {
      auto auth = p.make("auth", p.name + "-out");
      set_credentials(auth, username, outbound_password, outbound_md5);
      outbound.emplace_back(auth.name);
      p.outbound_auths.push_back(std::move(auth));
    }
    p.mapped(remotesecret, "endpoint {} outbound_auth password", p.name);
    if (!challenge) p.mapped(password, "endpoint {} outbound_auth password", p.name);
  } else if (remotesecret) {
    p.mapped(remotesecret, "empty: no outbound authentication");
  }
  p.mapped(defaultuser, "outbound auth username and aor contact user of {}", p.name);

  if (p.inbound_auth) PeerContext::set(p.endpoint, "auth", p.name);
  if (!outbound.empty()) {
    std::string list;
    for (const auto& name : outbound) list += (list.empty() ? "" : ",") + name;
    PeerContext::set(p.endpoint, "outbound_auth", list);
  }
}

}  // namespace sip2pjsip::convert
