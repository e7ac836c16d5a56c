// Validates one object the converter built against the schema of the target branch, before it
// is written: is the type read from pjsip.conf, does the branch have every option, does every
// value pass its handler, are the required options there. Checks that need the other objects
// (references, duplicates, transports) are in check(const Config&, ...) of checker.h.
#pragma once

#include <string>
#include <vector>

#include "pjsip/object.h"
#include "pjsip/schema.h"
#include "util/diagnostics.h"

namespace sip2pjsip::pjsip {

struct ValidationFinding {
  std::string option;  // the option concerned; empty when it is about the whole object
  Severity severity = Severity::error;
  std::string message;  // e.g. "endpoint '6001': option 'webrtc' does not exist in Asterisk 13
                        // (only in 16, 18, 20, 21, 22); Asterisk does not load this endpoint"
  std::string code;     // one of the checker's pjsip-* codes
};

std::vector<ValidationFinding> validate(const Object& object, const Schema& schema);

// The messages alone, errors and warnings alike.
std::vector<std::string> validation_messages(const Object& object, const Schema& schema);

}  // namespace sip2pjsip::pjsip
