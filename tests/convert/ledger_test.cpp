// The ledger's details: a peer's own mapped lines keep their target as a pattern and the peer's
// name, written out when read; every other detail is a text.
#include "convert/ledger.h"

#include <stdexcept>

#include <gtest/gtest.h>

#include "convert/convert_support.h"

namespace sip2pjsip::testing {
namespace {

const convert::OptionOutcome& outcome_of(const Converted& c, int line) {
  for (const auto& outcome : c.conversion.ledger.outcomes()) {
    if (outcome.variable->where().line == line) return outcome;
  }
  throw std::runtime_error("no outcome");
}

std::string detail_at(const Converted& c, int line) {
  return c.conversion.ledger.detail(outcome_of(c, line));
}

TEST(Ledger, DeferredDetailReadsAsTheFormattedText) {
  const std::string name = "6001";
  const auto detail = convert::OutcomeDetail::deferred("endpoint {} context", name);
  EXPECT_EQ(detail.text(), "endpoint 6001 context");
  EXPECT_TRUE(detail == "endpoint 6001 context");
  EXPECT_THROW((void)detail.stored_text(), std::logic_error);
  const convert::OutcomeDetail text("not converted: why");
  EXPECT_EQ(text.stored_text(), "not converted: why");
  EXPECT_EQ(text.text(), "not converted: why");
}

// One outcome per line of every peer: 24 bytes. A pattern is kept only for the name of the
// outcome's own section (whose name it puts in when read); for any other name it is filled in
// at once. Codes read back as given; the ledger tells each outcome's section.
TEST(Ledger, AnOutcomeIsSmallAndDefersOnlyItsSectionsName) {
  EXPECT_EQ(sizeof(convert::OptionOutcome), 24u);
  config::TextStore text;
  config::Section section{"6001", {0, 1}, false, {}, {}};
  section.variables.push_back(config::Variable{"context", text.keep("x"), {0, 2}, false, false});
  section.variables.push_back(config::Variable{"callerid", text.keep("y"), {0, 3}, false, false});
  section.variables.push_back(config::Variable{"foo", text.keep("z"), {0, 4}, false, false});
  const std::string other = "6002";
  convert::Ledger ledger;
  ledger.mapped(section, section.variables[0],
                convert::OutcomeDetail::deferred("endpoint {} context", section.name));
  ledger.mapped(section, section.variables[1],
                convert::OutcomeDetail::deferred("endpoint {} callerid", other));
  ledger.not_converted(section, section.variables[2], "unknown option", "sip-unknown-option");
  const auto& outcomes = ledger.outcomes();
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(ledger.detail(outcomes[0]), "endpoint 6001 context");
  EXPECT_THROW((void)outcomes[0].stored_detail(), std::logic_error);
  EXPECT_EQ(outcomes[1].stored_detail(), "endpoint 6002 callerid");
  EXPECT_STREQ(outcomes[0].code(), "");
  EXPECT_STREQ(outcomes[2].code(), "sip-unknown-option");
  EXPECT_EQ(ledger.detail(outcomes[2]), "unknown option");
  EXPECT_EQ(&ledger.section_of(outcomes[0]), &section);
  EXPECT_EQ(&ledger.section_of(outcomes[2]), &section);
  const convert::OptionOutcome literal(section.variables[2], convert::Outcome::approximated,
                                       "a literal", "sip-unknown-option");
  EXPECT_STREQ(literal.code(), "sip-unknown-option");
  EXPECT_EQ(literal.stored_detail(), "a literal");
}

// A reason a rule gives every peer is kept once per ledger, not once per line: a million peers
// with a call-limit would otherwise each keep their own copy of the same sentence.
TEST(Ledger, EqualReasonsShareOneCopy) {
  config::TextStore text;
  config::Section first{"6001", {0, 1}, false, {}, {}};
  first.variables.push_back(config::Variable{"call-limit", text.keep("2"), {0, 2}, false, false});
  first.variables.push_back(config::Variable{"foo", text.keep("x"), {0, 3}, false, false});
  config::Section second{"6002", {0, 4}, false, {}, {}};
  second.variables.push_back(config::Variable{"call-limit", text.keep("3"), {0, 5}, false, false});
  convert::Ledger ledger;
  ledger.approximated(first, first.variables[0], "only the device state", "sip-call-limit");
  ledger.not_converted(first, first.variables[1], "unknown option", "sip-unknown-option");
  ledger.approximated(second, second.variables[0], "only the device state", "sip-call-limit");
  const auto& outcomes = ledger.outcomes();
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(outcomes[0].stored_detail(), "only the device state");
  EXPECT_EQ(outcomes[1].stored_detail(), "unknown option");
  EXPECT_EQ(outcomes[2].stored_detail(), "only the device state");
  EXPECT_EQ(outcomes[0].stored_detail().data(), outcomes[2].stored_detail().data());
  EXPECT_EQ(outcomes[2].outcome, convert::Outcome::approximated);
  EXPECT_STREQ(outcomes[2].code(), "sip-call-limit");
}

// An outcome recorded in a section that does not hold its line keeps that section, and a
// deferred pattern gets that section's name at once: the ledger keeps a section per section's
// lines, so such an outcome is remembered on its own. No rule records one; the ledger does not
// rely on that, also not when another ledger's outcomes are absorbed.
TEST(Ledger, AnOutcomeRecordedInAnotherSectionKeepsThatSection) {
  config::TextStore text;
  config::Section general{"general", {0, 1}, false, {}, {}};
  general.variables.push_back(config::Variable{"context", text.keep("x"), {0, 2}, false, false});
  general.variables.push_back(config::Variable{"language", text.keep("de"), {0, 3}, false, false});
  config::Section peer{"6001", {0, 4}, false, {}, {}};
  peer.variables.push_back(config::Variable{"secret", text.keep("s"), {0, 5}, false, false});
  convert::Ledger part;
  // A stray: [general] has no outcome yet, so its lines are not known to the ledger.
  part.mapped(peer, general.variables[0],
              convert::OutcomeDetail::deferred("endpoint {} context", peer.name));
  part.mapped(general, general.variables[1], "global language");
  part.mapped(peer, peer.variables[0],
              convert::OutcomeDetail::deferred("auth {} password", peer.name));
  convert::Ledger ledger;
  ledger.absorb(std::move(part));
  const auto& outcomes = ledger.outcomes();
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(&ledger.section_of(outcomes[0]), &peer);
  EXPECT_EQ(outcomes[0].stored_detail(), "endpoint 6001 context");  // filled in, not deferred
  EXPECT_EQ(&ledger.section_of(outcomes[1]), &general);
  EXPECT_EQ(&ledger.section_of(outcomes[2]), &peer);
  EXPECT_THROW((void)outcomes[2].stored_detail(), std::logic_error);  // still deferred
  EXPECT_EQ(ledger.detail(outcomes[2]), "auth 6001 password");
  // A line of [general] recorded in the peer once [general]'s lines are known.
  config::Section other{"6002", {0, 6}, false, {}, {}};
  convert::Ledger later;
  later.mapped(general, general.variables[1], "global language");
  later.mapped(other, general.variables[0],
               convert::OutcomeDetail::deferred("endpoint {} context", other.name));
  ASSERT_EQ(later.outcomes().size(), 2u);
  EXPECT_EQ(&later.section_of(later.outcomes()[1]), &other);
  EXPECT_EQ(later.outcomes()[1].stored_detail(), "endpoint 6002 context");
}

// The texts of an absorbed ledger's outcomes live on in the ledger that took them; the
// deferred ones point at the peer's name, which the document holds.
TEST(Ledger, AbsorbedOutcomesKeepTheirTexts) {
  config::TextStore text;
  config::Section section{"6001", {0, 1}, false, {}, {}};
  section.variables.push_back(config::Variable{"callerid", text.keep("Bob"), {0, 2}, false, false});
  section.variables.push_back(config::Variable{"call-limit", text.keep("2"), {0, 3}, false, false});
  section.variables.push_back(config::Variable{"foo", text.keep("bar"), {0, 4}, false, false});
  convert::Ledger ledger;
  ledger.not_converted(section, section.variables[2],
                       std::string("unknown option; chan_sip ") + "ignores it (a text of its own)",
                       "sip-unknown-option");
  {
    convert::Ledger part;
    part.mapped(
        section, section.variables[0],
        convert::OutcomeDetail::deferred(std::string("endpoint {} callerid"), section.name));
    part.approximated(section, section.variables[1],
                      std::string("pjsip no longer rejects calls above the limit"),
                      std::string("sip-call-limit"));
    part.mapped(section, section.variables[2], "a second outcome is ignored");
    ledger.absorb(std::move(part));
  }
  const auto& outcomes = ledger.outcomes();
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(ledger.detail(outcomes[0]), "unknown option; chan_sip ignores it (a text of its own)");
  EXPECT_STREQ(outcomes[0].code(), "sip-unknown-option");
  EXPECT_EQ(ledger.detail(outcomes[1]), "endpoint 6001 callerid");
  EXPECT_STREQ(outcomes[1].code(), "");
  EXPECT_EQ(outcomes[2].stored_detail(), "pjsip no longer rejects calls above the limit");
  EXPECT_STREQ(outcomes[2].code(), "sip-call-limit");
}

TEST(Ledger, PeerLinesAndGeneralDefaultsGetTheirTargets) {
  auto c = convert_text(
      "[general]\n"
      "context=public\n"  // line 2: every peer's default
      "[6001]\n"
      "type=friend\n"
      "host=dynamic\n"
      "callerid=Bob <6001>\n"  // line 6: the peer's own
      "call-limit=2\n");       // line 7: approximated
  EXPECT_EQ(detail_at(*c, 2), "default for every peer: endpoint 6001 context");
  EXPECT_EQ(detail_at(*c, 6), "endpoint 6001 callerid");
  EXPECT_EQ(outcome_of(*c, 7).outcome, convert::Outcome::approximated);
  EXPECT_NO_THROW((void)outcome_of(*c, 7).stored_detail());
}

// Targets with more than the name keep a pattern too, filled with the other arguments; the name
// itself is put in when read, braces and all.
TEST(Ledger, TargetsWithMoreArgumentsAreDeferredWithTheNameLeftOut) {
  auto c = convert_text(
      "[general]\n"
      "[x{1}]\n"
      "type=friend\n"
      "host=dynamic\n"
      "secret=pw\n"      // line 5: the name twice
      "dtmfmode=info\n"  // line 6: the name and a mode
      "[6002]\n"
      "type=friend\n"
      "dtmfmode=info\n");  // line 9: the same pattern, kept once, another name
  EXPECT_EQ(detail_at(*c, 5), "auth x{1} (inbound; username x{1})");
  EXPECT_THROW((void)outcome_of(*c, 5).stored_detail(), std::logic_error);
  EXPECT_EQ(detail_at(*c, 6), "endpoint x{1} dtmf_mode=info");
  EXPECT_THROW((void)outcome_of(*c, 6).stored_detail(), std::logic_error);
  EXPECT_EQ(detail_at(*c, 9), "endpoint 6002 dtmf_mode=info");
}

// Each thread remembers the patterns it filled, by the other arguments: a peer named like
// another peer's argument, and the same arguments in another order of peers, keep their own.
TEST(Ledger, FilledPatternsAreTellingTheNameFromTheOtherArguments) {
  auto c = convert_text(
      "[general]\n"
      "[info]\ntype=friend\ndtmfmode=info\n"    // dtmfmode: line 4
      "[inband]\ntype=friend\ndtmfmode=info\n"  // line 7
      "[6003]\ntype=friend\ndtmfmode=inband\n"  // line 10
      "[6004]\ntype=friend\ndtmfmode=info\n");  // line 13
  EXPECT_EQ(detail_at(*c, 4), "endpoint info dtmf_mode=info");
  EXPECT_EQ(detail_at(*c, 7), "endpoint inband dtmf_mode=info");
  EXPECT_EQ(detail_at(*c, 10), "endpoint 6003 dtmf_mode=inband");
  EXPECT_EQ(detail_at(*c, 13), "endpoint 6004 dtmf_mode=info");
}

}  // namespace
}  // namespace sip2pjsip::testing
