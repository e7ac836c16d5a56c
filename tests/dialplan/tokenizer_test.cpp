// The tokenizer for application arguments and expressions: nesting, quotes, escapes, and the
// argument splitting of ast_app_separate_args.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dialplan/tokenizer.h"

namespace sip2pjsip::testing {
namespace {

using dialplan::Node;
using dialplan::Span;
using dialplan::TokenizerOptions;

std::vector<std::string> arguments(const std::string& text, char delimiter = ',',
                                   TokenizerOptions options = {}) {
  std::vector<std::string> out;
  for (const auto& span :
       dialplan::split_arguments(text, Span{0, text.size()}, delimiter, options)) {
    out.push_back(text.substr(span.begin, span.size()));
  }
  return out;
}

// One letter per node kind, children in brackets: "t" text, "e" escape, "v" ${}, "x" $[],
// "p" (), "b" [], "q" "".
std::string shape(const std::vector<Node>& nodes) {
  std::string out;
  for (const auto& node : nodes) {
    switch (node.kind) {
      case Node::Kind::text:
        out += 't';
        break;
      case Node::Kind::escape:
        out += 'e';
        break;
      case Node::Kind::variable:
        out += 'v';
        break;
      case Node::Kind::expression:
        out += 'x';
        break;
      case Node::Kind::parens:
        out += 'p';
        break;
      case Node::Kind::brackets:
        out += 'b';
        break;
      case Node::Kind::quoted:
        out += 'q';
        break;
    }
    if (!node.children.empty()) out += "[" + shape(node.children) + "]";
    if (!node.closed) out += '!';
  }
  return out;
}

std::string shape_of(const std::string& text, TokenizerOptions options = {}) {
  return shape(dialplan::tokenize(text, Span{0, text.size()}, options));
}

TEST(DialplanTokenizer, NestedVariablesFunctionsAndExpressions) {
  EXPECT_EQ(shape_of("${CUT(${SIP_HEADER(From)},@,1)}"), "v[tp[v[tp[t]]t]]");
  EXPECT_EQ(shape_of("$[${A} + $[${B} * 2]]"), "x[v[t]tx[v[t]t]]");
  EXPECT_EQ(shape_of("${X:1:2}"), "v[t]");
}

TEST(DialplanTokenizer, QuotesEscapesAndBrackets) {
  EXPECT_EQ(shape_of("\"a,${B}\"\\,[c]"), "q[tv[t]]eb[t]");
  // Inside quotes a parenthesis is text, but ${...} is still parsed, afresh.
  EXPECT_EQ(shape_of("\"(${F(x)}\""), "q[tv[tp[t]]]");
  // AEL arguments do not group by quotes.
  EXPECT_EQ(shape_of("\"a,b\"", TokenizerOptions{false}), "t");
}

TEST(DialplanTokenizer, UnclosedConstructsRunToTheEnd) {
  EXPECT_EQ(shape_of("${ABC"), "v[t]!");
  EXPECT_EQ(shape_of("f(a,b"), "tp[t]!");
  EXPECT_EQ(shape_of("\"abc"), "q[t]!");
}

TEST(DialplanTokenizer, SpansCoverTheConstructAndItsInside) {
  const std::string text = "a${B}c";
  const auto nodes = dialplan::tokenize(text, Span{0, text.size()});
  ASSERT_EQ(nodes.size(), 3u);
  EXPECT_EQ(nodes[1].span.begin, 1u);
  EXPECT_EQ(nodes[1].span.end, 5u);
  EXPECT_EQ(nodes[1].inner.begin, 3u);
  EXPECT_EQ(nodes[1].inner.end, 4u);
}

TEST(DialplanTokenizer, SplitsArgumentsOnlyAtTopLevelCommas) {
  EXPECT_EQ(arguments("SIP/100,${CUT(X,\\,,2)},\"a,b\",$[1,2],(c,d),[e,f]"),
            (std::vector<std::string>{"SIP/100", "${CUT(X,\\,,2)}", "\"a,b\"", "$[1,2]", "(c,d)",
                                      "[e,f]"}));
  EXPECT_EQ(arguments("a\\,b"), (std::vector<std::string>{"a\\,b"}));
  EXPECT_EQ(arguments(""), (std::vector<std::string>{""}));
  EXPECT_EQ(arguments("a,,"), (std::vector<std::string>{"a", "", ""}));
  EXPECT_EQ(arguments("\"a,b\"", ',', TokenizerOptions{false}),
            (std::vector<std::string>{"\"a", "b\""}));
  EXPECT_EQ(arguments("peer/${EXTEN:1}/x", '/'),
            (std::vector<std::string>{"peer", "${EXTEN:1}", "x"}));
}

TEST(DialplanTokenizer, FindsTheFirstTopLevelCharacter) {
  const std::string text = "${A@B}x@y";
  EXPECT_EQ(dialplan::find_top_level(text, Span{0, text.size()}, '@'), 7u);
  EXPECT_EQ(dialplan::find_top_level(text, Span{0, 6}, '@'), 6u);
}

}  // namespace
}  // namespace sip2pjsip::testing
