#include "convert/converter.h"

#include <set>
#include <tuple>

#include <fmt/format.h>

#include "chansip/option_table.h"
#include "convert/context.h"

namespace sip2pjsip::convert {

namespace {

struct Verdict {
  std::string reason;
  const char* code;
};

enum class SectionKind { general, authentication, peer };

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
    return {"only read from realtime tables; chan_sip ignores it in sip.conf",
            "sip-wrong-scope"};
  }
  if (in_general && !chansip::valid_in_general(*info)) {
    return {"only valid in a peer section; chan_sip ignores it in [general]", "sip-wrong-scope"};
  }
  if (!in_general && !chansip::valid_in_peer(*info)) {
    return {"only valid in [general]; chan_sip ignores it in a peer", "sip-wrong-scope"};
  }
  return {"not converted yet", "sip-not-converted"};
}

// Gives every option no rule took its not-converted outcome and a diagnostic. A line inherited
// by many sections is reported once.
void account_for_rest(Context& context, const config::Section& section, SectionKind kind,
                      std::set<std::tuple<std::uint32_t, int, std::string>>& reported) {
  for (const auto& variable : section.variables) {
    if (context.ledger.has(variable)) continue;
    const auto verdict = unconverted_verdict(variable, kind);
    context.ledger.not_converted(section, variable, verdict.reason);
    if (!reported.emplace(variable.where.file, variable.where.line, verdict.reason).second) {
      continue;
    }
    context.report(variable.where, Severity::warning,
                   fmt::format("{} = {}: {}", variable.name, variable.value, verdict.reason),
                   verdict.code);
  }
}

}  // namespace

void mark_superseded(Context& context, const config::Section& section,
                     const config::Variable& last) {
  for (const auto& variable : section.variables) {
    if (&variable == &last) return;
    if (config::iequals(variable.name, last.name)) {
      context.ledger.mapped(section, variable,
                            fmt::format("superseded by {}:{}", context.document.path_of(last.where),
                                        last.where.line));
    }
  }
}

Conversion convert(const config::Document& document, const chansip::Model& model,
                   Diagnostics& diagnostics) {
  Conversion result;
  Context context{document, model, result.config, result.ledger, diagnostics};
  convert_general(context);
  convert_peers(context);

  std::set<std::tuple<std::uint32_t, int, std::string>> reported;
  if (model.general) account_for_rest(context, *model.general, SectionKind::general, reported);
  if (model.authentication) {
    account_for_rest(context, *model.authentication, SectionKind::authentication, reported);
  }
  for (const auto& peer : model.peers) {
    account_for_rest(context, *peer.section, SectionKind::peer, reported);
  }
  // Sections chan_sip skips were reported as a whole; their lines are not converted either.
  for (const auto* section : model.skipped) {
    for (const auto& variable : section->variables) {
      result.ledger.not_converted(*section, variable, "the section is skipped by chan_sip");
    }
  }
  return result;
}

}  // namespace sip2pjsip::convert
