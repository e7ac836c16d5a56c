#include "pjsip/writer.h"

#include <gtest/gtest.h>

#include "pjsip/object.h"

namespace sip2pjsip::pjsip {
namespace {

TEST(Writer, RendersAnObjectAsASectionWithEscapedSemicolons) {
  Config config;
  auto& object = config.add("6001;x", "endpoint", std::nullopt);
  object.set("context", "from-internal");
  object.set("callerid", "\"A;B\" <6001>");
  EXPECT_EQ(render(object),
            "[6001\\;x]\ntype=endpoint\ncontext=from-internal\ncallerid=\"A\\;B\" <6001>\n\n");
}

// The output files are reserved at the size rendered_size() gives: it must be the exact size.
TEST(Writer, RenderedSizeIsTheSizeOfTheRenderedText) {
  Config config;
  auto& plain = config.add("alice", "aor", std::nullopt);
  plain.set("max_contacts", "1");
  auto& escaped = config.add(";;a", "endpoint", std::nullopt);
  escaped.set("set_var", "X=;;;");
  escaped.set("allow", "");
  auto& bare = config.add("t", "transport", std::nullopt);
  for (const Object* object : {&plain, &escaped, &bare}) {
    EXPECT_EQ(rendered_size(*object), render(*object).size()) << render(*object);
  }
}

}  // namespace
}  // namespace sip2pjsip::pjsip
