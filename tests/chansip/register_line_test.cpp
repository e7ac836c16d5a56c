// register => lines, split as sip_parse_register_line() splits them (config_parser.c).
#include "chansip/register_line.h"

#include <gtest/gtest.h>

namespace sip2pjsip::chansip {
namespace {

RegisterLine parse(const std::string& value, int default_expiry = 120) {
  auto line = parse_register_line(value, default_expiry);
  EXPECT_TRUE(line.has_value()) << value;
  return line.value_or(RegisterLine{});
}

TEST(RegisterLine, UserSecretHostPort) {
  const auto r = parse("myaccountname:1234567890@203.0.113.1:5060");
  EXPECT_EQ(r.user, "myaccountname");
  EXPECT_EQ(r.secret, "1234567890");
  EXPECT_EQ(r.authuser, "");
  EXPECT_EQ(r.host, "203.0.113.1");
  EXPECT_EQ(r.port, 5060);
  EXPECT_EQ(r.transport, "udp");
  EXPECT_EQ(r.extension, "s");
  EXPECT_EQ(r.expiry, 120);
  EXPECT_FALSE(r.expiry_given);
}

TEST(RegisterLine, EveryPart) {
  const auto r = parse("trunk?tls://alice@example.com:pw:authname@sip.example.com:5071/1234~600");
  EXPECT_EQ(r.peer, "trunk");
  EXPECT_EQ(r.transport, "tls");
  EXPECT_EQ(r.user, "alice");
  EXPECT_EQ(r.domain, "example.com");
  EXPECT_EQ(r.secret, "pw");
  EXPECT_EQ(r.authuser, "authname");
  EXPECT_EQ(r.host, "sip.example.com");
  EXPECT_EQ(r.port, 5071);
  EXPECT_EQ(r.extension, "1234");
  EXPECT_EQ(r.expiry, 600);
}

TEST(RegisterLine, DomainPortForm) {
  const auto r = parse("alice@example.com:5062:pw:authname@sip.example.com");
  EXPECT_EQ(r.domain, "example.com");
  EXPECT_EQ(r.domain_port, 5062);
  EXPECT_EQ(r.secret, "pw");
  EXPECT_EQ(r.authuser, "authname");
}

TEST(RegisterLine, QuotedValuesAreUnquoted) {
  const auto r = parse("\"alice\":\"p@ss\"@sip.example.com");
  // The last '@' splits user part from host, so a quoted '@' in the secret still works.
  EXPECT_EQ(r.user, "alice");
  EXPECT_EQ(r.secret, "p@ss");
}

TEST(RegisterLine, UnknownTransportFallsBackToUdpWithANotice) {
  const auto r = parse("sctp://alice:pw@sip.example.com");
  EXPECT_EQ(r.transport, "udp");
  EXPECT_EQ(r.notice, "'sct' is not a valid transport type; udp is used");
}

TEST(RegisterLine, BadPortIsANotice) {
  const auto r = parse("alice:pw@sip.example.com:99999");
  EXPECT_EQ(r.port, 0);
  EXPECT_EQ(r.notice, "'99999' is not a valid port number");
}

TEST(RegisterLine, ExpiryDefaultsToTheOneInForce) {
  EXPECT_EQ(parse("alice@sip.example.com", 300).expiry, 300);
}

TEST(RegisterLine, RejectedForms) {
  EXPECT_FALSE(parse_register_line("sip.example.com", 120));
  EXPECT_FALSE(parse_register_line("@sip.example.com", 120));
  EXPECT_FALSE(parse_register_line("alice@", 120));
  EXPECT_FALSE(parse_register_line("a/b/alice@host", 120));
}

}  // namespace
}  // namespace sip2pjsip::chansip
