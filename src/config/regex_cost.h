// A guard in front of regcomp() for the regular expressions of category filters
// (`[name](+key=regex)`), which Asterisk compiles with glibc's regcomp() as sip.conf gives them.
//
// glibc builds its automaton by copying the operand of a repetition: `x{m,n}` holds up to n
// copies of x, `x+` two, and repetitions of repetitions multiply, so a pattern of forty bytes
// (`x++++...`, found by fuzzing) takes gigabytes and minutes to compile. The reader asks this
// first and leaves a costly pattern uncompiled.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sip2pjsip::config {

// An upper bound on the positions of glibc's automaton for a pattern that the guard lets through.
inline constexpr std::size_t kMaxRegexPositions = 4096;

// Why `pattern` (a POSIX extended regular expression) is not compiled, or nullopt when its
// automaton stays within kMaxRegexPositions. Refused: a repetition applied to a repetition
// (`a+*`, which POSIX leaves undefined and glibc multiplies), a back-reference (not POSIX
// extended syntax; glibc matches it by backtracking), and more positions than the bound.
std::optional<std::string> regex_cost_problem(std::string_view pattern);

// The positions of the automaton for a pattern regex_cost_problem() lets through: matching a
// text costs up to this many steps per byte, which the reader counts against its lookup limit.
std::size_t regex_positions(std::string_view pattern);

}  // namespace sip2pjsip::config
