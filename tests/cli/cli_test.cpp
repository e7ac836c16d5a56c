// The command line end to end: progress lines, exit codes, include layout, and the safety of
// the written files (atomic, never over an input, permission bits kept, backups).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_helpers.h"
#include "support.h"

namespace sip2pjsip::testing {
namespace {

namespace fs = std::filesystem;

const std::string kPeer = "[general]\n\n[6001]\ntype=friend\nhost=dynamic\nsecret=1234\n";

// ---- progress lines and --quiet -----------------------------------------------------------

TEST(CliProgress, PrintsTheLinesOfSipToPjsip) {
  ScratchDir dir;
  write_file(dir / "in.conf", kPeer);

  const auto result = run_binary({"in.conf", "out.conf"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "Reading in.conf\nConverting to PJSIP...\nWriting out.conf\n"
            "Converted 1 peer, 0 trunks and 0 registrations into 5 pjsip objects.\n"
            "3 settings read: 0 approximated, 0 not converted (1 section to check); 0 errors, 1 "
            "warning.\n"
            "To do by hand: Change SIP/ to PJSIP/ in the dialplan; Let 1 registering phone "
            "register again; Check guest access; Switch modules.conf from chan_sip to res_pjsip.\n"
            "For the full report, run again with --report-html FILE or --report-json FILE.\n");
  // Then one summary line on stderr, after any diagnostics.
  const auto lines = lines_of(result.err);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back().rfind("sip2pjsip: ", 0), 0u) << result.err;
  EXPECT_NE(lines.back().find(" pjsip objects in 1 file(s); "), std::string::npos) << result.err;
  EXPECT_NE(lines.back().find("; 0 error(s), "), std::string::npos) << result.err;
  EXPECT_TRUE(fs::exists(dir / "out.conf"));
}

TEST(CliProgress, QuietSilencesProgressAndSummary) {
  for (const std::string flag : {"-q", "--quiet"}) {
    SCOPED_TRACE(flag);
    ScratchDir dir;
    write_file(dir / "sip.conf", kPeer);

    const auto result = run_binary({flag}, dir.path());

    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, "");
    // No summary line either; only diagnostics, if any.
    EXPECT_EQ(result.err.find("sip2pjsip: "), std::string::npos) << result.err;
    EXPECT_TRUE(fs::exists(dir / "pjsip.conf"));
  }
}

// ---- exit codes --------------------------------------------------------------------------

TEST(CliExitCodes, MissingInputIsTwoAndWritesNothing) {
  ScratchDir dir;

  const auto result = run_binary({}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "Reading sip.conf\n");
  EXPECT_EQ(result.err,
            "sip.conf: error: cannot read: No such file or directory [input-unreadable]\n");
  EXPECT_TRUE(files_in(dir.path()).empty());
}

TEST(CliExitCodes, InputDirectoryIsTwo) {
  ScratchDir dir;
  fs::create_directories(dir / "conf");

  const auto result = run_binary({"-q", "conf"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "conf: error: is a directory, not a configuration file [input-unreadable]\n");
  EXPECT_TRUE(files_in(dir.path()).empty());
}

TEST(CliExitCodes, MissingIncludeIsOneAndStillConverts) {
  ScratchDir dir;
  write_file(dir / "sip.conf",
             "[general]\n#include missing.conf\n\n[p]\ntype=peer\nhost=dynamic\n");

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(lines_of(result.err).at(0),
            "sip.conf:2: error: #include 'missing.conf': no such file; Asterisk refuses to load a "
            "file with this error [config-include-missing]");
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"pjsip.conf", "sip.conf"}));
  // The rest is converted; the missing include is a comment in its place.
  const auto out = read_file(dir / "pjsip.conf");
  EXPECT_NE(out.find("; #include missing.conf: no such file when converting\n"), std::string::npos);
  EXPECT_TRUE(include_lines(out).empty());
  EXPECT_TRUE(contains(object_ids(out), "p/endpoint")) << out;
  EXPECT_TRUE(contains(object_ids(out), "p/aor")) << out;
}

TEST(CliExitCodes, UnknownOptionIsTwo) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer);

  const auto result = run_binary({"--bogus"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("sip2pjsip: error: ", 0), 0u) << result.err;
  EXPECT_NE(result.err.find("--bogus"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(" [usage]\nRun 'sip2pjsip --help' for usage.\n"), std::string::npos)
      << result.err;
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"sip.conf"}));
}

TEST(CliExitCodes, ThirdPositionalArgumentIsTwo) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer);

  const auto result = run_binary({"sip.conf", "pjsip.conf", "extra"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("extra"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("[usage]"), std::string::npos) << result.err;
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"sip.conf"}));
}

TEST(CliExitCodes, PrefixWithoutValueIsTwo) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer);

  const auto result = run_binary({"-p"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("[usage]"), std::string::npos) << result.err;
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"sip.conf"}));
}

TEST(CliInfo, VersionExitsZero) {
  ScratchDir dir;

  const auto result = run_binary({"--version"}, dir.path());

  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, std::string("sip2pjsip ") + SIP2PJSIP_VERSION + "\n");
  EXPECT_EQ(result.err, "");
  EXPECT_TRUE(files_in(dir.path()).empty());
}

TEST(CliInfo, HelpExitsZeroAndNamesEveryOption) {
  for (const std::string flag : {"-h", "--help"}) {
    SCOPED_TRACE(flag);
    ScratchDir dir;
    write_file(dir / "sip.conf", kPeer);

    const auto result = run_binary({flag}, dir.path());

    EXPECT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.err, "");
    for (const char* text :
         {"Usage: sip2pjsip [OPTIONS] [input-file] [output-file]", "input-file TEXT=sip.conf",
          "output-file TEXT=pjsip.conf", "-p,--prefix TEXT=pjsip_", "-q,--quiet", "--config-dir",
          "--allow-exec", "--version", "-h,--help"}) {
      EXPECT_NE(result.out.find(text), std::string::npos) << text << " in:\n" << result.out;
    }
    EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"sip.conf"}));
  }
}

// ---- where the outputs go and how they are named ------------------------------------------

TEST(CliIncludes, OutputsGoBesideTheOutputFile) {
  ScratchDir dir;
  write_file(dir / "conf/sip.conf", "[general]\n#include peers/a.conf\n");
  write_file(dir / "conf/peers/a.conf", "[a]\ntype=peer\nhost=192.0.2.7\n");
  fs::create_directories(dir / "out");

  const auto result = run_binary({"-q", "conf/sip.conf", "out/pjsip.conf"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(files_in(dir / "out"), (std::vector<std::string>{"pjsip.conf", "pjsip_a.conf"}));
  EXPECT_EQ(include_lines(read_file(dir / "out/pjsip.conf")),
            (std::vector<std::string>{"#include pjsip_a.conf"}));
  const auto a = read_file(dir / "out/pjsip_a.conf");
  EXPECT_EQ(a.rfind("; Converted from conf/peers/a.conf by sip2pjsip", 0), 0u) << a;
  EXPECT_EQ(object_names(a), (std::vector<std::string>{"a"}));
  EXPECT_TRUE(contains(object_ids(a), "a/endpoint")) << a;
  EXPECT_EQ(find_object(a, "a", "aor")["contact"], "sip:192.0.2.7:5060");
}

// A file name with ';' (a comment in the #include line), glob characters or a line break
// (found by fuzzing) is written under a name of name characters, which the #include line
// carries as it is; the header names the input on one line.
TEST(CliIncludes, OutputNamesAreSafeInAnIncludeLine) {
  ScratchDir dir;
  write_file(dir / "peers/a;b*[1] c.conf", "[a]\ntype=peer\nhost=192.0.2.7\n");
  write_file(dir / "peers/x\ny.conf", "[x]\ntype=peer\nhost=192.0.2.8\n");
  write_file(dir / "sip.conf", "[general]\n#include peers/*.conf\n");

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(include_lines(read_file(dir / "pjsip.conf")),
            (std::vector<std::string>{"#include pjsip_a-b--1--c.conf", "#include pjsip_x-y.conf"}));
  EXPECT_EQ(object_names(read_file(dir / "pjsip_a-b--1--c.conf")), (std::vector<std::string>{"a"}));
  const auto x = read_file(dir / "pjsip_x-y.conf");
  EXPECT_EQ(x.rfind("; Converted from peers/x?y.conf by sip2pjsip", 0), 0u) << x;
  EXPECT_EQ(object_names(x), (std::vector<std::string>{"x"}));
}

TEST(CliIncludes, SameBaseNameGetsANumberAndARepeatedFileIsWrittenOnce) {
  ScratchDir dir;
  write_file(dir / "a/common.conf", "[x]\ntype=peer\nhost=192.0.2.5\n");
  write_file(dir / "b/common.conf", "[y]\ntype=peer\nhost=192.0.2.6\n");
  write_file(dir / "c/common.conf", "[z]\ntype=peer\nhost=192.0.2.8\n");
  write_file(dir / "sip.conf",
             "[general]\n#include a/common.conf\n#include b/common.conf\n"
             "#include c/common.conf\n#include a/common.conf\n");

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(lines_of(result.err),
                       "sip.conf:5: warning: 'a/common.conf' is included more than once; "
                       "Asterisk reads it again [config-include-repeated]"))
      << result.err;
  EXPECT_EQ(files_in(dir.path()),
            (std::vector<std::string>{"a/common.conf", "b/common.conf", "c/common.conf",
                                      "pjsip.conf", "pjsip_common.conf", "pjsip_common_2.conf",
                                      "pjsip_common_3.conf", "sip.conf"}));
  const auto main = read_file(dir / "pjsip.conf");
  EXPECT_EQ(include_lines(main),
            (std::vector<std::string>{"#include pjsip_common.conf", "#include pjsip_common_2.conf",
                                      "#include pjsip_common_3.conf"}));
  EXPECT_NE(main.find("\n; #include pjsip_common.conf: already included above; each object is "
                      "written once\n"),
            std::string::npos)
      << main;
  EXPECT_EQ(object_names(read_file(dir / "pjsip_common.conf")), (std::vector<std::string>{"x"}));
  EXPECT_EQ(object_names(read_file(dir / "pjsip_common_2.conf")), (std::vector<std::string>{"y"}));
  EXPECT_EQ(object_names(read_file(dir / "pjsip_common_3.conf")), (std::vector<std::string>{"z"}));
}

// One file reached through two spellings of its path, or through a symlink, is one file:
// its objects must not be written twice.
TEST(CliIncludes, FileReachedThroughAnotherPathIsWrittenOnce) {
  ScratchDir dir;
  write_file(dir / "peers/a.conf", "[a]\ntype=peer\nhost=192.0.2.5\n");
  fs::create_symlink("peers/a.conf", dir / "link.conf");
  write_file(dir / "sip.conf",
             "[general]\n#include peers/a.conf\n#include ./peers/a.conf\n#include link.conf\n");

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(files_in(dir.path()),
            (std::vector<std::string>{"link.conf", "peers/a.conf", "pjsip.conf", "pjsip_a.conf",
                                      "sip.conf"}));
  const auto main = read_file(dir / "pjsip.conf");
  EXPECT_EQ(include_lines(main), (std::vector<std::string>{"#include pjsip_a.conf"}));
  const std::string repeated =
      "; #include pjsip_a.conf: already included above; each object is written once\n";
  EXPECT_NE(main.find(repeated + repeated), std::string::npos) << main;
  const auto a = read_file(dir / "pjsip_a.conf");
  EXPECT_EQ(object_names(a), (std::vector<std::string>{"a"}));
  const auto ids = object_ids(a);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "a/endpoint"), 1) << a;
}

TEST(CliIncludes, MissingTryincludeStaysOptional) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\n#tryinclude <custom/sip_custom.conf>\n");

  const auto result = run_binary({"-q", "-p", "new_"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lines_of(result.err).at(0),
            "sip.conf:2: note: #tryinclude 'custom/sip_custom.conf': no such file; nothing "
            "included [config-tryinclude-missing]");
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"pjsip.conf", "sip.conf"}));
  EXPECT_EQ(include_lines(read_file(dir / "pjsip.conf")),
            (std::vector<std::string>{"#tryinclude new_sip_custom.conf"}));
}

// A missing #tryinclude never takes the name of a converted file (it would include that file a
// second time, or itself: a cycle, found by fuzzing), and a pattern that matched nothing is
// not kept, as it would match the converted files.
TEST(CliIncludes, MissingTryincludeNeverIncludesAConvertedFile) {
  ScratchDir dir;
  write_file(dir / "peers/office.conf", "[o]\ntype=peer\nhost=192.0.2.7\n");
  fs::create_directories(dir / "custom");
  write_file(dir / "sip.conf",
             "[general]\n#include peers/office.conf\n#tryinclude office.conf\n"
             "#tryinclude custom/*.conf\n");

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto main = read_file(dir / "pjsip.conf");
  EXPECT_EQ(include_lines(main), (std::vector<std::string>{"#include pjsip_office.conf",
                                                           "#tryinclude pjsip_office_2.conf"}));
  EXPECT_NE(main.find("\n; #tryinclude custom/*.conf: matched no file when converting; not kept, "
                      "as the pattern would match the converted files\n"),
            std::string::npos)
      << main;
}

// optparse (sip_to_pjsip.py) reads `--prefix=` as an empty prefix; it must not swallow the
// next argument.
TEST(CliIncludes, EmptyPrefixAsSipToPjsip) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\n#include extra.conf\n");
  write_file(dir / "extra.conf", "[p]\ntype=peer\nhost=dynamic\n");
  fs::create_directories(dir / "out");

  const auto result = run_binary({"-q", "--prefix=", "sip.conf", "out/pjsip.conf"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(files_in(dir / "out"), (std::vector<std::string>{"extra.conf", "pjsip.conf"}));
  EXPECT_EQ(include_lines(read_file(dir / "out/pjsip.conf")),
            (std::vector<std::string>{"#include extra.conf"}));
}

// ---- safety of the written files ----------------------------------------------------------

TEST(CliOutput, NeverWritesOverTheInput) {
  for (const std::string output : {"sip.conf", "./sip.conf", "../d/sip.conf"}) {
    SCOPED_TRACE(output);
    ScratchDir dir;
    write_file(dir / "d/sip.conf", kPeer);

    const auto result = run_binary({"-q", "sip.conf", output}, dir / "d");

    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(lines_of(result.err).back(),
              output +
                  ": error: output would overwrite an input file; choose another output name "
                  "[output-is-input]");
    EXPECT_EQ(read_file(dir / "d/sip.conf"), kPeer);
    EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"d/sip.conf"}));
  }
}

TEST(CliOutput, NeverWritesOverAnInputThroughASymlink) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer);
  fs::create_symlink("sip.conf", dir / "pjsip.conf");

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(lines_of(result.err).back(),
            "pjsip.conf: error: output would overwrite an input file; choose another output "
            "name [output-is-input]");
  EXPECT_EQ(read_file(dir / "sip.conf"), kPeer);
  EXPECT_TRUE(fs::is_symlink(dir / "pjsip.conf"));
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"pjsip.conf", "sip.conf"}));
}

// With an empty prefix, an included file's output would be the included file itself.
TEST(CliOutput, NeverWritesOverAnIncludedFile) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\n#include extra.conf\n");
  write_file(dir / "extra.conf", "[p]\ntype=peer\nhost=dynamic\n");
  const auto before = snapshot(dir.path());

  const auto result = run_binary({"-q", "-p", "", "sip.conf", "out.conf"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(lines_of(result.err).back(),
            "extra.conf: error: output would overwrite an input file; choose another output name "
            "[output-is-input]");
  EXPECT_EQ(snapshot(dir.path()), before);  // out.conf not written either
}

// Keeping the old output as `<name>.bak` must not overwrite an input file of that name.
TEST(CliOutput, NeverBacksUpOverTheInput) {
  ScratchDir dir;
  write_file(dir / "pjsip.conf.bak", kPeer);
  write_file(dir / "pjsip.conf", "old output\n");
  const auto before = snapshot(dir.path());

  const auto result = run_binary({"-q", "pjsip.conf.bak", "pjsip.conf"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(lines_of(result.err).back(),
            "pjsip.conf: error: keeping the existing output as pjsip.conf.bak would overwrite an "
            "input file; choose another output name [output-is-input]");
  EXPECT_EQ(snapshot(dir.path()), before);
}

TEST(CliOutput, KeepsThePermissionBitsOfEachInput) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\n#include users.conf\n" + kPeer.substr(10));
  write_file(dir / "users.conf", "[alice]\ntype=friend\nhost=dynamic\nsecret=s3cret\n");
  set_permissions(dir / "sip.conf", 0640);
  set_permissions(dir / "users.conf", 0600);
  const mode_t old_mask = umask(0);  // the child inherits it: modes must not depend on it
  const auto result = run_binary({"-q"}, dir.path());
  umask(old_mask);

  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(permissions_of(dir / "pjsip.conf"), 0640u);
  EXPECT_EQ(permissions_of(dir / "pjsip_users.conf"), 0600u);
  EXPECT_EQ(permissions_of(dir / "sip.conf"), 0640u);
  EXPECT_EQ(permissions_of(dir / "users.conf"), 0600u);
}

TEST(CliOutput, KeepsAnExistingOutputAsBak) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer);
  write_file(dir / "pjsip.conf", "; my hand-made pjsip.conf\n");
  set_permissions(dir / "pjsip.conf", 0600);

  const auto first = run_binary({"-q"}, dir.path());

  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(files_in(dir.path()),
            (std::vector<std::string>{"pjsip.conf", "pjsip.conf.bak", "sip.conf"}));
  EXPECT_EQ(read_file(dir / "pjsip.conf.bak"), "; my hand-made pjsip.conf\n");
  EXPECT_EQ(permissions_of(dir / "pjsip.conf.bak"), 0600u);
  const auto converted = read_file(dir / "pjsip.conf");
  EXPECT_TRUE(contains(object_ids(converted), "6001/endpoint")) << converted;

  // A second run keeps the first run's output.
  const auto second = run_binary({"-q"}, dir.path());

  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(read_file(dir / "pjsip.conf.bak"), converted);
  EXPECT_EQ(read_file(dir / "pjsip.conf"), converted);
}

TEST(CliOutput, NothingWrittenWhenTheOutputDirectoryIsMissing) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer);

  const auto result = run_binary({"sip.conf", "missing/pjsip.conf"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "Reading sip.conf\nConverting to PJSIP...\nWriting missing/pjsip.conf\n");
  EXPECT_EQ(lines_of(result.err).back(),
            "missing/pjsip.conf: error: cannot write: No such file or directory [output-write]");
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"sip.conf"}));
  EXPECT_FALSE(fs::exists(dir / "missing"));
}

TEST(CliOutput, NothingWrittenWhenTheOutputIsADirectory) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer);
  fs::create_directories(dir / "pjsip.conf");

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(lines_of(result.err).back(), "pjsip.conf: error: output is a directory [output-write]");
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"sip.conf"}));
}

// All or nothing: when one of several outputs cannot be written, none is, and the temporary
// files already written for the others are removed.
TEST(CliOutput, NothingWrittenWhenOneOfSeveralOutputsFails) {
  ScratchDir dir;
  copy_tree(example_dir("includes"), dir.path());
  fs::create_directories(dir / "pjsip_bob.conf");
  const auto before = snapshot(dir.path());

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("pjsip_bob.conf: error: output is a directory [output-write]\n"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(snapshot(dir.path()), before);
}

TEST(CliOutput, NothingWrittenAndNoTemporariesLeftWhenABackupFails) {
  ScratchDir dir;
  copy_tree(example_dir("includes"), dir.path());
  write_file(dir / "pjsip_office.conf", "; old\n");
  fs::create_directories(dir / "pjsip_office.conf.bak");  // copy_file cannot replace it
  const auto before = snapshot(dir.path());

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("pjsip_office.conf: error: cannot keep a backup as "
                            "pjsip_office.conf.bak: "),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find(" [output-backup]\n"), std::string::npos) << result.err;
  // The temporaries (pjsip.conf.XXXXXX and the others) were written, then removed.
  EXPECT_EQ(snapshot(dir.path()), before);
}

TEST(CliOutput, InputIsUnchangedByteForByte) {
  ScratchDir dir;
  // Odd bytes on purpose: CRLF line ends, a tab, non-ASCII, no final newline.
  const std::string input =
      "[general]\r\ncontext=caf\xc3\xa9\r\n\r\n[6001]\ttype=friend\r\n[6002]\r\ntype=friend\r\n"
      "host=dynamic";
  write_file(dir / "sip.conf", input);
  set_permissions(dir / "sip.conf", 0644);

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_LE(result.exit_code, 1) << result.err;
  EXPECT_EQ(read_file(dir / "sip.conf"), input);
  EXPECT_EQ(permissions_of(dir / "sip.conf"), 0644u);
  EXPECT_TRUE(fs::exists(dir / "pjsip.conf"));
}

}  // namespace
}  // namespace sip2pjsip::testing
