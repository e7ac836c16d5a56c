// What the checks of a pjsip configuration work on (internal to src/pjsip): the objects as
// Asterisk would build them, whether read from a pjsip.conf or made by the converter, and the
// findings, kept with their place so they can be reported in reading order.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pjsip/schema.h"
#include "util/diagnostics.h"

namespace sip2pjsip::pjsip::checks {

// Views into what is checked (the pjsip.conf document, or the converted objects and the sip.conf
// document they came from), which outlive the checks: millions of options are checked, and
// each would otherwise copy its name, value and file path.
struct Place {
  std::string_view file;
  int line = 0;
  std::uint32_t file_order = 0;  // the file's index in the document, to sort findings
};

struct SeenOption {
  std::string_view name;
  std::string_view value;
  Place where;
  bool inherited = false;  // copied from a template
};

struct SeenObject {
  std::string type;
  std::string name;
  Place where;
  std::vector<SeenOption> options;  // in the order Asterisk applies them

  // The line whose value Asterisk keeps for a non-repeatable option: the last one.
  const SeenOption* last(std::string_view option) const;
  // Its value, or `fallback` when the option is not set.
  std::string value_of(std::string_view option, std::string_view fallback = "") const;
  // Every line of the option (case-insensitive, as sorcery matches names).
  std::vector<const SeenOption*> all(std::string_view option) const;
};

struct Finding {
  Place where;
  Severity severity = Severity::error;
  std::string message;
  std::string code;
  std::string option;  // the option the finding is about; empty for the whole object
};

class Findings {
 public:
  void add(const Place& where, Severity severity, std::string message, std::string code,
           std::string_view option = "");
  const std::vector<Finding>& all() const { return findings_; }
  // Reports them in reading order (file, then line; equal places keep their order).
  void report_to(Diagnostics& diagnostics) const;

 private:
  std::vector<Finding> findings_;
};

// Shared by the checks: the schema, the objects, and which objects Asterisk would not load.
class Context {
 public:
  Context(const Schema& schema, const std::vector<SeenObject>& objects, Findings& findings)
      : schema(schema), objects(objects), findings(findings) {}

  const Schema& schema;
  const std::vector<SeenObject>& objects;
  Findings& findings;

  void drop(const SeenObject& object) { dropped_.insert(&object); }
  void drop_type(const std::string& type) { dropped_types_.insert(type); }
  bool loads(const SeenObject& object) const;
  // The first object of that type and name (names are case-sensitive, as sorcery ids are).
  const SeenObject* find(std::string_view type, std::string_view name) const;
  // Same, ignoring case: for "did you mean" hints.
  const SeenObject* find_ignoring_case(std::string_view type, std::string_view name) const;

 private:
  std::set<const SeenObject*> dropped_;
  std::set<std::string> dropped_types_;
};

// "endpoint 'alice'"
std::string describe(const SeenObject& object);

// Helpers of the object rules.
// The option is set to something other than the empty string (its last line).
bool is_set(const SeenObject& object, std::string_view option);
// The option's last value read as ast_true() does.
bool is_true(const SeenObject& object, std::string_view option);
// The option's last value as the unsigned handler would store it, or `fallback` when it is not
// set or not a number (that is reported by check_options).
unsigned long unsigned_value(const SeenObject& object, std::string_view option,
                             unsigned long fallback);
// Reports that a required option is missing: sorcery's apply handler refuses the object.
void report_missing(Context& context, const SeenObject& object, std::string_view what);
// Reports options that the apply handler refuses together, at `where`.
void report_conflict(Context& context, const SeenObject& object, const Place& where,
                     const std::string& problem, std::string_view option);
// "pjsip.conf:12"
std::string describe(const Place& place);

// The passes, in the order checker.cpp runs them.
void check_options(Context& context);       // check_options.cpp
void check_object_rules(Context& context);  // check_object_rules.cpp, check_auth.cpp
void check_names(Context& context);         // check_names.cpp
void check_transports(Context& context);    // check_transports.cpp
void check_references(Context& context);    // check_references.cpp
void check_reachability(Context& context);  // check_reachability.cpp

// Auth rules depend on the branch (check_auth.cpp); called from check_object_rules.
void check_auth(Context& context, const SeenObject& auth);

}  // namespace sip2pjsip::pjsip::checks
