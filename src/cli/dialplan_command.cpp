#include "cli/dialplan_command.h"

#include <filesystem>
#include <optional>
#include <ostream>

#include "chansip/model.h"
#include "cli/common.h"
#include "cli/output_files.h"
#include "config/reader.h"
#include "convert/converter.h"
#include "dialplan/endpoints.h"
#include "dialplan/outputs.h"
#include "dialplan/rewriter.h"
#include "dialplan/unified_diff.h"

namespace sip2pjsip::cli {

namespace {

// The endpoints the dialplan may dial: converted from a sip.conf, or read from a pjsip.conf.
std::optional<dialplan::EndpointList> load_endpoints(const DialplanOptions& options,
                                                     const config::FileSystem& disk,
                                                     Diagnostics& diagnostics) {
  const std::string& path = options.pjsip.empty() ? options.sip : options.pjsip;
  if (path.empty()) return dialplan::EndpointList{};
  config::ReaderOptions reader_options;
  reader_options.config_dir = config_dir_for(path, options.config_dir);
  // The conversion's own findings are not what this command reports.
  Diagnostics ignored;
  auto document = config::read_config(path, disk, reader_options, ignored);
  if (!document) {
    for (const auto& finding : ignored.all()) diagnostics.report(finding);
    return std::nullopt;
  }
  if (!options.pjsip.empty()) return dialplan::endpoints_from_pjsip_conf(*document);
  const auto model = chansip::build_model(*document, ignored);
  const auto conversion = convert::convert(*document, model, ignored);
  return dialplan::endpoints_from_conversion(conversion.config);
}

}  // namespace

int run_dialplan(const DialplanOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  const config::DiskFileSystem disk;
  const auto endpoints = load_endpoints(options, disk, diagnostics);
  if (!endpoints) {
    print_diagnostics(diagnostics, err);
    return 2;
  }
  dialplan::TreeOptions tree_options;
  tree_options.config_dir = config_dir_for(options.input, options.config_dir);
  tree_options.rewrite.uri_endpoint = options.uri_endpoint;
  tree_options.rewrite.headers = options.inheritable_headers
                                     ? dialplan::HeaderStrategy::inheritable
                                     : dialplan::HeaderStrategy::pre_dial_handler;
  const auto tree =
      dialplan::rewrite_dialplan_files(options.input, disk, tree_options, *endpoints, diagnostics);
  if (!tree) {
    print_diagnostics(diagnostics, err);
    return 2;
  }

  dialplan::OutputOptions output_options;
  output_options.mode =
      options.in_place ? dialplan::OutputMode::in_place : dialplan::OutputMode::prefixed;
  output_options.prefix = options.prefix;
  const std::filesystem::path input(options.input);
  output_options.output_path =
      !options.output.empty()
          ? options.output
          : (input.parent_path() / (options.prefix + input.filename().string())).string();
  const auto outputs = dialplan::plan_outputs(*tree, output_options);

  std::vector<PendingFile> pending;
  std::vector<std::string> inputs;
  for (const auto& file : tree->files) {
    if (!file.exec && !options.in_place) inputs.push_back(file.path);
  }
  for (const auto& output : outputs) {
    const auto& source = tree->files[output.source];
    if (options.diff && output.changed) {
      out << dialplan::unified_diff(source.original, output.content, "a/" + source.path,
                                    "b/" + output.path);
    }
    pending.push_back(pending_file(output.path, output.content, source.path));
  }
  const bool written = write_all(pending, inputs, diagnostics);
  print_diagnostics(diagnostics, err);
  if (!written) return 2;
  if (!options.quiet && !options.diff) {
    for (const auto& output : outputs) {
      out << (output.changed ? "Rewrote " : "Copied ") << output.path << '\n';
    }
  }
  return diagnostics.has_errors() ? 1 : 0;
}

}  // namespace sip2pjsip::cli
