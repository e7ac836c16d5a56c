#include "dialplan/rewriter.h"

#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "dialplan/ael_scanner.h"
#include "dialplan/conf_scanner.h"
#include "dialplan/engine.h"
#include "dialplan/file_tree.h"
#include "dialplan/text_utils.h"

namespace sip2pjsip::dialplan {

namespace {

struct Source {
  std::size_t index = 0;
  std::string path;
  FileKind kind = FileKind::extensions;
  const std::string* raw = nullptr;
  std::string section;  // the section the file starts in
};

std::string slice(const std::string& text, Span span) {
  return text.substr(span.begin, span.size());
}

// "SIP/name" with nothing after the name: a variable holding a channel technology and peer.
std::optional<std::string> plain_channel(const std::string& value) {
  if (value.size() <= 4 || !iequal(value.substr(0, 4), "SIP/")) return std::nullopt;
  if (value.find_first_of("/@!&,$", 4) != std::string::npos) return std::nullopt;
  return value;
}

// applied.
void settle(std::vector<RawEdit>& edits, const std::string& path, const std::string& raw,
            Diagnostics& diagnostics) {
  const LineIndex lines(raw);
  for (const auto& dropped : drop_overlapping(edits)) {
    diagnostics.report(path, lines.line_of(dropped.begin), Severity::error,
                       fmt::format("internal error: two rewrites overlap here; '{}' was not "
                                   "applied, please report this line",
                                   dropped.replacement),
                       "dialplan-internal");
  }
}

class Run {
 public:
  Run(const EndpointDirectory& endpoints, const RewriteOptions& options, Diagnostics& diagnostics)
      : options_(options),
        diagnostics_(diagnostics),
        engine_(endpoints, options_, diagnostics, state_) {}

  // First pass: what a rule needs to know of the whole dialplan before rewriting any line.
  void collect(const Source& source) {
    if (source.kind == FileKind::extensions) {
      for_each_conf_statement(
          source, [&](const ConfLine& line, const std::string& section, const ConfEntry& entry,
                      const std::optional<ExtensionLine>& extension) {
            const auto& text = line.text.text();
            if (!extension) {
              if (iequal(section, "globals")) note_channel_variable(text, entry.name, entry.value);
              return;
            }
            if (extension->hint || !extension->data || !extension->closed) return;
            const std::string app = slice(text, extension->application);
            if (iequal(app, "Set")) {
              const std::string data = slice(text, *extension->data);
              const auto equals = data.find('=');
              if (equals != std::string::npos) {
                if (plain_channel(data.substr(equals + 1))) {
                  std::string name = data.substr(0, equals);
                  while (!name.empty() && name.front() == '_') name.erase(0, 1);
                  state_.channel_variables.insert(name);
                }
              }
            }
            if (!iequal(app, "SIPAddHeader")) return;
            HeaderSite site = parse_header_site(slice(text, *extension->data));
            site.file = source.index;
            site.raw = line.text.raw_offset(extension->call.begin);
            if (site.usable) site.number = ++usable_sites_;
            state_.header_sites.push_back(std::move(site));
          });
    } else if (source.kind == FileKind::ael) {
      for (const auto& item : scan_ael(*source.raw)) {
        if (item.kind != AelItem::Kind::assignment) continue;
        if (plain_channel(slice(*source.raw, item.args))) {
          state_.channel_variables.insert(slice(*source.raw, item.name));
        }
      }
    }
  }

  std::vector<RawEdit> rewrite(const Source& source) {
    std::vector<RawEdit> edits;
    const LineIndex lines(*source.raw);
    if (source.kind == FileKind::ael) {
      Engine::Text text;
      text.file = source.index;
      text.path = source.path;
      text.text = source.raw;
      text.raw_of = [](std::size_t pos) { return pos; };
      text.line_of = [&lines](std::size_t pos) { return lines.line_of(pos); };
      text.tokens.quotes = false;
      text.ael = true;
      engine_.start(text);
      const auto& raw = *source.raw;
      for (const auto& item : scan_ael(raw)) {
        const std::string name = slice(raw, item.name);
        if (item.kind == AelItem::Kind::assignment) {
          engine_.assignment(item.name, item.args);
        } else if (item.kind == AelItem::Kind::call) {
          if (iequal(name, "if") || iequal(name, "while") || iequal(name, "switch") ||
              iequal(name, "random")) {
            engine_.condition(item.args);
          } else if (iequal(name, "hint")) {
            engine_.hint(item.args);
          } else if (iequal(name, "for") || iequal(name, "ifTime")) {
            engine_.data(item.args);
          } else {
            engine_.application(item.name, item.args, item.whole, item.closed);
          }
        }
      }
      for (auto& edit : engine_.finish()) {
        edits.push_back(RawEdit{edit.begin, edit.end, std::move(edit.replacement)});
      }
      engine_.end_of_file();
      return edits;
    }

    for_each_conf_statement(
        source,
        [&](const ConfLine& line, const std::string& section, const ConfEntry& entry,
            const std::optional<ExtensionLine>& extension) {
          Engine::Text text;
          text.file = source.index;
          text.path = source.path;
          text.text = &line.text.text();
          text.raw_of = [&line](std::size_t pos) { return line.text.raw_offset(pos); };
          text.line_of = [&line, &lines](std::size_t pos) {
            return pos < line.text.size() ? lines.line_of(line.text.raw_offset(pos)) : line.line;
          };
          engine_.start(text);
          const auto& value = line.text.text();
          if (source.kind == FileKind::queues) {
            if (iequal(slice(value, entry.name), "member")) engine_.queue_member(entry.value);
          } else if (!extension) {
            if (iequal(section, "globals")) engine_.assignment(entry.name, entry.value);
          } else {
            if (!extension->extension.empty()) {
              engine_.set_extension(section + '\n' + slice(value, extension->extension));
            }
            if (extension->hint) {
              engine_.hint(Span{extension->application.begin, entry.value.end});
            } else {
              engine_.application(extension->application, extension->data, extension->call,
                                  extension->closed);
            }
          }
          for (const auto& edit : engine_.finish()) {
            if (auto raw = line.text.to_raw(edit, *source.raw)) {
              edits.push_back(std::move(*raw));
            } else {
              diagnostics_.report(
                  source.path, line.line, Severity::warning,
                  fmt::format("a block comment lies inside '{}', so it is not "
                              "rewritten to '{}'; left as it is",
                              slice(value, Span{edit.begin, edit.end}), edit.replacement),
                  "dialplan-comment-inside");
            }
          }
        },
        [&]() { engine_.set_extension(""); });
    engine_.end_of_file();
    return edits;
  }

  // The context appended to the main file when SIPAddHeader calls now rely on it.
  std::optional<std::string> handler_context() const {
    if (!state_.handler_needed) return std::nullopt;
    std::vector<const HeaderSite*> sites;
    for (const auto& site : state_.header_sites) {
      if (site.usable) sites.push_back(&site);
    }
    std::string out = fmt::format(
        "\n"
        "; Added by sip2pjsip. chan_sip's SIPAddHeader() put its header on the outgoing call;\n"
        "; each SIPAddHeader now keeps the header value in an inherited variable\n"
        "; ({}<n>), and the Dial, Queue or Page after it runs this pre-dial handler (option b)\n"
        "; on the outgoing channel, which adds the headers with PJSIP_HEADER(add,...).\n"
        "[{}]\n"
        "exten => s,1,GotoIf($[\"${{CHANNEL(channeltype)}}\" != \"PJSIP\"]?done)\n",
        kHeaderVariablePrefix, kHeaderHandlerContext);
    for (std::size_t i = 0; i < sites.size(); ++i) {
      const auto number = sites[i]->number;
      const std::string next =
          i + 1 < sites.size() ? fmt::format("h{}", sites[i + 1]->number) : "done";
      out += fmt::format(" same => n(h{}),GotoIf($[${{LEN(${{{}{}}})}} = 0]?{})\n", number,
                         kHeaderVariablePrefix, number, next);
      out += fmt::format(" same => n,Set(PJSIP_HEADER(add,{})=${{{}{}}})\n", sites[i]->name,
                         kHeaderVariablePrefix, number);
    }
    out += " same => n(done),Return()\n";
    return out;
  }

 private:
  using StatementFn = std::function<void(const ConfLine&, const std::string& section,
                                         const ConfEntry&, const std::optional<ExtensionLine>&)>;

  // Every variable line of a .conf file, with the section it is in and, for `exten =>` and
  // `same =>` in a context, the line split by pbx_config's rules.
  void for_each_conf_statement(const Source& source, const StatementFn& statement,
                               const std::function<void()>& new_section = {}) {
    std::string section = source.section;
    for (const auto& line : read_conf_lines(*source.raw)) {
      const auto& text = line.text.text();
      const auto entry = classify(text);
      if (!entry) continue;
      if (entry->kind == ConfEntry::Kind::section) {
        section = slice(text, entry->name);
        if (new_section) new_section();
        continue;
      }
      if (entry->kind != ConfEntry::Kind::variable) continue;
      std::optional<ExtensionLine> extension;
      if (source.kind == FileKind::extensions && !iequal(section, "general") &&
          !iequal(section, "globals")) {
        const std::string name = slice(text, entry->name);
        if (iequal(name, "exten")) {
          extension = parse_extension(text, entry->value, false);
          if (!extension) continue;
        } else if (name.size() >= 4 && iequal(name.substr(0, 4), "same")) {
          extension = parse_extension(text, entry->value, true);
          if (!extension) continue;
        } else {
          continue;  // include =>, switch =>, ignorepat =>
        }
      }
      statement(line, section, *entry, extension);
    }
  }

  void note_channel_variable(const std::string& text, Span name, Span value) {
    if (plain_channel(slice(text, value))) state_.channel_variables.insert(slice(text, name));
  }

  RewriteOptions options_;
  Diagnostics& diagnostics_;
  RunState state_;
  Engine engine_;
  std::size_t usable_sites_ = 0;
};

}  // namespace

FileKind kind_of(const std::string& path) {
  const std::filesystem::path p(path);
  std::string extension = p.extension().string();
  std::string name = p.filename().string();
  for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".ael") return FileKind::ael;
  if (name.rfind("queues", 0) == 0 && extension == ".conf") return FileKind::queues;
  return FileKind::extensions;
}

RewriteResult rewrite_dialplan(const std::string& path, const std::string& text,
                               const EndpointDirectory& endpoints, Diagnostics& diagnostics,
                               const RewriteOptions& options) {
  return rewrite_dialplan(path, text, kind_of(path), endpoints, diagnostics, options);
}

RewriteResult rewrite_dialplan(const std::string& path, const std::string& text, FileKind kind,
                               const EndpointDirectory& endpoints, Diagnostics& diagnostics,
                               const RewriteOptions& options) {
  Run run(endpoints, options, diagnostics);
  const Source source{0, path, kind, &text, ""};
  run.collect(source);
  RewriteResult result;
  result.edits = run.rewrite(source);
  if (const auto handler = run.handler_context()) {
    const std::string separator = !text.empty() && text.back() != '\n' ? "\n" : "";
    result.edits.push_back(RawEdit{text.size(), text.size(), separator + *handler});
  }
  settle(result.edits, path, text, diagnostics);
  result.text = apply_edits(text, result.edits);
  return result;
}

std::optional<DialplanTree> rewrite_dialplan_files(const std::string& main_path,
                                                   const config::FileSystem& files,
                                                   const TreeOptions& options,
                                                   const EndpointDirectory& endpoints,
                                                   Diagnostics& diagnostics) {
  auto tree = read_dialplan_tree(main_path, files, options, diagnostics);
  if (!tree) return std::nullopt;

  Run run(endpoints, options.rewrite, diagnostics);
  auto sources = [&]() {
    std::vector<Source> list;
    for (std::size_t i = 0; i < tree->files.size(); ++i) {
      const auto& file = tree->files[i];
      if (file.exec || file.first_reading != i) continue;
      list.push_back(Source{i, file.path, file.kind, &file.original, file.section});
    }
    return list;
  }();
  for (const auto& source : sources) run.collect(source);
  for (const auto& source : sources) tree->files[source.index].result.edits = run.rewrite(source);
  auto& main = tree->files.front();
  if (const auto handler = run.handler_context(); handler && !main.exec) {
    const std::string separator =
        !main.original.empty() && main.original.back() != '\n' ? "\n" : "";
    main.result.edits.push_back(
        RawEdit{main.original.size(), main.original.size(), separator + *handler});
  }
  for (auto& file : tree->files) {
    if (file.first_reading != static_cast<std::size_t>(&file - tree->files.data())) {
      file.result = tree->files[file.first_reading].result;
      continue;
    }
    settle(file.result.edits, file.path, file.original, diagnostics);
    file.result.text = apply_edits(file.original, file.result.edits);
  }
  return tree;
}

}  // namespace sip2pjsip::dialplan
