#include "dialplan/tokenizer.h"

namespace sip2pjsip::dialplan {

namespace {

class Parser {
 public:
  Parser(std::string_view text, const TokenizerOptions& options) : text_(text), options_(options) {}

  // Parses from `pos` up to `end` or to the terminator `until` (not consumed; 0 for none).
  std::vector<Node> sequence(std::size_t& pos, std::size_t end, char until, bool in_quotes) {
    std::vector<Node> nodes;
    auto add_text = [&](std::size_t at) {
      if (!nodes.empty() && nodes.back().kind == Node::Kind::text && nodes.back().span.end == at) {
        ++nodes.back().span.end;
        nodes.back().inner = nodes.back().span;
      } else {
        Node node;
        node.span = node.inner = Span{at, at + 1};
        nodes.push_back(std::move(node));
      }
    };
    while (pos < end) {
      const char c = text_[pos];
      const char next = pos + 1 < end ? text_[pos + 1] : '\0';
      if (until != '\0' && c == until) return nodes;
      if (c == '\\') {
        Node node;
        node.kind = Node::Kind::escape;
        node.span = node.inner = Span{pos, std::min(pos + 2, end)};
        pos = node.span.end;
        nodes.push_back(std::move(node));
      } else if (c == '$' && next == '{') {
        // What a variable or an expression holds is parsed afresh, even inside quotes.
        nodes.push_back(group(Node::Kind::variable, pos, end, 2, '}', false));
      } else if (c == '$' && next == '[') {
        nodes.push_back(group(Node::Kind::expression, pos, end, 2, ']', false));
      } else if (c == '(' && !in_quotes) {
        nodes.push_back(group(Node::Kind::parens, pos, end, 1, ')', false));
      } else if (c == '[' && !in_quotes) {
        nodes.push_back(group(Node::Kind::brackets, pos, end, 1, ']', false));
      } else if (c == '"' && options_.quotes && !in_quotes) {
        nodes.push_back(group(Node::Kind::quoted, pos, end, 1, '"', true));
      } else {
        add_text(pos);
        ++pos;
      }
    }
    return nodes;
  }

 private:
  Node group(Node::Kind kind, std::size_t& pos, std::size_t end, std::size_t open, char close,
             bool in_quotes) {
    Node node;
    node.kind = kind;
    node.span.begin = pos;
    pos += open;
    node.inner.begin = pos;
    node.children = sequence(pos, end, close, in_quotes);
    node.inner.end = pos;
    if (pos < end && text_[pos] == close) {
      ++pos;
    } else {
      node.closed = false;
    }
    node.span.end = pos;
    return node;
  }

  std::string_view text_;
  const TokenizerOptions& options_;
};

}  // namespace

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::vector<Node> tokenize(std::string_view text, Span span, const TokenizerOptions& options) {
  Parser parser(text, options);
  std::size_t pos = span.begin;
  auto nodes = parser.sequence(pos, span.end, '\0', false);
  return nodes;
}

std::vector<Span> split_arguments(std::string_view text, Span span, char delimiter,
                                  const TokenizerOptions& options) {
  std::vector<Span> arguments;
  std::size_t begin = span.begin;
  for (const auto& node : tokenize(text, span, options)) {
    if (node.kind != Node::Kind::text) continue;
    for (std::size_t i = node.span.begin; i < node.span.end; ++i) {
      if (text[i] == delimiter) {
        arguments.push_back(Span{begin, i});
        begin = i + 1;
      }
    }
  }
  arguments.push_back(Span{begin, span.end});
  return arguments;
}

std::size_t find_top_level(std::string_view text, Span span, char c,
                           const TokenizerOptions& options) {
  for (const auto& node : tokenize(text, span, options)) {
    if (node.kind != Node::Kind::text) continue;
    for (std::size_t i = node.span.begin; i < node.span.end; ++i) {
      if (text[i] == c) return i;
    }
  }
  return span.end;
}

}  // namespace sip2pjsip::dialplan
