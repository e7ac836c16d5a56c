#include "convert/peer_context.h"

#include <fmt/format.h>

#include "chansip/option_table.h"
#include "util/ascii.h"

namespace sip2pjsip::convert {

PeerContext::PeerContext(Context& context_, const chansip::PeerSection& peer_)
    : context(context_),
      peer(peer_),
      section(*peer_.section),
      name(peer_.section->name),
      endpoint{make("endpoint")} {
  context.peer_lines.assign(peer.option_ids);
  endpoint.reserve_options(32);  // an endpoint gets some thirty options: one allocation, not six
}

PeerContext::~PeerContext() {
  context.peer_lines.clear();
}

// chansip::effective_setting(), by the peer's and [general]'s indexes.
const config::Variable* PeerContext::setting(const chansip::OptionName& option) {
  const int id = option.id;
  if (id == chansip::kUnknownOption) {
    return chansip::effective_setting(context.model, peer, option.name);
  }
  const int last = context.peer_lines.last(id);
  if (last < 0) {
    if (!chansip::option_info(id).inherited_by_peers) return nullptr;
    return general_setting(context, option);
  }
  const auto* line = &section.variables[static_cast<std::size_t>(last)];
  // chan_sip keeps the last value: earlier lines of the option have no effect.
  if (context.peer_lines.count(id) > 1) {
    for (int i = 0; i < last; ++i) {
      if (peer.option_ids[static_cast<std::size_t>(i)] == id) {
        context.ledger.mapped(
            section, section.variables[static_cast<std::size_t>(i)],
            fmt::format("superseded by {}:{}", context.document.path_of(line->where()),
                        line->where().line));
      }
    }
  }
  return line;
}

const config::Variable* PeerContext::own(const chansip::OptionName& option) const {
  const int id = option.id;
  if (id == chansip::kUnknownOption) {
    return chansip::last_setting(section, std::string(option.name));
  }
  const int last = context.peer_lines.last(id);
  return last < 0 ? nullptr : &section.variables[static_cast<std::size_t>(last)];
}

std::vector<const config::Variable*> PeerContext::lines(const chansip::OptionName& option) const {
  std::vector<const config::Variable*> found;
  if (option.id == chansip::kUnknownOption) {
    for (const auto& line : section.variables) {
      if (ascii_iequals(line.name, option.name)) found.push_back(&line);
    }
    return found;
  }
  for (const auto i : context.peer_lines.positions({option.id})) {
    found.push_back(&section.variables[i]);
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
  if (!line || context.ledger.has(*line)) return;  // spares the copies below
  const auto& owner = section_of(line);
  context.ledger.mapped(owner, *line,
                        &owner == &section ? target : "default for every peer: " + target);
}

void PeerContext::approximated(const config::Variable* line, const std::string& reason,
                               const char* code) {
  if (line && !context.ledger.has(*line)) {
    context.ledger.approximated(section_of(line), *line, reason, code);
  }
}

void PeerContext::not_converted(const config::Variable* line, const std::string& reason,
                                const char* code) {
  if (line && !context.ledger.has(*line)) {
    context.ledger.not_converted(section_of(line), *line, reason, code);
  }
}

void PeerContext::set(pjsip::Object& object, std::string_view option, std::string_view value,
                      const config::Variable* line) {
  pjsip::Sources sources;
  if (line) sources.push_back(line->where());
  object.set(option, value, std::move(sources));
}

pjsip::Object PeerContext::make(std::string type, std::string object_name) const {
  return context.output.make(object_name.empty() ? name : std::move(object_name), std::move(type),
                             context.index_of(section));
}

pjsip::Object& PeerContext::ensure_aor() {
  if (!aor) aor = make("aor");
  return *aor;
}

}  // namespace sip2pjsip::convert
