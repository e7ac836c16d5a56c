// The command line: `sip2pjsip [options] [input-file [output-file]]`, a drop-in for Asterisk's
// contrib/scripts/sip_to_pjsip/sip_to_pjsip.py.
#pragma once

#include <iosfwd>

namespace sip2pjsip::cli {

// Exit codes.
inline constexpr int kConverted = 0;            // converted; warnings at most
inline constexpr int kConvertedWithErrors = 1;  // converted, but errors were reported
inline constexpr int kFailed = 2;               // usage error, unreadable input, unwritable output

// `exits_after`: the process ends when run() returns (main), so a conversion need not free
// its memory.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        bool exits_after = false);

}  // namespace sip2pjsip::cli
