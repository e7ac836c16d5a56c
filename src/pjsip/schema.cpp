#include "pjsip/schema.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

#include "config/document.h"
#include "pjsip/schema_facts.h"
#include "util/tsv.h"

namespace sip2pjsip::pjsip {

extern const char* const kPjsipOptionsTsv;

namespace {

// Columns of data/pjsip_options.tsv.
enum Column { kType = 0, kOption = 1, kValueType = 2, kDefault = 3, kBranchesColumn = 6 };

struct Row {
  std::string type;
  std::string option;
  std::string documented_type;
  std::string default_value;
  std::vector<int> branches;
};

// "13,16,18,20,21,22,master" -> {13, 16, 18, 20, 21, 22}
std::vector<int> parse_branches(const std::string& column) {
  std::vector<int> branches;
  for (const auto& item : split_fields(column, ',')) {
    if (!item.empty() && std::isdigit(static_cast<unsigned char>(item.front()))) {
      branches.push_back(std::stoi(item));
    }
  }
  return branches;
}

std::vector<Row> read_rows() {
  std::vector<Row> rows;
  std::istringstream in(kPjsipOptionsTsv);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto fields = split_fields(line, '\t');
    if (fields.size() <= kBranchesColumn) continue;
    rows.push_back(Row{fields[kType], fields[kOption], fields[kValueType], fields[kDefault],
                       parse_branches(fields[kBranchesColumn])});
  }
  return rows;
}

Schema build(int branch, const std::vector<Row>& rows) {
  std::vector<ObjectTypeSpec> types;
  for (const auto& row : rows) {
    if (std::find(row.branches.begin(), row.branches.end(), branch) == row.branches.end()) {
      continue;
    }
    auto type = std::find_if(types.begin(), types.end(),
                             [&](const ObjectTypeSpec& t) { return t.name == row.type; });
    if (type == types.end()) {
      ObjectTypeSpec spec;
      spec.name = row.type;
      // contact: astdb "registrar"; subscription_persistence: astdb (location.c, pubsub).
      spec.in_pjsip_conf = row.type != "contact" && row.type != "subscription_persistence";
      spec.singleton = row.type == "global" || row.type == "system";
      types.push_back(std::move(spec));
      type = types.end() - 1;
    }
    OptionSpec option;
    option.name = row.option;
    option.type = schema_facts::from_documented_type(row.option, row.documented_type);
    option.repeatable = schema_facts::is_repeatable(row.type, row.option);
    option.default_value = row.default_value;
    option.documented_type = row.documented_type;
    schema_facts::apply_source_facts(row.type, branch, option);
    type->options.push_back(std::move(option));
  }
  return Schema(branch, std::move(types));
}

std::vector<Schema> build_all() {
  const auto rows = read_rows();
  std::vector<Schema> schemas;
  for (const int branch : kBranches) schemas.push_back(build(branch, rows));
  return schemas;
}

}  // namespace

bool is_known_branch(int branch) {
  return std::find(kBranches.begin(), kBranches.end(), branch) != kBranches.end();
}

bool OptionSpec::matches(std::string_view option) const {
  if (is_pattern()) {
    const auto prefix = std::string_view(name).substr(0, name.size() - 1);
    return option.substr(0, prefix.size()) == prefix;
  }
  return ascii_iequals(name, option);  // strcasecmp: option names hold no NUL byte
}

void ObjectTypeSpec::index_options() {
  exact_ = NameIndex{};
  patterns_.clear();
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (options[i].is_pattern()) {
      patterns_.push_back(i);
    } else {
      exact_.add(options[i].name, static_cast<std::uint32_t>(i));  // the first of a name wins
    }
  }
}

const OptionSpec* ObjectTypeSpec::find(std::string_view option) const {
  if (exact_.size() > 0 || !patterns_.empty()) {
    if (const auto found = exact_.find(option)) return &options[*found];
    for (const auto i : patterns_) {
      if (options[i].matches(option)) return &options[i];
    }
    return nullptr;
  }
  for (const auto& candidate : options) {
    if (!candidate.is_pattern() && candidate.matches(option)) return &candidate;
  }
  for (const auto& candidate : options) {
    if (candidate.is_pattern() && candidate.matches(option)) return &candidate;
  }
  return nullptr;
}

Schema::Schema(int branch, std::vector<ObjectTypeSpec> types)
    : branch_(branch), types_(std::move(types)) {
  for (auto& type : types_) type.index_options();
}

const ObjectTypeSpec* Schema::find_type(std::string_view type) const {
  for (const auto& candidate : types_) {
    if (candidate.name == type) return &candidate;
  }
  return nullptr;
}

const OptionSpec* Schema::find(std::string_view type, std::string_view option) const {
  const auto* spec = find_type(type);
  return spec ? spec->find(option) : nullptr;
}

const Schema& schema_for(int branch) {
  static const std::vector<Schema> schemas = build_all();
  for (std::size_t i = 0; i < kBranches.size(); ++i) {
    if (kBranches[i] == branch) return schemas[i];
  }
  throw std::out_of_range("no pjsip schema for Asterisk " + std::to_string(branch));
}

std::vector<int> branches_with(std::string_view type, std::string_view option) {
  std::vector<int> branches;
  for (const int branch : kBranches) {
    if (schema_for(branch).find(type, option)) branches.push_back(branch);
  }
  return branches;
}

}  // namespace sip2pjsip::pjsip
