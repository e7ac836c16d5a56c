// How the schema turns one row of data/pjsip_options.tsv into an OptionSpec (internal to
// src/pjsip): the documented value_type text gives the kind, and facts read in the Asterisk
// sources correct what that text cannot say.
#pragma once

#include <string_view>

#include "pjsip/schema.h"

namespace sip2pjsip::pjsip::schema_facts {

// The kind of value from the research table's value_type text, e.g. "boolean", "enum: a|b
// [handler x_handler]", "comma list of auth section names [handler outbound_auth_handler]".
// The handler named in brackets decides when there is one: it is what Asterisk runs.
ValueType from_documented_type(std::string_view option, std::string_view documented);

// Corrections from the Asterisk sources of `branch`: which string options name other
// objects, ranges given at registration (PARSE_IN_RANGE), enum words a branch lacks, ...
void apply_source_facts(std::string_view type, int branch, OptionSpec& option);

// True when every line of the option adds to its value (the handler appends).
bool is_repeatable(std::string_view type, std::string_view option);

}  // namespace sip2pjsip::pjsip::schema_facts
