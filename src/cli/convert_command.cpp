#include "cli/convert_command.h"

#include <future>
#include <optional>
#include <ostream>
#include <vector>

#include <fmt/format.h>

#include "chansip/model.h"
#include "cli/common.h"
#include "cli/output_files.h"
#include "cli/run.h"
#include "config/reader.h"
#include "convert/converter.h"
#include "convert/output_layout.h"
#include "convert/side_by_side.h"
#include "convert/target_fit.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/report.h"
#include "report/text_summary.h"
#include "util/kept_until_exit.h"

namespace sip2pjsip::cli {

namespace {

std::string summary(const convert::Conversion& conversion, std::size_t files,
                    const Diagnostics& diagnostics) {
  std::size_t approximated = 0;
  std::size_t not_converted = 0;
  for (const auto& outcome : conversion.ledger.outcomes()) {
    if (outcome.outcome == convert::Outcome::approximated) ++approximated;
    if (outcome.outcome == convert::Outcome::not_converted) ++not_converted;
  }
  return fmt::format(
      "sip2pjsip: {} pjsip objects in {} file(s); {} settings approximated, {} not converted; "
      "{} error(s), {} warning(s)",
      conversion.config.objects.size(), files, approximated, not_converted,
      diagnostics.count(Severity::error), diagnostics.count(Severity::warning));
}

report::ReportOptions report_options(const ConvertOptions& options,
                                     const config::Document& document,
                                     const std::vector<convert::OutputFile>& outputs) {
  report::ReportOptions report_options;
  report_options.asterisk_version = options.asterisk_version;
  report_options.generator = fmt::format("sip2pjsip {}", SIP2PJSIP_VERSION);
  report_options.outputs = report::output_paths(document, outputs);
  return report_options;
}

// The JSON and HTML reports, written like the outputs: they quote sip.conf lines, passwords
// included, so they get the input's permission bits.
bool write_reports(const ConvertOptions& options, const report::Report& report,
                   const std::vector<std::string>& inputs, Diagnostics& diagnostics,
                   std::vector<std::string>& paths) {
  const auto mode = permission_bits(options.input);
  std::vector<PendingFile> files;
  if (!options.report_json.empty()) {
    files.push_back(PendingFile{
        options.report_json, report::render_json(report), mode, kKeepOwner, kKeepGroup, {}});
    paths.push_back(options.report_json);
  }
  if (!options.report_html.empty()) {
    files.push_back(PendingFile{
        options.report_html, report::render_html(report), mode, kKeepOwner, kKeepGroup, {}});
    paths.push_back(options.report_html);
  }
  return write_all(files, inputs, diagnostics);
}

}  // namespace

int convert_files(const ConvertOptions& options, std::ostream& out, std::ostream& err) {
  auto info = [&](const std::string& line) {
    if (!options.quiet) out << line << '\n' << std::flush;
  };
  Diagnostics diagnostics;
  config::ReaderOptions reader_options;
  reader_options.config_dir = config_dir_for(options.input, options.config_dir);
  reader_options.allow_exec = options.allow_exec;

  info("Reading " + options.input);
  const config::DiskFileSystem disk;
  auto document = config::read_config(options.input, disk, reader_options, diagnostics);
  if (!document) {
    print_diagnostics(diagnostics, err);
    return kFailed;
  }

  info("Converting to PJSIP...");
  auto model = chansip::build_model(*document, diagnostics);
  auto conversion = convert::convert(*document, model, diagnostics);
  convert::fit_to_target(conversion, *document, options.asterisk_version, diagnostics);
  if (options.pjsip_port) {
    convert::move_transports(conversion.config, options.pjsip_port, diagnostics, options.output);
  }
  // Outputs are told apart as the reader told the inputs apart.
  convert::LayoutOptions layout{options.output, options.prefix,
                                fmt::format("sip2pjsip {}", SIP2PJSIP_VERSION),
                                [&disk](const std::string& path) { return disk.identity(path); }};
  // Each output is rendered as it is written: a million peers make close to a gigabyte of
  // pjsip.conf, which is never held in memory at once.
  const auto plans = convert::plan_outputs(*document, conversion, layout);

  info("Writing " + options.output);
  std::vector<PendingFile> pending;
  std::vector<std::string> inputs;
  for (const auto& file : document->files) {
    if (file.path.rfind("#exec ", 0) != 0) inputs.push_back(file.path);
  }
  std::vector<convert::OutputFile> outputs;  // the paths, for the reports
  for (const auto& plan : plans) {
    const auto& source = document->files[plan.source_file].path;
    auto file =
        pending_file(plan.path, "", source.rfind("#exec ", 0) == 0 ? options.input : source);
    file.render = plan.render;
    pending.push_back(std::move(file));
    outputs.push_back(convert::OutputFile{plan.path, "", plan.source_file});
  }
  const bool wants_reports = !options.report_json.empty() || !options.report_html.empty();
  // One report serves the files asked for and the summary on stdout. It is built while the
  // outputs are written, which leaves a core waiting on the disk: it reads only what the
  // conversion made, and the writing reports into a Diagnostics of its own (errors only, after
  // which the report is not used).
  std::future<report::Report> building;
  if (wants_reports || !options.quiet) {
    auto for_report = report_options(options, *document, outputs);
    for_report.line_targets = wants_reports;
    for_report.line_rows = wants_reports;
    building = std::async(std::launch::async, [&, for_report] {
      return report::build_report({*document, model, conversion, diagnostics}, for_report);
    });
  }
  Diagnostics writing;
  const bool written = write_all(pending, inputs, writing);
  std::optional<report::Report> report;
  if (building.valid()) report = building.get();
  for (const auto& finding : writing.all()) diagnostics.report(finding);
  bool reported = true;
  std::vector<std::string> report_paths;
  if (written && wants_reports) {
    reported = write_reports(options, *report, inputs, diagnostics, report_paths);
  }
  print_diagnostics(diagnostics, err);
  if (!written || !reported) return kFailed;
  if (!options.quiet) {
    out << report::render_summary(*report, report_paths);
    err << summary(conversion, outputs.size(), diagnostics) << '\n';
  }
  const int status = diagnostics.has_errors() ? kConvertedWithErrors : kConverted;
  if (!options.free_memory) {
    keep_until_exit(std::move(document), std::move(model), std::move(conversion), std::move(report),
                    std::move(diagnostics));
  }
  return status;
}

}  // namespace sip2pjsip::cli
