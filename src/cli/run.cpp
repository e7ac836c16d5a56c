#include "cli/run.h"

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "chansip/model.h"
#include "cli/output_files.h"
#include "config/reader.h"
#include "convert/converter.h"
#include "convert/output_layout.h"
#include "convert/side_by_side.h"

namespace sip2pjsip::cli {

namespace {

struct Options {
  std::string input = "sip.conf";
  std::string output = "pjsip.conf";
  std::string prefix = "pjsip_";
  std::string config_dir;
  bool quiet = false;
  bool allow_exec = false;
  int pjsip_port = 0;        // 0: keep chan_sip's ports
  std::string modules_plan;  // a migration phase: print its modules.conf lines and stop
};

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  for (const auto& diagnostic : diagnostics.all()) err << format(diagnostic) << '\n';
}

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

int convert_files(const Options& options, std::ostream& out, std::ostream& err) {
  auto info = [&](const std::string& line) {
    if (!options.quiet) out << line << '\n' << std::flush;
  };
  Diagnostics diagnostics;
  config::ReaderOptions reader_options;
  reader_options.config_dir = options.config_dir.empty()
                                  ? std::filesystem::path(options.input).parent_path().string()
                                  : options.config_dir;
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

// optparse, which sip_to_pjsip.py uses, reads `--prefix=` as an empty value, where CLI11 would
// take the next argument as the value. Written as `--prefix ""`, it keeps the optparse meaning.
std::vector<std::string> with_empty_values_split(int argc, const char* const* argv) {
  std::vector<std::string> arguments;
  bool positional_only = false;
  for (int i = 0; i < argc; ++i) {
    std::string argument = argv[i];
    if (i > 0 && !positional_only && (argument == "--prefix=" || argument == "--config-dir=")) {
      argument.pop_back();
      arguments.push_back(std::move(argument));
      arguments.emplace_back();
      continue;
    }
    if (argument == "--") positional_only = true;
    arguments.push_back(std::move(argument));
  }
  return arguments;
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  Options options;
  CLI::App app{
      "Converts the chan_sip configuration input-file to the res_pjsip (chan_pjsip) output-file.\n"
      "The input-file defaults to 'sip.conf', the output-file to 'pjsip.conf'. Files pulled in\n"
      "with #include/#tryinclude are converted too, each into prefix + its base name beside\n"
      "the output-file.",
      "sip2pjsip"};
  app.add_option("input-file", options.input, "chan_sip configuration to read")
      ->capture_default_str();
  app.add_option("output-file", options.output, "pjsip configuration to write")
      ->capture_default_str();
  app.add_option("-p,--prefix", options.prefix, "output prefix for include files")
      ->capture_default_str();
  app.add_flag("-q,--quiet", options.quiet, "don't print progress messages to stdout");
  app.add_option("--config-dir", options.config_dir,
                 "where relative #include names resolve, as Asterisk's configuration directory "
                 "(default: the input file's directory)");
  app.add_flag("--allow-exec", options.allow_exec,
               "run #exec programs and convert what they print (never done by default)");
  app.add_option("--pjsip-port", options.pjsip_port,
                 "move the pjsip transports to PORT (TLS to PORT+1) so chan_sip and chan_pjsip "
                 "can run side by side")
      ->check(CLI::Range(1, 65534));
  app.add_option("--modules-plan", options.modules_plan,
                 "print the modules.conf lines for a migration phase and exit: chan_sip (keep "
                 "chan_sip only), both (side by side), pjsip (switch to chan_pjsip)")
      ->check(CLI::IsMember({"chan_sip", "both", "pjsip"}));
  app.set_version_flag("--version", std::string("sip2pjsip ") + SIP2PJSIP_VERSION);

  const auto arguments = with_empty_values_split(argc, argv);
  std::vector<const char*> pointers;
  for (const auto& argument : arguments) pointers.push_back(argument.c_str());
  try {
    app.parse(static_cast<int>(pointers.size()), pointers.data());
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kConverted;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << '\n';
    return kConverted;
  } catch (const CLI::ParseError& e) {
    err << "sip2pjsip: error: " << e.what() << " [usage]\n"
        << "Run 'sip2pjsip --help' for usage.\n";
    return kFailed;
  }
  if (!options.modules_plan.empty()) {
    out << convert::modules_plan(*convert::parse_phase(options.modules_plan));
    return kConverted;
  }
  return convert_files(options, out, err);
}

}  // namespace sip2pjsip::cli
