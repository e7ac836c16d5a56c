// Checks across objects: names, references, transports, and whether endpoints and aors can be
// reached at all.
#include <gtest/gtest.h>

#include "pjsip/check_helpers.h"

namespace sip2pjsip::testing {
namespace {

const std::string kAor = "[6001]\ntype=aor\ncontact=sip:6001@192.0.2.10\n";  // lines 1-3

TEST(CheckNames, SameNameTwiceForOneType) {
  EXPECT_EQ(check_text("[a]\ntype=domain_alias\n[a]\ntype=domain_alias\n[a]\ntype=acl\n"),
            Lines{"pjsip.conf:3: error: domain_alias 'a' is defined twice (also at pjsip.conf:1); "
                  "Asterisk then loads no domain_alias at all [pjsip-duplicate-name]"});
}

TEST(CheckNames, NamesAreCaseSensitive) {
  EXPECT_EQ(check_text("[a]\ntype=domain_alias\n[A]\ntype=domain_alias\n"), Lines{});
}

TEST(CheckNames, SecondGlobal) {
  EXPECT_EQ(check_text("[global]\ntype=global\n[more]\ntype=global\n"),
            Lines{"pjsip.conf:3: error: a second global section [more] (the first is [global] at "
                  "pjsip.conf:1); Asterisk then loads no global section at all "
                  "[pjsip-singleton-repeated]"});
}

TEST(CheckReferences, EndpointReferences) {
  EXPECT_EQ(check_text(kAor + "[6001]\ntype=endpoint\naors=6001,6002\nauth=x\noutbound_auth=y\n"
                              "transport=t\n"),
            (Lines{"pjsip.conf:6: error: endpoint '6001': aors names aor '6002', which is not "
                   "defined [pjsip-dangling-reference]",
                   "pjsip.conf:7: error: endpoint '6001': auth names auth 'x', which is not "
                   "defined [pjsip-dangling-reference]",
                   "pjsip.conf:8: error: endpoint '6001': outbound_auth names auth 'y', which is "
                   "not defined [pjsip-dangling-reference]",
                   "pjsip.conf:9: error: endpoint '6001': transport names transport 't', which "
                   "is not defined [pjsip-dangling-reference]"}));
}

TEST(CheckReferences, OnlyTheLastLineCounts) {
  EXPECT_EQ(check_text(kAor + "[t](!)\naors=nowhere\n[6001](t)\ntype=endpoint\naors=6001\n"),
            Lines{});
}

TEST(CheckReferences, CaseHint) {
  EXPECT_EQ(check_text(kAor + "[e]\ntype=endpoint\naors=6001\n[i]\ntype=identify\nendpoint=E\n"
                              "match=192.0.2.10\n"),
            Lines{"pjsip.conf:9: error: identify 'i': endpoint names endpoint 'E', which is not "
                  "defined (there is endpoint 'e'; names are case-sensitive) "
                  "[pjsip-dangling-reference]"});
}

TEST(CheckReferences, TargetThatAsteriskDoesNotLoad) {
  EXPECT_EQ(check_text(kAor + "[e]\ntype=endpoint\naors=6001\ndtmf_mode=x\n[i]\ntype=identify\n"
                              "endpoint=e\nmatch=192.0.2.10\n"),
            (Lines{"pjsip.conf:7: error: endpoint 'e': dtmf_mode 'x' is not one of rfc4733, "
                   "inband, none, info, auto, auto_info; Asterisk does not load this endpoint "
                   "[pjsip-invalid-value]",
                   "pjsip.conf:10: error: identify 'i': endpoint names endpoint 'e', which "
                   "Asterisk does not load (see pjsip.conf:4) [pjsip-dangling-reference]"}));
}

TEST(CheckReferences, RegistrationReferences) {
  EXPECT_EQ(check_text("[r]\ntype=registration\nserver_uri=sip:p.example\n"
                       "client_uri=sip:me@p.example\noutbound_auth=r\ntransport=t\nline=yes\n"
                       "endpoint=trunk\n"),
            (Lines{"pjsip.conf:5: error: registration 'r': outbound_auth names auth 'r', which is "
                   "not defined [pjsip-dangling-reference]",
                   "pjsip.conf:6: warning: registration 'r': transport names transport 't', which "
                   "is not defined; Asterisk lets pjsip choose the transport "
                   "[pjsip-dangling-reference]",
                   "pjsip.conf:8: error: registration 'r': endpoint names endpoint 'trunk', which "
                   "is not defined [pjsip-dangling-reference]"}));
}

TEST(CheckReferences, DuplicatesMakeTheWholeTypeMissing) {
  EXPECT_EQ(check_text(kAor + "[6001]\ntype=aor\ncontact=sip:b@192.0.2.11\n"
                              "[e]\ntype=endpoint\naors=6001\n"),
            (Lines{"pjsip.conf:4: error: aor '6001' is defined twice (also at pjsip.conf:1); "
                   "Asterisk then loads no aor at all [pjsip-duplicate-name]",
                   "pjsip.conf:9: error: endpoint 'e': aors names aor '6001', which Asterisk does "
                   "not load (see pjsip.conf:1) [pjsip-dangling-reference]"}));
}

TEST(CheckTransports, SameAddressPortAndProtocol) {
  EXPECT_EQ(check_text("[a]\ntype=transport\nbind=0.0.0.0\n[b]\ntype=transport\nprotocol=udp\n"
                       "bind=0.0.0.0:5060\n"),
            Lines{"pjsip.conf:7: error: transport 'b' (udp 0.0.0.0:5060) cannot bind: transport "
                  "'a' (pjsip.conf:1) already listens on udp 0.0.0.0:5060; Asterisk does not load "
                  "this transport [pjsip-transport-conflict]"});
}

TEST(CheckTransports, WildcardCoversEveryAddress) {
  EXPECT_EQ(check_text("[a]\ntype=transport\nbind=0.0.0.0\n[b]\ntype=transport\n"
                       "bind=192.0.2.1\n"),
            Lines{"pjsip.conf:6: error: transport 'b' (udp 192.0.2.1:5060) cannot bind: transport "
                  "'a' (pjsip.conf:1) already listens on udp 0.0.0.0:5060; Asterisk does not load "
                  "this transport [pjsip-transport-conflict]"});
}

TEST(CheckTransports, TcpAndTlsShareTcpSockets) {
  EXPECT_EQ(check_text("[a]\ntype=transport\nprotocol=tcp\nbind=0.0.0.0:5061\n[b]\n"
                       "type=transport\nprotocol=tls\nbind=0.0.0.0\n"),
            Lines{"pjsip.conf:8: error: transport 'b' (tls 0.0.0.0:5061) cannot bind: transport "
                  "'a' (pjsip.conf:1) already listens on tcp 0.0.0.0:5061; Asterisk does not load "
                  "this transport [pjsip-transport-conflict]"});
}

TEST(CheckTransports, NoConflict) {
  EXPECT_EQ(check_text("[udp]\ntype=transport\nbind=0.0.0.0\n[tcp]\ntype=transport\n"
                       "protocol=tcp\nbind=0.0.0.0\n[tls]\ntype=transport\nprotocol=tls\n"
                       "bind=0.0.0.0\n[udp6]\ntype=transport\nbind=[::]\n[ws]\ntype=transport\n"
                       "protocol=ws\nbind=0.0.0.0\n[udp2]\ntype=transport\nbind=0.0.0.0:5070\n"),
            Lines{});
}

TEST(CheckTransports, SecondTcpTransportOfOneFamily) {
  EXPECT_EQ(check_text("[a]\ntype=transport\nprotocol=tcp\nbind=192.0.2.1\n[b]\ntype=transport\n"
                       "protocol=tcp\nbind=198.51.100.1\n[c]\ntype=transport\nprotocol=tcp\n"
                       "bind=[2001:db8::1]\n"),
            Lines{"pjsip.conf:5: warning: transport 'b' is a second tcp transport for IPv4 (the "
                  "first is 'a' at pjsip.conf:1); new tcp connections to endpoints without "
                  "transport= always go through 'a' [pjsip-transport-shadowed]"});
}

TEST(CheckReachability, AorWithoutContactOrRegistration) {
  EXPECT_EQ(check_text("[6001]\ntype=aor\n"),
            Lines{"pjsip.conf:1: error: aor '6001' has no contact and max_contacts is 0; nothing "
                  "can register to it and calls to it fail [pjsip-aor-unreachable]"});
}

TEST(CheckReachability, MaxContactsOneWithoutRemoveExisting) {
  EXPECT_EQ(check_text("[6001]\ntype=aor\nmax_contacts=1\n"),
            Lines{"pjsip.conf:3: warning: aor '6001': max_contacts=1 without remove_existing=yes; "
                  "a phone that registers from a new address is refused until its old contact "
                  "expires [pjsip-max-contacts-no-remove]"});
  EXPECT_EQ(check_text("[6001]\ntype=aor\nmax_contacts=1\nremove_existing=yes\n"), Lines{});
}

TEST(CheckReachability, EndpointWithoutAors) {
  EXPECT_EQ(check_text("[6001]\ntype=endpoint\n"),
            Lines{"pjsip.conf:1: warning: endpoint '6001' has no aors; Asterisk cannot call it and "
                  "refuses its registrations [pjsip-endpoint-no-aors]"});
}

TEST(CheckReachability, RegisteringEndpointWithoutRewriteContact) {
  const std::string aor = "[6001]\ntype=aor\nmax_contacts=2\n";
  EXPECT_EQ(check_text(aor + "[6001]\ntype=endpoint\naors=6001\n"),
            Lines{"pjsip.conf:4: warning: endpoint '6001' takes registrations (aor '6001') but "
                  "rewrite_contact is off; behind NAT Asterisk calls the private address the "
                  "phone registered [pjsip-rewrite-contact-off]"});
  EXPECT_EQ(check_text(aor + "[6001]\ntype=endpoint\naors=6001\nrewrite_contact=no\n"),
            Lines{"pjsip.conf:7: warning: endpoint '6001' takes registrations (aor '6001') but "
                  "rewrite_contact is off; behind NAT Asterisk calls the private address the "
                  "phone registered [pjsip-rewrite-contact-off]"});
  EXPECT_EQ(check_text(aor + "[6001]\ntype=endpoint\naors=6001\nrewrite_contact=yes\n"), Lines{});
}

}  // namespace
}  // namespace sip2pjsip::testing
