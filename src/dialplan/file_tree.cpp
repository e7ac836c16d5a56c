#include "dialplan/file_tree.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "config/reader.h"
#include "dialplan/ael_scanner.h"
#include "dialplan/conf_scanner.h"
#include "dialplan/text_utils.h"

namespace sip2pjsip::dialplan {

namespace {

std::string slice(const std::string& text, Span span) {
  return text.substr(span.begin, span.size());
}

}  // namespace

std::vector<IncludeLine> conf_includes(const std::string& raw) {
  std::vector<IncludeLine> includes;
  for (const auto& line : read_conf_lines(raw)) {
    const auto& text = line.text.text();
    const auto entry = classify(text);
    if (!entry || entry->kind != ConfEntry::Kind::directive) continue;
    const std::string keyword = slice(text, entry->name);
    if (!iequal(keyword, "include") && !iequal(keyword, "tryinclude") && !iequal(keyword, "exec")) {
      continue;
    }
    IncludeLine include;
    include.line = line.line;
    include.keyword = keyword;
    include.argument = slice(text, entry->value);
    include.raw = Span{line.text.raw_offset(entry->whole.begin),
                       line.text.raw_offset(entry->whole.end - 1) + 1};
    includes.push_back(std::move(include));
  }
  return includes;
}

// The file's edits in order; an overlap (a rule mistake) is dropped and reported rather than

namespace {

std::string resolve(const std::string& config_dir, const std::string& name) {
  if (name.empty() || name.front() == '/' || config_dir.empty()) return name;
  return (std::filesystem::path(config_dir) / name).lexically_normal().string();
}

// The section each file starts in. Within a file a section header opens a section; an #include
// reads its files in the section the configuration is in at that moment (the last one opened,
// possibly in an earlier included file), and the lines after the #include go on in the
// includer's own section.
void assign_sections(DialplanTree& tree) {
  std::string current;  // the configuration's current section
  std::vector<bool> done(tree.files.size(), false);
  std::function<void(std::size_t)> scan = [&](std::size_t index) {
    done[index] = true;
    auto& file = tree.files[index];
    file.section = current;
    std::size_t next_include = 0;
    for (const auto& line : read_conf_lines(file.original)) {
      const auto& text = line.text.text();
      const auto entry = classify(text);
      if (!entry) continue;
      if (entry->kind == ConfEntry::Kind::section) {
        current = slice(text, entry->name);
      } else if (entry->kind == ConfEntry::Kind::directive) {
        while (next_include < file.includes.size() &&
               file.includes[next_include].line < line.line) {
          ++next_include;
        }
        if (next_include < file.includes.size() && file.includes[next_include].line == line.line) {
          for (const auto target : file.includes[next_include].files) {
            if (!done[target] && !tree.files[target].exec) scan(target);
          }
        }
      }
    }
  };
  if (!tree.files.empty() && !tree.files.front().exec) scan(0);
}

// Files of a .conf dialplan, as config::read_config finds them.
std::optional<DialplanTree> read_conf_tree(const std::string& main_path,
                                           const config::FileSystem& files,
                                           const TreeOptions& options, FileKind kind,
                                           Diagnostics& diagnostics) {
  config::ReaderOptions reader;
  reader.config_dir = options.config_dir;
  reader.allow_exec = false;
  const auto document = config::read_config(main_path, files, reader, diagnostics);
  if (!document) return std::nullopt;

  DialplanTree tree;
  std::map<std::string, std::size_t> first_by_identity;
  for (std::size_t i = 0; i < document->files.size(); ++i) {
    const auto& source = document->files[i];
    DialplanFile file;
    file.path = source.path;
    file.kind =
        i == 0 ? kind : (kind == FileKind::queues ? FileKind::queues : FileKind::extensions);
    if (source.included_by) {
      file.included_by = document->directives.at(*source.included_by).where.file;
    }
    file.exec = source.path.rfind("#exec ", 0) == 0;
    file.first_reading = i;
    if (!file.exec) {
      const auto identity = files.identity(source.path);
      const auto [found, inserted] = first_by_identity.emplace(identity, i);
      file.first_reading = found->second;
      std::string error;
      auto content = files.read(source.path, error);
      if (!content) {
        diagnostics.report(source.path, 0, Severity::error, fmt::format("cannot read: {}", error),
                           "input-unreadable");
        return std::nullopt;
      }
      file.original = std::move(*content);
      // The directives the reader followed, matched to their lines in the file.
      auto lines = conf_includes(file.original);
      for (const auto& item : source.items) {
        if (item.kind != config::FileItem::Kind::directive) continue;
        const auto& directive = document->directives.at(item.index);
        for (auto& line : lines) {
          if (line.line != directive.where.line) continue;
          line.files.assign(directive.files.begin(), directive.files.end());
          line.argument = directive.argument;
          file.includes.push_back(line);
          break;
        }
      }
    }
    tree.files.push_back(std::move(file));
  }
  assign_sections(tree);
  return tree;
}

// Files of an AEL dialplan: `#include "file"` relative to the configuration directory, with
// glob patterns, at most 50 levels deep (res/ael/ael.flex).
class AelReader {
 public:
  AelReader(const config::FileSystem& files, const TreeOptions& options, Diagnostics& diagnostics)
      : files_(files), options_(options), diagnostics_(diagnostics) {}

  std::optional<DialplanTree> read(const std::string& main_path) {
    std::string error;
    if (files_.kind(main_path) == config::PathKind::directory) {
      diagnostics_.report(main_path, 0, Severity::error, "is a directory, not a configuration file",
                          "input-unreadable");
      return std::nullopt;
    }
    auto content = files_.read(main_path, error);
    if (!content) {
      diagnostics_.report(main_path, 0, Severity::error, fmt::format("cannot read: {}", error),
                          "input-unreadable");
      return std::nullopt;
    }
    add(main_path, std::move(*content), std::nullopt);
    return std::move(tree_);
  }

 private:
  static constexpr std::size_t kMaxDepth = 50;

  void add(const std::string& path, std::string content, std::optional<std::size_t> parent) {
    const std::size_t index = tree_.files.size();
    DialplanFile file;
    file.path = path;
    file.kind = FileKind::ael;
    file.included_by = parent;
    file.original = std::move(content);
    const auto identity = files_.identity(path);
    const auto [found, inserted] = first_by_identity_.emplace(identity, index);
    file.first_reading = found->second;
    tree_.files.push_back(std::move(file));
    active_.push_back(identity);

    const LineIndex lines(tree_.files[index].original);
    const auto items = scan_ael(tree_.files[index].original);
    for (const auto& item : items) {
      if (item.kind != AelItem::Kind::include) continue;
      const auto& original = tree_.files[index].original;
      IncludeLine include;
      include.line = lines.line_of(item.whole.begin);
      include.raw = item.whole;
      include.keyword = "include";
      include.argument = slice(original, item.name);
      const auto pattern = resolve(options_.config_dir, include.argument);
      if (active_.size() >= kMaxDepth) {
        diagnostics_.report(path, include.line, Severity::error,
                            "AEL includes nested too deeply; not followed", "dialplan-ael-include");
        tree_.files[index].includes.push_back(std::move(include));
        continue;
      }
      const auto matches = files_.expand(pattern);
      bool any = false;
      bool reported = false;
      for (const auto& match : matches) {
        const auto kind = files_.kind(match);
        if (kind == config::PathKind::missing) continue;
        if (kind != config::PathKind::regular) {
          diagnostics_.report(path, include.line, Severity::warning,
                              fmt::format("'{}' is not a regular file; not read", match),
                              "dialplan-ael-include");
          reported = true;
          continue;
        }
        const auto match_identity = files_.identity(match);
        if (std::find(active_.begin(), active_.end(), match_identity) != active_.end()) {
          diagnostics_.report(path, include.line, Severity::error,
                              fmt::format("'{}' includes itself; not followed", match),
                              "dialplan-ael-include");
          reported = true;
          continue;
        }
        std::string error;
        auto content = files_.read(match, error);
        if (!content) {
          diagnostics_.report(path, include.line, Severity::error,
                              fmt::format("cannot read '{}': {}", match, error),
                              "dialplan-ael-include");
          reported = true;
          continue;
        }
        any = true;
        include.files.push_back(tree_.files.size());
        add(match, std::move(*content), index);
      }
      if (!any && !reported) {
        diagnostics_.report(path, include.line, Severity::warning,
                            fmt::format("#include \"{}\": no such file; AEL skips it", pattern),
                            "dialplan-ael-include");
      }
      tree_.files[index].includes.push_back(std::move(include));
    }
    active_.pop_back();
  }

  const config::FileSystem& files_;
  const TreeOptions& options_;
  Diagnostics& diagnostics_;
  DialplanTree tree_;
  std::map<std::string, std::size_t> first_by_identity_;
  std::vector<std::string> active_;
};

}  // namespace

std::optional<DialplanTree> read_dialplan_tree(const std::string& main_path,
                                               const config::FileSystem& files,
                                               const TreeOptions& options,
                                               Diagnostics& diagnostics) {
  const FileKind kind = kind_of(main_path);
  if (kind == FileKind::ael) return AelReader(files, options, diagnostics).read(main_path);
  return read_conf_tree(main_path, files, options, kind, diagnostics);
}

}  // namespace sip2pjsip::dialplan
