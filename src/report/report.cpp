#include "report/report.h"

#include <algorithm>
#include <functional>
#include <span>
#include <tuple>
#include <unordered_map>

#include <absl/container/flat_hash_map.h>

#include "report/manual_steps.h"
#include "report/model_sections.h"
#include "report/section_locator.h"
#include "report/section_roles.h"
#include "util/ascii.h"

namespace sip2pjsip::report {

namespace {

using config::iequals;

// The pjsip options each sip.conf line went into, per section the objects came from: a template
// line inherited by a hundred peers is a source of a hundred endpoints, one per section. One
// flat list, sorted by (section, file, line), that the report keeps: each line's targets are a
// slice of it.
class WrittenIndex {
 public:
  explicit WrittenIndex(const pjsip::Config& config) {
    for (const auto& object : config.objects) {
      if (!object.origin) continue;
      for (const auto& option : object.options()) {
        for (const auto& where : option.sources) {
          entries_.push_back({key(*object.origin, where), Written{&object, &option}});
        }
      }
    }
    // Stable: the targets of a line stay in the order of the objects and their options.
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.key < b.key; });
    targets_.reserve(entries_.size());
    for (const auto& entry : entries_) targets_.push_back(entry.written);
  }

  std::span<const Written> find(std::uint32_t section, const config::Location& where) const {
    const auto wanted = key(section, where);
    const auto range =
        std::equal_range(entries_.begin(), entries_.end(), Entry{wanted, {}},
                         [](const Entry& a, const Entry& b) { return a.key < b.key; });
    const auto first = static_cast<std::size_t>(range.first - entries_.begin());
    return std::span<const Written>(targets_).subspan(
        first, static_cast<std::size_t>(range.second - range.first));
  }

  // The list the slices point into; it moves into the report.
  std::vector<Written> release() { return std::move(targets_); }

 private:
  using Key = std::tuple<std::uint32_t, std::uint32_t, int>;
  struct Entry {
    Key key;
    Written written;
  };
  static Key key(std::uint32_t section, const config::Location& where) {
    return {section, where.file, where.line};
  }

  std::vector<Entry> entries_;
  std::vector<Written> targets_;
};

// A finding the section's option rows already show: the converter reports each approximated or
// unconverted line once, at its location, with the outcome's code.
bool shown_on_a_row(const SectionEntry& entry, const config::Document& document,
                    const Diagnostic& diagnostic) {
  for (const auto& option : entry.options) {
    if (!option.outcome || option.outcome->outcome == convert::Outcome::mapped) continue;
    const auto& where = option.variable->where();
    if (where.line == diagnostic.line && option.outcome->code() == diagnostic.code &&
        document.path_of(where) == diagnostic.file) {
      return true;
    }
  }
  return false;
}

// The bases each section copied from, resolved to the sections Asterisk found: the last section
// of that name defined before it. One sweep, remembering the latest section of each name.
void link_bases(const config::Document& document, std::vector<SectionEntry>& sections) {
  absl::flat_hash_map<std::string_view, std::uint32_t, CaseInsensitiveHash, CaseInsensitiveEqual>
      latest;
  for (std::uint32_t i = 0; i < document.sections.size(); ++i) {
    for (const auto& base : document.sections[i].bases) {
      if (const auto found = latest.find(base); found != latest.end()) {
        sections[found->second].used_by.push_back(i);
      }
    }
    latest.insert_or_assign(std::string_view(document.sections[i].name), i);
  }
}

// The outcome of each document line, found by position rather than hashed: a section's lines
// are contiguous, so a line's slot is its section's first slot plus its place in the section.
class OutcomeSlots {
 public:
  explicit OutcomeSlots(const config::Document& document) {
    std::size_t total = 0;
    for (std::uint32_t i = 0; i < document.sections.size(); ++i) {
      const auto& lines = document.sections[i].variables;
      first_slot_.push_back(total);
      if (!lines.empty()) ranges_.push_back({lines.data(), lines.data() + lines.size(), total});
      total += lines.size();
    }
    std::sort(ranges_.begin(), ranges_.end(),
              [](const Range& a, const Range& b) { return a.begin < b.begin; });
    slots_.assign(total, nullptr);
  }

  // The first outcome recorded for a line counts; lines outside the document are ignored.
  void add(const config::Variable* line, const convert::OptionOutcome* outcome) {
    auto after = std::upper_bound(ranges_.begin(), ranges_.end(), line,
                                  [](const config::Variable* value, const Range& range) {
                                    return std::less<>{}(value, range.begin);
                                  });
    if (after == ranges_.begin()) return;
    const auto& range = *std::prev(after);
    if (!std::less<>{}(line, range.end)) return;
    auto& slot = slots_[range.first_slot + static_cast<std::size_t>(line - range.begin)];
    if (!slot) slot = outcome;
  }

  const convert::OptionOutcome* find(std::uint32_t section, std::size_t line) const {
    return slots_[first_slot_[section] + line];
  }

 private:
  struct Range {
    const config::Variable* begin;
    const config::Variable* end;
    std::size_t first_slot;
  };
  std::vector<Range> ranges_;            // by address
  std::vector<std::size_t> first_slot_;  // by section index
  std::vector<const convert::OptionOutcome*> slots_;
};

const convert::OptionOutcome* unaccounted(Report& report, const config::Variable& variable) {
  report.unaccounted.push_back(std::make_unique<convert::OptionOutcome>(
      variable, convert::Outcome::not_converted, "the converter recorded no outcome for this line",
      "report-unaccounted"));
  return report.unaccounted.back().get();
}

void count(Report& report, const pjsip::Config& config, const Diagnostics& diagnostics) {
  auto& counts = report.counts;
  counts.sections = report.sections.size();
  counts.objects = config.objects.size();
  for (const auto& object : config.objects) {
    if (object.type == "registration") ++counts.registrations;
  }
  for (const auto& entry : report.sections) {
    if (entry.attention) ++counts.attention_sections;
    if (is_peer_kind(entry.kind) && has_endpoint(entry)) {
      ++(entry.trunk ? counts.trunks : counts.peers);
    }
    if (entry.kind == SectionKind::template_) continue;
    counts.options += entry.section->variables.size();  // entry.options has one per line
    counts.approximated += entry.approximated;
    counts.not_converted += entry.not_converted;
  }
  counts.mapped = counts.options - counts.approximated - counts.not_converted;
  counts.errors = diagnostics.count(Severity::error);
  counts.warnings = diagnostics.count(Severity::warning);
  counts.notes = diagnostics.count(Severity::note);
}

// Every section with every line, each line with the outcome the converter recorded for it.
void add_sections(Report& report, const ReportInput& input, const ModelSections& sections,
                  const SectionLocator& locator) {
  const auto& document = input.document;
  OutcomeSlots outcomes(document);
  for (const auto& outcome : input.conversion.ledger.outcomes()) {
    outcomes.add(sections.document_line(outcome.variable), &outcome);
  }
  const bool targets = report.options.line_targets && report.options.line_rows;
  const pjsip::Config no_objects;  // an lvalue, so the conditional copies neither side
  WrittenIndex written(targets ? input.conversion.config : no_objects);
  report.sections.resize(document.sections.size());
  for (std::uint32_t i = 0; i < document.sections.size(); ++i) {
    auto& entry = report.sections[i];
    entry.index = i;
    entry.section = &document.sections[i];
    entry.kind = sections.kinds[i];
    entry.merged_into = sections.merged_into[i];
    const auto objects_from = entry.merged_into.value_or(i);
    if (report.options.line_rows) entry.options.reserve(entry.section->variables.size());
    const auto& lines = entry.section->variables;
    for (std::size_t line = 0; line < lines.size(); ++line) {
      const auto& variable = lines[line];
      OptionEntry option{&variable, nullptr, {}, std::nullopt};
      if (targets && variable.inherited()) {
        option.written_in = locator.find(variable.where());
      }
      if (entry.kind != SectionKind::template_) {
        const auto* found = outcomes.find(i, line);
        option.outcome = found ? found : unaccounted(report, variable);
        if (targets) option.written = written.find(objects_from, variable.where());
        if (option.outcome->outcome == convert::Outcome::approximated) ++entry.approximated;
        if (option.outcome->outcome == convert::Outcome::not_converted) ++entry.not_converted;
      }
      if (report.options.line_rows) entry.options.push_back(std::move(option));
    }
  }
  report.written_targets = written.release();
}

void add_objects(Report& report, const pjsip::Config& config) {
  for (const auto& object : config.objects) {
    if (object.origin && *object.origin < report.sections.size()) {
      report.sections[*object.origin].objects.push_back(&object);
    } else {
      report.other_objects.push_back(&object);
    }
  }
}

void add_diagnostics(Report& report, const SectionLocator& locator) {
  const auto& all = report.diagnostics->all();
  for (std::size_t d = 0; d < all.size(); ++d) {
    const auto section = locator.find(all[d].file, all[d].line);
    report.diagnostic_sections.push_back(section);
    if (!section) {
      report.other_diagnostics.push_back(d);
    } else if (!shown_on_a_row(report.sections[*section], *report.document, all[d])) {
      report.sections[*section].diagnostics.push_back(d);
    }
  }
}

}  // namespace

const char* to_string(SectionKind kind) {
  switch (kind) {
    case SectionKind::general:
      return "general";
    case SectionKind::authentication:
      return "authentication";
    case SectionKind::peer:
      return "peer";
    case SectionKind::user:
      return "user";
    case SectionKind::friend_:
      return "friend";
    case SectionKind::template_:
      return "template";
    case SectionKind::skipped:
      return "skipped";
  }
  return "skipped";
}

std::vector<std::string> output_paths(const config::Document& document,
                                      const std::vector<convert::OutputFile>& outputs) {
  std::vector<std::string> paths(document.files.size());
  for (const auto& output : outputs) {
    if (output.source_file < paths.size()) paths[output.source_file] = output.path;
  }
  return paths;
}

Report build_report(const ReportInput& input, const ReportOptions& options) {
  Report report;
  report.document = &input.document;
  report.diagnostics = &input.diagnostics;
  report.options = options;
  const auto sections = map_model_sections(input.document, input.model);
  const SectionLocator locator(input.document);
  add_sections(report, input, sections, locator);
  add_objects(report, input.conversion.config);
  link_bases(input.document, report.sections);
  add_diagnostics(report, locator);
  const TrunkFinder trunks(input.conversion.config);
  // The definitions of a merged peer share its section (and kind): asked once, not once each,
  // as the answer reads all of its lines. Other sections are asked once anyway, so only merged
  // ones are remembered (a million peers would make a million entries).
  std::unordered_map<const config::Section*, bool> merged_trunks;
  for (auto& entry : report.sections) {
    const auto* built_from = sections.built_from[entry.index];
    if (built_from == entry.section) {
      entry.trunk = trunks.is_trunk(entry.kind, *built_from);
    } else {
      const auto [known, fresh] = merged_trunks.try_emplace(built_from, false);
      if (fresh) known->second = trunks.is_trunk(entry.kind, *built_from);
      entry.trunk = known->second;
    }
    entry.attention = entry.approximated > 0 || entry.not_converted > 0 ||
                      !entry.diagnostics.empty() || entry.kind == SectionKind::skipped;
  }
  count(report, input.conversion.config, input.diagnostics);
  report.manual_steps = manual_steps(report, input);
  return report;
}

}  // namespace sip2pjsip::report
