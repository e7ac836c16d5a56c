#include "fuzz/harness.h"

#include <cstdio>
#include <cstdlib>
#include <optional>

#include "chansip/model.h"
#include "config/file_system.h"
#include "config/reader.h"
#include "convert/converter.h"
#include "convert/output_layout.h"
#include "convert/side_by_side.h"
#include "convert/target_fit.h"
#include "pjsip/checker.h"
#include "pjsip/findings_json.h"
#include "pjsip/schema.h"
#include "util/diagnostics.h"

namespace sip2pjsip::fuzz {

namespace {

// What the command line would have set, from the size of the input.
struct Choices {
  int branch;
  bool allow_exec;
  int pjsip_port;  // convert: --pjsip-port
  bool json;       // check: --json
};

Choices choices_for(std::size_t size) {
  const auto& branches = pjsip::kBranches;
  const auto bit = [&](std::size_t n) { return (size / (branches.size() << n)) % 2 == 1; };
  return Choices{branches[size % branches.size()], bit(0), bit(1) ? 5070 : 0, bit(2)};
}

config::MemoryFileSystem memory_files(
    const std::vector<std::pair<std::string, std::string>>& parts) {
  config::MemoryFileSystem files;
  for (const auto& [name, content] : parts) files.add_file(name, content);
  return files;
}

// The reader's limits, made small: an input of a few KiB can still make the reader do all the
// work they allow (an include of itself ten levels deep, a template chain, a value grown by
// `+=`), which must stay far below libFuzzer's time limit in a sanitized build. The limits are
// the same code whatever their values.
config::ReaderLimits fuzz_limits() {
  config::ReaderLimits limits;
  // An input near them costs its execution in proportion, so they decide how many inputs a
  // second the fuzzers try.
  limits.input_bytes = std::size_t{128} << 10;
  limits.file_loads = 20;
  limits.stored_bytes = std::size_t{256} << 10;
  limits.stored_bytes_per_input_byte = 4;
  limits.lookup_steps = 20'000;
  return limits;
}

config::ReaderOptions reader_options(const config::MemoryFileSystem& files, bool allow_exec) {
  config::ReaderOptions options;
  options.allow_exec = allow_exec;
  options.limits = fuzz_limits();
  // #exec never starts a program here: it "prints" the memory file it names.
  options.exec_runner = [&files](const std::string& command,
                                 std::string& error) -> std::optional<std::string> {
    return files.read(command, error);
  };
  return options;
}

std::optional<config::Document> read(const std::string_view input, const std::string& main,
                                     bool allow_exec, Diagnostics& diagnostics) {
  const auto files = memory_files(split_files(input, main));
  const auto options = reader_options(files, allow_exec);
  return config::read_config(main, files, options, diagnostics);
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

// Every location a document hands out must point at a file it has.
void check_locations(const config::Document& document) {
  for (const auto& section : document.sections) {
    if (section.where.file >= document.files.size()) fail("section location out of range");
    for (const auto& variable : section.variables) {
      if (variable.where().file >= document.files.size()) fail("variable location out of range");
    }
  }
  for (const auto& directive : document.directives) {
    for (auto file : directive.files) {
      if (file >= document.files.size()) fail("directive file out of range");
    }
  }
}

// `sip2pjsip check` of one input, its findings printed in the forms asked for.
enum class Forms { chosen, both };
void check_input(const std::uint8_t* data, std::size_t size, Forms forms) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto choices = choices_for(size);
  Diagnostics diagnostics;
  const auto document = read(input, "pjsip.conf", choices.allow_exec, diagnostics);
  if (!document) return;
  pjsip::check(*document, choices.branch, diagnostics);
  (void)pjsip::check_exit_code(diagnostics);
  if (forms == Forms::both || choices.json) (void)pjsip::render_findings_json(diagnostics);
  if (forms == Forms::both || !choices.json) {
    for (const auto& finding : diagnostics.all()) (void)format(finding);
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> split_files(std::string_view input,
                                                             const std::string& main_name) {
  std::vector<std::pair<std::string, std::string>> parts;
  std::string name = main_name;
  for (;;) {
    const auto marker = input.find(kFileMarker);
    parts.emplace_back(name, std::string(input.substr(0, marker)));
    if (marker == std::string_view::npos) break;
    input.remove_prefix(marker + kFileMarker.size());
    const auto end_of_name = input.find('\n');
    name = std::string(input.substr(0, end_of_name));
    input.remove_prefix(end_of_name == std::string_view::npos ? input.size() : end_of_name + 1);
  }
  return parts;
}

void run_reader(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  const auto document = read(input, "sip.conf", choices_for(size).allow_exec, diagnostics);
  if (!document) return;
  check_locations(*document);
  for (const auto* section : document->visible_sections()) {
    if (document->find_visible(section->name) == nullptr) fail("visible section not found");
  }
  for (const auto& diagnostic : diagnostics.all()) (void)format(diagnostic);
}

void run_convert(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto choices = choices_for(size);
  Diagnostics diagnostics;
  const auto files = memory_files(split_files(input, "sip.conf"));
  const auto options = reader_options(files, choices.allow_exec);
  const auto document = config::read_config("sip.conf", files, options, diagnostics);
  if (!document) return;

  const auto model = chansip::build_model(*document, diagnostics);
  auto conversion = convert::convert(*document, model, diagnostics);
  convert::fit_to_target(conversion, *document, choices.branch, diagnostics);
  if (choices.pjsip_port != 0) {
    convert::move_transports(conversion.config, choices.pjsip_port, diagnostics, "pjsip.conf");
  }
  convert::LayoutOptions layout{"pjsip.conf", "pjsip_", "sip2pjsip fuzz",
                                [&files](const std::string& path) { return files.identity(path); }};
  const auto outputs = convert::lay_out(*document, conversion, layout);
  pjsip::check(conversion.config, *document, choices.branch, diagnostics);

  // What was written must read back as a well-formed config.
  config::MemoryFileSystem written;
  for (const auto& output : outputs) written.add_file(output.path, output.content);
  Diagnostics reread;
  config::ReaderOptions reread_options;
  reread_options.limits = fuzz_limits();
  const auto output_document = config::read_config("pjsip.conf", written, reread_options, reread);
  if (!output_document) {
    // Only the smaller limits of the fuzz targets may refuse it.
    for (const auto& finding : reread.all()) {
      if (finding.code == "config-too-large") return;
    }
    fail("the converted pjsip.conf cannot be read back");
  }
  for (const auto& finding : reread.all()) {
    if (finding.severity == Severity::error && finding.code.rfind("config-", 0) == 0) {
      fail("the converted output is malformed: " + format(finding));
    }
  }
  pjsip::check(*output_document, choices.branch, reread);
}

void run_check(const std::uint8_t* data, std::size_t size) {
  check_input(data, size, Forms::chosen);
}

void run_check_every_form(const std::uint8_t* data, std::size_t size) {
  check_input(data, size, Forms::both);
}

}  // namespace sip2pjsip::fuzz
