#include "chansip/register_line.h"

#include <cstdlib>
#include <vector>

#include "chansip/values.h"

namespace sip2pjsip::chansip {

namespace {

// AST_NONSTANDARD_RAW_ARGS: at most `fields` parts split on `separator`; the last part keeps
// the rest of the text, separators included. Missing parts are absent, not empty.
std::vector<std::optional<std::string>> split_raw(const std::optional<std::string>& text,
                                                  char separator, std::size_t fields) {
  std::vector<std::optional<std::string>> parts(fields);
  if (!text) return parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < fields; ++i) {
    if (i == fields - 1) {
      parts[i] = text->substr(start);
      break;
    }
    const auto at = text->find(separator, start);
    if (at == std::string::npos) {
      parts[i] = text->substr(start);
      break;
    }
    parts[i] = text->substr(start, at - start);
    start = at + 1;
  }
  return parts;
}

bool empty(const std::optional<std::string>& part) {
  return !part || part->empty();
}

// ast_strip_quoted(value, "\"", "\""): blanks around, then one pair of double quotes.
std::string unquote(const std::optional<std::string>& part) {
  if (!part) return "";
  std::string text = *part;
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  return text;
}

// port_str2int(): a number from 1 to 65535, else 0.
int port_number(const std::string& text) {
  const auto value = parse_integer(text);
  return value && *value > 0 && *value <= 65535 ? static_cast<int>(*value) : 0;
}

}  // namespace

std::optional<RegisterLine> parse_register_line(std::string_view value, int default_expiry) {
  const auto at = value.rfind('@');
  if (at == std::string_view::npos) return std::nullopt;
  const std::string userpart(value.substr(0, at));
  const std::string hostpart(value.substr(at + 1));
  if (userpart.empty() || hostpart.empty()) return std::nullopt;

  auto pre1 = split_raw(userpart, '?', 2);  // peer, userpart
  if (empty(pre1[1])) {
    pre1[1] = pre1[0];
    pre1[0].reset();
  }
  auto pre2 = split_raw(pre1[1], '/', 3);  // transport, blank, userpart
  if (empty(pre2[2])) {
    pre2[2] = pre2[0];
    pre2[0].reset();
  } else if (!pre2[0]->empty()) {
    pre2[0]->pop_back();  // the ':' of "tcp://"
  }
  if (!empty(pre2[1])) return std::nullopt;

  auto user1 = split_raw(pre2[2], ':', 3);   // user[@domain], secret, authuser
  auto host1 = split_raw(hostpart, '~', 2);  // host[:port][/extension], expiry
  auto host2 = split_raw(host1[0], '/', 2);  // host[:port], extension
  auto host3 = split_raw(host2[0], ':', 2);  // host, port
  auto user2 = split_raw(user1[0], '@', 2);  // user, domain
  auto user3 = split_raw(user1[2], ':', 2);  // authuser, domainport
  // The four-field form: user@domain:domainport:secret:authuser.
  if (user3[1]) {
    auto reorder = user3[1];
    user3[1] = user1[1];
    user1[1] = user3[0];
    user3[0] = reorder;
  }

  RegisterLine line;
  if (host3[1]) {
    line.port = port_number(*host3[1]);
    line.port_given = line.port != 0;
    if (!line.port_given) line.notice = "'" + *host3[1] + "' is not a valid port number";
  }
  if (user3[1]) line.domain_port = port_number(*user3[1]);

  line.transport = "udp";
  if (pre2[0]) {
    const auto name = to_lower(pre2[0]->substr(0, 3));
    if (name == "tcp" || name == "tls" || name == "udp") {
      line.transport = name;
    } else {
      line.notice = "'" + pre2[0]->substr(0, 3) + "' is not a valid transport type; udp is used";
    }
  }
  line.extension = empty(host2[1]) ? "s" : unquote(host2[1]);
  line.user = unquote(user2[0]);
  line.host = unquote(host3[0]);
  line.authuser = unquote(user3[0]);
  line.secret = unquote(user1[1]);
  line.peer = unquote(pre1[0]);
  line.domain = unquote(user2[1]);
  line.expiry_given = host1[1].has_value();
  line.expiry = line.expiry_given ? std::atoi(unquote(host1[1]).c_str()) : default_expiry;
  return line;
}

}  // namespace sip2pjsip::chansip
