// `register =>` lines (semantics.md section 4): one registration object each, linked to the
// peer it names or whose address it registers to, so the REGISTER goes out as chan_sip sent it
// and calls from the provider reach that peer's endpoint.
#include <algorithm>
#include <cctype>
#include <future>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <fmt/format.h>

#include "chansip/model.h"
#include "chansip/register_line.h"
#include "chansip/values.h"
#include "convert/context.h"
#include "convert/object_names.h"
#include "util/address.h"
#include "util/ascii.h"

namespace sip2pjsip::convert {

namespace {

using config::iequals;

constexpr int kDefaultExpiry = 120;          // DEFAULT_DEFAULT_EXPIRY
constexpr int kDefaultRegisterTimeout = 20;  // DEFAULT_REGISTRATION_TIMEOUT
// chan_sip retries for ever (registerattempts=0); pjsip gives up after max_retries.
constexpr int kForever = 10000;

struct RetrySettings {
  int timeout = kDefaultRegisterTimeout;
  int attempts = 0;
  bool retry_403 = false;
  std::vector<config::Location> sources;
};

// Where the registration came from: a register line in [general], or a peer's
// callbackextension.
struct Source {
  const config::Section* section;
  const config::Variable* line;
};

// The peers register lines are linked to, by name and by address. Looking them up by walking
// every peer made a configuration with a register line per trunk quadratic.
class PeerFinder {
 public:
  explicit PeerFinder(const Context& context) : context_(context) {
    // chan_sip's peer names are unique ignoring case (the model merges the others), so each
    // name has one peer; names are compared as iequals() does, in ASCII. Sized up front: a
    // million peers would otherwise rehash the index some twenty times.
    by_name_.reserve(context.model.peers.size());
    for (const auto& peer : context.model.peers) {
      if (peer.is_peer) by_name_.emplace(peer.section->name, &peer);
    }
  }

  // The peer (type=peer or friend) of that name, ignoring case.
  const chansip::PeerSection* by_name(const std::string& name) const {
    const auto found = by_name_.find(name);
    return found == by_name_.end() ? nullptr : found->second;
  }

  // The first peer whose host= is that host, ignoring case.
  const chansip::PeerSection* by_host(const std::string& host) {
    if (!hosts_indexed_) {
      by_host_.reserve(context_.model.peers.size());
      for (const auto& peer : context_.model.peers) {
        const auto* line = chansip::own_setting(peer, "host");
        if (peer.is_peer && line) by_host_.emplace(line->value, &peer);
      }
      hosts_indexed_ = true;
    }
    const auto found = by_host_.find(host);
    return found == by_host_.end() ? nullptr : found->second;
  }

 private:
  // Keys point into the document and the model, which outlive the conversion.
  using Index = absl::flat_hash_map<std::string_view, const chansip::PeerSection*,
                                    CaseInsensitiveHash, CaseInsensitiveEqual>;
  const Context& context_;
  Index by_name_;
  bool hosts_indexed_ = false;  // built on the first register line linked by address
  Index by_host_;               // the first peer with that host
};

// The objects registrations look up, kept up to date as they add their own: names of
// registrations, auths and identifies, and each section's auths in the order they were made.
// pjsip::Config::find() walks every object, once per register line.
class ObjectIndex {
 public:
  explicit ObjectIndex(const pjsip::Config& config) {
    // Sized up front, as PeerFinder is: every peer with a secret has an auth.
    std::size_t auths = 0;
    for (const auto& object : config.objects) auths += object.type == "auth" ? 1 : 0;
    auths_.reserve(auths);
    auths_by_origin_.reserve(auths);
    for (const auto& object : config.objects) add(object);
    // The auths so far, by origin in object order; later ones are few and stay in `added_`.
    // Peers are converted in section order, so this is nearly always sorted already.
    const auto by_origin = [](const auto& a, const auto& b) { return a.first < b.first; };
    if (!std::is_sorted(auths_by_origin_.begin(), auths_by_origin_.end(), by_origin)) {
      std::stable_sort(auths_by_origin_.begin(), auths_by_origin_.end(), by_origin);
    }
    sorted_ = true;
  }

  // Names point into the objects, which a std::deque never moves.
  void add(const pjsip::Object& object) {
    if (object.type == "registration") registrations_.insert(object.name);
    if (object.type == "identify") identifies_.insert(object.name);
    if (object.type == "auth") {
      auths_.insert(object.name);
      if (object.origin) {
        if (sorted_) {
          added_[*object.origin].push_back(&object);
        } else {
          auths_by_origin_.emplace_back(*object.origin, &object);
        }
      }
    }
  }

  bool has_registration(std::string_view name) const { return registrations_.count(name) != 0; }
  bool has_identify(std::string_view name) const { return identifies_.count(name) != 0; }
  bool has_auth(std::string_view name) const { return auths_.count(name) != 0; }

  // The auths converted from that section, in the order they were made.
  std::vector<const pjsip::Object*> auths_from(std::uint32_t origin) const {
    std::vector<const pjsip::Object*> found;
    const auto range =
        std::equal_range(auths_by_origin_.begin(), auths_by_origin_.end(), Entry{origin, nullptr},
                         [](const Entry& a, const Entry& b) { return a.first < b.first; });
    for (auto it = range.first; it != range.second; ++it) found.push_back(it->second);
    if (const auto added = added_.find(origin); added != added_.end()) {
      found.insert(found.end(), added->second.begin(), added->second.end());
    }
    return found;
  }

 private:
  using Entry = std::pair<std::uint32_t, const pjsip::Object*>;
  absl::flat_hash_set<std::string_view> registrations_;
  absl::flat_hash_set<std::string_view> identifies_;
  absl::flat_hash_set<std::string_view> auths_;
  std::vector<Entry> auths_by_origin_;  // sorted by origin once the constructor is done
  // Auths made by registrations, by origin, in order: one per register line on a large system.
  std::unordered_map<std::uint32_t, std::vector<const pjsip::Object*>> added_;
  bool sorted_ = false;
};

std::string value_of(const chansip::PeerSection& peer, const std::string& option) {
  const auto* line = chansip::own_setting(peer, option);
  return std::string(line ? line->value.view() : "");
}

class RegistrationBuilder {
 public:
  // The two indexes read different things (the model, the objects), and at a million peers
  // each walks a million entries: they are built side by side.
  RegistrationBuilder(Context& context, const RetrySettings& retry)
      : RegistrationBuilder(context, retry, std::async(std::launch::async, [&context] {
                              return ObjectIndex(context.output);
                            })) {}

  void build(const chansip::RegisterLine& reg, const Source& source) {
    // `peer?` names the peer; otherwise a host that is a peer's name is looked up as that peer
    // (create_addr), and a host equal to a peer's address links the two for inbound calls.
    const chansip::PeerSection* peer = nullptr;
    bool addressed_by_peer = false;
    if (!reg.peer.empty()) {
      peer = peers_.by_name(reg.peer);
      addressed_by_peer = peer != nullptr;
    } else if ((peer = peers_.by_name(reg.host))) {
      addressed_by_peer = true;
    } else {
      peer = peers_.by_host(reg.host);
    }

    std::string host = reg.host;
    int port = reg.port;
    std::string transport = reg.transport;
    std::string fromdomain;
    if (peer) fromdomain = value_of(*peer, "fromdomain");
    if (addressed_by_peer) {
      const auto peer_host = value_of(*peer, "host");
      if (!peer_host.empty() && !iequals(peer_host, "dynamic")) {
        host = peer_host;
        port = 0;
        if (auto p = chansip::parse_integer(value_of(*peer, "port"))) {
          port = static_cast<int>(*p);
        }
      }
    }
    if (transport != "udp" && !context_.transports.count(transport)) {
      report(source, Severity::warning,
             fmt::format("register over {} but {} is not enabled in [general]; chan_sip could "
                         "not send it either",
                         transport, transport),
             "sip-transport-disabled");
    }

    const std::string name =
        unique_name(peer ? peer->section->name : "reg-" + name_part(reg.user + "-" + reg.host));
    auto& registration =
        context_.output.add(name, "registration", context_.index_of(*source.section));
    objects_.add(registration);
    const auto where = std::vector{source.line->where()};
    const int default_port = transport == "tls" ? 5061 : 5060;
    auto host_port = [&](const std::string& h, int p) {
      HostPort address{h, std::nullopt, false, false};
      if (auto parsed = parse_host_port(h)) address = *parsed;
      if (p && p != default_port) address.port = p;
      return address.to_string();
    };
    const std::string uri_suffix = transport == "udp" ? "" : ";transport=" + transport;
    // The Request-URI host is the peer's fromdomain, else the register domain, else the host;
    // when that is not the host, the REGISTER is still sent to the host.
    const std::string domain = !fromdomain.empty() ? fromdomain : reg.domain;
    if (!domain.empty() && !iequals(domain, host)) {
      registration.set("server_uri", "sip:" + host_port(domain, reg.domain_port) + uri_suffix,
                       where);
      registration.set("outbound_proxy", "sip:" + host_port(host, port) + ";lr" + uri_suffix,
                       where);
    } else {
      registration.set("server_uri", "sip:" + host_port(host, port) + uri_suffix, where);
    }
    registration.set(
        "client_uri",
        "sip:" + reg.user + "@" + (reg.domain.empty() ? host : reg.domain) + uri_suffix, where);
    if (reg.extension != "s") registration.set("contact_user", reg.extension, where);
    if (transport != "udp" && context_.transports.count(transport)) {
      registration.set("transport", context_.transports.at(transport));
    }
    registration.set("expiration", std::to_string(reg.expiry > 0 ? reg.expiry : kDefaultExpiry),
                     where);
    registration.set("retry_interval", std::to_string(retry_.timeout), retry_.sources);
    if (retry_.retry_403) {
      registration.set("forbidden_retry_interval", std::to_string(retry_.timeout), retry_.sources);
    }
    registration.set("max_retries",
                     std::to_string(retry_.attempts > 0 ? retry_.attempts : kForever),
                     retry_.sources);
    // chan_sip keeps retrying after a failed authentication; pjsip stops unless told not to.
    registration.set("auth_rejection_permanent", "no");

    std::vector<std::string> auths;
    if (!reg.secret.empty() || (peer && !value_of(*peer, "remotesecret").empty())) {
      auths.push_back(outbound_auth(reg, peer, name, source));
    }
    for (const auto& auth : context_.global_outbound_auths) auths.push_back(auth);
    if (!auths.empty()) {
      std::string list;
      for (const auto& auth : auths) list += (list.empty() ? "" : ",") + auth;
      registration.set("outbound_auth", list);
    }
    // Calls from the provider reach the peer's endpoint by its identify; a peer without one
    // (dynamic host) is reached through the registration's line parameter.
    if (peer && !objects_.has_identify(peer->section->name)) {
      registration.set("line", "yes");
      registration.set("endpoint", peer->section->name);
    }
    if (!reg.notice.empty()) {
      context_.ledger.approximated(*source.section, *source.line, reg.notice);
    } else {
      context_.ledger.mapped(*source.section, *source.line, fmt::format("registration {}", name));
    }
  }

 private:
  void report(const Source& source, Severity severity, std::string message, const char* code) {
    context_.report(source.line->where(), severity, std::move(message), code);
  }

  std::string unique_name(const std::string& base) {
    std::string name = base;
    for (int n = 2; objects_.has_registration(name); ++n) {
      name = fmt::format("{}-{}", base, n);
    }
    return name;
  }

  // The credentials of the line (a linked peer's remotesecret wins), as an auth of their own
  // unless the peer already has one with the same username and password.
  std::string outbound_auth(const chansip::RegisterLine& reg, const chansip::PeerSection* peer,
                            const std::string& name, const Source& source) {
    const std::string username = reg.authuser.empty() ? reg.user : reg.authuser;
    std::string password = reg.secret;
    if (peer && !value_of(*peer, "remotesecret").empty()) {
      password = value_of(*peer, "remotesecret");
    }
    if (peer) {
      for (const auto* object : objects_.auths_from(context_.index_of(*peer->section))) {
        const auto* user = object->find("username");
        const auto* secret = object->find("password");
        if (user && secret && user->value == username && secret->value == password &&
            !object->find("realm")) {
          return std::string(object->name);
        }
      }
    }
    std::string auth_name = peer ? name + "-reg" : name;
    for (int n = 2; objects_.has_auth(auth_name); ++n) {
      auth_name = fmt::format("{}-reg-{}", name, n);
    }
    auto& auth = context_.output.add(auth_name, "auth", context_.index_of(*source.section));
    auth.set("auth_type", "userpass");
    auth.set("username", username, {source.line->where()});
    auth.set("password", password, {source.line->where()});
    objects_.add(auth);
    return auth_name;
  }

  RegistrationBuilder(Context& context, const RetrySettings& retry,
                      std::future<ObjectIndex> objects)
      : context_(context), retry_(retry), peers_(context), objects_(objects.get()) {}

  Context& context_;
  const RetrySettings& retry_;
  PeerFinder peers_;
  ObjectIndex objects_;
};

// Characters a SIP URI user part never holds unescaped.
bool usable_in_uri(const std::string& user) {
  return !user.empty() && user.find_first_of("<>\"{}|\\^` []") == std::string::npos;
}

RetrySettings read_retry_settings(Context& context) {
  RetrySettings retry;
  const auto* general = context.model.general;
  if (!general) return retry;
  if (const auto* line = general_setting(context, "registertimeout"_option)) {
    mark_superseded(context, *line);
    const int value = std::atoi(std::string(line->value).c_str());
    retry.timeout = value < 1 ? kDefaultRegisterTimeout : value;
    retry.sources.push_back(line->where());
    context.ledger.mapped(*general, *line, "registration retry_interval");
  }
  if (const auto* line = general_setting(context, "registerattempts"_option)) {
    mark_superseded(context, *line);
    retry.attempts = std::atoi(std::string(line->value).c_str());
    retry.sources.push_back(line->where());
    context.ledger.mapped(*general, *line, "registration max_retries");
  }
  if (const auto* line = general_setting(context, "register_retry_403"_option)) {
    mark_superseded(context, *line);
    retry.retry_403 = chansip::is_true(line->value);
    context.ledger.mapped(*general, *line, "registration forbidden_retry_interval");
  }
  return retry;
}

}  // namespace

void convert_registrations(Context& context) {
  const auto retry = read_retry_settings(context);
  RegistrationBuilder builder(context, retry);
  if (const auto* general = context.model.general) {
    // The expiry of a line without ~expiry is the defaultexpiry read before that line.
    int default_expiry = kDefaultExpiry;
    // The register lines met so far (views into the document): a set, as a large system has
    // tens of thousands of them.
    absl::flat_hash_set<std::string_view> seen;
    for (const auto& line : general->variables) {
      if (iequals(line.name, "defaultexpiry") || iequals(line.name, "defaultexpirey")) {
        if (auto value = chansip::parse_integer(line.value); value && *value > 0) {
          default_expiry = static_cast<int>(*value);
        }
        continue;
      }
      if (!iequals(line.name, "register")) continue;
      if (!seen.insert(line.value).second) {
        context.ledger.mapped(*general, line, "the same line again; chan_sip ignores it");
        continue;
      }
      const auto parsed = chansip::parse_register_line(line.value, default_expiry);
      if (parsed && !usable_in_uri(parsed->user)) {
        // pjsip refuses the whole registration for a client_uri it cannot parse.
        context.ledger.not_converted(*general, line,
                                     fmt::format("the user '{}' cannot stand in a SIP URI (a "
                                                 "placeholder?); res_pjsip would drop the "
                                                 "registration",
                                                 parsed->user),
                                     "sip-invalid-value");
        continue;
      }
      if (!parsed) {
        context.ledger.not_converted(
            *general, line,
            "chan_sip rejects it: the format is "
            "[peer?][transport://]user[@domain][:secret[:authuser]]@host[:port][/"
            "extension][~expiry]",
            "sip-invalid-value");
        continue;
      }
      builder.build(*parsed, Source{general, &line});
    }
  }
  // callbackextension=X on a peer registers name?user:secret@host/X (build_peer).
  for (const auto& peer : context.model.peers) {
    const auto* line = chansip::own_setting(peer, "callbackextension");
    if (!line || line->value.empty()) continue;
    const auto& section = *peer.section;
    const auto host = value_of(peer, "host");
    if (host.empty() || iequals(host, "dynamic")) {
      context.ledger.not_converted(section, *line, "needs a static host to register to",
                                   "sip-invalid-value");
      continue;
    }
    chansip::RegisterLine reg;
    reg.peer = section.name;
    reg.transport = "udp";
    reg.user = !value_of(peer, "fromuser").empty() ? value_of(peer, "fromuser")
                                                   : value_of(peer, "defaultuser");
    reg.secret = !value_of(peer, "remotesecret").empty() ? value_of(peer, "remotesecret")
                                                         : value_of(peer, "secret");
    reg.authuser = value_of(peer, "defaultuser");
    reg.host = host;
    reg.extension = line->value;
    reg.expiry = kDefaultExpiry;
    if (const auto* expiry = general_setting(context, "defaultexpiry"_option)) {
      if (auto value = chansip::parse_integer(expiry->value); value && *value > 0) {
        reg.expiry = static_cast<int>(*value);
      }
    }
    builder.build(reg, Source{&section, line});
  }
}

}  // namespace sip2pjsip::convert
