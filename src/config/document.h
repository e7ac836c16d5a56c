// What Asterisk's config loader builds from a .conf file and its includes: sections in order,
// with template variables already copied in, and the include tree needed to write one output
// file per input file. Every value keeps the file and line it came from.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/text_store.h"
#include "util/interned.h"

namespace sip2pjsip::config {

struct Location {
  std::uint32_t file = 0;  // index into Document::files
  int line = 0;
};

// The value is kept by the document's TextStore, the name is interned (option names are a
// small vocabulary): a million templated peers copy tens of millions of lines, and each then
// costs one pointer rather than a view. The line takes 24 bytes: its file's index shares a word
// with its two flags (the reader loads at most kMaxFileLoads files, far below 2^30).
class Variable {
 public:
  Variable() = default;
  Variable(InternedName name_, StoredText value_, const Location& where_, bool object = false,
           bool inherited = false)
      : name(name_),
        value(value_),
        file_(where_.file),
        object_(object),
        inherited_(inherited),
        line_(where_.line) {}

  InternedName name;
  StoredText value;

  Location where() const { return {file_, line_}; }
  bool object() const { return object_; }        // written as `name => value`
  bool inherited() const { return inherited_; }  // copied from a base section by `[name](base)`
  void set_inherited(bool inherited) { inherited_ = inherited; }

 private:
  std::uint32_t file_ : 30 = 0;
  std::uint32_t object_ : 1 = 0;
  std::uint32_t inherited_ : 1 = 0;
  int line_ = 0;
};

struct Section {
  std::string name;
  Location where;
  bool is_template = false;        // `(!)`: invisible to the module reading the file
  std::vector<std::string> bases;  // the `(base1,base2)` it copied from, in order
  std::vector<Variable> variables;
};

enum class DirectiveKind { include, tryinclude, exec };

const char* to_string(DirectiveKind kind);

struct IncludeDirective {
  Location where;
  DirectiveKind kind = DirectiveKind::include;
  std::string argument;                 // as written, quotes and brackets removed
  std::vector<std::uint32_t> files;     // files it loaded, in order
  std::vector<std::uint32_t> repeated;  // of those, files already loaded elsewhere before
  bool followed = false;                // false when not run (#exec) or refused (cycle, depth)
};

// One step of an input file, in file order: where a section starts or a directive stands.
struct FileItem {
  enum class Kind { section, directive } kind;
  std::uint32_t index;  // into Document::sections or Document::directives
};

struct SourceFile {
  std::string path;  // as opened (relative includes are joined to the config directory)
  std::optional<std::uint32_t> included_by;  // directive that loaded it; none for the main file
  std::vector<FileItem> items;
};

struct Document {
  // Shared, so a copy of the document reads the same text.
  std::shared_ptr<TextStore> text = std::make_shared<TextStore>();
  std::vector<SourceFile> files;  // files[0] is the main file
  std::vector<Section> sections;  // in the order Asterisk appends them
  std::vector<IncludeDirective> directives;

  const std::string& path_of(const Location& where) const { return files.at(where.file).path; }

  // Sections a module sees when it browses the file: templates are hidden.
  std::vector<const Section*> visible_sections() const;
  // The first visible section with that name (case-insensitive, as ast_category_get does).
  const Section* find_visible(const std::string& name) const;
};

// Case-insensitive ASCII comparison, as strcasecmp.
bool iequals(std::string_view a, std::string_view b);

}  // namespace sip2pjsip::config
