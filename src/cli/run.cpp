#include "cli/run.h"

#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/check_command.h"
#include "cli/convert_command.h"
#include "cli/dialplan_command.h"
#include "convert/side_by_side.h"
#include "pjsip/schema.h"

namespace sip2pjsip::cli {

namespace {

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

// --asterisk-version: the branches the pjsip schema knows.
CLI::Validator asterisk_branch() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        try {
          if (pjsip::is_known_branch(std::stoi(value))) return "";
        } catch (const std::exception&) {
        }
        return "not one of 13, 16, 18, 20, 21, 22";
      },
      "BRANCH");
}

void add_check_command(CLI::App& app, CheckOptions& options) {
  auto* check = app.add_subcommand(
      "check",
      "check a pjsip.conf for what makes Asterisk drop or misuse objects (exit 0 clean, "
      "1 warnings only, 2 errors)");
  check->add_option("pjsip-file", options.input, "pjsip configuration to check")
      ->capture_default_str();
  check
      ->add_option("--asterisk-version", options.asterisk_version,
                   "the Asterisk branch that will load it (13, 16, 18, 20, 21, 22)")
      ->capture_default_str()
      ->check(asterisk_branch());
  check->add_flag("--json", options.json, "print the findings as JSON on stdout");
  check->add_option("--config-dir", options.config_dir,
                    "where relative #include names resolve (default: the file's directory)");
}

void add_dialplan_command(CLI::App& app, DialplanOptions& options) {
  auto* dialplan = app.add_subcommand(
      "dialplan", "rewrite SIP/... channels and chan_sip functions in a dialplan for PJSIP");
  dialplan
      ->add_option("extensions-file", options.input,
                   "dialplan to rewrite (extensions.conf, extensions.ael, queues.conf)")
      ->capture_default_str();
  auto* sip = dialplan->add_option("--sip", options.sip,
                                   "sip.conf to convert to learn the endpoint names and contacts");
  dialplan->add_option("--pjsip", options.pjsip, "pjsip.conf to read the endpoints from")
      ->excludes(sip);
  dialplan->add_option("-o,--output", options.output,
                       "where the rewritten main file goes (default: prefix + its name, beside "
                       "it); included files go beside it as prefix + base name");
  dialplan->add_option("-p,--prefix", options.prefix, "prefix for the rewritten files")
      ->capture_default_str();
  dialplan->add_flag("--in-place", options.in_place,
                     "rewrite the files themselves, keeping each as <name>.bak");
  dialplan->add_flag("--diff", options.diff, "print a unified diff of every change");
  dialplan->add_flag("--inheritable-headers", options.inheritable_headers,
                     "rewrite SIPAddHeader as PJSIP_INHERITABLE_HEADER (Asterisk 20.19, 22.9, "
                     "23.3 and later) instead of a pre-dial handler");
  dialplan
      ->add_option("--uri-endpoint", options.uri_endpoint,
                   "endpoint to dial SIP/user@host through when host is no peer")
      ->capture_default_str();
  dialplan->add_option("--config-dir", options.config_dir,
                       "where relative #include names resolve (default: the file's directory)");
  dialplan->add_flag("-q,--quiet", options.quiet, "don't list the files written");
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, bool exits_after) {
  ConvertOptions options;
  std::string modules_plan;
  CLI::App app{
      "Converts the chan_sip configuration input-file to the res_pjsip (chan_pjsip) output-file.\n"
      "The input-file defaults to 'sip.conf', the output-file to 'pjsip.conf'. Files pulled in\n"
      "with #include/#tryinclude are converted too, each into prefix + its base name beside\n"
      "the output-file. The output is made for Asterisk 20 (the last branch that has both\n"
      "chan_sip and res_pjsip) unless --asterisk-version says otherwise.",
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
  app.add_option("--asterisk-version", options.asterisk_version,
                 "the Asterisk branch the output is for: 13, 16, 18, 20, 21 or 22 (default 20, "
                 "the newest that still has chan_sip, so both can run side by side)")
      ->check(asterisk_branch());
  app.add_option("--report-json", options.report_json,
                 "write the migration report for programs (JSON, schema in docs/report-schema.md)");
  app.add_option("--report-html", options.report_html,
                 "write the migration report for people: one self-contained HTML page with "
                 "sip.conf beside the pjsip objects it became");
  app.add_option("--pjsip-port", options.pjsip_port,
                 "move the pjsip transports to PORT (TLS to PORT+1) so chan_sip and chan_pjsip "
                 "can run side by side")
      ->check(CLI::Range(1, 65534));
  app.add_option("--modules-plan", modules_plan,
                 "print the modules.conf lines for a migration phase and exit: chan_sip (keep "
                 "chan_sip only), both (side by side), pjsip (switch to chan_pjsip)")
      ->check(CLI::IsMember({"chan_sip", "both", "pjsip"}));
  app.set_version_flag("--version", std::string("sip2pjsip ") + SIP2PJSIP_VERSION);

  CheckOptions check_options;
  add_check_command(app, check_options);
  DialplanOptions dialplan_options;
  add_dialplan_command(app, dialplan_options);

  const auto arguments = with_empty_values_split(argc, argv);
  std::vector<const char*> pointers;
  for (const auto& argument : arguments) pointers.push_back(argument.c_str());
  try {
    app.parse(static_cast<int>(pointers.size()), pointers.data());
  } catch (const CLI::CallForHelp& e) {
    app.exit(e, out, err);  // prints the help of the subcommand it was asked for
    return kConverted;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << '\n';
    return kConverted;
  } catch (const CLI::ParseError& e) {
    err << "sip2pjsip: error: " << e.what() << " [usage]\n"
        << "Run 'sip2pjsip --help' for usage.\n";
    return kFailed;
  }
  if (app.got_subcommand("check")) return run_check(check_options, out, err);
  if (app.got_subcommand("dialplan")) return run_dialplan(dialplan_options, out, err);
  if (!modules_plan.empty()) {
    out << convert::modules_plan(*convert::parse_phase(modules_plan));
    return kConverted;
  }
  options.free_memory = !exits_after;
  return convert_files(options, out, err);
}

}  // namespace sip2pjsip::cli
