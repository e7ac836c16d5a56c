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
    if (outcome.variable->where.line == line) return outcome;
  }
  throw std::runtime_error("no outcome");
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

TEST(Ledger, PeerLinesAndGeneralDefaultsGetTheirTargets) {
  auto c = convert_text(
      "[general]\n"
      "context=public\n"  // line 2: every peer's default
      "[6001]\n"
      "type=friend\n"
      "host=dynamic\n"
      "callerid=Bob <6001>\n"  // line 6: the peer's own
      "call-limit=2\n");       // line 7: approximated
  EXPECT_EQ(outcome_of(*c, 2).detail.text(), "default for every peer: endpoint 6001 context");
  EXPECT_EQ(outcome_of(*c, 6).detail.text(), "endpoint 6001 callerid");
  EXPECT_EQ(outcome_of(*c, 7).outcome, convert::Outcome::approximated);
  EXPECT_NO_THROW((void)outcome_of(*c, 7).detail.stored_text());
}

}  // namespace
}  // namespace sip2pjsip::testing
