#include "chansip/codecs.h"
#include "util/ascii.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace sip2pjsip::chansip {

namespace {

// The formats main/codec_builtin.c registers in Asterisk 20.
constexpr std::array<std::string_view, 46> kKnownCodecs = {
    "codec2",  "g723",    "ulaw",   "alaw",   "gsm",     "g726",    "g726aal2", "adpcm",
    "slin",    "slin12",  "slin16", "slin24", "slin32",  "slin44",  "slin48",   "slin96",
    "slin192", "lpc10",   "g729",   "speex",  "speex16", "speex32", "ilbc",     "g722",
    "siren7",  "siren14", "g719",   "opus",   "jpeg",    "png",     "h261",     "h263",
    "h263p",   "h264",    "h265",   "mpeg4",  "vp8",     "vp9",     "red",      "t140",
    "t38",     "none",    "silk8",  "silk12", "silk16",  "silk24"};

std::string_view strip(std::string_view text) {
  while (!text.empty() && static_cast<unsigned char>(text.front()) < 33) text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) < 33) text.remove_suffix(1);
  return text;
}

std::string codec_name(const std::string& entry) {
  return entry.substr(0, entry.find(':'));
}

}  // namespace

bool is_known_codec(const std::string& name) {
  const auto wanted = ascii_lower(name);
  return std::find(kKnownCodecs.begin(), kKnownCodecs.end(), wanted) != kKnownCodecs.end();
}

CodecList CodecList::chan_sip_default() {
  CodecList list;
  list.entries_ = {"ulaw", "alaw", "gsm", "h263"};
  return list;
}

std::vector<std::string> CodecList::apply(std::string_view list, bool allowing) {
  std::vector<std::string> unknown;
  std::size_t start = 0;
  while (start <= list.size()) {
    auto end = list.find_first_of(",|", start);
    if (end == std::string_view::npos) end = list.size();
    std::string_view token = strip(list.substr(start, end - start));
    start = end + 1;

    bool allow = allowing;
    if (!token.empty() && token.front() == '!') {
      token.remove_prefix(1);
      allow = !allowing;
    }
    std::string framing;
    if (const auto colon = token.rfind(':'); colon != std::string_view::npos) {
      framing = std::string(token.substr(colon + 1));
      token = token.substr(0, colon);
    }
    const std::string name = ascii_lower(token);
    const bool all = name == "all";
    if (!all && !is_known_codec(name)) {
      if (!name.empty()) unknown.push_back(std::string(token));
      continue;
    }
    auto listed = [&](const std::string& codec) {
      return std::find_if(entries_.begin(), entries_.end(),
                          [&](const std::string& e) { return codec_name(e) == codec; });
    };
    const bool has_all = std::find(entries_.begin(), entries_.end(), "all") != entries_.end();
    if (all && allow) {
      removed_from_all_.clear();
      if (!has_all) entries_.push_back("all");
    } else if (all) {
      entries_.clear();
      removed_from_all_.clear();
    } else if (allow) {
      const std::string entry = framing.empty() ? name : name + ":" + framing;
      auto removed = std::find(removed_from_all_.begin(), removed_from_all_.end(), name);
      if (auto it = listed(name); it != entries_.end()) {
        *it = entry;
      } else if (has_all && removed == removed_from_all_.end()) {
        if (!framing.empty())
          entries_.insert(std::find(entries_.begin(), entries_.end(), "all"), entry);
      } else {
        if (removed != removed_from_all_.end()) removed_from_all_.erase(removed);
        entries_.push_back(entry);
      }
    } else {
      if (auto it = listed(name); it != entries_.end()) entries_.erase(it);
      if (has_all && std::find(removed_from_all_.begin(), removed_from_all_.end(), name) ==
                         removed_from_all_.end()) {
        removed_from_all_.push_back(name);
      }
    }
  }
  return unknown;
}

std::string CodecList::allow_value() const {
  std::string out;
  for (const auto& entry : entries_) {
    if (!out.empty()) out += ',';
    out += entry;
  }
  return out;
}

}  // namespace sip2pjsip::chansip
