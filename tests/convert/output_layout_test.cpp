// The output is rendered piece by piece as it is written (plan_outputs); a large conversion
// splits each piece over the cores. Whatever the pieces, the text is the header followed by
// every object in section order.
#include "convert/output_layout.h"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "convert/convert_support.h"
#include "pjsip/writer.h"

namespace sip2pjsip::testing {
namespace {

// Phones enough for more than one piece of 20,000 objects (each makes three or four).
std::string many_phones(int count) {
  std::string text = "[general]\ncontext=public\nallowguest=no\n\n";
  for (int i = 0; i < count; ++i) {
    text += fmt::format("[{}]\ntype=friend\nhost=dynamic\nsecret=s{}\ncontext=internal\n\n",
                        1000 + i, i);
  }
  return text;
}

// The objects as the layout orders them, worked out here on its own: objects of no section
// first, then by section, each section's in the order they were made.
std::string every_object_in_section_order(const pjsip::Config& config) {
  std::vector<const pjsip::Object*> objects;
  for (const auto& object : config.objects) objects.push_back(&object);
  std::stable_sort(objects.begin(), objects.end(), [](const auto* a, const auto* b) {
    const auto key = [](const pjsip::Object* o) { return o->origin ? *o->origin + 1 : 0u; };
    return key(a) < key(b);
  });
  std::string text;
  for (const auto* object : objects) text += pjsip::render(*object);
  return text;
}

TEST(OutputLayout, PiecesMakeTheHeaderAndEveryObjectInSectionOrder) {
  const auto c = convert_text(many_phones(8000));
  ASSERT_GT(c->conversion.config.objects.size(), 24000u);
  const convert::LayoutOptions options;
  const auto plans = convert::plan_outputs(c->document, c->conversion, options);
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].path, "pjsip.conf");

  std::vector<std::string> pieces;
  plans[0].render([&](std::string_view piece) { pieces.emplace_back(piece); });
  EXPECT_GT(pieces.size(), 2u);  // the header, then objects in more than one piece
  std::string text;
  for (const auto& piece : pieces) text += piece;
  const auto body = text.find("\n[");
  ASSERT_NE(body, std::string::npos);
  EXPECT_EQ(text.substr(body + 1), every_object_in_section_order(c->conversion.config));

  // Rendering again gives the same text, and lay_out() gives it whole.
  std::string again;
  plans[0].render([&](std::string_view piece) { again += piece; });
  EXPECT_EQ(again, text);
  const auto outputs = convert::lay_out(c->document, c->conversion, options);
  ASSERT_EQ(outputs.size(), 1u);
  EXPECT_EQ(outputs[0].content, text);
}

}  // namespace
}  // namespace sip2pjsip::testing
