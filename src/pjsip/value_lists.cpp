// Comma lists and structured values, split the way each handler splits them: some skip empty
// items (ast_strip + continue), ast_append_ha() and the codec parser do not.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

#include "chansip/codecs.h"
#include "config/document.h"
#include "pjsip/address_syntax.h"
#include "pjsip/value_checks.h"

namespace sip2pjsip::pjsip::values {

namespace {

std::string_view strip(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// strsep(): every item, empty ones included.
std::vector<std::string_view> split_all(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> items;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find_first_of(separators, start);
    items.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return items;
    start = end + 1;
  }
}

// strsep() + ast_strip(), skipping the empty items.
std::vector<std::string_view> split_items(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> items;
  for (const auto item : split_all(text, separators)) {
    if (!strip(item).empty()) items.push_back(strip(item));
  }
  return items;
}

bool contains(const std::vector<std::string>& words, std::string_view word, bool case_sensitive) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& candidate) {
    return case_sensitive ? candidate == word : config::iequals(candidate, std::string(word));
  });
}

// The leading integer sscanf("%d") reads, and where it ends; nothing when there is none.
std::optional<std::pair<long, std::size_t>> leading_integer(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  const std::size_t start = i;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  const std::size_t digits = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == digits) return std::nullopt;
  return std::make_pair(
      std::strtol(std::string(text.substr(start, i - start)).c_str(), nullptr, 10), i);
}

struct DigestAlgorithm {
  const char* name;
  std::size_t digest_length;  // hex characters
};

// pjsip_auth_algorithms[] (IANA names, compared with pj_stricmp).
constexpr DigestAlgorithm kDigestAlgorithms[] = {{"MD5", 32}, {"SHA-256", 64}, {"SHA-512-256", 64}};

const DigestAlgorithm* find_algorithm(std::string_view name) {
  for (const auto& algorithm : kDigestAlgorithms) {
    if (config::iequals(algorithm.name, std::string(name))) return &algorithm;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> enumeration_list_problem(const ValueType& type, std::string_view value) {
  for (const auto item : split_items(value, ",")) {
    if (!contains(type.values, item, type.case_sensitive)) {
      return fmt::format("contains '{}', which is not one of {}", item, join(type.values));
    }
  }
  return std::nullopt;
}

// ast_format_cap_update_by_allow_disallow(): "(list)", items split on ',' or '|', "!codec"
// inverts, "codec:ms" sets packetization; an unknown name fails the whole option.
std::optional<std::string> codec_list_problem(const ValueType& type, std::string_view value) {
  if (!type.allowing && value.empty()) return std::nullopt;
  if (value.size() >= 2 && value.front() == '(' && value.back() == ')') {
    value = value.substr(1, value.size() - 2);
  }
  for (auto item : split_all(value, ",|")) {
    item = strip(item);
    if (!item.empty() && item.front() == '!') item.remove_prefix(1);
    if (const auto colon = item.rfind(':'); colon != std::string_view::npos) {
      const auto framing = leading_integer(item.substr(colon + 1));
      if (!framing || framing->first < 0) {
        return fmt::format("has a bad packetization in '{}'", item);
      }
      item = item.substr(0, colon);
    }
    if (item.empty()) return std::string("has an empty codec name");
    const std::string name(item);
    if (!config::iequals(name, "all") && !chansip::is_known_codec(name)) {
      return fmt::format("names unknown codec '{}'", name);
    }
  }
  return std::nullopt;
}

std::optional<std::string> sip_uri_list_problem(std::string_view value) {
  for (const auto uri : split_items(value, ",")) {
    if (auto problem = sip_uri_problem(uri))
      return fmt::format("has '{}', which {}", uri, *problem);
  }
  return std::nullopt;
}

// transport_tls_cipher_handler: each comma item must be a cipher pjsip's SSL library knows by
// name (OpenSSL's names: ECDHE-RSA-AES128-GCM-SHA256, TLS_AES_128_GCM_SHA256) or by number
// (decimal or 0x hex); one unknown item fails the transport. The names on a given machine are
// not known here, but an OpenSSL cipher string (ALL, HIGH:!aNULL, ...) is never one of them.
std::optional<std::string> cipher_list_problem(std::string_view value) {
  for (const auto item : split_items(value, ",")) {
    const bool number = std::all_of(item.begin(), item.end(), [](char c) {
      return std::isxdigit(static_cast<unsigned char>(c)) || c == 'x' || c == 'X';
    });
    const bool name = std::all_of(item.begin(), item.end(),
                                  [](char c) {
                                    return std::isalnum(static_cast<unsigned char>(c)) ||
                                           c == '-' || c == '_' || c == '.';
                                  }) &&
                      item.find_first_of("-_") != std::string_view::npos;
    if (!number && !name) {
      return fmt::format(
          "has '{}', which is not a cipher name (an OpenSSL cipher string such as ALL or "
          "HIGH:!aNULL is not accepted)",
          item);
    }
  }
  return std::nullopt;
}

// ast_append_ha() (permit, deny, local_net) parses every item, empty ones too. The identify
// match handler skips empty items and takes anything that is neither an IP address nor has a
// '/' as a host name to resolve.
std::optional<std::string> acl_problem(std::string_view value, bool ports_and_names) {
  if (value.empty()) return std::nullopt;
  const auto items = ports_and_names ? split_items(value, ",") : split_all(value, ",");
  for (const auto item : items) {
    if (ports_and_names && item.find('/') == std::string_view::npos &&
        !parse_ip_address(item, true)) {
      continue;  // a host name, resolved when the module loads
    }
    if (auto problem = acl_entry_problem(item, ports_and_names)) {
      return "has an entry Asterisk refuses: " + *problem;
    }
  }
  return std::nullopt;
}

// ast_get_group(): "n" or "n-m" per item; others and numbers outside 0-63 are skipped.
std::optional<std::string> group_list_problem(std::string_view value) {
  if (value.empty()) return std::nullopt;
  for (const auto item : split_all(value, ",")) {
    const auto first = leading_integer(item);
    if (!first) return fmt::format("contains '{}', which is not a group number", item);
    long last = first->first;
    const auto rest = item.substr(first->second);
    if (!rest.empty() && rest.front() == '-') {
      if (const auto second = leading_integer(rest.substr(1))) last = second->first;
    }
    for (const long group : {first->first, last}) {
      if (group < 0 || group > 63) {
        return fmt::format("contains group {}, but groups are 0-63", group);
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> channel_variable_problem(std::string_view value) {
  if (value.empty() || value.find('=') != std::string_view::npos) return std::nullopt;
  return std::string("has no '=' between name and value");
}

// password_digest_handler: "ALGORITHM:digest" items; an item without ':' is an MD5 digest.
std::optional<std::string> password_digests_problem(std::string_view value) {
  for (const auto item : split_items(value, ",")) {
    std::string_view name = "MD5";
    std::string_view digest = item;
    if (const auto colon = item.find(':'); colon != std::string_view::npos) {
      name = strip(item.substr(0, colon));
      digest = strip(item.substr(colon + 1));
    }
    const auto* algorithm = find_algorithm(name);
    if (!algorithm) return fmt::format("names unknown digest algorithm '{}'", name);
    if (digest.size() != algorithm->digest_length) {
      return fmt::format("has a {} digest of {} characters, not {}", algorithm->name, digest.size(),
                         algorithm->digest_length);
    }
  }
  return std::nullopt;
}

std::optional<std::string> digest_algorithms_problem(std::string_view value) {
  for (const auto item : split_items(value, ",")) {
    if (!find_algorithm(item)) return fmt::format("names unknown digest algorithm '{}'", item);
  }
  return std::nullopt;
}

// ast_stream_codec_prefs_parse(): "name: value" items (strtok on ',' then on ':' and ' ');
// known names take only their values (strcmp), unknown names are skipped.
std::optional<std::string> codec_preferences_problem(const ValueType& type,
                                                     std::string_view value) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kParameters = {
      {"prefer", {"pending", "configured"}},
      {"operation", {"intersect", "union", "only_preferred", "only_nonpreferred"}},
      {"keep", {"all", "first"}},
      {"transcode", {"allow", "prevent"}},
  };
  for (const auto item : split_all(value, ",")) {
    if (item.empty()) continue;  // strtok skips empty items
    std::vector<std::string_view> words;
    for (const auto word : split_all(item, ": ")) {
      if (!word.empty()) words.push_back(word);
    }
    if (words.size() < 2) return fmt::format("has '{}', which is not 'name: value'", item);
    for (const auto& [name, allowed] : kParameters) {
      if (words[0] != name) continue;
      if (!contains(allowed, words[1], true)) {
        return fmt::format("sets {} to '{}', which is not one of {}", name, words[1],
                           join(allowed));
      }
      if (type.rejects_union && name == "operation" && words[1] == "union") {
        return std::string("sets operation to union, which incoming offers cannot use");
      }
    }
  }
  return std::nullopt;
}

}  // namespace sip2pjsip::pjsip::values
