// The report's promise: every option read from the input appears exactly once, with the one
// outcome the converter recorded for it. Checked on every real sip.conf of the shared corpus,
// through the report model, the JSON and the HTML.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "chansip/model.h"
#include "config/file_system.h"
#include "config/reader.h"
#include "convert/converter.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/report.h"

namespace sip2pjsip::testing {
namespace {

namespace fs = std::filesystem;

const std::string kCorpus = std::string(SIP2PJSIP_SHARED_DIR) + "/corpus/real";

// Each corpus folder's sip.conf; a folder without one holds only files a sip.conf would
// include (sip_additional.conf, ...), and each of its top-level .conf files is converted alone.
std::vector<fs::path> corpus_inputs() {
  std::vector<fs::path> out;
  for (const auto& folder : fs::directory_iterator(kCorpus)) {
    if (!folder.is_directory()) continue;
    if (fs::exists(folder.path() / "sip.conf")) {
      out.push_back(folder.path() / "sip.conf");
      continue;
    }
    for (const auto& file : fs::directory_iterator(folder.path())) {
      if (file.is_regular_file() && file.path().extension() == ".conf") out.push_back(file.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

void check_report(const fs::path& input) {
  SCOPED_TRACE(input.string());
  Diagnostics diagnostics;
  config::ReaderOptions reader_options;
  reader_options.config_dir = input.parent_path().string();
  const config::DiskFileSystem disk;
  const auto document = config::read_config(input.string(), disk, reader_options, diagnostics);
  ASSERT_TRUE(document.has_value());
  const auto model = chansip::build_model(*document, diagnostics);
  const auto conversion = convert::convert(*document, model, diagnostics);
  const auto report = report::build_report({*document, model, conversion, diagnostics});

  // The model: each line of each section once, in order; each ledger outcome on exactly one row.
  EXPECT_TRUE(report.unaccounted.empty())
      << report.unaccounted.size()
      << " line(s) without an outcome, first: " << report.unaccounted.front()->variable->name;
  std::map<const convert::OptionOutcome*, int> shown;
  std::size_t lines = 0;
  std::size_t template_lines = 0;
  ASSERT_EQ(report.sections.size(), document->sections.size());
  for (std::size_t s = 0; s < document->sections.size(); ++s) {
    const auto& section = document->sections[s];
    const auto& entry = report.sections[s];
    ASSERT_EQ(entry.options.size(), section.variables.size()) << "[" << section.name << "]";
    for (std::size_t v = 0; v < section.variables.size(); ++v) {
      const auto& option = entry.options[v];
      EXPECT_EQ(option.variable, &section.variables[v]);
      lines++;
      if (section.is_template) {
        ++template_lines;
        EXPECT_EQ(option.outcome, nullptr);
        continue;
      }
      ASSERT_NE(option.outcome, nullptr);
      // The outcome is the line's own, or (for a peer defined by several sections, which chan_sip
      // and the converter treat as one) that of its copy in the merged peer.
      const auto* recorded = option.outcome->variable;
      const auto* recorded_in = &conversion.ledger.section_of(*option.outcome);
      const auto merged = model.origins.find(recorded_in);
      if (merged == model.origins.end()) {
        EXPECT_EQ(recorded, option.variable);
        EXPECT_EQ(recorded_in, &section);
      } else {
        EXPECT_EQ(recorded->where().file, option.variable->where().file);
        EXPECT_EQ(recorded->where().line, option.variable->where().line);
        EXPECT_EQ(recorded->name, option.variable->name);
        EXPECT_EQ(recorded->value, option.variable->value);
        EXPECT_EQ(entry.merged_into.value_or(s), merged->second) << "[" << section.name << "]";
      }
      ++shown[option.outcome];
    }
  }
  const auto& outcomes = conversion.ledger.outcomes();
  EXPECT_EQ(shown.size(), outcomes.size()) << "ledger outcomes missing from the report";
  for (const auto& outcome : outcomes) {
    EXPECT_EQ(shown[&outcome], 1) << outcome.variable->name << " at line "
                                  << outcome.variable->where().line;
  }

  // The JSON: the same lines, the summary adding up.
  const auto json = report::to_json(report);
  std::size_t json_options = 0;
  std::size_t json_templates = 0;
  for (const auto& section : json["sections"]) {
    for (const auto& option : section["options"]) {
      ++json_options;
      if (option["outcome"] == "template") ++json_templates;
    }
  }
  EXPECT_EQ(json_options, lines);
  EXPECT_EQ(json_templates, template_lines);
  const auto& summary = json["summary"];
  EXPECT_EQ(summary["options"], outcomes.size());
  EXPECT_EQ(summary["mapped"].get<std::size_t>() + summary["approximated"].get<std::size_t>() +
                summary["not_converted"].get<std::size_t>(),
            outcomes.size());
  EXPECT_EQ(json["diagnostics"].size(), diagnostics.all().size());
  EXPECT_NO_THROW((void)report::render_json(report));

  // The HTML: one row per line.
  const auto html = report::render_html(report);
  EXPECT_EQ(occurrences(html, "<tr class=\""), lines);
  EXPECT_EQ(occurrences(html, "<section class=\"sec"), document->sections.size());
}

TEST(ReportInvariant, EveryOptionReadAppearsExactlyOnceInTheCorpus) {
  if (!fs::is_directory(kCorpus)) {
    GTEST_SKIP() << "corpus not found at " << kCorpus
                 << "; it lives in the shared folder beside the checkout, not in the repository";
  }
  const auto inputs = corpus_inputs();
  ASSERT_FALSE(inputs.empty()) << kCorpus << " holds no .conf file";
  for (const auto& input : inputs) check_report(input);
}

}  // namespace
}  // namespace sip2pjsip::testing
