// Turns what the checker is given into the objects Asterisk would build (internal to
// src/pjsip): the sections of a pjsip.conf, or the objects the converter made.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/document.h"
#include "pjsip/check_model.h"
#include "pjsip/object.h"

namespace sip2pjsip::pjsip::checks {

// Why no res_pjsip module takes `type` from pjsip.conf ("is not a res_pjsip type (did you mean
// 'endpoint'? types are case-sensitive)"), or nothing when one does.
std::optional<std::string> type_problem(const Schema& schema, const std::string& type);

// The sections res_pjsip would turn into objects, each with the type sorcery gives it (the
// first `type` line, or the section name for [global] and [system]). Sections no module takes
// are reported (pjsip-missing-type, pjsip-unknown-type), as is a second, different `type`.
std::vector<SeenObject> objects_from_document(const config::Document& document,
                                              const Schema& schema, Findings& findings);

// The converter's objects, placed at the sip.conf lines they came from (the section for the
// object, the first source line for each option). Unknown types are reported.
std::vector<SeenObject> objects_from_config(const Config& config, const config::Document& source,
                                            const Schema& schema, Findings& findings);

// One converted object with no places (for validate()).
SeenObject object_without_places(const Object& object);
// The same, into `seen`, whose room is reused: the converter validates every object it writes.
void assign_without_places(SeenObject& seen, const Object& object);

}  // namespace sip2pjsip::pjsip::checks
