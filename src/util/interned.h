// Strings from a small fixed vocabulary (diagnostic codes) kept once for the whole run, so the
// millions of records that carry one hold a view instead of a copy of their own.
#pragma once

#include <string_view>

namespace sip2pjsip {

// A view of a copy of `text` that lives until the program ends; equal texts get the same copy.
// Safe to call from several threads. Only for vocabularies the program itself defines: every
// new text stays for good.
std::string_view interned(std::string_view text);

// The same, answered from a cache of the calling thread when it asked for the text before: for
// hot paths, where interned()'s lock would be taken millions of times.
std::string_view interned_cached(std::string_view text);

}  // namespace sip2pjsip
