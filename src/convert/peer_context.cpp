#include "convert/peer_context.h"

#include <fmt/format.h>

#include "chansip/option_table.h"

namespace sip2pjsip::convert {

PeerContext::PeerContext(Context& context_, const chansip::PeerSection& peer_)
    : context(context_),
      peer(peer_),
      section(*peer_.section),
      name(peer_.section->name),
      endpoint{peer_.section->name, "endpoint", context_.index_of(*peer_.section), {}} {}

const config::Variable* PeerContext::setting(const std::string& option) {
  const auto* line = chansip::effective_setting(context.model, peer, option);
  if (!line || &section_of(line) != &section) return line;
  // chan_sip keeps the last value: earlier lines of the option have no effect.
  const auto last = static_cast<std::size_t>(line - section.variables.data());
  const int id = peer.option_ids[last];
  for (std::size_t i = 0; i < last; ++i) {
    if (peer.option_ids[i] == id && id != chansip::kUnknownOption) {
      context.ledger.mapped(section, section.variables[i],
                            fmt::format("superseded by {}:{}", context.document.path_of(line->where),
                                        line->where.line));
    }
  }
  return line;
}

const config::Variable* PeerContext::own(const std::string& option) const {
  const int id = chansip::option_id(option);
  if (id == chansip::kUnknownOption) return chansip::last_setting(section, option);
  return chansip::last_with_id(section, peer.option_ids, id);
}

std::vector<const config::Variable*> PeerContext::lines(const std::string& option) const {
  std::vector<const config::Variable*> found;
  const int id = chansip::option_id(option);
  for (std::size_t i = 0; i < section.variables.size(); ++i) {
    if (id == chansip::kUnknownOption ? config::iequals(section.variables[i].name, option)
                                      : peer.option_ids[i] == id) {
      found.push_back(&section.variables[i]);
    }
  }
  return found;
}

const config::Section& PeerContext::section_of(const config::Variable* line) const {
  const auto* general = context.model.general;
  if (general && !general->variables.empty() && line >= &general->variables.front() &&
      line <= &general->variables.back()) {
    return *general;
  }
  return section;
}

void PeerContext::mapped(const config::Variable* line, const std::string& target) {
  if (!line) return;
  const auto& owner = section_of(line);
  context.ledger.mapped(owner, *line,
                        &owner == &section ? target : "default for every peer: " + target);
}

void PeerContext::approximated(const config::Variable* line, const std::string& reason,
                               const char* code) {
  if (line) context.ledger.approximated(section_of(line), *line, reason, code);
}

void PeerContext::not_converted(const config::Variable* line, const std::string& reason,
                                const char* code) {
  if (line) context.ledger.not_converted(section_of(line), *line, reason, code);
}

void PeerContext::set(pjsip::Object& object, const std::string& option, const std::string& value,
                      const config::Variable* line) {
  std::vector<config::Location> sources;
  if (line) sources.push_back(line->where);
  object.set(option, value, std::move(sources));
}

pjsip::Object& PeerContext::ensure_aor() {
  if (!aor) aor = pjsip::Object{name, "aor", endpoint.origin, {}};
  return *aor;
}

}  // namespace sip2pjsip::convert
