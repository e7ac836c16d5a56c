#include "convert/output_layout.h"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string_view>

#include <fmt/format.h>

#include "pjsip/writer.h"
#include "util/file_names.h"
#include "util/parallel.h"

namespace sip2pjsip::convert {

namespace {

namespace fs = std::filesystem;

// The output name of each input file; a file read twice maps to its first reading.
class FileNames {
 public:
  FileNames(const config::Document& document, const LayoutOptions& options) {
    const fs::path directory = fs::path(options.output_path).parent_path();
    std::set<std::string> taken;
    for (std::uint32_t i = 0; i < document.files.size(); ++i) {
      const auto& path = document.files[i].path;
      const auto key = identity(path, options);
      if (auto first = first_reading_.find(key); first != first_reading_.end()) {
        canonical_.push_back(first->second);
        names_.push_back(names_[first->second]);
        continue;
      }
      first_reading_.emplace(key, i);
      canonical_.push_back(i);
      // The main output is the name asked for; the others are #included by their names.
      std::string name =
          i == 0 ? options.output_path
                 : (directory / includable_file_name(options.prefix + base_name(path))).string();
      names_.push_back(unique_file_name(name, taken));
    }
    // A #tryinclude that found nothing stays optional under a name of its own, which no
    // converted file has: `#tryinclude pjsip_office.conf` would pull in another converted file
    // (twice) or the file itself (a cycle Asterisk refuses). A pattern is not kept at all: it
    // would match the converted files.
    for (std::uint32_t d = 0; d < document.directives.size(); ++d) {
      const auto& directive = document.directives[d];
      if (directive.kind != config::DirectiveKind::tryinclude || !directive.followed ||
          !directive.files.empty() ||
          directive.argument.find_first_of("*?[{") != std::string::npos) {
        continue;
      }
      const auto name =
          (directory / includable_file_name(options.prefix + base_name(directive.argument)))
              .string();
      tryinclude_names_.emplace(d, fs::path(unique_file_name(name, taken)).filename().string());
    }
  }

  // The name a #tryinclude that found nothing keeps (by its index in Document::directives), or
  // null when it is not kept.
  const std::string* tryinclude_name(std::uint32_t directive) const {
    const auto found = tryinclude_names_.find(directive);
    return found == tryinclude_names_.end() ? nullptr : &found->second;
  }

  const std::string& name(std::uint32_t file) const { return names_[file]; }
  std::uint32_t canonical(std::uint32_t file) const { return canonical_[file]; }
  bool is_first_reading(std::uint32_t file) const { return canonical_[file] == file; }

  // Two paths of one file have one identity; an #exec is known by its command line.
  static std::string identity(const std::string& path, const LayoutOptions& options) {
    if (path.rfind("#exec ", 0) == 0) return path;
    if (options.identity) return options.identity(path);
    return fs::path(path).lexically_normal().string();
  }

  // An #exec stands in the file list as "#exec command"; its output is named after the program.
  static std::string base_name(const std::string& path) {
    if (path.rfind("#exec ", 0) == 0) {
      std::string program = path.substr(6);
      program = program.substr(0, program.find(' '));
      return "exec_" + fs::path(program).filename().string() + ".conf";
    }
    return fs::path(path).filename().string();
  }

 private:
  std::map<std::string, std::uint32_t> first_reading_;  // by identity
  std::vector<std::uint32_t> canonical_;
  std::vector<std::string> names_;
  std::map<std::uint32_t, std::string> tryinclude_names_;
};

std::string include_name(const FileNames& names, std::uint32_t file) {
  return fs::path(names.name(file)).filename().string();
}

// `unmapped`: the outcomes of this output's lines that are not mapped, in ledger order.
std::string header(const config::Document& document, const Ledger& ledger,
                   const std::vector<const OptionOutcome*>& unmapped, std::uint32_t file,
                   const LayoutOptions& options) {
  std::string out = fmt::format("; Converted from {} by {}. Objects keep the sip.conf names.\n",
                                one_line(document.files[file].path), options.generator);
  std::string lines;
  std::size_t count = 0;
  ShownOnce listed;  // by line and reason: a file read twice lists its line once
  for (const auto* outcome : unmapped) {
    const auto& where = outcome->variable->where();
    const auto detail = outcome->stored_detail();  // not mapped, so not deferred
    if (!listed.first(config::Location{file, where.line}, detail)) continue;
    fmt::format_to(std::back_inserter(lines), ";   {}:{}: [{}] {} = {}: {}: {}\n",
                   one_line(document.path_of(where)), where.line, ledger.section_of(*outcome).name,
                   outcome->variable->name, outcome->variable->value, to_string(outcome->outcome),
                   detail);
    ++count;
  }
  if (count == 0) return out + "\n";
  out += ";\n; Non mapped elements (" + std::to_string(count) +
         "): settings not converted, or converted only approximately.\n";
  out += lines;
  return out + ";\n\n";
}

// The objects of each section, in the order they were made, and those of no section: one flat
// array ordered by section (a counting sort), where a map of vectors allocated for every peer.
class ObjectsBySection {
 public:
  ObjectsBySection(const pjsip::Config& config, std::size_t sections) : first_(sections + 1, 0) {
    for (const auto& object : config.objects) {
      if (!object.origin) {
        unplaced_.push_back(&object);
      } else if (*object.origin < sections) {
        ++first_[*object.origin + 1];
      }
    }
    for (std::size_t i = 1; i < first_.size(); ++i) first_[i] += first_[i - 1];
    objects_.resize(first_.back());
    auto next = first_;
    for (const auto& object : config.objects) {
      if (object.origin && *object.origin < sections) objects_[next[*object.origin]++] = &object;
    }
  }

  std::span<const pjsip::Object* const> of(std::uint32_t section) const {
    return {objects_.data() + first_[section], objects_.data() + first_[section + 1]};
  }
  const std::vector<const pjsip::Object*>& unplaced() const { return unplaced_; }

 private:
  std::vector<std::size_t> first_;  // objects of section s: objects_[first_[s], first_[s + 1])
  std::vector<const pjsip::Object*> objects_;
  std::vector<const pjsip::Object*> unplaced_;
};

std::string directive_lines(const FileNames& names, const config::Document& document,
                            std::uint32_t index) {
  const auto& directive = document.directives[index];
  const char* keyword = config::to_string(directive.kind);
  if (!directive.followed) {
    if (directive.kind == config::DirectiveKind::exec) {
      return fmt::format("; #exec {}: not run, so nothing was converted from it\n",
                         directive.argument);
    }
    return fmt::format("; #{} {}: not followed (see the diagnostics)\n", keyword,
                       directive.argument);
  }
  if (directive.files.empty()) {
    if (directive.kind == config::DirectiveKind::tryinclude) {
      // Keep the optional include optional: a converted file may be put there later.
      if (const auto* name = names.tryinclude_name(index)) {
        return fmt::format("#tryinclude {}\n", *name);
      }
      return fmt::format(
          "; #tryinclude {}: matched no file when converting; not kept, as the pattern would "
          "match the converted files\n",
          one_line(directive.argument));
    }
    return fmt::format("; #include {}: no such file when converting\n", directive.argument);
  }
  std::string out;
  for (const auto file : directive.files) {
    if (!names.is_first_reading(file)) {
      out += fmt::format("; #include {}: already included above; each object is written once\n",
                         include_name(names, file));
      continue;
    }
    // #exec output is converted into a plain file, so it is #included like any other.
    const char* written = directive.kind == config::DirectiveKind::exec ? "include" : keyword;
    out += fmt::format("#{} {}\n", written, include_name(names, file));
  }
  return out;
}

// What every output file's rendering shares. Built once; the plans hold it.
struct Layout {
  Layout(const config::Document& document, const Conversion& conversion,
         const LayoutOptions& options)
      : document(document),
        ledger(conversion.ledger),
        options(options),
        names(document, options),
        objects(conversion.config, document.sections.size()),
        unmapped(document.files.size()),
        many_objects(conversion.config.objects.size() >= kObjectsWorthThreads) {
    // One pass over the ledger for every output file's header.
    for (const auto& outcome : conversion.ledger.outcomes()) {
      if (outcome.outcome == Outcome::mapped) continue;
      unmapped[names.canonical(outcome.variable->where().file)].push_back(&outcome);
    }
  }

  // Renders output `file` to `sink` in pieces of about kPiece bytes.
  void render(std::uint32_t file, const TextSink& sink) const;

  // Rendering a few objects is not worth a thread.
  static constexpr std::size_t kObjectsWorthThreads = 10000;
  // Objects rendered per piece: a few megabytes of text, split over the cores.
  static constexpr std::size_t kObjectsPerPiece = 20000;

  const config::Document& document;
  const Ledger& ledger;
  const LayoutOptions options;
  const FileNames names;
  const ObjectsBySection objects;
  std::vector<std::vector<const OptionOutcome*>> unmapped;
  const bool many_objects;
};

void Layout::render(std::uint32_t file, const TextSink& sink) const {
  sink(header(document, ledger, unmapped[file], file, options));
  // The file's objects in order, each #include standing between them as a directive index.
  struct Item {
    const pjsip::Object* object;
    std::uint32_t directive;
  };
  std::vector<Item> items;
  if (file == 0) {
    for (const auto* object : objects.unplaced()) items.push_back({object, 0});
  }
  for (const auto& item : document.files[file].items) {
    if (item.kind == config::FileItem::Kind::section) {
      for (const auto* object : objects.of(item.index)) items.push_back({object, 0});
    } else {
      items.push_back({nullptr, item.index});
    }
  }
  const auto parts = many_objects ? part_count(kObjectsPerPiece, kObjectsPerPiece / 4) : 1;
  std::vector<std::string> texts(parts);
  for (std::size_t first = 0; first < items.size(); first += kObjectsPerPiece) {
    const auto count = std::min(kObjectsPerPiece, items.size() - first);
    for_each_part(count, parts, [&](std::size_t part, std::size_t begin, std::size_t end) {
      auto& text = texts[part];
      text.clear();  // keeps its capacity: the pages are reused, piece after piece
      for (auto i = first + begin; i < first + end; ++i) {
        if (items[i].object) {
          pjsip::render_to(text, *items[i].object);
        } else {
          text += directive_lines(names, document, items[i].directive);
        }
      }
    });
    for (const auto& text : texts) sink(text);
  }
}

}  // namespace

std::vector<OutputPlan> plan_outputs(const config::Document& document, const Conversion& conversion,
                                     const LayoutOptions& options) {
  const auto layout = std::make_shared<const Layout>(document, conversion, options);
  std::vector<OutputPlan> plans;
  for (std::uint32_t file = 0; file < document.files.size(); ++file) {
    if (!layout->names.is_first_reading(file)) continue;  // each file read once, in order
    plans.push_back(
        OutputPlan{layout->names.name(file), file,
                   [layout, file](const TextSink& sink) { layout->render(file, sink); }});
  }
  return plans;
}

std::vector<OutputFile> lay_out(const config::Document& document, const Conversion& conversion,
                                const LayoutOptions& options) {
  std::vector<OutputFile> outputs;
  for (auto& plan : plan_outputs(document, conversion, options)) {
    std::string content;
    plan.render([&content](std::string_view piece) { content += piece; });
    outputs.push_back(OutputFile{std::move(plan.path), std::move(content), plan.source_file});
  }
  return outputs;
}

}  // namespace sip2pjsip::convert
