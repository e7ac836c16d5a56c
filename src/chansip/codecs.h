// A codec preference list that changes the way chan_sip's does under `allow` and `disallow`
// (ast_format_cap_update_by_allow_disallow): `allow` appends a codec not yet present and keeps
// the position of one that is, `disallow` removes, `all` adds or removes every codec, `!codec`
// inverts the line, `codec:ms` sets the packetisation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sip2pjsip::chansip {

class CodecList {
 public:
  // chan_sip's [general] default (sip_set_default_format_capabilities).
  static CodecList chan_sip_default();

  // Applies one `allow` (allowing = true) or `disallow` line. Returns the names it did not
  // know, which chan_sip skips with a warning.
  std::vector<std::string> apply(std::string_view list, bool allowing);

  // The list in order; "all" stands for every codec Asterisk knows that is not listed before it.
  const std::vector<std::string>& entries() const { return entries_; }
  // Codecs removed from the "all" block after it was added.
  const std::vector<std::string>& removed_from_all() const { return removed_from_all_; }
  bool empty() const { return entries_.empty(); }

  // pjsip `allow=` value: the entries joined by commas.
  std::string allow_value() const;

 private:
  std::vector<std::string> entries_;  // "ulaw", "g729:20", "all"
  std::vector<std::string> removed_from_all_;
};

// True for a format name Asterisk 20 registers (ast_format_cache_get would find it).
bool is_known_codec(const std::string& name);

}  // namespace sip2pjsip::chansip
