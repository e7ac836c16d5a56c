// #include, #tryinclude and #exec as Asterisk's main/config.c handles them (process_text_line,
// config_text_file_load, ast_config_internal_load), and the include tree the Document keeps.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/reader_helpers.h"

namespace sip2pjsip::testing {
namespace {

using config::DirectiveKind;
using config::FileItem;
using config::MemoryFileSystem;
using Indexes = std::vector<std::uint32_t>;

const std::string kRejected = "; Asterisk refuses to load a file with this error";

// `section 0, directive 1, ...` for a file's items.
std::string items_of(const config::Document& document, std::uint32_t file) {
  std::string out;
  for (const auto& item : document.files.at(file).items) {
    if (!out.empty()) out += ", ";
    out += (item.kind == FileItem::Kind::section ? "section " : "directive ") +
           std::to_string(item.index);
  }
  return out;
}

TEST(IncludePlain, IncludedFileAndTheIncludeTree) {
  MemoryFileSystem files;
  files.add_file("sip.conf",
                 "[s]\n"
                 "a=1\n"
                 "#include extra.conf\n"
                 "b=2\n"
                 "[u]\n");
  files.add_file("extra.conf",
                 "c=3\n"
                 "[t]\n"
                 "d=4\n");
  const auto result = read(files);
  // The included file goes on in the includer's section; after the #include, the includer's
  // lines stay in its own section although [t] became the config's current one.
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'a' = '1' sip.conf:2\n"
            "  'c' = '3' extra.conf:1\n"
            "  'b' = '2' sip.conf:4\n"
            "[t] extra.conf:2\n"
            "  'd' = '4' extra.conf:3\n"
            "[u] sip.conf:5\n");
  EXPECT_EQ(result.diagnostics, Strings{});

  const auto& document = result.document;
  ASSERT_EQ(document.files.size(), 2u);
  EXPECT_EQ(document.files[0].path, "sip.conf");
  EXPECT_EQ(document.files[0].included_by, std::nullopt);
  EXPECT_EQ(document.files[1].path, "extra.conf");
  EXPECT_EQ(document.files[1].included_by, 0u);
  EXPECT_EQ(items_of(document, 0), "section 0, directive 0, section 2");
  EXPECT_EQ(items_of(document, 1), "section 1");

  ASSERT_EQ(document.directives.size(), 1u);
  const auto& directive = document.directives[0];
  EXPECT_EQ(location(document, directive.where), "sip.conf:3");
  EXPECT_EQ(directive.kind, DirectiveKind::include);
  EXPECT_EQ(directive.argument, "extra.conf");
  EXPECT_EQ(directive.files, Indexes{1});
  EXPECT_EQ(directive.repeated, Indexes{});
  EXPECT_TRUE(directive.followed);
}

TEST(IncludePlain, QuotedAngledAndAnyCaseOfTheDirective) {
  MemoryFileSystem files;
  files.add_file("sip.conf",
                 "[s]\n"
                 "#include \"a.conf\"\n"
                 "#include <b.conf>\n"
                 "#INCLUDE\tc.conf\n"
                 "#TryInclude   \"d.conf\"  \n");
  files.add_file("a.conf", "x=a\n");
  files.add_file("b.conf", "x=b\n");
  files.add_file("c.conf", "x=c\n");
  files.add_file("d.conf", "x=d\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'x' = 'a' a.conf:1\n"
            "  'x' = 'b' b.conf:1\n"
            "  'x' = 'c' c.conf:1\n"
            "  'x' = 'd' d.conf:1\n");
  EXPECT_EQ(result.diagnostics, Strings{});
  const auto& directives = result.document.directives;
  ASSERT_EQ(directives.size(), 4u);
  EXPECT_EQ(directives[0].argument, "a.conf");
  EXPECT_EQ(directives[1].argument, "b.conf");
  EXPECT_EQ(directives[2].argument, "c.conf");
  EXPECT_EQ(directives[3].argument, "d.conf");
  EXPECT_EQ(directives[2].kind, DirectiveKind::include);
  EXPECT_EQ(directives[3].kind, DirectiveKind::tryinclude);
}

TEST(IncludePlain, UnbalancedQuotesStay) {
  // Quotes go only in matching pairs; a lone `"` is its own pair and leaves an empty name.
  MemoryFileSystem files;
  files.add_file("sip.conf",
                 "[s]\n"
                 "#include \"a.conf\n"
                 "#include <a.conf\"\n"
                 "#tryinclude \"\n");
  files.add_file("a.conf", "x=1\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n");
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:2: error: #include '\"a.conf': no such file" + kRejected +
                         " [config-include-missing]",
                     "sip.conf:3: error: #include '<a.conf\"': no such file" + kRejected +
                         " [config-include-missing]",
                     "sip.conf:4: note: #tryinclude '': no such file; nothing included "
                     "[config-tryinclude-missing]"}));
  ASSERT_EQ(result.document.directives.size(), 3u);
  EXPECT_EQ(result.document.directives[2].argument, "");
}

TEST(IncludePlain, DirectiveNameEndsAtTheFirstByteBelow33OrAbove127) {
  // The name runs while `*c > 32` on a signed char; the byte that ends it is overwritten, so
  // it never starts the argument: `#include\xC3\xA9.conf` includes "\xA9.conf".
  MemoryFileSystem files;
  files.add_file("sip.conf",
                 "[s]\n"
                 "#include\x01"
                 "a.conf\n"
                 "#include\xC3\xA9.conf\n");
  files.add_file("a.conf", "x=1\n");
  files.add_file("\xA9.conf", "y=2\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'x' = '1' a.conf:1\n"
            "  'y' = '2' \xA9.conf:1\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(IncludeDirectives, UnknownDirectiveIsIgnored) {
  const auto result = read("[s]\n#foo bar\n#include\"a.conf\"\n#\nx=1\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'x' = '1' sip.conf:5\n");
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:2: warning: unknown directive '#foo'; Asterisk ignores the line "
                     "[config-unknown-directive]",
                     "sip.conf:3: warning: unknown directive '#include\"a.conf\"'; Asterisk "
                     "ignores the line [config-unknown-directive]",
                     "sip.conf:4: warning: unknown directive '#'; Asterisk ignores the line "
                     "[config-unknown-directive]"}));
  EXPECT_TRUE(result.document.directives.empty());
  EXPECT_EQ(items_of(result.document, 0), "section 0");
}

TEST(IncludeDirectives, DirectiveWithoutArgumentIsIgnored) {
  const auto result = read("[s]\n#include\n#TRYINCLUDE   \n#include \"\"\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n");
  ASSERT_EQ(result.diagnostics.size(), 3u);
  EXPECT_EQ(result.diagnostics[0],
            "sip.conf:2: warning: '#include' needs an argument; Asterisk ignores the line "
            "[config-directive-argument]");
  EXPECT_EQ(result.diagnostics[1],
            "sip.conf:3: warning: '#TRYINCLUDE' needs an argument; Asterisk ignores the line "
            "[config-directive-argument]");
  // `""` is an argument; without its quotes it names the empty file.
  EXPECT_EQ(result.diagnostics[2], "sip.conf:4: error: #include '': no such file" + kRejected +
                                       " [config-include-missing]");
  ASSERT_EQ(result.document.directives.size(), 1u);
  EXPECT_EQ(location(result.document, result.document.directives[0].where), "sip.conf:4");
}

TEST(IncludeGlob, MatchesAreReadInOrderAndShareTheSection) {
  // One config_text_file_load() reads every match with one `cat`: b.conf starts in [ga].
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include conf.d/*.conf\nv=0\n");
  files.add_file("conf.d/b.conf", "y=2\n[gb]\nz=3\n");
  files.add_file("conf.d/a.conf", "[ga]\nx=1\n");
  files.add_file("conf.d/c.txt", "w=1\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'v' = '0' sip.conf:3\n"
            "[ga] conf.d/a.conf:1\n"
            "  'x' = '1' conf.d/a.conf:2\n"
            "  'y' = '2' conf.d/b.conf:1\n"
            "[gb] conf.d/b.conf:2\n"
            "  'z' = '3' conf.d/b.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{});
  const auto& document = result.document;
  ASSERT_EQ(document.files.size(), 3u);
  EXPECT_EQ(document.files[1].path, "conf.d/a.conf");
  EXPECT_EQ(document.files[2].path, "conf.d/b.conf");
  EXPECT_EQ(document.files[1].included_by, 0u);
  EXPECT_EQ(document.files[2].included_by, 0u);
  EXPECT_EQ(document.directives[0].argument, "conf.d/*.conf");
  EXPECT_EQ(document.directives[0].files, (Indexes{1, 2}));
  EXPECT_EQ(items_of(document, 1), "section 1");
  EXPECT_EQ(items_of(document, 2), "section 2");
}

TEST(IncludeGlob, Braces) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include <{one,two}.conf>\n");
  files.add_file("one.conf", "x=1\n");
  files.add_file("two.conf", "x=2\n");
  files.add_file("three.conf", "x=3\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'x' = '1' one.conf:1\n"
            "  'x' = '2' two.conf:1\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(IncludeGlob, NoMatch) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include none/*.conf\n#tryinclude none/*.conf\n");
  const auto result = read(files);
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:2: error: #include 'none/*.conf': no such file" + kRejected +
                         " [config-include-missing]",
                     "sip.conf:3: note: #tryinclude 'none/*.conf': no such file; nothing "
                     "included [config-tryinclude-missing]"}));
  ASSERT_EQ(result.document.directives.size(), 2u);
  for (const auto& directive : result.document.directives) {
    EXPECT_TRUE(directive.followed);
    EXPECT_EQ(directive.files, Indexes{});
  }
}

TEST(IncludeGlob, OnlyTheFirstMatchLosesItsBom) {
  // The line counter is not reset between the matches, and the BOM goes only on line 1.
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include conf.d/*.conf\n");
  files.add_file("conf.d/a.conf", "\xEF\xBB\xBF[ga]\nx=1\n");
  files.add_file("conf.d/b.conf", "\xEF\xBB\xBF[gb]\ny=2\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "[ga] conf.d/a.conf:1\n"
            "  'x' = '1' conf.d/a.conf:2\n"
            "  'y' = '2' conf.d/b.conf:2\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"conf.d/b.conf:1: warning: no '=' in line '\xEF\xBB\xBF[gb]'; Asterisk "
                    "ignores it [config-no-equals]"});
}

TEST(IncludeGlob, AnEmptyFirstMatchStillUsesUpLineOne) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include conf.d/*.conf\n");
  files.add_file("conf.d/a.conf", "");
  files.add_file("conf.d/b.conf", "\xEF\xBB\xBF[gb]\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"conf.d/b.conf:1: warning: no '=' in line '\xEF\xBB\xBF[gb]'; Asterisk "
                    "ignores it [config-no-equals]"});
}

TEST(IncludeGlob, BlockCommentLeftOpenRunsIntoTheNextMatch) {
  // The comment depth is shared by the matches too, and checked after each of them.
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include conf.d/*.conf\nv=0\n");
  files.add_file("conf.d/a.conf", "[ga]\nx=1\n;-- open\n");
  files.add_file("conf.d/b.conf", "hidden=1\n--;\ny=2\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'v' = '0' sip.conf:3\n"
            "[ga] conf.d/a.conf:1\n"
            "  'x' = '1' conf.d/a.conf:2\n"
            "  'y' = '2' conf.d/b.conf:3\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"conf.d/a.conf:3: warning: block comment ';--' is never closed; the rest of "
                    "the file is ignored [config-comment-unterminated]"});
}

TEST(IncludeComments, EveryIncludeHasItsOwnCommentState) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include a.conf\nb=2\n#include c.conf\nd=4\n");
  files.add_file("a.conf", "x=1\n;-- open\n");
  files.add_file("c.conf", "a=x--;y\nz=1\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'x' = '1' a.conf:1\n"
            "  'b' = '2' sip.conf:3\n"
            "  'a' = 'x--;y' c.conf:1\n"
            "  'd' = '4' sip.conf:5\n");
  EXPECT_EQ(result.diagnostics,
            (Strings{"a.conf:2: warning: block comment ';--' is never closed; the rest of the "
                     "file is ignored [config-comment-unterminated]",
                     "c.conf:1: warning: '--;' closes a block comment that is not open; Asterisk "
                     "ignores every following line of this file until a ';--' "
                     "[config-comment-stray-close]"}));
}

TEST(IncludeComments, IncludeInsideABlockCommentIsNotRead) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n;--\n#include a.conf\n--;\n");
  files.add_file("a.conf", "x=1\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n");
  EXPECT_EQ(result.diagnostics, Strings{});
  EXPECT_TRUE(result.document.directives.empty());
}

TEST(IncludeBom, EveryIncludedFileMayStartWithABom) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "\xEF\xBB\xBF[s]\n#include a.conf\n#include b.conf\n");
  files.add_file("a.conf", "\xEF\xBB\xBFx=1\n");
  files.add_file("b.conf", "\xEF\xBB\xBF[b]\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'x' = '1' a.conf:1\n"
            "[b] b.conf:1\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(IncludePaths, RelativeNamesResolveAgainstTheConfigDirectory) {
  // config_text_file_load() prefixes ast_config_AST_CONFIG_DIR, whoever includes the file.
  MemoryFileSystem files;
  files.add_file("/etc/asterisk/sip.conf", "[s]\n#include sub/a.conf\n");
  files.add_file("/etc/asterisk/sub/a.conf", "#include b.conf\n");
  files.add_file("/etc/asterisk/b.conf", "x=top\n");
  files.add_file("/etc/asterisk/sub/b.conf", "x=sub\n");
  config::ReaderOptions options;
  options.config_dir = "/etc/asterisk";
  const auto result = read(files, options, "/etc/asterisk/sip.conf");
  EXPECT_EQ(dump(result.document),
            "[s] /etc/asterisk/sip.conf:1\n"
            "  'x' = 'top' /etc/asterisk/b.conf:1\n");
  EXPECT_EQ(result.diagnostics, Strings{});
  const auto& document = result.document;
  ASSERT_EQ(document.files.size(), 3u);
  EXPECT_EQ(document.files[1].path, "/etc/asterisk/sub/a.conf");
  EXPECT_EQ(document.files[1].included_by, 0u);
  EXPECT_EQ(document.files[2].path, "/etc/asterisk/b.conf");
  EXPECT_EQ(document.files[2].included_by, 1u);
  EXPECT_EQ(document.directives[0].argument, "sub/a.conf");
  EXPECT_EQ(document.directives[1].argument, "b.conf");
  EXPECT_EQ(items_of(document, 1), "directive 1");
}

TEST(IncludePaths, AbsoluteNameOutsideTheConfigDirectory) {
  MemoryFileSystem files;
  files.add_file("/etc/asterisk/sip.conf", "[s]\n#include /srv/shared/x.conf\n");
  files.add_file("/srv/shared/x.conf", "x=1\n");
  config::ReaderOptions options;
  options.config_dir = "/etc/asterisk";
  const auto result = read(files, options, "/etc/asterisk/sip.conf");
  EXPECT_EQ(dump(result.document),
            "[s] /etc/asterisk/sip.conf:1\n"
            "  'x' = '1' /srv/shared/x.conf:1\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"/etc/asterisk/sip.conf:2: note: '/srv/shared/x.conf' lies outside the "
                    "configuration directory '/etc/asterisk' [config-include-outside]"});
}

TEST(IncludeMissing, IncludeIsAnErrorTryincludeANote) {
  const auto result = read("[s]\n#include nothere.conf\n#tryinclude nothere.conf\nx=1\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'x' = '1' sip.conf:4\n");
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:2: error: #include 'nothere.conf': no such file" + kRejected +
                         " [config-include-missing]",
                     "sip.conf:3: note: #tryinclude 'nothere.conf': no such file; nothing "
                     "included [config-tryinclude-missing]"}));
  const auto& directives = result.document.directives;
  ASSERT_EQ(directives.size(), 2u);
  EXPECT_EQ(directives[0].kind, DirectiveKind::include);
  EXPECT_EQ(directives[1].kind, DirectiveKind::tryinclude);
  EXPECT_TRUE(directives[0].followed);
  EXPECT_TRUE(directives[1].followed);
  EXPECT_EQ(directives[0].files, Indexes{});
  EXPECT_EQ(items_of(result.document, 0), "section 0, directive 0, directive 1");
}

TEST(IncludeMissing, DirectoryIsNotARegularFile) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include d\n");
  files.add_directory("d");
  const auto result = read(files);
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:2: warning: 'd' is not a regular file; Asterisk ignores it "
                     "[config-include-not-regular]",
                     "sip.conf:2: error: #include 'd': no such file" + kRejected +
                         " [config-include-missing]"}));
}

TEST(IncludeMissing, UnreadableFile) {
  // fopen() fails: the file counts as missing, which only #tryinclude accepts.
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include secret.conf\n#tryinclude secret.conf\n");
  files.add_unreadable("secret.conf");
  const auto result = read(files);
  EXPECT_EQ(result.diagnostics,
            (Strings{"sip.conf:2: error: cannot read 'secret.conf': Permission denied" + kRejected +
                         " [config-include-unreadable]",
                     "sip.conf:3: warning: cannot read 'secret.conf': Permission denied; "
                     "Asterisk skips it [config-include-unreadable]"}));
  for (const auto& directive : result.document.directives) {
    EXPECT_FALSE(directive.followed);
    EXPECT_EQ(directive.files, Indexes{});
  }
  EXPECT_EQ(result.document.files.size(), 1u);
}

TEST(IncludeCycle, FileIncludingItselfIsNotFollowed) {
  const auto result = read("[s]\n#include sip.conf\nx=1\n");
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'x' = '1' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:2: error: 'sip.conf' includes itself (include cycle); not "
                    "followed" +
                    kRejected + " [config-include-cycle]"});
  ASSERT_EQ(result.document.directives.size(), 1u);
  EXPECT_FALSE(result.document.directives[0].followed);
  EXPECT_EQ(result.document.directives[0].files, Indexes{});
  EXPECT_EQ(result.document.files.size(), 1u);
}

TEST(IncludeCycle, IndirectCycleIsReportedWhereItCloses) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include a.conf\nx=1\n");
  files.add_file("a.conf", "#include ./sip.conf\ny=1\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'y' = '1' a.conf:2\n"
            "  'x' = '1' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"a.conf:1: error: './sip.conf' includes itself (include cycle); not "
                    "followed" +
                    kRejected + " [config-include-cycle]"});
  const auto& directives = result.document.directives;
  ASSERT_EQ(directives.size(), 2u);
  EXPECT_TRUE(directives[0].followed);
  EXPECT_EQ(directives[0].files, Indexes{1});
  EXPECT_FALSE(directives[1].followed);
  EXPECT_EQ(directives[1].files, Indexes{});
}

// sip.conf includes l1.conf, which includes l2.conf, ... down to l<last>.conf.
MemoryFileSystem chain(int last, const std::string& directive) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n" + directive + " l1.conf\n");
  for (int i = 1; i <= last; ++i) {
    std::string text = "v" + std::to_string(i) + "=1\n";
    if (i < last) text += directive + " l" + std::to_string(i + 1) + ".conf\n";
    files.add_file("l" + std::to_string(i) + ".conf", text);
  }
  return files;
}

TEST(IncludeDepth, MainFileAndTenNestedLevelsAreRead) {
  const auto result = read(chain(10, "#include"));
  EXPECT_EQ(result.diagnostics, Strings{});
  EXPECT_EQ(result.document.files.size(), 11u);
  EXPECT_EQ(result.document.sections.at(0).variables.size(), 10u);
}

TEST(IncludeDepth, EleventhNestedLevelIsRefused) {
  // ast_config_internal_load() refuses when include_level is already max_include_level + 1:
  // the main file is level 1, l10.conf level 11, so l10.conf cannot include l11.conf.
  const auto result = read(chain(11, "#include"));
  EXPECT_EQ(result.diagnostics,
            Strings{"l10.conf:2: error: includes are nested deeper than 10 levels" + kRejected +
                    " [config-include-depth]"});
  ASSERT_EQ(result.document.files.size(), 11u);
  EXPECT_EQ(result.document.files.back().path, "l10.conf");
  EXPECT_EQ(result.document.sections.at(0).variables.size(), 10u);
  const auto& refused = result.document.directives.back();
  EXPECT_EQ(location(result.document, refused.where), "l10.conf:2");
  EXPECT_FALSE(refused.followed);
  EXPECT_EQ(refused.files, Indexes{});
}

TEST(IncludeDepth, TryincludeTooDeepIsOnlyAWarning) {
  const auto result = read(chain(11, "#tryinclude"));
  EXPECT_EQ(result.diagnostics,
            Strings{"l10.conf:2: warning: includes are nested deeper than 10 levels; Asterisk "
                    "skips this #tryinclude [config-include-depth]"});
  EXPECT_EQ(result.document.files.size(), 11u);
  EXPECT_FALSE(result.document.directives.back().followed);
}

TEST(IncludeRepeated, FileIncludedTwiceIsReadAgain) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#include a.conf\n#include a.conf\n");
  files.add_file("a.conf", "x=1\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'x' = '1' a.conf:1\n"
            "  'x' = '1' a.conf:1\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:3: warning: 'a.conf' is included more than once; Asterisk reads "
                    "it again [config-include-repeated]"});
  const auto& document = result.document;
  ASSERT_EQ(document.files.size(), 3u);
  EXPECT_EQ(document.sections[0].variables[0].where().file, 1u);
  EXPECT_EQ(document.sections[0].variables[1].where().file, 2u);
  EXPECT_EQ(document.directives[0].files, Indexes{1});
  EXPECT_EQ(document.directives[0].repeated, Indexes{});
  EXPECT_EQ(document.directives[1].files, Indexes{2});
  EXPECT_EQ(document.directives[1].repeated, Indexes{2});
  EXPECT_TRUE(document.directives[1].followed);
}

TEST(IncludeSections, IncludedFileStartsInTheConfigsCurrentSection) {
  // config_text_file_load() starts from cfg->current, the section last appended anywhere;
  // the includer keeps its own `cat`.
  MemoryFileSystem files;
  files.add_file("sip.conf",
                 "[a]\n"
                 "#include one.conf\n"
                 "x=1\n"
                 "#include two.conf\n"
                 "y=2\n");
  files.add_file("one.conf", "[b]\nz=1\n");
  files.add_file("two.conf", "w=1\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[a] sip.conf:1\n"
            "  'x' = '1' sip.conf:3\n"
            "  'y' = '2' sip.conf:5\n"
            "[b] one.conf:1\n"
            "  'z' = '1' one.conf:2\n"
            "  'w' = '1' two.conf:1\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(IncludeSections, PlusInAnIncludedFileMakesThatSectionCurrent) {
  MemoryFileSystem files;
  files.add_file("sip.conf",
                 "[a]\n"
                 "[b]\n"
                 "#include one.conf\n"
                 "#include two.conf\n"
                 "x=1\n");
  files.add_file("one.conf", "[a](+)\ny=1\n");
  files.add_file("two.conf", "z=1\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[a] sip.conf:1\n"
            "  'y' = '1' one.conf:2\n"
            "  'z' = '1' two.conf:1\n"
            "[b] sip.conf:2\n"
            "  'x' = '1' sip.conf:5\n");
  EXPECT_EQ(result.diagnostics, Strings{});
  EXPECT_EQ(items_of(result.document, 1), "");
}

TEST(IncludeSections, SecondPlusMovesTheLinesButNotTheCurrentSection) {
  // Only the first `+` calls ast_config_set_current_category(); a second one with another
  // filter just points `cat` at its match.
  MemoryFileSystem files;
  files.add_file("sip.conf",
                 "[a]\n"
                 "type=user\n"
                 "[a]\n"
                 "type=peer\n"
                 "[a](+,+type=peer)\n"
                 "x=1\n"
                 "#include more.conf\n");
  files.add_file("more.conf", "y=1\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[a] sip.conf:1\n"
            "  'type' = 'user' sip.conf:2\n"
            "  'y' = '1' more.conf:1\n"
            "[a] sip.conf:3\n"
            "  'type' = 'peer' sip.conf:4\n"
            "  'x' = '1' sip.conf:6\n");
  EXPECT_EQ(result.diagnostics, Strings{});
}

TEST(IncludeSections, IncludeBeforeAnySection) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "#include a.conf\n[s]\n");
  files.add_file("a.conf", "x=1\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document), "[s] sip.conf:2\n");
  EXPECT_EQ(result.diagnostics, Strings{"a.conf:1: error: line is not inside any section" +
                                        kRejected + " [config-no-section]"});
  EXPECT_EQ(items_of(result.document, 0), "directive 0, section 0");
}

TEST(IncludeSections, InheritedVariablesKeepTheirFileAndLine) {
  MemoryFileSystem files;
  files.add_file("sip.conf", "#include templates.conf\n[p](t)\nhost=dynamic\n");
  files.add_file("templates.conf", "; templates\n[t](!)\nallow=ulaw\n");
  const auto result = read(files);
  EXPECT_EQ(dump(result.document),
            "[t](!) templates.conf:2\n"
            "  'allow' = 'ulaw' templates.conf:3\n"
            "[p] sip.conf:2 bases=t\n"
            "  'allow' = 'ulaw' templates.conf:3 inherited\n"
            "  'host' = 'dynamic' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics, Strings{});
  const auto visible = result.document.visible_sections();
  ASSERT_EQ(visible.size(), 1u);
  EXPECT_EQ(visible[0]->name, "p");
}

// An ExecRunner that returns `output` (or fails with `error`) and records what it was asked.
struct FakeProgram {
  std::optional<std::string> output;
  std::string error;
  std::vector<std::string> commands;

  config::ExecRunner runner() {
    return [this](const std::string& command, std::string& failure) {
      commands.push_back(command);
      if (!output) failure = error;
      return output;
    };
  }
};

TEST(IncludeExec, NotRunUnlessAllowed) {
  FakeProgram program{"x=1\n", "", {}};
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#exec /usr/bin/gen --x\ny=1\n");
  config::ReaderOptions options;
  options.exec_runner = program.runner();
  const auto result = read(files, options);
  EXPECT_EQ(dump(result.document), "[s] sip.conf:1\n  'y' = '1' sip.conf:3\n");
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:2: warning: #exec '/usr/bin/gen --x' not run (it runs a program; "
                    "--allow-exec runs it) [config-exec-not-run]"});
  EXPECT_TRUE(program.commands.empty());
  ASSERT_EQ(result.document.directives.size(), 1u);
  const auto& directive = result.document.directives[0];
  EXPECT_EQ(directive.kind, DirectiveKind::exec);
  EXPECT_EQ(directive.argument, "/usr/bin/gen --x");
  EXPECT_FALSE(directive.followed);
  EXPECT_EQ(directive.files, Indexes{});
  EXPECT_EQ(items_of(result.document, 0), "section 0, directive 0");
}

TEST(IncludeExec, OutputIsReadLikeAnIncludedFile) {
  FakeProgram program{"x=1\n[e]\ny=2\n", "", {}};
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#EXEC \"/usr/bin/gen arg\"\nz=3\n");
  config::ReaderOptions options;
  options.allow_exec = true;
  options.exec_runner = program.runner();
  const auto result = read(files, options);
  EXPECT_EQ(dump(result.document),
            "[s] sip.conf:1\n"
            "  'x' = '1' #exec /usr/bin/gen arg:1\n"
            "  'z' = '3' sip.conf:3\n"
            "[e] #exec /usr/bin/gen arg:2\n"
            "  'y' = '2' #exec /usr/bin/gen arg:3\n");
  EXPECT_EQ(result.diagnostics, Strings{});
  EXPECT_EQ(program.commands, Strings{"/usr/bin/gen arg"});
  const auto& directive = result.document.directives.at(0);
  EXPECT_TRUE(directive.followed);
  EXPECT_EQ(directive.files, Indexes{1});
  EXPECT_EQ(result.document.files.at(1).included_by, 0u);
}

TEST(IncludeExec, FailingProgram) {
  FakeProgram program{std::nullopt, "the command exited with status 3", {}};
  MemoryFileSystem files;
  files.add_file("sip.conf", "[s]\n#exec /bin/false\n");
  config::ReaderOptions options;
  options.allow_exec = true;
  options.exec_runner = program.runner();
  const auto result = read(files, options);
  EXPECT_EQ(result.diagnostics,
            Strings{"sip.conf:2: error: #exec '/bin/false' failed: the command exited with "
                    "status 3 [config-exec-failed]"});
  EXPECT_FALSE(result.document.directives.at(0).followed);
  EXPECT_EQ(result.document.files.size(), 1u);
}

}  // namespace
}  // namespace sip2pjsip::testing
