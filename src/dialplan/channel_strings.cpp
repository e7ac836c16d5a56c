#include "dialplan/channel_strings.h"

#include <fmt/format.h>

#include "config/document.h"
#include "dialplan/text_utils.h"

namespace sip2pjsip::dialplan {

namespace {

std::string slice(std::string_view text, Span span) {
  return std::string(text.substr(span.begin, span.size()));
}

// chan_sip falls back to DNS for a name that is no peer; these look like host names or
// addresses rather than peer names.
bool looks_like_host(std::string_view host) {
  return host.find('.') != std::string_view::npos || host.find(':') != std::string_view::npos ||
         (!host.empty() && host.front() == '[') || config::iequals(std::string(host), "localhost");
}

Finding unknown_endpoint(const std::string& name) {
  return Finding{Severity::warning,
                 fmt::format("no endpoint named '{}' in the pjsip configuration (a realtime peer, "
                             "or a typo?); written as PJSIP/{} anyway",
                             name, name),
                 "dialplan-unknown-endpoint"};
}

Finding renamed(const std::string& written, const std::string& name) {
  return Finding{Severity::note,
                 fmt::format("chan_sip found peer '{}' without regard to case; the endpoint is "
                             "'{}' and PJSIP needs its exact name",
                             written, name),
                 "dialplan-endpoint-case"};
}

// The endpoint name to write for `host` (a literal name), with findings.
std::string endpoint_name(const std::string& host, const EndpointDirectory& endpoints,
                          std::vector<Finding>& findings, const EndpointInfo** info) {
  *info = endpoints.find(host);
  if (!*info) {
    findings.push_back(unknown_endpoint(host));
    return host;
  }
  if ((*info)->name != host) findings.push_back(renamed(host, (*info)->name));
  return (*info)->name;
}

}  // namespace

bool has_user(std::string_view contact) {
  if (!contact.empty() && contact.front() == '<') contact.remove_prefix(1);
  const auto colon = contact.find(':');
  if (colon == std::string_view::npos) return false;
  const auto rest = contact.substr(colon + 1);
  const auto at = rest.find('@');
  const auto params = rest.find_first_of(";?>");
  return at != std::string_view::npos && (params == std::string_view::npos || at < params);
}

std::string with_user(std::string_view contact, std::string_view user) {
  if (!contact.empty() && contact.front() == '<') {
    contact.remove_prefix(1);
    if (!contact.empty() && contact.back() == '>') contact.remove_suffix(1);
  }
  const auto colon = contact.find(':');
  std::string scheme = "sip";
  if (colon != std::string_view::npos) {
    scheme = std::string(contact.substr(0, colon));
    contact.remove_prefix(colon + 1);
  }
  if (has_user(scheme + ":" + std::string(contact))) contact.remove_prefix(contact.find('@') + 1);
  return fmt::format("{}:{}@{}", scheme, user, contact);
}

ChannelRewrite rewrite_channel(std::string_view text, Span resource, ChannelUse use,
                               const EndpointDirectory& endpoints, const RewriteOptions& options,
                               const TokenizerOptions& tokens) {
  ChannelRewrite result;
  auto& findings = result.findings;
  const std::string whole = "SIP/" + slice(text, resource);

  if (use == ChannelUse::name) {
    // A channel name prefix: chan_pjsip names its channels PJSIP/<endpoint>-<id>.
    result.replacement = "PJSIP/" + slice(text, resource);
    return result;
  }
  if (resource.empty()) {
    findings.push_back({Severity::warning,
                        "'SIP/' without a peer: not a channel string this tool can rewrite",
                        "dialplan-dial-string"});
    return result;
  }

  // [exten@]peerorhost[/exten[/remote_address]][!touser@todomain[!fromuser@fromdomain]]
  const std::size_t bang = find_top_level(text, resource, '!', tokens);
  if (bang != resource.end) {
    findings.push_back(
        {Severity::warning,
         fmt::format("'{}': the !to[!from] part sets the To/From URI, which a PJSIP dial string "
                     "cannot; left as it is (set the endpoint's from_user/from_domain, or "
                     "PJSIP_HEADER(update,From) in a pre-dial handler)",
                     whole),
         "dialplan-dial-string"});
    return result;
  }
  const auto parts = split_arguments(text, resource, '/', tokens);
  if (parts.size() > 2) {
    findings.push_back(
        {Severity::warning,
         fmt::format("'{}': the third part is an outbound proxy address for this call, which a "
                     "PJSIP dial string cannot carry; left as it is (use the endpoint's "
                     "outbound_proxy)",
                     whole),
         "dialplan-dial-string"});
    return result;
  }
  const Span peer_or_host = parts[0];
  std::optional<Span> exten;
  if (parts.size() == 2 && !parts[1].empty()) exten = parts[1];

  Span host = peer_or_host;
  std::optional<Span> user;
  const std::size_t at = find_top_level(text, peer_or_host, '@', tokens);
  if (at != peer_or_host.end) {
    user = Span{peer_or_host.begin, at};
    host = Span{at + 1, peer_or_host.end};
    if (find_top_level(text, *user, ':', tokens) != user->end) {
      findings.push_back(
          {Severity::warning,
           fmt::format("'{}': a secret, authentication name or transport in the dial string has "
                       "no PJSIP form; left as it is (PJSIP takes them from the endpoint's "
                       "outbound_auth and transport)",
                       whole),
           "dialplan-dial-string"});
      return result;
    }
    if (exten && use == ChannelUse::dial) {
      findings.push_back({Severity::warning,
                          fmt::format("'{}' gives the extension twice (before '@' and after "
                                      "'/'); chan_sip used the first; left as it is",
                                      whole),
                          "dialplan-dial-string"});
      return result;
    }
  } else {
    user = exten;
  }
  if (host.empty()) {
    findings.push_back(
        {Severity::warning, fmt::format("'{}': no peer or host", whole), "dialplan-dial-string"});
    return result;
  }
  const std::string host_text = slice(text, host);

  if (use == ChannelUse::device) {
    // sip_devicestate() looks at the peer after any '@'; chan_pjsip's device is the endpoint.
    if (exten) {
      findings.push_back(
          {Severity::warning,
           fmt::format("'{}' is not a device name chan_sip knew; left as it is", whole),
           "dialplan-dial-string"});
      return result;
    }
    if (has_substitution(host_text)) {
      result.replacement = "PJSIP/" + host_text;
      return result;
    }
    const EndpointInfo* info = nullptr;
    result.replacement = "PJSIP/" + endpoint_name(host_text, endpoints, findings, &info);
    return result;
  }

  const std::string user_text = user ? slice(text, *user) : std::string();
  if (has_substitution(host_text)) {
    // The peer comes from a variable: assume it names an endpoint.
    result.replacement = user ? fmt::format("PJSIP/{}@{}", user_text, host_text)
                              : fmt::format("PJSIP/{}", host_text);
    return result;
  }
  const EndpointInfo* info = endpoints.find(host_text);
  if (!info && looks_like_host(host_text)) {
    const bool defined = endpoints.find(options.uri_endpoint) != nullptr;
    const std::string uri =
        user ? fmt::format("sip:{}@{}", user_text, host_text) : fmt::format("sip:{}", host_text);
    result.replacement = fmt::format("PJSIP/{}/{}", options.uri_endpoint, uri);
    findings.push_back(
        {Severity::warning,
         fmt::format("'{}' dials host '{}', which is no peer: PJSIP dials a URI only through an "
                     "endpoint, so this now goes to {} through endpoint '{}'{}",
                     whole, host_text, uri, options.uri_endpoint,
                     defined ? "" : ", which you need to define in pjsip.conf"),
         "dialplan-uri-dial"});
    return result;
  }
  std::string name;
  if (info) {
    name = info->name;
    if (name != host_text) findings.push_back(renamed(host_text, name));
  } else {
    name = host_text;
    findings.push_back(unknown_endpoint(name));
  }
  if (!user) {
    result.replacement = "PJSIP/" + name;
  } else if (info && !info->contacts.empty() && has_user(info->contacts.front())) {
    // The aor's contact has a user part: dial the contact with the extension as its user.
    result.replacement =
        fmt::format("PJSIP/{}/{}", name, with_user(info->contacts.front(), user_text));
  } else {
    result.replacement = fmt::format("PJSIP/{}@{}", user_text, name);
  }
  return result;
}

}  // namespace sip2pjsip::dialplan
