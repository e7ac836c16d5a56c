// Codecs, DTMF, fax, video, session timers and media encryption (semantics.md sections 7, 9,
// 10, 11, 20).
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <optional>

#include <fmt/format.h>

#include "chansip/codecs.h"
#include "chansip/option_table.h"
#include "chansip/values.h"
#include "convert/peer_context.h"

namespace sip2pjsip::convert {

namespace {

constexpr std::array<const char*, 10> kVideoCodecs = {"h261",  "h263", "h263p", "h264", "h265",
                                                      "mpeg4", "vp8",  "vp9",   "jpeg", "png"};
constexpr std::array<const char*, 2> kTextCodecs = {"t140", "red"};

template <std::size_t N>
bool listed(const std::array<const char*, N>& codecs, const std::string& entry) {
  const auto name = entry.substr(0, entry.find(':'));
  return std::any_of(codecs.begin(), codecs.end(), [&](const char* c) { return name == c; });
}

bool enabled(PeerContext& p, const chansip::OptionName& option, bool also_always) {
  const auto* line = p.setting(option);
  return line &&
         (chansip::is_true(line->value) || (also_always && config::iequals(line->value, "always")));
}

// Codecs accumulate: [general]'s list first, then the peer's allow/disallow lines in order.
// chan_sip negotiates no video without videosupport and no text without textsupport, however
// the list reads, so those codecs are left out (dialog_initialize_rtp).
// allow and disallow have no aliases: their ids stand for their names.
const chansip::OptionName kAllow("allow");
const chansip::OptionName kDisallow("disallow");

// The positions of a section's allow and disallow lines, each with whether it allows.
std::vector<std::pair<std::size_t, bool>> codec_lines(const chansip::OptionIndex& index,
                                                      const std::vector<int>& ids) {
  std::vector<std::pair<std::size_t, bool>> lines;
  for (const auto i : index.positions({kAllow.id, kDisallow.id})) {
    lines.emplace_back(i, ids[i] == kAllow.id);
  }
  return lines;
}

Context::GeneralCodecs apply_general_codecs(const Context& context) {
  static std::atomic<std::uint64_t> last_id{0};
  Context::GeneralCodecs general{chansip::CodecList::chan_sip_default(), {}, ++last_id};
  if (const auto* section = context.model.general) {
    for (const auto& [i, allowing] :
         codec_lines(context.general_lines, context.model.general_option_ids)) {
      const auto& line = section->variables[i];
      general.lines.emplace_back(&line, general.codecs.apply(line.value, allowing));
    }
  }
  return general;
}

// A peer's codecs: [general]'s list with the peer's allow and disallow lines applied. Peers of
// one template have the same lines, so each thread keeps the last few results: applying the
// lines again for every peer was a sixth of a peer's conversion.
struct PeerCodecs {
  std::uint64_t general = 0;  // the GeneralCodecs::id they were applied to
  std::string lines;          // the key of the lines (peer_codecs())
  chansip::CodecList codecs;
  std::vector<std::vector<std::string>> unknown;  // of each line, the codecs chan_sip skips
  // The pjsip allow and second disallow values, by video and text support (bit 0: video).
  std::array<std::optional<std::pair<std::string, std::string>>, 4> written;
};

PeerCodecs& peer_codecs(const Context::GeneralCodecs& general, const config::Section& section,
                        const std::vector<std::pair<std::size_t, bool>>& lines) {
  std::string key;  // each line: whether it allows, its value's length, its value
  for (const auto& [i, allowing] : lines) {
    const auto value = section.variables[i].value;
    const auto length = static_cast<std::uint32_t>(value.size());
    key += allowing ? '+' : '-';
    key.append(reinterpret_cast<const char*>(&length), sizeof length);
    key += value;
  }
  thread_local std::array<PeerCodecs, 8> recent;
  thread_local std::size_t next = 0;
  for (auto& entry : recent) {
    if (entry.general == general.id && entry.lines == key) return entry;
  }
  auto& entry = recent[next];
  next = (next + 1) % recent.size();
  entry.general = general.id;
  entry.lines = std::move(key);
  entry.codecs = general.codecs;
  entry.unknown.clear();
  for (const auto& [i, allowing] : lines) {
    entry.unknown.push_back(entry.codecs.apply(section.variables[i].value, allowing));
  }
  entry.written.fill(std::nullopt);
  return entry;
}

// chan_sip negotiates no video without videosupport and no text without textsupport.
std::pair<std::string, std::string> written_codecs(const chansip::CodecList& codecs, bool video,
                                                   bool text) {
  std::vector<std::string> allow;
  std::vector<std::string> removed = codecs.removed_from_all();
  bool has_all = false;
  for (const auto& entry : codecs.entries()) {
    if ((!video && listed(kVideoCodecs, entry)) || (!text && listed(kTextCodecs, entry))) {
      continue;
    }
    has_all = has_all || entry == "all";
    allow.push_back(entry);
  }
  if (has_all) {
    if (!video) removed.insert(removed.end(), kVideoCodecs.begin(), kVideoCodecs.end());
    if (!text) removed.insert(removed.end(), kTextCodecs.begin(), kTextCodecs.end());
  }
  auto join = [](const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : ",") + part;
    return out;
  };
  return {join(allow), join(removed)};
}

void convert_codecs(PeerContext& p) {
  pjsip::Sources sources;
  auto use_line = [&](const config::Variable& line, const std::vector<std::string>& unknown) {
    for (const auto& codec : unknown) {
      p.context.report_once(line.where(), Severity::warning,
                            fmt::format("unknown codec '{}'; chan_sip ignores it", codec),
                            "sip-unknown-codec");
    }
    sources.push_back(line.where());
    p.mapped(&line, "endpoint {} allow (codecs accumulate)", p.name);
  };
  // [general]'s lines are the same for every peer: applied once, their effects repeated here.
  if (!p.context.general_codecs) p.context.general_codecs = apply_general_codecs(p.context);
  const auto& general = *p.context.general_codecs;
  for (const auto& [line, unknown] : general.lines) use_line(*line, unknown);
  const auto lines = codec_lines(p.context.peer_lines, p.peer.option_ids);
  auto& codecs = peer_codecs(general, p.section, lines);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    use_line(p.section.variables[lines[k].first], codecs.unknown[k]);
  }

  const bool video = enabled(p, "videosupport"_option, true);
  const bool text = enabled(p, "textsupport"_option, false);
  auto& written = codecs.written[(video ? 1 : 0) + (text ? 2 : 0)];
  if (!written) written = written_codecs(codecs.codecs, video, text);
  const auto& [allow, removed] = *written;
  p.endpoint.set("disallow", "all", sources);
  if (!allow.empty()) p.endpoint.set("allow", allow, sources);
  if (!removed.empty()) p.endpoint.set("disallow", removed, sources);

  const auto* videosupport = p.setting("videosupport"_option);
  if (videosupport) {
    if (config::iequals(videosupport->value, "always")) {
      p.approximated(videosupport,
                     "always: pjsip offers video only when a video codec is "
                     "allowed; video codecs are kept in allow");
    } else {
      p.mapped(videosupport,
               video ? "video codecs kept in allow" : "video codecs left out of allow");
    }
  }
  p.mapped(p.setting("textsupport"_option),
           text ? "text codecs kept in allow" : "text codecs left out of allow");
}

// dtmfmode: rfc2833 -> rfc4733, info, shortinfo -> info, inband, auto.
void convert_dtmf(PeerContext& p) {
  const auto* line = p.setting("dtmfmode"_option);
  if (!line) return;
  const auto value = chansip::to_lower(line->value);
  std::string mode;
  if (value == "rfc2833") mode = "rfc4733";
  if (value == "info" || value == "shortinfo") mode = "info";
  if (value == "inband") mode = "inband";
  if (value == "auto") mode = "auto";
  if (mode.empty()) {
    p.invalid(line,
              "unknown dtmfmode; chan_sip uses rfc2833 (pjsip's default rfc4733 is the same)");
    return;
  }
  PeerContext::set(p.endpoint, "dtmf_mode", mode, line);
  if (value == "shortinfo") {
    p.approximated(line, "shortinfo: pjsip sends full SIP INFO (with Duration)");
  } else {
    p.mapped(line, "endpoint {} dtmf_mode={}", p.name, mode);
  }
}

// t38pt_udptl = yes|fec|redundancy|none[,maxdatagram=N]: yes means FEC.
void convert_t38(PeerContext& p) {
  const auto* line = p.setting("t38pt_udptl"_option);
  if (!line) return;
  std::string ec;
  std::string maxdatagram;
  bool on = false;
  for (const auto& word : chansip::split_list(line->value)) {
    const auto lower = chansip::to_lower(word);
    if (chansip::is_true(word) || lower == "fec") {
      on = true;
      ec = "fec";
    } else if (lower == "redundancy" || lower == "none") {
      on = true;
      ec = lower;
    } else if (lower.rfind("maxdatagram=", 0) == 0) {
      maxdatagram = word.substr(12);
    } else if (!chansip::is_false(word)) {
      p.invalid(line, fmt::format("unknown t38pt_udptl value '{}'", word));
      return;
    }
  }
  if (!on) {
    p.mapped(line, "T.38 off (pjsip default)");
    return;
  }
  PeerContext::set(p.endpoint, "t38_udptl", "yes", line);
  PeerContext::set(p.endpoint, "t38_udptl_ec", ec, line);
  if (!maxdatagram.empty())
    PeerContext::set(p.endpoint, "t38_udptl_maxdatagram", maxdatagram, line);
  p.mapped(line, "endpoint {} t38_udptl, t38_udptl_ec={}", p.name, ec);
}

// session-timers = accept|originate|refuse, session-expires, session-minse.
void convert_session_timers(PeerContext& p) {
  if (const auto* line = p.setting("session-timers"_option)) {
    const auto value = chansip::to_lower(line->value);
    const std::string mode = value == "accept"      ? "yes"
                             : value == "originate" ? "always"
                             : value == "refuse"    ? "no"
                                                    : "";
    if (mode.empty()) {
      p.invalid(line, "expected accept, originate or refuse");
    } else {
      PeerContext::set(p.endpoint, "timers", mode, line);
      p.mapped(line, "endpoint {} timers={}", p.name, mode);
    }
  }
  for (const auto& [option, target] : {std::pair{&"session-expires"_option, "timers_sess_expires"},
                                       std::pair{&"session-minse"_option, "timers_min_se"}}) {
    const auto* line = p.setting(*option);
    if (!line) continue;
    if (auto value = chansip::parse_integer(line->value); value && *value > 0) {
      PeerContext::set(p.endpoint, target, std::to_string(*value), line);
      p.mapped(line, "endpoint {} {}", p.name, target);
    } else {
      p.invalid(line, "expected a number of seconds");
    }
  }
}

// encryption = yes offers SRTP only: SDES keys, or DTLS with dtlsenable (per peer only).
void convert_encryption(PeerContext& p) {
  const auto* encryption = p.setting("encryption"_option);
  const auto* dtlsenable = p.own("dtlsenable"_option);
  const bool dtls = dtlsenable && chansip::is_true(dtlsenable->value);
  if (encryption && chansip::is_true(encryption->value)) {
    PeerContext::set(p.endpoint, "media_encryption", dtls ? "dtls" : "sdes", encryption);
    p.mapped(encryption, "endpoint {} media_encryption", p.name);
  } else {
    p.mapped(encryption, "no media encryption (pjsip default)");
  }
  p.mapped(dtlsenable, dtls ? "media_encryption=dtls" : "DTLS off");
  if (const auto* taglen = p.setting("encryption_taglen"_option)) {
    if (chansip::parse_integer(taglen->value) == 32) {
      PeerContext::set(p.endpoint, "srtp_tag_32", "yes", taglen);
    }
    p.mapped(taglen, "endpoint {} srtp_tag_32", p.name);
  }
  static const std::pair<chansip::OptionName, const char*> kDtls[] = {
      {"dtlsverify"_option, "dtls_verify"},
      {"dtlsrekey"_option, "dtls_rekey"},
      {"dtlsautogeneratecert"_option, "dtls_auto_generate_cert"},
      {"dtlscertfile"_option, "dtls_cert_file"},
      {"dtlsprivatekey"_option, "dtls_private_key"},
      {"dtlscipher"_option, "dtls_cipher"},
      {"dtlscafile"_option, "dtls_ca_file"},
      {"dtlscapath"_option, "dtls_ca_path"},
      {"dtlssetup"_option, "dtls_setup"},
      {"dtlsfingerprint"_option, "dtls_fingerprint"}};
  for (const auto& [option, target] : kDtls) {
    const auto* line = p.setting(option);
    if (!line) continue;
    if (!dtls) {
      p.mapped(line, "unused: DTLS is off for this peer (dtlsenable is per peer)");
      continue;
    }
    PeerContext::set(p.endpoint, target, std::string(line->value), line);
    p.mapped(line, "endpoint {} {}", p.name, target);
  }
}

}  // namespace

void convert_media(PeerContext& p) {
  convert_codecs(p);
  convert_dtmf(p);
  convert_t38(p);
  convert_session_timers(p);
  convert_encryption(p);
}

}  // namespace sip2pjsip::convert
