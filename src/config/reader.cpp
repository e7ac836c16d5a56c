#include "config/reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <regex.h>

#include <fmt/format.h>

#include "config/comment_filter.h"
#include "config/regex_cost.h"
#include "config/sections_by_name.h"
#include "util/ascii.h"

namespace sip2pjsip::config {

namespace {

// Asterisk stops reading a file at its first error, and refuses the whole config when that file
// is the main one. To report every problem in one run, the reader goes on instead: a line with
// an error is left out, except that a section header naming a missing base, or a missing
// section to add to with (+), still starts its section, without that base or as a new one. An
// include that fails loads nothing.
constexpr const char* kRejected = "; Asterisk refuses to load a file with this error";

// ast_strip(): every byte below 33 counts as blank.
std::string_view strip(std::string_view text) {
  auto blank = [](char c) { return static_cast<unsigned char>(c) < 33; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

bool is_absolute(const std::string& path) {
  return !path.empty() && path.front() == '/';
}

// The state one config_text_file_load() call keeps: the category lines go to, the
// block-comment depth and the line counter. Files expanded from one glob share it, as in
// Asterisk, so a comment left open in one file swallows the start of the next, and only the
// very first line read drops a UTF-8 BOM (the counter is not reset between the files).
struct LoadState {
  std::optional<std::uint32_t> category;
  CommentFilter comments;
  std::uint32_t file = 0;
  bool first_line = true;
  int line_count = 0;  // the line number given to `comments`, from 1
  // Where the block comments still open began, as comments.open_lines(), outermost first.
  std::vector<Location> open_comments;
};

// Thrown when the input exceeds one of the limits in reader.h; read_main() reports it.
struct TooLarge {
  std::string what;
};

// A compiled POSIX extended regular expression, as Asterisk's category filters use.
class Regex {
 public:
  explicit Regex(const std::string& pattern)
      : ok_(regcomp(&regex_, pattern.c_str(), REG_EXTENDED | REG_NOSUB) == 0) {}
  ~Regex() {
    if (ok_) regfree(&regex_);
  }
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  bool ok() const { return ok_; }
  bool search(std::string_view text) const {
    return regexec(&regex_, std::string(text).c_str(), 0, nullptr, 0) == 0;
  }

 private:
  regex_t regex_{};
  bool ok_;
};

// What one fgets() into config_text_file_load()'s 8 KiB buffer returns: the bytes up to and
// including the next newline, but no more than kMaxLineBytes + 1 of them. The newline is only
// looked for within those bytes, so a line of 100 MB costs one pass, not one per chunk.
std::string_view next_chunk(const std::string& content, std::size_t& pos) {
  const std::string_view window =
      std::string_view(content).substr(pos, std::min(content.size() - pos, kMaxLineBytes + 1));
  const auto newline = window.find('\n');
  const auto end = pos + (newline == std::string_view::npos ? window.size() : newline + 1);
  const std::string_view chunk(content.data() + pos, end - pos);
  pos = end;
  return chunk;
}

// What Asterisk's string functions see of a chunk: it ends at the first NUL byte.
std::string_view c_string(std::string_view chunk) {
  return chunk.substr(0, chunk.find('\0'));
}

// The chunk filled the buffer without reaching its newline: Asterisk skips the line.
bool fills_buffer(std::string_view chunk) {
  const auto text = c_string(chunk);
  return text.size() == kMaxLineBytes + 1 && text.back() != '\n';
}

class Reader {
 public:
  Reader(const FileSystem& files, const ReaderOptions& options, Diagnostics& diagnostics)
      : files_(files), options_(options), diagnostics_(diagnostics) {}

  std::optional<Document> read_main(const std::string& path) {
    const auto kind = files_.kind(path);
    if (kind == PathKind::directory) {
      diagnostics_.report(path, 0, Severity::error, "is a directory, not a configuration file",
                          "input-unreadable");
      return std::nullopt;
    }
    // A FIFO, a socket or a device may never end (Asterisk ignores them too).
    if (kind == PathKind::other) {
      diagnostics_.report(path, 0, Severity::error,
                          "is not a regular file (a FIFO, socket or device); not read",
                          "input-unreadable");
      return std::nullopt;
    }
    std::string error;
    auto content = files_.read(path, error);
    if (!content) {
      diagnostics_.report(path, 0, Severity::error, fmt::format("cannot read: {}", error),
                          "input-unreadable");
      return std::nullopt;
    }
    try {
      LoadState state;
      state.file = add_file(path, std::nullopt);
      count_input(path, content->size());
      active_.push_back(files_.identity(path));
      seen_.insert(active_.back());
      parse(*content, state);
      finish(state);
    } catch (const TooLarge& too_large) {
      report_suppressed();
      diagnostics_.report(path, 0, Severity::error,
                          fmt::format("the configuration is too large to convert safely: {}; "
                                      "nothing converted",
                                      too_large.what),
                          "config-too-large");
      return std::nullopt;
    }
    report_suppressed();
    // A peer's lines are its template's, copied in one allocation, and then its own, which
    // double that: room for a dozen more lines per peer, a gigabyte at a million peers.
    for (auto& section : document_.sections) section.variables.shrink_to_fit();
    return std::move(document_);
  }

 private:
  std::uint32_t add_file(const std::string& path, std::optional<std::uint32_t> directive) {
    store(sizeof(SourceFile) + path.size());
    document_.files.push_back(SourceFile{path, directive, {}});
    return static_cast<std::uint32_t>(document_.files.size() - 1);
  }

  // Counts a file read (included again, or printed by #exec) against the limits.
  void count_input(const std::string& path, std::size_t bytes) {
    input_bytes_ += bytes;
    if (input_bytes_ > limits_.input_bytes) {
      throw TooLarge{fmt::format("the files read, '{}' last, add up to more than {} MiB", path,
                                 limits_.input_bytes >> 20)};
    }
    if (++file_loads_ > limits_.file_loads) {
      throw TooLarge{
          fmt::format("more than {} files are read ('{}' last; a file included "
                      "again counts again)",
                      limits_.file_loads, path)};
    }
  }

  // Counts what the document keeps (a setting, a section, a file, an include) against the
  // limits: templates copy their settings into every section made from them.
  void store(std::size_t bytes) {
    stored_bytes_ += bytes;
    const auto allowed =
        std::max(limits_.stored_bytes, limits_.stored_bytes_per_input_byte * input_bytes_);
    if (stored_bytes_ > allowed) {
      throw TooLarge{
          fmt::format("its sections and settings, with the copies templates make, "
                      "take more than {} MiB",
                      allowed >> 20)};
    }
  }

  void store(const Variable& variable) {
    store(sizeof(Variable) + variable.name.size() + variable.value.size());
  }

  void look_up(std::size_t steps) {
    lookup_steps_ += steps;
    if (lookup_steps_ > limits_.lookup_steps) {
      throw TooLarge{
          fmt::format("finding the targets of '+=' and '(+)' takes more than {} "
                      "comparisons",
                      limits_.lookup_steps)};
    }
  }

  void report(const Location& where, Severity severity, std::string message, const char* code) {
    // A file of millions of bad lines would make millions of findings: past kMaxFindingsPerCode
    // of one code, they are only counted.
    auto& tally = tallies_[code];
    if (++tally.reported > kMaxFindingsPerCode) {
      tally.worst = std::max(tally.worst, severity);
      if (tally.first_file.empty()) tally.first_file = document_.path_of(where);
      return;
    }
    diagnostics_.report(document_.path_of(where), where.line, severity, std::move(message), code);
  }

  void report_suppressed() {
    for (const auto& [code, tally] : tallies_) {
      if (tally.reported <= kMaxFindingsPerCode) continue;
      diagnostics_.report(tally.first_file, 0, tally.worst,
                          fmt::format("{} more findings like the {} above are not listed",
                                      tally.reported - kMaxFindingsPerCode, kMaxFindingsPerCode),
                          code);
    }
    tallies_.clear();
  }

  // Reads the lines as config_text_file_load() does with fgets(): a line that does not fit the
  // buffer is skipped whole, and one with a NUL byte ends there. A NUL byte also hides the
  // length of the line from Asterisk, so the bytes of such a line beyond the buffer are read as
  // a line of their own. Locations keep the physical line numbers.
  void parse(const std::string& content, LoadState& state) {
    make_room_for_sections(content);
    std::size_t pos = 0;
    std::size_t line_begin = 0;
    std::size_t line_end = 0;  // of the line at line_begin, once needed
    int line_number = 1;
    while (pos < content.size()) {
      const Location where{state.file, line_number};
      const bool continued = pos != line_begin;
      const auto chunk = next_chunk(content, pos);
      const bool first_line = std::exchange(state.first_line, false);
      if (fills_buffer(chunk)) {
        while (pos < content.size() && fills_buffer(next_chunk(content, pos))) {
        }
        // Found once per physical line: NUL bytes may split it into many skipped pieces.
        if (line_end < line_begin) {
          line_end = std::min(content.find('\n', line_begin), content.size());
        }
        const auto length = line_end - line_begin;
        report(where, Severity::warning,
               fmt::format("line is {} bytes long; Asterisk skips lines longer than {} bytes",
                           length, kMaxLineBytes),
               "config-line-too-long");
      } else {
        parse_line(chunk, where, continued, first_line, state);
      }
      if (content[pos - 1] == '\n') {
        line_begin = pos;
        ++line_number;
      }
    }
    // An empty file still costs Asterisk one read, so a later file of the glob keeps its BOM.
    state.first_line = false;
  }

  // Room for the sections a file is about to add, counted as the lines that start with '[' (an
  // indented or commented header is missed, a bracket in a continued value counted: a guess
  // either way). A million peers grew the section list and its name index by doubling: every
  // step copied all sections so far and hashed every name again, a tenth of the reading.
  void make_room_for_sections(std::string_view content) {
    std::size_t headers = content.starts_with('[') ? 1 : 0;
    for (auto at = content.find("\n["); at != std::string_view::npos;
         at = content.find("\n[", at + 2)) {
      ++headers;
    }
    auto& sections = document_.sections;
    const auto wanted = sections.size() + headers;
    // At least doubling, so a configuration of many small includes is not copied once per file.
    if (wanted > sections.capacity()) sections.reserve(std::max(wanted, 2 * sections.capacity()));
    sections_by_name_.reserve(wanted);
  }

  void parse_line(std::string_view chunk, const Location& where, bool continued, bool first_line,
                  LoadState& state) {
    auto line = c_string(chunk);
    if (continued) {
      report(where, Severity::warning,
             fmt::format("NUL byte in a line longer than {} bytes; Asterisk reads the bytes after "
                         "the first {} as a line of their own",
                         kMaxLineBytes, kMaxLineBytes + 1),
             "config-line-split");
    }
    if (line.size() < chunk.size()) {
      report(where, Severity::warning, "NUL byte in line; Asterisk ignores the rest of the line",
             "config-nul-byte");
    } else if (!line.empty() && line.back() == '\n') {
      line.remove_suffix(1);
    }
    if (first_line && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (line.empty()) {
      ++state.line_count;  // an empty line changes nothing else, however many there are
      return;
    }

    const auto number = ++state.line_count;
    // Most lines hold no ';' outside a block comment: the filter would give them back as they
    // are, so they skip its copies.
    if (state.comments.depth() == 0 && line.find(';') == std::string_view::npos) {
      remember_open_comments(state, number, where);
      const auto text = strip(line);
      if (!text.empty()) process_line(text, where, state);
      return;
    }
    auto filtered = state.comments.filter(std::string(line), number);
    remember_open_comments(state, number, where);
    for (auto event : filtered.events) report_comment_event(where, event);
    if (!filtered.text) return;
    const auto text = strip(*filtered.text);
    if (!text.empty()) process_line(text, where, state);
  }

  void report_comment_event(const Location& where, CommentFilter::Event event) {
    switch (event) {
      case CommentFilter::Event::stray_close:
        report(where, Severity::warning,
               "'--;' closes a block comment that is not open; Asterisk ignores every following "
               "line of this file until a ';--'",
               "config-comment-stray-close");
        break;
      case CommentFilter::Event::nesting_limit:
        report(where, Severity::error,
               fmt::format("block comments nested deeper than {}; Asterisk hangs on this line",
                           CommentFilter::kMaxNesting),
               "config-comment-too-deep");
        break;
    }
  }

  // Keeps the location of each block comment still open. The comment filter keeps their line
  // numbers as a stack: the ones this line opened are on top, above what is left of the others.
  static void remember_open_comments(LoadState& state, int number, const Location& where) {
    const auto& open = state.comments.open_lines();
    auto older = open.size();
    while (older > 0 && open[older - 1] == number) --older;
    state.open_comments.resize(std::min(older, state.open_comments.size()));
    state.open_comments.resize(open.size(), where);
  }

  // Asterisk checks for an open block comment after every file, also within a glob.
  void finish(const LoadState& state) {
    if (state.comments.depth() > 0 && !state.open_comments.empty()) {
      report(state.open_comments.back(), Severity::warning,
             "block comment ';--' is never closed; the rest of the file is ignored",
             "config-comment-unterminated");
    }
  }

  void process_line(std::string_view line, const Location& where, LoadState& state) {
    if (line.front() == '[') {
      process_section_header(line, where, state);
    } else if (line.front() == '#') {
      process_directive(line, where);
    } else {
      process_variable(line, where, state);
    }
  }

  // `[name]`, `[name](!)`, `[name](+)`, `[name](base1,base2)` and combinations.
  void process_section_header(std::string_view line, const Location& where, LoadState& state) {
    const auto close = line.find(']');
    if (close == std::string_view::npos) {
      report(where, Severity::error, fmt::format("no closing ']' in section header{}", kRejected),
             "config-unclosed-bracket");
      return;
    }
    const std::string written_name(line.substr(1, close - 1));
    std::string name = written_name;
    if (name.size() > kMaxSectionNameBytes) {
      report(where, Severity::warning,
             fmt::format("section name is longer than {} bytes; Asterisk cuts it to '{}'",
                         kMaxSectionNameBytes, name.substr(0, kMaxSectionNameBytes)),
             "config-name-truncated");
      name.resize(kMaxSectionNameBytes);
    }
    std::string_view rest = line.substr(close + 1);
    std::optional<std::string_view> options;
    if (!rest.empty() && rest.front() == '(') {
      const auto paren = rest.find(')');
      if (paren == std::string_view::npos) {
        report(where, Severity::error,
               fmt::format("no closing ')' after section [{}]{}", name, kRejected),
               "config-unclosed-paren");
        return;
      }
      options = rest.substr(1, paren - 1);
      rest = rest.substr(paren + 1);
    }
    if (!strip(rest).empty()) {
      report(where, Severity::warning,
             fmt::format("text after section header [{}] is ignored: '{}'", name, strip(rest)),
             "config-trailing-text");
    }

    Section fresh{name, where, false, {}, {}};
    std::optional<std::uint32_t> appended_to;  // set by `+`
    auto target = [&]() -> Section& {
      return appended_to ? document_.sections[*appended_to] : fresh;
    };
    if (options) {
      for (const auto& token : split_commas(*options)) {
        if (iequals(token, "!")) {
          target().is_template = true;
        } else if (!token.empty() && token.front() == '+') {
          // Asterisk looks it up by the name as written, so a name it had to cut never matches.
          auto existing = find_section(written_name, std::string(token.substr(1)), '&', where);
          if (!existing) {
            report(where, Severity::error,
                   fmt::format("[{}](+) adds to a section that does not exist{}", name, kRejected),
                   "config-append-missing");
            continue;
          }
          if (!appended_to) {
            // The new section is dropped: its variables move over, but the bases it named so
            // far (its template instances) are dropped with it.
            auto& old = document_.sections[*existing];
            old.is_template = old.is_template || fresh.is_template;
            for (auto& variable : fresh.variables) old.variables.push_back(std::move(variable));
            current_ = existing;
          }
          appended_to = existing;  // a second `+` with another filter may pick another section
        } else {
          auto base = find_base(token);
          if (!base) {
            report(where, Severity::error,
                   fmt::format("[{}] inherits from '{}', which is not defined before it{}", name,
                               token, kRejected),
                   "config-base-missing");
            continue;
          }
          inherit(target(), document_.sections[*base]);
        }
      }
    }
    if (appended_to) {
      state.category = appended_to;
      return;
    }
    store(sizeof(Section) + sizeof(FileItem) + 2 * fresh.name.size() + sizeof(std::uint32_t));
    document_.sections.push_back(std::move(fresh));
    const auto index = static_cast<std::uint32_t>(document_.sections.size() - 1);
    sections_by_name_.add(index);
    document_.files[where.file].items.push_back({FileItem::Kind::section, index});
    state.category = current_ = index;
  }

  static std::vector<std::string_view> split_commas(std::string_view text) {
    std::vector<std::string_view> tokens;
    std::size_t start = 0;
    for (;;) {
      const auto comma = text.find(',', start);
      tokens.emplace_back(text.substr(start, comma - start));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return tokens;
  }

  void inherit(Section& section, const Section& base) {
    store(base.name.size() + sizeof(std::string));
    section.bases.push_back(base.name);
    const auto count = base.variables.size();  // a section may inherit from itself via (+)
    section.variables.reserve(section.variables.size() + count);  // one allocation per peer
    for (std::size_t i = 0; i < count; ++i) {
      store(base.variables[i]);
      Variable copy = base.variables[i];
      copy.set_inherited(true);
      // The copy views the same text: neither may grow it in place from now on.
      if (!growing_.empty()) growing_.erase(copy.value.data());
      section.variables.push_back(copy);
    }
  }

  // One `name=value` pair of a category filter, compiled once for every section it is tried on.
  struct FilterClause {
    enum class Kind { templates_include, templates_restrict, never, regex } kind = Kind::never;
    std::unique_ptr<Regex> key;
    std::unique_ptr<Regex> value;
    std::string refused;  // why a pattern was not compiled (regex_cost.h), when one was not
    // The patterns' automaton sizes: matching costs up to that many steps per byte.
    std::size_t key_positions = 0;
    std::size_t value_positions = 0;
  };

  // The pairs of a filter, in order, up to the first that can never pass (Asterisk stops there).
  static std::vector<FilterClause> parse_filter(const std::string& filter, char separator) {
    std::vector<FilterClause> clauses;
    std::size_t start = 0;
    while (start <= filter.size()) {
      auto end = filter.find(separator, start);
      if (end == std::string::npos) end = filter.size();
      const std::string pair(strip(std::string_view(filter).substr(start, end - start)));
      start = end + 1;
      FilterClause clause;
      const auto equals = pair.find('=');
      if (equals != std::string::npos) {
        const std::string key(strip(std::string_view(pair).substr(0, equals)));
        const std::string value(strip(std::string_view(pair).substr(equals + 1)));
        if (key == "TEMPLATES") {
          if (iequals(value, "include")) clause.kind = FilterClause::Kind::templates_include;
          if (iequals(value, "restrict")) clause.kind = FilterClause::Kind::templates_restrict;
        } else if (auto problem = regex_cost_problem(key)) {
          clause.refused = fmt::format("the name pattern {}", *problem);
        } else if (auto problem = regex_cost_problem(value)) {
          clause.refused = fmt::format("the value pattern {}", *problem);
        } else {
          clause.key = std::make_unique<Regex>(key);
          clause.value = std::make_unique<Regex>(value);
          clause.key_positions = regex_positions(key);
          clause.value_positions = regex_positions(value);
          if (clause.key->ok() && clause.value->ok()) clause.kind = FilterClause::Kind::regex;
        }
      }
      const bool never = clause.kind == FilterClause::Kind::never;
      clauses.push_back(std::move(clause));
      if (never) break;
    }
    return clauses;
  }

  // category_get_sep(): the first section with that name (any name when empty) that passes the
  // filter. An empty filter passes non-templates only; "TEMPLATES=include" passes templates too;
  // other `name=value` pairs are regular expressions matched against the section's variables.
  std::optional<std::uint32_t> find_section(const std::string& name, const std::string& filter,
                                            char separator, const Location& where) {
    const auto clauses = parse_filter(filter, separator);
    for (const auto& clause : clauses) {
      if (clause.refused.empty()) continue;
      // Asterisk would hand the pattern to regcomp() and wait, or run out of memory.
      report(where, Severity::error,
             fmt::format("the filter of [{}] is not evaluated: {}; no section matches it", name,
                         clause.refused),
             "config-filter-too-costly");
    }
    return first_passing(name, filter.empty(), clauses);
  }

  // The base a `[name](base)` copies from: the first section of that name, templates included.
  std::optional<std::uint32_t> find_base(std::string_view name) {
    return first_passing(name, false, templates_include_);
  }

  std::optional<std::uint32_t> first_passing(std::string_view name, bool no_filter,
                                             const std::vector<FilterClause>& clauses) {
    if (name.empty()) {
      for (std::uint32_t i = 0; i < document_.sections.size(); ++i) {
        if (matches_filter(document_.sections[i], no_filter, clauses)) return i;
      }
      return std::nullopt;
    }
    for (auto i = sections_by_name_.first(name); i != SectionsByName::kNone;
         i = sections_by_name_.next(i)) {
      if (matches_filter(document_.sections[i], no_filter, clauses)) return i;
    }
    return std::nullopt;
  }

  bool matches_filter(const Section& section, bool no_filter,
                      const std::vector<FilterClause>& clauses) {
    look_up(1);
    if (no_filter) return !section.is_template;
    bool template_ok = false;
    for (const auto& clause : clauses) {
      switch (clause.kind) {
        case FilterClause::Kind::templates_include:
          template_ok = template_ok || section.is_template;
          break;
        case FilterClause::Kind::templates_restrict:
          if (!section.is_template) return false;
          template_ok = true;
          break;
        case FilterClause::Kind::never:
          return false;
        case FilterClause::Kind::regex: {
          bool found = false;
          for (const auto& variable : section.variables) {
            look_up(1 + variable.name.size() * clause.key_positions +
                    variable.value.size() * clause.value_positions);
            if (clause.key->search(variable.name) && clause.value->search(variable.value)) {
              found = true;
              break;
            }
          }
          if (!found) return false;
          break;
        }
      }
    }
    return !section.is_template || template_ok;
  }

  // `#include`, `#tryinclude`, `#exec`.
  void process_directive(std::string_view line, const Location& where) {
    std::size_t name_end = 1;
    while (name_end < line.size() && static_cast<signed char>(line[name_end]) > 32) ++name_end;
    const std::string name(line.substr(1, name_end - 1));
    // Asterisk cuts the name off by overwriting the byte after it, which may be a non-blank
    // byte above 127, so that byte is never part of the argument.
    std::string argument(strip(line.substr(std::min(name_end + 1, line.size()))));

    DirectiveKind kind;
    if (iequals(name, "include")) {
      kind = DirectiveKind::include;
    } else if (iequals(name, "tryinclude")) {
      kind = DirectiveKind::tryinclude;
    } else if (iequals(name, "exec")) {
      kind = DirectiveKind::exec;
    } else {
      report(where, Severity::warning,
             fmt::format("unknown directive '#{}'; Asterisk ignores the line", name),
             "config-unknown-directive");
      return;
    }
    if (argument.empty()) {
      report(where, Severity::warning,
             fmt::format("'#{}' needs an argument; Asterisk ignores the line", name),
             "config-directive-argument");
      return;
    }
    if (argument.front() == '"' || argument.front() == '<') {
      const char closing = argument.front() == '<' ? '>' : '"';
      if (argument.back() == closing) {
        // A lone `"` is its own closing quote and leaves an empty name, as in Asterisk.
        argument = argument.size() > 1 ? argument.substr(1, argument.size() - 2) : "";
      }
    }

    store(sizeof(IncludeDirective) + sizeof(FileItem) + argument.size());
    document_.directives.push_back(IncludeDirective{where, kind, argument, {}, {}, false});
    const auto index = static_cast<std::uint32_t>(document_.directives.size() - 1);
    document_.files[where.file].items.push_back({FileItem::Kind::directive, index});

    if (kind == DirectiveKind::exec) {
      run_exec(index);
    } else {
      include(index);
    }
  }

  std::string resolve(const std::string& name) const {
    if (is_absolute(name) || options_.config_dir.empty()) return name;
    return (std::filesystem::path(options_.config_dir) / name).lexically_normal().string();
  }

  // ast_config_internal_load() refuses to go deeper than the main file and kMaxIncludeDepth
  // nested files. It then returns nothing, which only a #tryinclude takes without an error.
  bool depth_exceeded(const Location& where, DirectiveKind kind) {
    if (static_cast<int>(active_.size()) <= kMaxIncludeDepth) return false;
    if (kind == DirectiveKind::tryinclude) {
      report(where, Severity::warning,
             fmt::format("includes are nested deeper than {} levels; Asterisk skips this "
                         "#tryinclude",
                         kMaxIncludeDepth),
             "config-include-depth");
    } else {
      report(
          where, Severity::error,
          fmt::format("includes are nested deeper than {} levels{}", kMaxIncludeDepth, kRejected),
          "config-include-depth");
    }
    return true;
  }

  void include(std::uint32_t index) {
    const auto where = document_.directives[index].where;
    const auto kind = document_.directives[index].kind;
    const auto argument = document_.directives[index].argument;
    if (depth_exceeded(where, kind)) return;

    const auto pattern = resolve(argument);
    // Each `{a,b}` doubles the names: a line of them would never finish expanding.
    if (count_pattern_names(pattern, kMaxPatternNames) > kMaxPatternNames) {
      report(where, Severity::error,
             fmt::format("#{} '{}' expands to more than {} names; nothing included",
                         to_string(kind), argument, kMaxPatternNames),
             "config-include-pattern");
      return;
    }
    int loaded = 0;
    bool refused = false;
    LoadState state;
    state.category = current_;
    for (const auto& path : files_.expand(pattern)) {
      const auto kind_of_path = files_.kind(path);
      if (kind_of_path == PathKind::missing) continue;
      if (kind_of_path != PathKind::regular) {
        report(where, Severity::warning,
               fmt::format("'{}' is not a regular file; Asterisk ignores it", path),
               "config-include-not-regular");
        continue;
      }
      const auto identity = files_.identity(path);
      if (std::find(active_.begin(), active_.end(), identity) != active_.end()) {
        report(where, Severity::error,
               fmt::format("'{}' includes itself (include cycle); not followed{}", path, kRejected),
               "config-include-cycle");
        refused = true;
        continue;
      }
      std::string error;
      auto content = files_.read(path, error);
      if (!content) {
        // Asterisk cannot open it and counts it as missing, which a #tryinclude allows.
        if (kind == DirectiveKind::tryinclude) {
          report(where, Severity::warning,
                 fmt::format("cannot read '{}': {}; Asterisk skips it", path, error),
                 "config-include-unreadable");
        } else {
          report(where, Severity::error,
                 fmt::format("cannot read '{}': {}{}", path, error, kRejected),
                 "config-include-unreadable");
        }
        refused = true;
        continue;
      }
      count_input(path, content->size());
      note_outside_config_dir(where, path);
      if (seen_.count(identity)) {
        report(where, Severity::warning,
               fmt::format("'{}' is included more than once; Asterisk reads it again", path),
               "config-include-repeated");
        document_.directives[index].repeated.push_back(
            static_cast<std::uint32_t>(document_.files.size()));
      }
      seen_.insert(identity);
      ++loaded;
      state.file = add_file(path, index);
      document_.directives[index].files.push_back(state.file);
      active_.push_back(identity);
      parse(*content, state);
      active_.pop_back();
      finish(state);
    }
    document_.directives[index].followed = loaded > 0 || !refused;
    if (loaded == 0 && !refused) {
      if (kind == DirectiveKind::include) {
        report(where, Severity::error,
               fmt::format("#include '{}': no such file{}", pattern, kRejected),
               "config-include-missing");
      } else {
        report(where, Severity::note,
               fmt::format("#tryinclude '{}': no such file; nothing included", pattern),
               "config-tryinclude-missing");
      }
    }
  }

  // An empty configuration directory is the working directory (`sip2pjsip` run in
  // /etc/asterisk): it is named by its full path then.
  void note_outside_config_dir(const Location& where, const std::string& path) {
    const auto& config_dir = options_.config_dir.empty() ? "." : options_.config_dir;
    const auto dir = files_.identity(config_dir);
    const auto file = files_.identity(path);
    const auto relative = std::filesystem::path(file).lexically_relative(dir).string();
    if (relative.empty() || relative.rfind("..", 0) == 0) {
      report(where, Severity::note,
             fmt::format("'{}' lies outside the configuration directory '{}'", path,
                         options_.config_dir.empty() ? dir : options_.config_dir),
             "config-include-outside");
    }
  }

  void run_exec(std::uint32_t index) {
    const auto where = document_.directives[index].where;
    const auto command = document_.directives[index].argument;
    if (!options_.allow_exec) {
      report(where, Severity::warning,
             fmt::format("#exec '{}' not run (it runs a program; --allow-exec runs it)", command),
             "config-exec-not-run");
      return;
    }
    if (depth_exceeded(where, DirectiveKind::exec)) return;
    std::string error;
    auto output = options_.exec_runner(command, error);
    if (!output) {
      report(where, Severity::error, fmt::format("#exec '{}' failed: {}", command, error),
             "config-exec-failed");
      return;
    }
    count_input(fmt::format("#exec {}", command), output->size());
    document_.directives[index].followed = true;
    LoadState state;
    state.category = current_;
    state.file = add_file(fmt::format("#exec {}", command), index);
    document_.directives[index].files.push_back(state.file);
    active_.push_back(document_.files[state.file].path);
    parse(*output, state);
    active_.pop_back();
    finish(state);
  }

  // `name = value`, `name => value`, `name += value`, `\name = value`.
  void process_variable(std::string_view line, const Location& where, LoadState& state) {
    if (!state.category) {
      report(where, Severity::error, fmt::format("line is not inside any section{}", kRejected),
             "config-no-section");
      return;
    }
    Section& section = document_.sections[*state.category];
    const bool escaped = line.front() == '\\';
    if (escaped) {
      line.remove_prefix(1);
      // A plain (signed) char compare in Asterisk: bytes above 127 are invalid escapes too.
      if (line.empty() || static_cast<signed char>(line.front()) < 33) {
        report(where, Severity::error, fmt::format("invalid escape '\\'{}", kRejected),
               "config-invalid-escape");
        return;
      }
    }
    const auto search_from = escaped ? 1 : 0;
    const auto equals = line.find('=', search_from);
    if (equals == std::string_view::npos) {
      report(where, Severity::warning,
             fmt::format("no '=' in line '{}'; Asterisk ignores it", line), "config-no-equals");
      return;
    }

    bool object = false;
    std::string_view raw_value = line.substr(equals + 1);
    if (equals > static_cast<std::size_t>(search_from) && line[equals - 1] == '+') {
      const std::string name(strip(line.substr(0, equals - 1)));
      if (append_to_last(section, name, raw_value)) return;
      add_variable(section, name, strip(raw_value), false, where);
      return;
    }
    if (!raw_value.empty() && raw_value.front() == '>') {
      object = true;
      raw_value.remove_prefix(1);
    }
    add_variable(section, strip(line.substr(0, equals)), strip(raw_value), object, where);
  }

  void add_variable(Section& section, std::string_view name, std::string_view value, bool object,
                    const Location& where) {
    if (name.empty()) {
      report(where, Severity::warning, "no option name before '='; Asterisk ignores the line",
             "config-no-name");
      return;
    }
    auto& text = *document_.text;
    Variable variable{InternedName(name), text.keep(value), where, object, false};
    store(variable);
    section.variables.push_back(variable);
  }

  // `name += more`: the last variable of that exact name gets `more` appended (blanks around
  // the joined value trimmed). As ast_variable_update() does, the change lands on the first
  // variable with that name and value, compared case-insensitively, where an empty value
  // matches any. That variable is replaced by a new one: it takes the name as written here,
  // keeps its place, line and `=>`, but is no longer marked inherited.
  bool append_to_last(Section& section, const std::string& name, std::string_view more) {
    look_up(section.variables.size());
    Variable* last = nullptr;
    for (auto it = section.variables.rbegin(); it != section.variables.rend(); ++it) {
      if (it->name == name) {
        last = &*it;
        break;
      }
    }
    if (!last) return false;
    // `last` itself qualifies, so there is always a target.
    Variable* target = last;
    for (auto& variable : section.variables) {
      if (&variable == last) break;  // compared with itself, a long value would cost its length
      if (iequals(variable.name, name) &&
          (last->value.empty() || iequals(variable.value, last->value))) {
        target = &variable;
        break;
      }
    }
    if (last->value.size() + more.size() > limits_.value_bytes) {
      throw TooLarge{
          fmt::format("'{} +=' makes a value longer than {} KiB", name, limits_.value_bytes >> 10)};
    }
    store(more.size());
    // Appended in place: a long run of `+=` lines costs what the lines are long, not more. A
    // value is grown in place only while no other setting views it.
    EditableText* value = nullptr;
    if (const auto grown = growing_.find(target->value.data()); grown != growing_.end()) {
      value = grown->second;
      growing_.erase(grown);
      // The target's own text takes the last line's value: only the target views it, so
      // nothing else changes, and lines that alternate between two settings of one name no
      // longer leave a copy of the whole value behind each time (a million such lines took
      // 1.3 GB, uncounted by the store limit).
      if (target != last) value->assign(last->value);
    }
    if (!value) value = &document_.text->editable(last->value);
    value->append(more);
    value->trim_blanks();
    target->value = value->stored();
    growing_.emplace(target->value.data(), value);
    target->name = InternedName(name);
    target->set_inherited(false);
    return true;
  }

  const FileSystem& files_;
  const ReaderOptions& options_;
  const ReaderLimits& limits_ = options_.limits;
  Diagnostics& diagnostics_;
  Document document_;
  // The values `+=` made, by where their text starts, while only one setting views each.
  std::unordered_map<const char*, EditableText*> growing_;
  std::optional<std::uint32_t> current_;  // the config's current category (cfg->current)
  std::vector<std::string> active_;       // identities of the files being read, outermost first
  std::unordered_set<std::string> seen_;  // identities of every file read so far
  std::size_t input_bytes_ = 0;           // bytes of every file read, against limits_.input_bytes
  std::size_t file_loads_ = 0;            // files read, against limits_.file_loads
  std::size_t stored_bytes_ = 0;          // what the document keeps, against limits_.stored_bytes
  std::size_t lookup_steps_ = 0;          // against limits_.lookup_steps
  struct Tally {
    std::size_t reported = 0;
    Severity worst = Severity::note;  // of the findings not listed
    std::string first_file;           // of the first finding not listed
  };
  std::map<std::string, Tally> tallies_;  // findings by code
  // Lookups by name stay fast for files with a million sections.
  SectionsByName sections_by_name_{document_.sections};
  // Every `(base)` is looked up with this filter: parsed once, not once a peer.
  const std::vector<FilterClause> templates_include_ = parse_filter("TEMPLATES=include", ',');
};

}  // namespace

std::optional<std::string> run_with_shell(const std::string& command, std::string& error) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    error = "cannot start /bin/sh";
    return std::nullopt;
  }
  std::string output;
  std::array<char, 4096> chunk{};
  std::size_t got = 0;
  while ((got = fread(chunk.data(), 1, chunk.size(), pipe)) > 0) {
    output.append(chunk.data(), got);
    // A program that never stops printing: closing the pipe ends it (SIGPIPE).
    if (output.size() > kMaxInputBytes) {
      pclose(pipe);
      error = fmt::format("the command printed more than {} MiB", kMaxInputBytes >> 20);
      return std::nullopt;
    }
  }
  const int status = pclose(pipe);
  if (status != 0) {
    error = fmt::format("the command exited with status {}", status);
    return std::nullopt;
  }
  return output;
}

std::optional<Document> read_config(const std::string& path, const FileSystem& files,
                                    const ReaderOptions& options, Diagnostics& diagnostics) {
  return Reader(files, options, diagnostics).read_main(path);
}

}  // namespace sip2pjsip::config
