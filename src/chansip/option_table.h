// Every option chan_sip (Asterisk 20) accepts, from data/chan_sip_options.tsv (embedded at
// build time), so the converter can tell an option it does not convert yet from one chan_sip
// itself never knew.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "util/interned.h"

namespace sip2pjsip::chansip {

enum class Scope { general, peer, both, authentication, realtime };

struct OptionInfo {
  std::string name;  // canonical name
  Scope scope = Scope::both;
  bool inherited_by_peers = false;  // [general] value is the peer's default
  std::string pjsip_counterpart;    // free text from the research table
};

// Looks an option up by name or alias, case-insensitively (chan_sip compares with strcasecmp).
const OptionInfo* find_option(std::string_view name);

// A number for each option (aliases share it), so hot code compares integers instead of names;
// kUnknownOption for a name chan_sip does not know.
inline constexpr int kUnknownOption = -1;
int option_id(std::string_view name);
// The same for a name read from sip.conf, answered from the calling thread's cache of the names
// it asked for before: a million peers' lines ask tens of millions of times about the few
// distinct names a file uses, and an interned name is found by its identity alone.
int option_id_of(InternedName name);
// An option name with its option_id() looked up once. Code that asks about the same options
// again and again uses the "name"_option literal below, or keeps OptionNames in tables built at
// start-up: the converter asks each peer about a hundred options, and a lookup per question was
// a tenth of its time. Built from a name on the spot, it costs one lookup, as option_id() does;
// `name` must outlive it (a literal, or the argument of a call).
struct OptionName {
  explicit OptionName(const char* name_) : name(name_), id(option_id(name_)) {}
  OptionName(std::string_view name_) : name(name_), id(option_id(name_)) {}
  OptionName(const std::string& name_) : name(name_), id(option_id(name_)) {}

  std::string_view name;
  int id;  // kUnknownOption for a name chan_sip does not know
};

// A string literal as a template argument, for the _option literal.
template <std::size_t Size>
struct LiteralName {
  constexpr LiteralName(const char (&text)[Size]) {  // NOLINT: converts literals by design
    std::copy_n(text, Size, chars);
  }
  char chars[Size];
};

// "allow"_option: the OptionName of a literal, looked up the first time the program asks.
template <LiteralName Name>
const OptionName& operator""_option() {
  static const OptionName option{std::string_view(Name.chars, sizeof(Name.chars) - 1)};
  return option;
}

// Ids run from 0 to option_count() - 1, so tables indexed by id are plain arrays.
std::size_t option_count();
// The option of an id from option_id() (not kUnknownOption).
const OptionInfo& option_info(int id);

// True when the option is valid in a peer/user/friend section.
bool valid_in_peer(const OptionInfo& info);
// True when the option is valid in [general].
bool valid_in_general(const OptionInfo& info);

}  // namespace sip2pjsip::chansip
