// A dialplan with its #include files: read as Asterisk reads it, rewritten in one run, and laid
// out as prefixed copies or rewritten in place.
#include <gtest/gtest.h>

#include "config/file_system.h"
#include "dialplan/dialplan_helpers.h"
#include "dialplan/outputs.h"

namespace sip2pjsip::testing {
namespace {

using config::MemoryFileSystem;
using dialplan::DialplanTree;
using dialplan::OutputMode;
using dialplan::OutputOptions;

struct Read {
  std::optional<DialplanTree> tree;
  Strings diagnostics;
};

Read read_tree(const MemoryFileSystem& files, const std::string& main,
               const RewriteOptions& options = {}) {
  Diagnostics diagnostics;
  const auto endpoints = sample_endpoints();
  dialplan::TreeOptions tree_options;
  tree_options.rewrite = options;
  auto tree = dialplan::rewrite_dialplan_files(main, files, tree_options, endpoints, diagnostics);
  return Read{std::move(tree), formatted(diagnostics)};
}

MemoryFileSystem sample_files() {
  MemoryFileSystem files;
  files.add_file("extensions.conf",
                 "[globals]\n"
                 "#include globals.conf\n"
                 "[internal]\n"
                 "exten => 100,1,SIPAddHeader(X-A: 1)\n"
                 " same => n,Voicemail(100)\n"
                 "#include users/*.conf\n"
                 "#include other/b.conf\n"
                 "#tryinclude \"missing.conf\"\n");
  files.add_file("globals.conf", "TRUNK=SIP/trunk\n");
  files.add_file("users/a.conf", "exten => 101,1,Dial(SIP/101)\n");
  files.add_file("users/b.conf",
                 "exten => 6001,1,SIPAddHeader(X-B: 2)\n"
                 " same => n,Dial(SIP/6001)\n");
  files.add_file("other/b.conf", "exten => 7,1,NoOp(nothing to do)\n");
  return files;
}

const std::string kHandler =
    "\n"
    "; Added by sip2pjsip. chan_sip's SIPAddHeader() put its header on the outgoing call;\n"
    "; each SIPAddHeader now keeps the header value in an inherited variable\n"
    "; (SIP2PJSIP_HEADER<n>), and the Dial, Queue or Page after it runs this pre-dial handler "
    "(option b)\n"
    "; on the outgoing channel, which adds the headers with PJSIP_HEADER(add,...).\n"
    "[sip2pjsip-add-headers]\n"
    "exten => s,1,GotoIf($[\"${CHANNEL(channeltype)}\" != \"PJSIP\"]?done)\n"
    " same => n(h1),GotoIf($[${LEN(${SIP2PJSIP_HEADER1})} = 0]?h2)\n"
    " same => n,Set(PJSIP_HEADER(add,X-A)=${SIP2PJSIP_HEADER1})\n"
    " same => n(h2),GotoIf($[${LEN(${SIP2PJSIP_HEADER2})} = 0]?done)\n"
    " same => n,Set(PJSIP_HEADER(add,X-B)=${SIP2PJSIP_HEADER2})\n"
    " same => n(done),Return()\n";

TEST(DialplanFiles, ReadsIncludesAndRewritesThemInOneRun) {
  const auto read = read_tree(sample_files(), "extensions.conf");
  ASSERT_TRUE(read.tree);
  const auto& files = read.tree->files;
  ASSERT_EQ(files.size(), 5u);
  EXPECT_EQ(files[1].path, "globals.conf");
  EXPECT_EQ(files[2].path, "users/a.conf");
  EXPECT_EQ(files[3].path, "users/b.conf");
  EXPECT_EQ(files[4].path, "other/b.conf");
  EXPECT_EQ(files[3].included_by, 0u);
  ASSERT_EQ(files[0].includes.size(), 4u);
  EXPECT_EQ(files[0].includes[1].files, (std::vector<std::size_t>{2, 3}));
  EXPECT_TRUE(files[0].includes[3].files.empty());

  // The header added in users/b.conf gets number 2: the sites are numbered across the files,
  // and the handler goes to the end of the main file.
  EXPECT_EQ(files[0].result.text,
            "[globals]\n"
            "#include globals.conf\n"
            "[internal]\n"
            "exten => 100,1,Set(__SIP2PJSIP_HEADER1=1)\n"
            " same => n,Voicemail(100)\n"
            "#include users/*.conf\n"
            "#include other/b.conf\n"
            "#tryinclude \"missing.conf\"\n" +
                kHandler);
  EXPECT_EQ(files[1].result.text, "TRUNK=PJSIP/trunk\n");
  EXPECT_EQ(files[3].result.text,
            "exten => 6001,1,Set(__SIP2PJSIP_HEADER2=2)\n"
            " same => n,Dial(PJSIP/6001,,b(sip2pjsip-add-headers^s^1))\n");
  EXPECT_FALSE(files[4].result.changed());
  EXPECT_EQ(read.diagnostics,
            (Strings{"extensions.conf:8: note: #tryinclude 'missing.conf': no such file; nothing "
                     "included [config-tryinclude-missing]",
                     "extensions.conf:4: warning: no Dial, Queue or Page follows this SIPAddHeader "
                     "in its extension: the header is kept in SIP2PJSIP_HEADER1 but only a Dial, "
                     "Queue or Page with b(sip2pjsip-add-headers^s^1) sends it; add that option to "
                     "the one that should carry the header [dialplan-header-no-dial]"}));
}

TEST(DialplanFiles, PrefixedCopiesIncludeEachOther) {
  const auto read = read_tree(sample_files(), "extensions.conf");
  ASSERT_TRUE(read.tree);
  OutputOptions options;
  options.output_path = "out/extensions.conf";
  const auto outputs = dialplan::plan_outputs(*read.tree, options);
  ASSERT_EQ(outputs.size(), 5u);
  EXPECT_EQ(outputs[0].path, "out/extensions.conf");
  EXPECT_EQ(outputs[1].path, "out/pjsip_globals.conf");
  EXPECT_EQ(outputs[2].path, "out/pjsip_a.conf");
  EXPECT_EQ(outputs[3].path, "out/pjsip_b.conf");
  EXPECT_EQ(outputs[4].path, "out/pjsip_b_2.conf");
  EXPECT_EQ(outputs[0].content,
            "[globals]\n"
            "#include pjsip_globals.conf\n"
            "[internal]\n"
            "exten => 100,1,Set(__SIP2PJSIP_HEADER1=1)\n"
            " same => n,Voicemail(100)\n"
            "#include pjsip_a.conf\n"
            "#include pjsip_b.conf\n"
            "#include pjsip_b_2.conf\n"
            "#tryinclude \"missing.conf\"\n" +
                kHandler);
  EXPECT_TRUE(outputs[0].changed);
  EXPECT_FALSE(outputs[4].changed);
  EXPECT_EQ(outputs[4].content, "exten => 7,1,NoOp(nothing to do)\n");
}

TEST(DialplanFiles, InPlaceRewritesOnlyChangedFiles) {
  const auto read = read_tree(sample_files(), "extensions.conf");
  ASSERT_TRUE(read.tree);
  OutputOptions options;
  options.mode = OutputMode::in_place;
  const auto outputs = dialplan::plan_outputs(*read.tree, options);
  Strings paths;
  for (const auto& output : outputs) {
    paths.push_back(output.path);
    EXPECT_TRUE(output.replaces_source);
    EXPECT_EQ(output.content, read.tree->files[output.source].result.text);
  }
  EXPECT_EQ(paths, (Strings{"extensions.conf", "globals.conf", "users/a.conf", "users/b.conf"}));
  // The #include lines are left as they were.
  EXPECT_NE(outputs[0].content.find("#include users/*.conf\n"), std::string::npos);
}

TEST(DialplanFiles, AFileIncludedTwiceIsRewrittenOnce) {
  MemoryFileSystem files;
  files.add_file("extensions.conf", "[a]\n#include common.conf\n[b]\n#include common.conf\n");
  files.add_file("common.conf", "exten => 1,1,Dial(SIP/100)\n");
  const auto read = read_tree(files, "extensions.conf");
  ASSERT_TRUE(read.tree);
  ASSERT_EQ(read.tree->files.size(), 3u);
  EXPECT_EQ(read.tree->files[2].first_reading, 1u);
  EXPECT_EQ(read.tree->files[2].result.text, "exten => 1,1,Dial(PJSIP/100)\n");
  OutputOptions options;
  options.output_path = "extensions_pjsip.conf";
  const auto outputs = dialplan::plan_outputs(*read.tree, options);
  ASSERT_EQ(outputs.size(), 2u);
  EXPECT_EQ(outputs[0].content,
            "[a]\n#include pjsip_common.conf\n[b]\n#include pjsip_common.conf\n");
  EXPECT_EQ(outputs[1].path, "pjsip_common.conf");
}

TEST(DialplanFiles, AelIncludes) {
  MemoryFileSystem files;
  files.add_file("extensions.ael",
                 "#include \"ael/*.ael\"\n"
                 "context main { 1 => { Dial(SIP/100); }; };\n"
                 "#include \"nothing.ael\"\n");
  files.add_file("ael/users.ael", "context users { 101 => { Dial(SIP/101); }; };\n");
  const auto read = read_tree(files, "extensions.ael");
  ASSERT_TRUE(read.tree);
  ASSERT_EQ(read.tree->files.size(), 2u);
  EXPECT_EQ(read.tree->files[1].result.text, "context users { 101 => { Dial(PJSIP/101); }; };\n");
  EXPECT_EQ(read.diagnostics,
            (Strings{"extensions.ael:3: warning: #include \"nothing.ael\": no such file; AEL skips "
                     "it [dialplan-ael-include]"}));
  OutputOptions options;
  options.output_path = "extensions_pjsip.ael";
  const auto outputs = dialplan::plan_outputs(*read.tree, options);
  ASSERT_EQ(outputs.size(), 2u);
  EXPECT_EQ(outputs[0].content,
            "#include \"pjsip_users.ael\"\n"
            "context main { 1 => { Dial(PJSIP/100); }; };\n"
            "#include \"nothing.ael\"\n");
}

TEST(DialplanFiles, QueuesConfAsTheMainFile) {
  MemoryFileSystem files;
  files.add_file("queues.conf", "[sales]\nmember => SIP/100\n#include queues_more.conf\n");
  files.add_file("queues_more.conf", "[support]\nmember => SIP/101,0,Bob,SIP/101\n");
  const auto read = read_tree(files, "queues.conf");
  ASSERT_TRUE(read.tree);
  EXPECT_EQ(read.tree->files[0].result.text,
            "[sales]\nmember => PJSIP/100\n#include queues_more.conf\n");
  EXPECT_EQ(read.tree->files[1].result.text, "[support]\nmember => PJSIP/101,0,Bob,PJSIP/101\n");
}

TEST(DialplanFiles, UnreadableMainFile) {
  MemoryFileSystem files;
  const auto read = read_tree(files, "extensions.conf");
  EXPECT_FALSE(read.tree);
  ASSERT_EQ(read.diagnostics.size(), 1u);
  EXPECT_NE(read.diagnostics[0].find("[input-unreadable]"), std::string::npos);
  const auto ael = read_tree(files, "extensions.ael");
  EXPECT_FALSE(ael.tree);
}

}  // namespace
}  // namespace sip2pjsip::testing
