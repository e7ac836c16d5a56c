#include "cli/convert_command.h"

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
  const auto model = chansip::build_model(*document, diagnostics);
  auto conversion = convert::convert(*document, model, diagnostics);
  convert::fit_to_target(conversion, *document, options.asterisk_version, diagnostics);
  if (options.pjsip_port) {
    convert::move_transports(conversion.config, options.pjsip_port, diagnostics, options.output);
  }
  // Outputs are told apart as the reader told the inputs apart.
  convert::LayoutOptions layout{options.output, options.prefix,
                                fmt::format("sip2pjsip {}", SIP2PJSIP_VERSION),
                                [&disk](const std::string& path) { return disk.identity(path); }};
  const auto outputs = convert::lay_out(*document, conversion, layout);

  info("Writing " + options.output);
  std::vector<PendingFile> pending;
  std::vector<std::string> inputs;
  for (const auto& file : document->files) {
    if (file.path.rfind("#exec ", 0) != 0) inputs.push_back(file.path);
  }
  for (const auto& output : outputs) {
    const auto& source = document->files[output.source_file].path;
    const auto mode = permission_bits(source.rfind("#exec ", 0) == 0 ? options.input : source);
    pending.push_back(PendingFile{output.path, output.content, mode});
  }
  const bool written = write_all(pending, inputs, diagnostics);
  print_diagnostics(diagnostics, err);
  if (!written) return kFailed;
  if (!options.quiet) err << summary(conversion, outputs.size(), diagnostics) << '\n';
  return diagnostics.has_errors() ? kConvertedWithErrors : kConverted;
}

}  // namespace sip2pjsip::cli
