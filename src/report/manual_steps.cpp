#include "report/manual_steps.h"

#include <set>

#include <fmt/format.h>

#include "report/section_roles.h"

namespace sip2pjsip::report {

namespace {

// The messages of every finding with this code, each once.
std::vector<std::string> messages_with(const Diagnostics& diagnostics, const std::string& code) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& diagnostic : diagnostics.all()) {
    if (diagnostic.code == code && seen.insert(diagnostic.message).second) {
      out.push_back(diagnostic.message);
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

// The first converted peer (trunk = false) or trunk, to show in an example; "" when none.
std::string example_name(const Report& report, bool trunk) {
  for (const auto& entry : report.sections) {
    if (is_peer_kind(entry.kind) && entry.trunk == trunk && has_endpoint(entry)) {
      return entry.section->name;
    }
  }
  return "";
}

std::string counted(std::size_t count, const char* singular, const char* plural) {
  return fmt::format("{} {}", count, count == 1 ? singular : plural);
}

// Peers whose address comes from REGISTER: an aor without a static contact.
std::size_t registering_peers(const Report& report) {
  std::size_t count = 0;
  for (const auto& entry : report.sections) {
    if (!is_peer_kind(entry.kind)) continue;
    for (const auto* object : entry.objects) {
      if (object->type == "aor" && !object->find("contact")) {
        ++count;
        break;
      }
    }
  }
  return count;
}

// With the names of this configuration's own peers and trunks, so the example is the line to
// look for.
ManualStep dialplan_step(const Report& report) {
  const auto phone = example_name(report, false);
  const auto trunk = example_name(report, true);
  std::string examples;
  if (!phone.empty()) examples = fmt::format("Dial(SIP/{0}) becomes Dial(PJSIP/{0})", phone);
  if (!trunk.empty()) {
    examples += fmt::format("{0}Dial(SIP/${{EXTEN}}@{1}) becomes Dial(PJSIP/${{EXTEN}}@{1})",
                            examples.empty() ? "" : ", and ", trunk);
  }
  return {"dialplan", "Change SIP/ to PJSIP/ in the dialplan",
          examples +
              ": in extensions.conf, hints, queue members, Page(), Originate and AGI/AMI "
              "scripts. SIP/user@host without a peer becomes PJSIP/endpoint/sip:user@host. "
              "Functions: SIP_HEADER(h) -> PJSIP_HEADER(read,h), SIPAddHeader(h: v) -> "
              "Set(PJSIP_HEADER(add,h)=v) in a pre-dial handler, SIPPEER() -> "
              "PJSIP_ENDPOINT()/PJSIP_CONTACT(), CHANNEL(peerip) -> "
              "CHANNEL(pjsip,remote_addr). Monitoring: 'sip show peers' -> 'pjsip show "
              "endpoints'."};
}

ManualStep modules_step(int asterisk_version) {
  if (asterisk_version >= 21) {
    return {"modules", "Load res_pjsip and chan_pjsip",
            fmt::format("Asterisk {} has no chan_sip: make sure modules.conf does not noload "
                        "res_pjsip.so or chan_pjsip.so, and install pjsip.conf before upgrading.",
                        asterisk_version)};
  }
  return {"modules", "Switch modules.conf from chan_sip to res_pjsip",
          "noload => chan_sip.so and load res_pjsip.so and chan_pjsip.so, or keep both loaded on "
          "different ports while phones move over. chan_sip is removed in Asterisk 21."};
}

}  // namespace

std::vector<ManualStep> manual_steps(const Report& report, const ReportInput& input) {
  std::vector<ManualStep> steps;
  const auto& counts = report.counts;
  if (counts.errors > 0) {
    steps.push_back(
        {"errors",
         fmt::format("Fix {} found while reading", counted(counts.errors, "error", "errors")),
         "Asterisk would refuse these lines or files; each is listed with its file:line."});
  }
  if (counts.approximated + counts.not_converted > 0) {
    steps.push_back(
        {"review",
         fmt::format("Review {} approximated and {} unconverted {}", counts.approximated,
                     counts.not_converted,
                     counts.approximated + counts.not_converted == 1 ? "setting" : "settings"),
         fmt::format("Each is listed with its file:line and the reason, in the {} that need "
                     "attention.",
                     counted(counts.attention_sections, "section", "sections"))});
  }
  if (counts.peers + counts.trunks > 0) steps.push_back(dialplan_step(report));
  if (const auto registering = registering_peers(report); registering > 0) {
    steps.push_back(
        {"reregister",
         fmt::format("Let {} register again",
                     counted(registering, "registering phone", "registering phones")),
         "Their registrations are held by chan_sip only: after the switch each phone must "
         "register to res_pjsip (reboot it, or wait for its registration interval) before it "
         "can be called."});
  }
  auto guests = messages_with(*report.diagnostics, "sip-guest-access");
  for (auto& message : messages_with(*report.diagnostics, "sip-guest-access-dropped")) {
    guests.push_back(std::move(message));
  }
  if (!guests.empty()) steps.push_back({"guest-access", "Check guest access", joined(guests)});
  if (const auto messages = messages_with(*report.diagnostics, "pjsip-http-conf");
      !messages.empty()) {
    steps.push_back(
        {"http-conf", "Enable Asterisk's HTTP server for WebSocket peers", joined(messages)});
  }
  if (!input.conversion.config.objects.empty()) {
    steps.push_back(modules_step(report.options.asterisk_version));
  }
  return steps;
}

}  // namespace sip2pjsip::report
