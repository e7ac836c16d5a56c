// Finds in an extensions.ael file what the rewrite works on, the way res/ael/ael.flex reads it:
// `//` and `/* */` comments (outside arguments only), `#include "file"`, calls `word(...)` (with
// parentheses, brackets and braces matched as its argument states do) and assignments
// `name = value;`.
#pragma once

#include <string_view>
#include <vector>

#include "dialplan/mapped_text.h"

namespace sip2pjsip::dialplan {

struct AelItem {
  enum class Kind {
    call,        // word(...): an application, a macro call, or if/while/switch/hint/...
    assignment,  // name = value;  (also `Func(args) = value;`)
    include,     // #include "file"
  };
  Kind kind = Kind::call;
  Span name;   // the word before '(' or '=', the file name of an include
  Span args;   // call: between the parentheses; assignment: the value
  Span whole;  // call: the word through ')'; include: the whole directive
  bool closed = true;
};

std::vector<AelItem> scan_ael(std::string_view text);

}  // namespace sip2pjsip::dialplan
