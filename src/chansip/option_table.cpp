#include "chansip/option_table.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "util/name_index.h"
#include "util/tsv.h"

namespace sip2pjsip::chansip {

extern const char* const kChanSipOptionsTsv;

namespace {

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
  for (const auto& part : split_fields(column, ',')) {
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

struct Table {
  // The first row of a name wins (`auth` has a peer row and an [authentication] row).
  void add_name(const std::string& name, std::size_t index) {
    by_name.add(name, static_cast<std::uint32_t>(index));
  }

  std::vector<OptionInfo> options;
  // Name or alias -> index into options; looked up for every line the converter reads.
  NameIndex by_name;

  std::optional<std::uint32_t> lookup(std::string_view name) const { return by_name.find(name); }

  Table() {
    std::istringstream in(kChanSipOptionsTsv);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      const auto fields = split_fields(line, '\t');
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
  }
};

const Table& table() {
  static const Table instance;
  return instance;
}

}  // namespace

std::size_t option_count() {
  return table().options.size();
}

const OptionInfo& option_info(int id) {
  return table().options.at(static_cast<std::size_t>(id));
}

const OptionInfo* find_option(std::string_view name) {
  const auto& t = table();
  const auto index = t.lookup(name);
  return index ? &t.options[*index] : nullptr;
}

int option_id(std::string_view name) {
  const auto index = table().lookup(name);
  return index ? static_cast<int>(*index) : kUnknownOption;
}

int option_id_of(InternedName name) {
  thread_local absl::flat_hash_map<InternedName, int> ids;
  const auto [entry, added] = ids.try_emplace(name, kUnknownOption);
  if (added) entry->second = option_id(name);
  return entry->second;
}

bool valid_in_peer(const OptionInfo& info) {
  return info.scope == Scope::peer || info.scope == Scope::both;
}

bool valid_in_general(const OptionInfo& info) {
  return info.scope == Scope::general || info.scope == Scope::both;
}

}  // namespace sip2pjsip::chansip
