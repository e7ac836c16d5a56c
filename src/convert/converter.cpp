#include "convert/converter.h"

#include <set>

#include <fmt/format.h>

#include "chansip/model.h"
#include "chansip/option_table.h"
#include "convert/context.h"
#include "convert/peer_context.h"
#include "util/ascii.h"

namespace sip2pjsip::convert {

namespace {

enum class SectionKind { general, authentication, peer };

struct Verdict {
  std::string reason;
  const char* code;
};

// Why an option no rule took is not converted.
Verdict unconverted_verdict(const config::Variable& variable, SectionKind kind) {
  if (kind == SectionKind::authentication) {
    if (config::iequals(variable.name, "auth")) return {"not converted yet", "sip-not-converted"};
    return {"chan_sip reads only auth= lines in [authentication]", "sip-wrong-scope"};
  }
  const bool in_general = kind == SectionKind::general;
  const auto* info = chansip::find_option(variable.name);
  if (!info) return {"unknown option; chan_sip ignores it", "sip-unknown-option"};
  if (info->scope == chansip::Scope::realtime) {
    return {"only read from realtime tables; chan_sip ignores it in sip.conf", "sip-wrong-scope"};
  }
  if (in_general && !chansip::valid_in_general(*info)) {
    return {"only valid in a peer section; chan_sip ignores it in [general]", "sip-wrong-scope"};
  }
  if (!in_general && !chansip::valid_in_peer(*info)) {
    return {"only valid in [general]; chan_sip ignores it in a peer", "sip-wrong-scope"};
  }
  return {"not converted yet", "sip-not-converted"};
}

// Gives every option no rule took its not-converted outcome.
void account_for_rest(Context& context, const config::Section& section, SectionKind kind) {
  for (const auto& variable : section.variables) {
    if (context.ledger.has(variable)) continue;
    auto verdict = unconverted_verdict(variable, kind);
    context.ledger.not_converted(section, variable, std::move(verdict.reason), verdict.code);
  }
}

// One diagnostic per line and reason: a template line inherited by a hundred peers, or a
// [general] default, is reported once. Lines of sections chan_sip skips were reported with
// their section.
void report_outcomes(const Context& context, const std::set<const config::Section*>& skipped) {
  ShownOnce reported;
  for (const auto& outcome : context.ledger.outcomes()) {
    if (outcome.outcome == Outcome::mapped) continue;
    if (skipped.count(&context.ledger.section_of(outcome))) continue;
    const auto& where = outcome.variable->where();
    const auto detail = outcome.stored_detail();  // not mapped, so not deferred
    if (!reported.first(where, detail)) continue;
    const auto severity =
        outcome.outcome == Outcome::not_converted ? Severity::warning : Severity::note;
    context.report(
        where, severity,
        fmt::format("{} = {}: {}", outcome.variable->name, outcome.variable->value, detail),
        outcome.code());
  }
}

// A [general] default no peer took (every peer sets its own, or there are no peers) changes
// nothing in chan_sip either.
void account_for_unused_defaults(Context& context) {
  const auto* general = context.model.general;
  if (!general) return;
  for (const auto& variable : general->variables) {
    if (context.ledger.has(variable)) continue;
    const auto* info = chansip::find_option(variable.name);
    if (!info || !info->inherited_by_peers || !chansip::valid_in_peer(*info)) continue;
    context.ledger.mapped(*general, variable,
                          context.model.peers.empty() ? "peer default; there are no peers"
                                                      : "peer default; every peer sets its own");
  }
}

}  // namespace

void mark_superseded(Context& context, const config::Variable& last) {
  const auto& general = *context.model.general;
  const chansip::OptionName option(last.name);
  std::vector<const config::Variable*> lines;
  if (option.id != chansip::kUnknownOption) {
    lines = general_lines_setting(context, option);
  } else {
    for (const auto& variable : general.variables) {
      if (ascii_iequals(variable.name, last.name)) lines.push_back(&variable);
    }
  }
  for (const auto* variable : lines) {
    if (variable == &last) return;
    context.ledger.mapped(general, *variable,
                          fmt::format("superseded by {}:{}", context.document.path_of(last.where()),
                                      last.where().line));
  }
}

Conversion convert(const config::Document& document, const chansip::Model& model,
                   Diagnostics& diagnostics) {
  Conversion result;
  Context context{document, model, result.config, result.ledger, diagnostics, {}, {}, {}, {}, {}};
  if (model.general) context.general_lines.assign(model.general_option_ids);
  convert_general(context);
  convert_peers(context);
  convert_registrations(context);
  convert_globals(context);
  account_for_unsupported_defaults(context);
  account_for_unused_defaults(context);

  if (model.general) account_for_rest(context, *model.general, SectionKind::general);
  if (model.authentication) {
    account_for_rest(context, *model.authentication, SectionKind::authentication);
  }
  for (const auto& peer : model.peers) {
    account_for_rest(context, *peer.section, SectionKind::peer);
  }
  std::set<const config::Section*> skipped(model.skipped.begin(), model.skipped.end());
  for (const auto* section : model.skipped) {
    for (const auto& variable : section->variables) {
      result.ledger.not_converted(*section, variable, "the section is skipped by chan_sip",
                                  "sip-section-skipped");
    }
  }
  report_outcomes(context, skipped);
  return result;
}

}  // namespace sip2pjsip::convert
