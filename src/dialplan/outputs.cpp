#include "dialplan/outputs.h"

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "util/file_names.h"

namespace sip2pjsip::dialplan {

namespace {

namespace fs = std::filesystem;

}  // namespace

std::vector<DialplanOutput> plan_outputs(const DialplanTree& tree, const OutputOptions& options) {
  std::vector<DialplanOutput> outputs;
  if (options.mode == OutputMode::in_place) {
    for (std::size_t i = 0; i < tree.files.size(); ++i) {
      const auto& file = tree.files[i];
      if (file.exec || file.first_reading != i || !file.result.changed()) continue;
      outputs.push_back(DialplanOutput{i, file.path, file.result.text, true, true});
    }
    return outputs;
  }

  // Output names, one per file read (a second reading shares the first one's).
  std::vector<std::string> names(tree.files.size());
  std::set<std::string> taken;
  const fs::path directory = fs::path(options.output_path).parent_path();
  for (std::size_t i = 0; i < tree.files.size(); ++i) {
    const auto& file = tree.files[i];
    if (file.exec) continue;
    if (file.first_reading != i) {
      names[i] = names[file.first_reading];
      continue;
    }
    names[i] =
        i == 0
            ? unique_file_name(options.output_path, taken)
            : unique_file_name(
                  (directory / (options.prefix + fs::path(file.path).filename().string())).string(),
                  taken);
  }

  for (std::size_t i = 0; i < tree.files.size(); ++i) {
    const auto& file = tree.files[i];
    if (file.exec || file.first_reading != i) continue;
    auto edits = file.result.edits;
    for (const auto& include : file.includes) {
      if (include.files.empty()) continue;  // a missing #tryinclude, an #exec not run
      std::string lines;
      bool exec = false;
      for (const auto target : include.files) {
        if (tree.files[target].exec) exec = true;
      }
      if (exec) continue;  // #exec output is not a file: the line stays as it is
      for (const auto target : include.files) {
        if (!lines.empty()) lines += '\n';
        const std::string name = fs::path(names[target]).filename().string();
        lines += file.kind == FileKind::ael ? fmt::format("#include \"{}\"", name)
                                            : fmt::format("#{} {}", include.keyword, name);
      }
      edits.push_back(RawEdit{include.raw.begin, include.raw.end, lines});
    }
    drop_overlapping(edits);  // include lines never overlap a rewrite; this only guards
    auto content = apply_edits(file.original, edits);
    const bool changed = content != file.original;
    outputs.push_back(DialplanOutput{i, names[i], std::move(content), changed, false});
  }
  return outputs;
}

}  // namespace sip2pjsip::dialplan
