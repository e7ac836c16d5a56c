#include "chansip/option_table.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

namespace sip2pjsip::chansip {

extern const char* const kChanSipOptionsTsv;

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, separator)) fields.push_back(field);
  return fields;
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The aliases column is prose: "canreinvite (deprecated alias, same code path)",
// "sslcert, tlscert", "also valid in [authentication] (separate row)".
std::vector<std::string> parse_aliases(std::string column) {
  if (const auto paren = column.find('('); paren != std::string::npos) column.resize(paren);
  std::vector<std::string> aliases;
  for (const auto& part : split(column, ',')) {
    const auto alias = trim(part);
    if (!alias.empty() && alias.find(' ') == std::string::npos) aliases.push_back(alias);
  }
  return aliases;
}

Scope parse_scope(const std::string& text) {
  if (text == "general") return Scope::general;
  if (text == "authentication") return Scope::authentication;
  if (text == "peer (realtime only)") return Scope::realtime;
  if (text.rfind("peer", 0) == 0) return Scope::peer;
  return Scope::both;
}

// Orders names case-insensitively, as strcasecmp() does.
int compare_names(std::string_view a, std::string_view b) {
  const auto n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int x = std::tolower(static_cast<unsigned char>(a[i]));
    const int y = std::tolower(static_cast<unsigned char>(b[i]));
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

struct Table {
  // The first row of a name wins (`auth` has a peer row and an [authentication] row).
  void add_name(const std::string& name, std::size_t index) {
    const auto key = lower(name);
    for (const auto& entry : by_name) {
      if (entry.first == key) return;
    }
    by_name.emplace_back(key, index);
  }

  std::vector<OptionInfo> options;
  // (lower-case name or alias, index), sorted by name: a lookup is a binary search that
  // allocates nothing.
  std::vector<std::pair<std::string, std::size_t>> by_name;

  const std::pair<std::string, std::size_t>* lookup(std::string_view name) const {
    auto it = std::lower_bound(by_name.begin(), by_name.end(), name,
                               [](const auto& entry, std::string_view wanted) {
                                 return compare_names(entry.first, wanted) < 0;
                               });
    return it != by_name.end() && compare_names(it->first, name) == 0 ? &*it : nullptr;
  }

  Table() {
    std::istringstream in(kChanSipOptionsTsv);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      const auto fields = split(line, '\t');
      if (fields.size() < 8) continue;
      // "runtime" rows are [general] values chan_sip falls back to when the peer has none.
      const bool inherited = fields[5].rfind("yes", 0) == 0 || fields[5].rfind("runtime", 0) == 0;
      OptionInfo info{fields[0], parse_scope(fields[1]), inherited, fields[7]};
      // `auth` has a peer row and an [authentication] row; the name maps to the first.
      const auto index = options.size();
      options.push_back(info);
      add_name(info.name, index);
      for (const auto& alias : parse_aliases(fields[2])) add_name(alias, index);
    }
    std::stable_sort(by_name.begin(), by_name.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
};

const Table& table() {
  static const Table instance;
  return instance;
}

}  // namespace

const OptionInfo* find_option(std::string_view name) {
  const auto& t = table();
  const auto* entry = t.lookup(name);
  return entry ? &t.options[entry->second] : nullptr;
}

int option_id(std::string_view name) {
  const auto* entry = table().lookup(name);
  return entry ? static_cast<int>(entry->second) : kUnknownOption;
}

bool valid_in_peer(const OptionInfo& info) {
  return info.scope == Scope::peer || info.scope == Scope::both;
}

bool valid_in_general(const OptionInfo& info) {
  return info.scope == Scope::general || info.scope == Scope::both;
}

}  // namespace sip2pjsip::chansip
