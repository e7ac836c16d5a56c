// Makes the converted objects loadable by the target Asterisk branch: every option or value
// that branch would reject (an unknown option makes Asterisk drop the whole object) is taken
// out before anything is written, and the sip.conf lines it came from are reported as not
// converted for that branch.
#pragma once

#include "config/document.h"
#include "convert/converter.h"
#include "util/diagnostics.h"

namespace sip2pjsip::convert {

void fit_to_target(Conversion& conversion, const config::Document& document, int branch,
                   Diagnostics& diagnostics);

}  // namespace sip2pjsip::convert
