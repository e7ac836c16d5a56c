#include "convert/peer_context.h"

#include <fmt/format.h>

namespace sip2pjsip::convert {

PeerContext::PeerContext(Context& context_, const chansip::PeerSection& peer_)
    : context(context_),
      peer(peer_),
      section(*peer_.section),
      name(peer_.section->name),
      endpoint{peer_.section->name, "endpoint", context_.index_of(*peer_.section), {}} {}

const config::Variable* PeerContext::setting(const std::string& option) {
  const auto* own = chansip::last_setting(section, option);
  if (own) {
    mark_superseded(context, section, *own);
    return own;
  }
  return chansip::effective_setting(context.model, peer, option);
}

std::vector<const config::Variable*> PeerContext::lines(const std::string& option) const {
  std::vector<const config::Variable*> found;
  for (const auto& variable : section.variables) {
    if (chansip::same_option(variable.name, option)) found.push_back(&variable);
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
