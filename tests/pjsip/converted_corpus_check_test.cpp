// Every converted file of the seed examples and of the real corpus loads in every supported
// Asterisk branch: `check` finds no error in what the converter writes for that branch.
#include <filesystem>

#include <gtest/gtest.h>

#include "chansip/model.h"
#include "config/reader.h"
#include "convert/converter.h"
#include "convert/output_layout.h"
#include "convert/target_fit.h"
#include "pjsip/checker.h"
#include "pjsip/schema.h"
#include "support.h"

namespace sip2pjsip::testing {
namespace {

namespace fs = std::filesystem;

// Converts `main` for `branch`, reads the written files back as Asterisk would, checks them and
// returns the errors found.
std::vector<std::string> check_conversion(const std::string& main, int branch) {
  Diagnostics conversion_findings;
  const config::DiskFileSystem disk;
  config::ReaderOptions reader_options;
  reader_options.config_dir = fs::path(main).parent_path().string();
  const auto document = config::read_config(main, disk, reader_options, conversion_findings);
  if (!document) return {"cannot read " + main};
  const auto model = chansip::build_model(*document, conversion_findings);
  auto conversion = convert::convert(*document, model, conversion_findings);
  convert::fit_to_target(conversion, *document, branch, conversion_findings);
  convert::LayoutOptions layout;
  layout.output_path = "/out/pjsip.conf";
  config::MemoryFileSystem written;
  for (const auto& file : convert::lay_out(*document, conversion, layout)) {
    written.add_file(file.path, file.content);
  }
  Diagnostics check_findings;
  config::ReaderOptions output_options;
  output_options.config_dir = "/out";
  const auto output =
      config::read_config("/out/pjsip.conf", written, output_options, check_findings);
  if (!output) return {"cannot read the converted pjsip.conf"};
  pjsip::check(*output, branch, check_findings);
  std::vector<std::string> errors;
  for (const auto& finding : check_findings.all()) {
    if (finding.severity == Severity::error) errors.push_back(format(finding));
  }
  return errors;
}

// The sip.conf of a corpus folder, or its top-level fragments when it has none.
std::vector<std::string> corpus_inputs(const fs::path& folder) {
  if (fs::exists(folder / "sip.conf")) return {(folder / "sip.conf").string()};
  std::vector<std::string> inputs;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".conf") inputs.push_back(entry.path().string());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

TEST(CheckConverted, SeedExamplesLoadInEveryBranch) {
  for (const char* example : {"endpoints", "trunk", "includes"}) {
    const auto main = std::string(SIP2PJSIP_SOURCE_DIR) + "/examples/" + example + "/sip.conf";
    for (const int branch : pjsip::kBranches) {
      SCOPED_TRACE(std::string(example) + " for Asterisk " + std::to_string(branch));
      EXPECT_EQ(check_conversion(main, branch), std::vector<std::string>{});
    }
  }
}

TEST(CheckConverted, RealCorpusLoadsInEveryBranch) {
  const fs::path corpus = fs::path(SIP2PJSIP_SHARED_DIR) / "corpus" / "real";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "no corpus at " << corpus << "; skipped";
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.is_directory()) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  ASSERT_GT(folders.size(), 50u);
  for (const auto& folder : folders) {
    for (const auto& input : corpus_inputs(folder)) {
      for (const int branch : pjsip::kBranches) {
        SCOPED_TRACE(input + " for Asterisk " + std::to_string(branch));
        EXPECT_EQ(check_conversion(input, branch), std::vector<std::string>{});
      }
    }
  }
}

}  // namespace
}  // namespace sip2pjsip::testing
