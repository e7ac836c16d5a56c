// What chan_sip builds from sip.conf, before any conversion: which section is [general], which
// sections become peers (type=peer), users (type=user) or both (type=friend), and the effective
// value of each setting after [general] defaults and the section's own lines.
#pragma once

#include <deque>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/document.h"
#include "util/diagnostics.h"

namespace sip2pjsip::chansip {

struct PeerSection {
  const config::Section* section = nullptr;
  bool is_user = false;         // matched by From user (type=user or friend)
  bool is_peer = false;         // matched by address, can register and be dialled (peer or friend)
  std::vector<int> option_ids;  // option_id() of each of section->variables
};

struct Model {
  const config::Section* general = nullptr;         // the first [general]; chan_sip reads no other
  const config::Section* authentication = nullptr;  // the first [authentication]
  std::vector<PeerSection> peers;                   // in file order
  std::vector<const config::Section*> skipped;      // sections chan_sip does not load
  std::vector<int> general_option_ids;              // option_id() of each [general] line
  // By option id, the position of [general]'s last line of it, or -1: [general] also holds
  // every register line, tens of thousands on a large system, and each peer asks it.
  std::vector<int> general_last_line;

  // A peer defined by several sections of one name (compared case-insensitively, as chan_sip's
  // peer table does) is one peer: build_peer() applies each later section on top of the peer
  // the earlier ones built. Such a peer's section is a merged copy kept here, and `origins`
  // maps it to the document index of its first definition.
  std::deque<config::Section> merged;
  std::map<const config::Section*, std::uint32_t> origins;
};

// Sorts the visible sections as reload_config() does, reporting the ones chan_sip skips.
Model build_model(const config::Document& document, Diagnostics& diagnostics);

// The last line setting `name` (case-insensitive, or an alias of it) in the section, or null.
const config::Variable* last_setting(const config::Section& section, const std::string& name);

// The peer's own last line of `name` (no [general] fallback), or null: last_setting() by the
// option ids the model computed for the peer's lines.
const config::Variable* own_setting(const PeerSection& peer, std::string_view name);

// A peer's effective setting: its own last line, else [general]'s when chan_sip copies that
// option into peers (set_peer_defaults), else null.
const config::Variable* effective_setting(const Model& model, const PeerSection& peer,
                                          std::string_view name);

// option_id() of every line of a section.
std::vector<int> option_ids(const config::Section& section);

// The lines of one section by option id, for code that asks a section for many options: an
// array lookup instead of a walk over the section for every question (the converter asks each
// peer about a hundred).
class OptionIndex {
 public:
  OptionIndex();  // room for every option of the table

  // Indexes the lines whose option_id()s are `ids` (PeerSection::option_ids), forgetting the
  // previous ones. `ids` must outlive the index or the next assign().
  void assign(const std::vector<int>& ids);
  // Forgets the lines, touching only the entries assign() set.
  void clear();

  // The position of the first or last line with that id, or -1 (always for kUnknownOption).
  int first(int id) const { return id < 0 ? -1 : first_[static_cast<std::size_t>(id)]; }
  int last(int id) const { return id < 0 ? -1 : last_[static_cast<std::size_t>(id)]; }
  // How many lines have that id.
  int count(int id) const { return id < 0 ? 0 : count_[static_cast<std::size_t>(id)]; }
  // The positions of the lines with any of these ids, in order. Only the stretch from the first
  // to the last of them is walked: [general] also holds every register line.
  std::vector<std::size_t> positions(std::initializer_list<int> ids) const;

 private:
  std::vector<int> first_;
  std::vector<int> last_;
  std::vector<int> count_;
  const std::vector<int>* ids_ = nullptr;
};

// The last line of a section with that option id (ids from option_ids()), or null.
const config::Variable* last_with_id(const config::Section& section, const std::vector<int>& ids,
                                     int id);

}  // namespace sip2pjsip::chansip
