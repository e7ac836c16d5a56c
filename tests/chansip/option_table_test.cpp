// Option ids of names read from sip.conf: asked by interned name, answered as option_id() does
// for the text, aliases and case included.
#include "chansip/option_table.h"

#include <gtest/gtest.h>

namespace sip2pjsip::chansip {
namespace {

TEST(OptionTable, AnInternedNameHasTheIdOfItsText) {
  const int context = option_id("context");
  ASSERT_NE(context, kUnknownOption);
  EXPECT_EQ(option_id_of(InternedName("context")), context);
  EXPECT_EQ(option_id_of(InternedName("CONTEXT")), context);  // strcasecmp, as chan_sip
  EXPECT_EQ(option_id_of(InternedName("context")), context);  // asked again: the same
  EXPECT_EQ(option_id_of(InternedName("callerid")), option_id("callerid"));
  EXPECT_NE(option_id_of(InternedName("callerid")), context);
  EXPECT_EQ(option_id_of(InternedName("no-such-option")), kUnknownOption);
  EXPECT_EQ(option_id_of(InternedName("no-such-option")), kUnknownOption);
}

}  // namespace
}  // namespace sip2pjsip::chansip
