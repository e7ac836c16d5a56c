// The migration report: what became of every sip.conf section and line, gathered once from a
// run's document, model, conversion and diagnostics, then rendered as JSON (json_report.h),
// HTML (html_report.h) or the short summary the command line prints (text_summary.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "chansip/model.h"
#include "config/document.h"
#include "convert/converter.h"
#include "convert/output_layout.h"
#include "pjsip/object.h"
#include "util/diagnostics.h"

namespace sip2pjsip::report {

// Everything a run produced. The report points into it, so it must outlive the report. Build
// the report after the last finding that belongs in it (after the outputs are written):
// findings reported later are left out.
struct ReportInput {
  const config::Document& document;
  const chansip::Model& model;
  const convert::Conversion& conversion;
  const Diagnostics& diagnostics;
};

struct ReportOptions {
  int asterisk_version = 20;  // the Asterisk the configuration is converted for
  std::string generator = "sip2pjsip";
  // The output file each input file was converted into, by input file index (see
  // output_paths()); empty when the outputs are not known.
  std::vector<std::string> outputs;
  // Whether each line gets the pjsip options it went into and, when inherited, the section it
  // is written in (OptionEntry::written, written_in). The JSON and HTML reports show them; the
  // summary on stdout does not need them, and working them out is a tenth of a conversion.
  bool line_targets = true;
  // Whether each section lists its lines (SectionEntry::options). The JSON and HTML reports show
  // them; the summary on stdout needs only their counts, and a million peers have fifteen
  // million lines. Without them, a section's diagnostics are all in SectionEntry::diagnostics.
  bool line_rows = true;
};

// The output path of each input file, from lay_out()'s files; "" for a file that has none.
std::vector<std::string> output_paths(const config::Document& document,
                                      const std::vector<convert::OutputFile>& outputs);

// What chan_sip made of a section.
enum class SectionKind { general, authentication, peer, user, friend_, template_, skipped };

const char* to_string(SectionKind kind);

// A pjsip option a sip.conf line went into.
struct Written {
  const pjsip::Object* object = nullptr;
  const pjsip::Option* option = nullptr;
};

struct OptionEntry {
  const config::Variable* variable = nullptr;
  const convert::OptionOutcome* outcome = nullptr;  // null for a template's own lines
  // Options of this section's objects it is a source of (a slice of Report::written_targets).
  std::span<const Written> written;
  // For a line inherited from a base section: the section it is written in.
  std::optional<std::uint32_t> written_in;
};

struct SectionEntry {
  std::uint32_t index = 0;  // into Document::sections
  const config::Section* section = nullptr;
  SectionKind kind = SectionKind::skipped;
  bool trunk = false;  // a peer that is a provider trunk (see TrunkFinder)
  // A peer defined again: the section of its first definition, where its objects are (chan_sip
  // applies the lines of every definition to one peer).
  std::optional<std::uint32_t> merged_into;
  std::vector<OptionEntry> options;           // one per line of the section, in order
  std::vector<const pjsip::Object*> objects;  // converted from this section, in output order
  std::vector<std::size_t> diagnostics;       // findings of the section its option rows do not show
  std::vector<std::uint32_t> used_by;         // templates: sections that inherit from it
  std::size_t approximated = 0;
  std::size_t not_converted = 0;
  // A person should look at it: approximated or unconverted lines, findings of its own, or the
  // section is skipped.
  bool attention = false;
};

struct Counts {
  std::size_t sections = 0;
  std::size_t peers = 0;  // converted peers, users and friends that are not trunks
  std::size_t trunks = 0;
  std::size_t registrations = 0;
  std::size_t objects = 0;
  std::size_t options = 0;  // lines accounted for by the converter (template lines excluded)
  std::size_t mapped = 0;
  std::size_t approximated = 0;
  std::size_t not_converted = 0;
  std::size_t attention_sections = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
};

// Work the converter cannot do: a person must do it after (or while) switching.
struct ManualStep {
  std::string id;     // stable: errors, review, dialplan, reregister, guest-access, ...
  std::string title;  // one line
  std::string detail;
};

struct Report {
  const config::Document* document = nullptr;
  const Diagnostics* diagnostics = nullptr;
  ReportOptions options;
  std::vector<SectionEntry> sections;               // every section, in document order
  std::vector<const pjsip::Object*> other_objects;  // objects from no section
  std::vector<std::size_t> other_diagnostics;       // findings that belong to no section
  // The section each finding belongs to (by Diagnostics::all() index): the last section
  // starting at or before its line in its file; none for line 0 or a line before any section.
  std::vector<std::optional<std::uint32_t>> diagnostic_sections;
  Counts counts;
  std::vector<ManualStep> manual_steps;
  // Stand-ins for lines of a loaded section the converter recorded no outcome for (a converter
  // bug; the tests check there are none): they are reported as not converted, never dropped.
  std::vector<std::unique_ptr<convert::OptionOutcome>> unaccounted;
  // Every line's written options, back to back (see OptionEntry::written).
  std::vector<Written> written_targets;
};

Report build_report(const ReportInput& input, const ReportOptions& options = {});

}  // namespace sip2pjsip::report
