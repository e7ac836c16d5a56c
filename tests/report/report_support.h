// Builds a report from sip.conf text, for the report tests. Header-only: the test build
// compiles only *_test.cpp files below tests/ (and the shared support files).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "chansip/model.h"
#include "config/file_system.h"
#include "convert/convert_support.h"
#include "convert/converter.h"
#include "convert/output_layout.h"
#include "report/report.h"

namespace sip2pjsip::testing {

struct Reported {
  std::unique_ptr<Converted> converted;  // the report points into it
  report::Report report;
};

// The generator is fixed so golden files do not change with the version.
inline report::ReportOptions test_report_options() {
  report::ReportOptions options;
  options.generator = "sip2pjsip (test)";
  return options;
}

// Converts "sip.conf" of the memory file system and builds its report, with the outputs
// lay_out() names (pjsip.conf, pjsip_<include>.conf) unless the options give them.
inline Reported report_files(const config::MemoryFileSystem& files,
                             const report::ReportOptions& options = test_report_options()) {
  Reported out;
  out.converted = std::make_unique<Converted>();
  auto& c = *out.converted;
  c.document = read_memory(files, c.diagnostics);
  c.model = chansip::build_model(c.document, c.diagnostics);
  c.conversion = convert::convert(c.document, c.model, c.diagnostics);
  auto with_outputs = options;
  if (with_outputs.outputs.empty()) {
    with_outputs.outputs = report::output_paths(
        c.document, convert::lay_out(c.document, c.conversion, convert::LayoutOptions{}));
  }
  out.report =
      report::build_report({c.document, c.model, c.conversion, c.diagnostics}, with_outputs);
  return out;
}

// The same for a one-file configuration given as text.
inline Reported report_text(const std::string& text,
                            const report::ReportOptions& options = test_report_options()) {
  config::MemoryFileSystem files;
  files.add_file("sip.conf", text);
  return report_files(files, options);
}

// The report's entry for the first section of that name; throws (failing the test) if none.
inline const report::SectionEntry& section_named(const report::Report& report,
                                                 const std::string& name) {
  for (const auto& entry : report.sections) {
    if (entry.section->name == name) return entry;
  }
  throw std::runtime_error("no section [" + name + "]");
}

}  // namespace sip2pjsip::testing
