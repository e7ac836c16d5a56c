// The edit distance behind "did you mean" hints, bounded: a hint only cares whether a name is
// within a couple of edits of a candidate, and `sip2pjsip check` asks that of every unknown
// option against every option of its type.
#pragma once

#include <cstddef>
#include <string_view>

namespace sip2pjsip {

// The Levenshtein distance of `a` and `b`, letters compared without case, when it is below
// `limit`; otherwise `limit`. Costs about length × (2 × limit) steps rather than the product of
// the lengths.
std::size_t edit_distance_below(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace sip2pjsip
