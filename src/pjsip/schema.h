// Every object type and option res_pjsip reads from pjsip.conf, per Asterisk branch, with the
// kind of value each option takes. Built from data/pjsip_options.tsv (embedded at build time)
// and refined with what the Asterisk sources show (references, ranges, repeatable options,
// per-branch enum values); see schema_facts.cpp.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "pjsip/value_type.h"
#include "util/name_index.h"

namespace sip2pjsip::pjsip {

// The Asterisk branches the schema knows, oldest first.
inline constexpr std::array<int, 6> kBranches = {13, 16, 18, 20, 21, 22};
inline constexpr int kDefaultBranch = 20;

bool is_known_branch(int branch);

struct OptionSpec {
  // As registered; a trailing '*' ("event_*", "*") stands for every name with that prefix
  // (sorcery's regex fields), matched case-sensitively as the regex is.
  std::string name;
  ValueType type;
  // Every line adds to the value (aor contact, identify match, set_var, ...). For the others
  // the handler replaces the value, so only the last line counts.
  bool repeatable = false;
  std::string default_value;
  std::string documented_type;  // the research table's value_type text

  bool is_pattern() const { return !name.empty() && name.back() == '*'; }
  // sorcery compares option names with strcasecmp (patterns: prefix, case-sensitive).
  bool matches(std::string_view option) const;
};

struct ObjectTypeSpec {
  std::string name;
  // False for contact and subscription_persistence: registered with sorcery, but Asterisk
  // keeps them in its own database and never reads them from pjsip.conf.
  bool in_pjsip_conf = true;
  // global and system: single_object=yes, at most one section.
  bool singleton = false;
  std::vector<OptionSpec> options;

  // An exact name first, then the patterns, as aco_option_find() does.
  const OptionSpec* find(std::string_view option) const;

  // Indexes `options` for find(), which the converter calls for every option it writes; the
  // Schema does it once its types are complete. Without it find() walks the options.
  void index_options();

 private:
  NameIndex exact_;  // exact names, ignoring case -> index of the first option of that name
  std::vector<std::size_t> patterns_;  // indexes of the patterns, in order
};

class Schema {
 public:
  Schema(int branch, std::vector<ObjectTypeSpec> types);

  int branch() const { return branch_; }
  const std::vector<ObjectTypeSpec>& types() const { return types_; }
  // Type names are compared with strcmp: sorcery's criteria "type=endpoint" is case-sensitive.
  const ObjectTypeSpec* find_type(std::string_view type) const;
  const OptionSpec* find(std::string_view type, std::string_view option) const;

 private:
  int branch_;
  std::vector<ObjectTypeSpec> types_;
};

// The schema of one branch of kBranches; throws std::out_of_range for any other number.
const Schema& schema_for(int branch);

// The branches (of kBranches) where `type` has `option`, oldest first; empty when none has it.
std::vector<int> branches_with(std::string_view type, std::string_view option);

}  // namespace sip2pjsip::pjsip
