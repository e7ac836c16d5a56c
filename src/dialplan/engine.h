// The rules: walks the tokens of one stretch of dialplan text (an application's arguments, a
// hint, a value) and records the edits that turn chan_sip constructs into res_pjsip ones, and a
// finding for each construct it cannot turn.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dialplan/channel_strings.h"
#include "dialplan/endpoints.h"
#include "dialplan/mapped_text.h"
#include "dialplan/options.h"
#include "dialplan/tokenizer.h"
#include "util/diagnostics.h"

namespace sip2pjsip::dialplan {

// One SIPAddHeader() call found in the dialplan, numbered in file order.
struct HeaderSite {
  std::size_t number = 0;  // 1-based; the variable is SIP2PJSIP_HEADER<number>
  std::size_t file = 0;    // index of the file in the run
  std::size_t raw = 0;     // file offset of the application name
  std::string data;        // the argument as Asterisk reads it
  std::string name;        // the header name
  std::string value;       // the header value, as chan_sip takes it from the argument
  bool usable = false;     // the name is plain text a handler can name
};

// What the rules share across the files of one run.
struct RunState {
  std::vector<HeaderSite> header_sites;
  std::set<std::string> channel_variables;  // variables set to a plain "SIP/peer"
  bool handler_needed = false;              // some SIPAddHeader now relies on the handler
};

// The SIPAddHeader argument as chan_sip's SIPAddHeader and transmit_invite() split it.
HeaderSite parse_header_site(std::string_view data);

class Engine {
 public:
  Engine(const EndpointDirectory& endpoints, const RewriteOptions& options,
         Diagnostics& diagnostics, RunState& state)
      : endpoints_(endpoints), options_(options), diagnostics_(diagnostics), state_(state) {}

  struct Text {
    std::size_t file = 0;
    std::string path;
    const std::string* text = nullptr;
    std::function<std::size_t(std::size_t)> raw_of;  // file offset of a text position
    std::function<int(std::size_t)> line_of;         // line of a text position
    TokenizerOptions tokens;
    bool ael = false;
  };

  // Sets the text the next calls work on; finish() returns the edits made in it.
  void start(Text text);
  std::vector<Edit> finish();

  // The extension the following application calls belong to (extensions.conf only): a
  // SIPAddHeader's header reaches the Dial, Queue or Page after it in the same extension.
  void set_extension(const std::string& key);
  // End of the file: reports SIPAddHeader calls no Dial followed.
  void end_of_file();

  void application(Span name, std::optional<Span> data, Span call, bool closed);
  void hint(Span devices);
  void assignment(Span name, Span value);
  void condition(Span expression);
  void queue_member(Span value);
  void data(Span span);

  // A finding at a text position.
  void report(std::size_t at, Severity severity, std::string message, std::string code);

 private:
  struct Scope {
    ChannelUse use = ChannelUse::dial;
    bool colon_ends = false;         // inside IF() or $[]: ':' separates
    bool condition = false;          // a test: a bare SIP word here tests the channel type
    const Node* variable = nullptr;  // the ${...} whose content is being walked
  };
  struct Unit {
    std::size_t pos = 0;
    char c = '\0';
    const Node* node = nullptr;  // null for a text character
  };

  std::string_view text() const { return *text_.text; }
  std::string slice(Span span) const { return std::string(text().substr(span.begin, span.size())); }

  void walk_span(Span span, Scope scope);
  void walk(const std::vector<Node>& nodes, Scope scope);
  std::size_t channel_string(const std::vector<Unit>& units, std::size_t k, Scope scope);
  void call(Span name, const Node& parens, Scope scope);
  void variable(const Node& node, Scope scope);
  bool function_call(const std::string& name, Span name_span, const Node& parens, Scope scope);
  bool nested_application(const std::string& name, Span name_span, const Node& parens);
  void sippeer(Span call_span, const Node& parens, Scope scope);
  void channel_function(Span name, const Node& parens, Scope scope);
  // The text of span with the rewrites inside it applied.
  std::string rewritten(Span span, Scope scope);
  void edit(std::size_t begin, std::size_t end, std::string replacement);

  void sip_dtmf_mode(Span call, std::optional<Span> data);
  void sip_add_header(Span call, std::optional<Span> data, bool nested);
  void sip_remove_header(Span call, std::optional<Span> data, bool nested);
  void pre_dial_handler(Span data, std::size_t options_index);
  void assigned_name(Span name);
  void check_statement(std::size_t at);
  void begin_statement();

  const EndpointDirectory& endpoints_;
  const RewriteOptions& options_;
  Diagnostics& diagnostics_;
  RunState& state_;

  Text text_;
  std::vector<Edit> edits_;
  // Per statement: a channel-type test shows as a bare SIP word in a condition, or next to
  // a read of CHANNEL(channeltype).
  bool sip_word_in_condition_ = false;
  bool sip_word_ = false;
  bool reads_channel_type_ = false;
  // SIPAddHeader calls of the current extension waiting for a Dial, Queue or Page.
  std::vector<std::pair<std::size_t, int>> waiting_headers_;  // (site number, line)
  bool headers_pending_ = false;
  std::string extension_;
};

}  // namespace sip2pjsip::dialplan
