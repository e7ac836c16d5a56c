// A tokenizer for dialplan expressions and application arguments: `${...}` variables and
// function calls, `$[...]` expressions, parentheses, square brackets, double quotes and
// backslash escapes, nested to any depth. The result is a tree of spans into the text, so the
// rules can find a construct and replace exactly its bytes.
#pragma once

#include <string_view>
#include <vector>

#include "dialplan/mapped_text.h"

namespace sip2pjsip::dialplan {

struct Node {
  enum class Kind {
    text,        // plain characters
    escape,      // a backslash and the character it protects
    variable,    // ${...}: a variable, a function call, with an optional :offset:length
    expression,  // $[...]
    parens,      // (...)
    brackets,    // [...]
    quoted,      // "..."
  };
  Kind kind = Kind::text;
  Span span;           // the whole construct, delimiters included
  Span inner;          // between the delimiters (equal to span for text and escape)
  bool closed = true;  // false when the text ended before the closing delimiter
  std::vector<Node> children;
};

struct TokenizerOptions {
  // Double quotes group text, as Asterisk's argument parser (ast_app_separate_args) does. AEL
  // arguments do not treat quotes specially.
  bool quotes = true;
};

// The nodes of text[span].
std::vector<Node> tokenize(std::string_view text, Span span, const TokenizerOptions& options = {});

// Splits text[span] at each `delimiter` outside parentheses, brackets, quotes, `${}` and `$[]`
// and not escaped, as ast_app_separate_args does. Always returns at least one span.
std::vector<Span> split_arguments(std::string_view text, Span span, char delimiter = ',',
                                  const TokenizerOptions& options = {});

// The position of the first `c` in text[span] outside any nested construct, or span.end.
std::size_t find_top_level(std::string_view text, Span span, char c,
                           const TokenizerOptions& options = {});

bool is_identifier_char(char c);

}  // namespace sip2pjsip::dialplan
