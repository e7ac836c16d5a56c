// `sip2pjsip check`: reads a pjsip.conf the way a given Asterisk branch loads it and reports,
// with file:line and a stable `pjsip-*` code, everything that makes Asterisk drop or misuse an
// object (errors: Asterisk does not load it or rejects what it is for) and what loads but
// rarely does what was meant (warnings). The codes are listed in checker.cpp.
#pragma once

#include "config/document.h"
#include "pjsip/object.h"
#include "util/diagnostics.h"

namespace sip2pjsip::pjsip {

// Checks the sections of a pjsip.conf read by config::read_config (templates applied) against
// Asterisk `branch` (one of kBranches in schema.h; throws std::out_of_range otherwise).
// Findings are reported in reading order.
void check(const config::Document& document, int branch, Diagnostics& diagnostics);

// Checks the converter's output the same way. Findings are placed at the lines of `source`
// (the sip.conf the objects were converted from) that the objects and options came from.
void check(const Config& config, const config::Document& source, int branch,
           Diagnostics& diagnostics);

// 2 when there is an error, 1 for warnings only, else 0 (notes do not count).
int check_exit_code(const Diagnostics& diagnostics);

}  // namespace sip2pjsip::pjsip
