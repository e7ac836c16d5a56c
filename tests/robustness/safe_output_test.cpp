// What a run as root in /etc/asterisk does to the files around it: outputs replaced atomically,
// the previous output kept as `<name>.bak` (the file itself, never written through a symlink),
// permission bits, owner and group of the input kept, nothing written when the conversion
// fails, #exec never run without --allow-exec, includes outside the configuration directory
// reported.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_helpers.h"
#include "support.h"

namespace sip2pjsip::testing {
namespace {

namespace fs = std::filesystem;

const std::string kPeer = "[general]\n\n[6001]\ntype=friend\nhost=dynamic\nsecret=1234\n";

struct stat stat_of(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(lstat(path.c_str(), &info), 0) << path;
  return info;
}

std::string repeat(const std::string& text, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

TEST(RobustSafeOutput, ReplacesAtomicallyAndKeepsTheOldFileAsBak) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer);
  write_file(dir / "pjsip.conf", "; hand-made\n");
  set_permissions(dir / "pjsip.conf", 0604);
  const auto old_output = stat_of(dir / "pjsip.conf");

  const auto result = run_binary({"-q"}, dir.path());

  ASSERT_EQ(result.exit_code, 0) << result.err;
  // The old file is the backup (same inode: same bytes, mode and owner); the new one was
  // renamed into place.
  const auto backup = stat_of(dir / "pjsip.conf.bak");
  EXPECT_EQ(backup.st_ino, old_output.st_ino);
  EXPECT_EQ(backup.st_mode & 07777, 0604u);
  EXPECT_EQ(read_file(dir / "pjsip.conf.bak"), "; hand-made\n");
  EXPECT_NE(stat_of(dir / "pjsip.conf").st_ino, old_output.st_ino);
  EXPECT_EQ(files_in(dir.path()),
            (std::vector<std::string>{"pjsip.conf", "pjsip.conf.bak", "sip.conf"}));
}

// A `.bak` planted as a symlink to another file: copying the backup through it would overwrite
// that file, as root. It is replaced instead.
TEST(RobustSafeOutput, BakThatIsASymlinkIsReplacedNotFollowed) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer);
  write_file(dir / "pjsip.conf", "; old output\n");
  write_file(dir / "victim", "precious\n");
  fs::create_symlink(dir / "victim", dir / "pjsip.conf.bak");

  const auto result = run_binary({"-q"}, dir.path());

  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(dir / "victim"), "precious\n");
  EXPECT_FALSE(fs::is_symlink(dir / "pjsip.conf.bak"));
  EXPECT_EQ(read_file(dir / "pjsip.conf.bak"), "; old output\n");
}

// Run as root, the output must stay readable by the user Asterisk runs as: it gets the owner
// and group of the file it came from, with its permission bits.
TEST(RobustSafeOutput, OwnerGroupAndModeOfEachInputAreKept) {
  if (geteuid() != 0) GTEST_SKIP() << "giving files away needs root";
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\n#include users.conf\n");
  write_file(dir / "users.conf", "[alice]\ntype=friend\nhost=dynamic\nsecret=s\n");
  ASSERT_EQ(chown((dir / "sip.conf").c_str(), 12345, 23456), 0);
  ASSERT_EQ(chown((dir / "users.conf").c_str(), 12346, 23457), 0);
  set_permissions(dir / "sip.conf", 0640);
  set_permissions(dir / "users.conf", 0600);
  write_file(dir / "pjsip.conf", "; old\n");
  ASSERT_EQ(chown((dir / "pjsip.conf").c_str(), 777, 778), 0);

  const auto result = run_binary({"-q"}, dir.path());

  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto main = stat_of(dir / "pjsip.conf");
  EXPECT_EQ(main.st_uid, 12345u);
  EXPECT_EQ(main.st_gid, 23456u);
  EXPECT_EQ(main.st_mode & 07777, 0640u);
  const auto users = stat_of(dir / "pjsip_users.conf");
  EXPECT_EQ(users.st_uid, 12346u);
  EXPECT_EQ(users.st_gid, 23457u);
  EXPECT_EQ(users.st_mode & 07777, 0600u);
  const auto backup = stat_of(dir / "pjsip.conf.bak");
  EXPECT_EQ(backup.st_uid, 777u);
  EXPECT_EQ(backup.st_gid, 778u);
}

TEST(RobustSafeOutput, NothingWrittenWhenTheConversionFailsFatally) {
  ScratchDir dir;
  // A value grown past 64 KiB by `+=`: too large to read.
  write_file(dir / "sip.conf", kPeer + "description=x\n" + repeat("description+=y\n", 70000));
  write_file(dir / "pjsip.conf", "; old output\n");
  const auto before = snapshot(dir.path());

  const auto result = run_binary({}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "Reading sip.conf\n");
  EXPECT_EQ(result.err,
            "sip.conf: error: the configuration is too large to convert safely: 'description "
            "+=' makes a value longer than 64 KiB; nothing converted [config-too-large]\n");
  EXPECT_EQ(snapshot(dir.path()), before);
}

TEST(RobustSafeOutput, ExecRunsOnlyWithAllowExec) {
  ScratchDir dir;
  const auto marker = dir / "ran";
  write_file(dir / "gen.sh",
             "touch " + marker + "\nprintf '[6001]\\ntype=friend\\nhost=dynamic\\n'\n");
  write_file(dir / "sip.conf", "[general]\n#exec /bin/sh gen.sh\n");
  write_file(dir / "pjsip.conf.in", "[t]\ntype=transport\n#exec touch " + marker + "\n");

  const auto plain = run_binary({"-q"}, dir.path());
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(lines_of(plain.err).at(0),
            "sip.conf:2: warning: #exec '/bin/sh gen.sh' not run (it runs a program; "
            "--allow-exec runs it) [config-exec-not-run]");
  EXPECT_FALSE(fs::exists(marker));

  // `check` and `dialplan` have no --allow-exec: they never run it.
  const auto check = run_binary({"check", "pjsip.conf.in"}, dir.path());
  EXPECT_NE(check.err.find("[config-exec-not-run]"), std::string::npos) << check.err;
  write_file(dir / "extensions.conf", "[default]\nexten => 1,1,Dial(SIP/6001)\n");
  const auto dialplan =
      run_binary({"dialplan", "-q", "--sip", "sip.conf", "extensions.conf"}, dir.path());
  EXPECT_EQ(dialplan.exit_code, 0) << dialplan.err;
  EXPECT_FALSE(fs::exists(marker));

  const auto allowed = run_binary({"-q", "--allow-exec", "sip.conf", "exec.conf"}, dir.path());
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_TRUE(fs::exists(marker));
  // What the program printed is converted like an included file, into a file of its own.
  EXPECT_EQ(include_lines(read_file(dir / "exec.conf")),
            std::vector<std::string>{"#include pjsip_exec_sh.conf"});
  EXPECT_TRUE(contains(object_ids(read_file(dir / "pjsip_exec_sh.conf")), "6001/endpoint"));
}

// Asterisk reads an #include from anywhere; a converter run as root should say when a file
// outside /etc/asterisk took part. Run as `sip2pjsip` in the configuration directory (no
// directory in the input name), through `..`, an absolute path and a symlink.
TEST(RobustSafeOutput, IncludesOutsideTheConfigurationDirectoryAreReported) {
  ScratchDir dir;
  write_file(dir / "etc/sip.conf", "[general]\n#include ../shared/a.conf\n#include " +
                                       dir / "shared/b.conf" +
                                       "\n#include link.conf\n#include inside.conf\n");
  write_file(dir / "shared/a.conf", "[a]\ntype=peer\nhost=dynamic\n");
  write_file(dir / "shared/b.conf", "[b]\ntype=peer\nhost=dynamic\n");
  write_file(dir / "shared/c.conf", "[c]\ntype=peer\nhost=dynamic\n");
  write_file(dir / "etc/inside.conf", "[d]\ntype=peer\nhost=dynamic\n");
  fs::create_symlink("../shared/c.conf", dir / "etc/link.conf");
  const auto etc = fs::canonical(dir / "etc").string();
  const std::vector<std::string> expected = {
      "sip.conf:2: note: '../shared/a.conf' lies outside the configuration directory '" + etc +
          "' [config-include-outside]",
      "sip.conf:3: note: '" + dir / "shared/b.conf" +
          "' lies outside the configuration directory '" + etc + "' [config-include-outside]",
      "sip.conf:4: note: 'link.conf' lies outside the configuration directory '" + etc +
          "' [config-include-outside]"};

  const auto result = run_binary({"-q", "sip.conf", "out.conf"}, dir / "etc");

  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> notes;
  for (const auto& line : lines_of(result.err)) {
    if (line.find("[config-include-outside]") != std::string::npos) notes.push_back(line);
  }
  EXPECT_EQ(notes, expected);

  // With --config-dir, the directory is named as given.
  const auto given = run_binary(
      {"-q", "--config-dir", dir / "etc", dir / "etc/sip.conf", dir / "etc/out2.conf"}, dir.path());
  EXPECT_EQ(given.exit_code, 0) << given.err;
  EXPECT_NE(given.err.find(dir / "etc/sip.conf:3: note: '" + dir / "shared/b.conf" +
                           "' lies outside the configuration directory '" + dir / "etc" +
                           "' [config-include-outside]"),
            std::string::npos)
      << given.err;
}

TEST(RobustSafeOutput, TemporaryAndBackupNamesNeverLeftBehindOnFailure) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer + repeat("#include extra.conf\n", 1));
  write_file(dir / "extra.conf", "[x]\ntype=peer\nhost=dynamic\n");
  write_file(dir / "pjsip.conf", "; old\n");
  fs::create_directories(dir / "pjsip.conf.bak");  // the backup cannot replace a directory
  const auto before = snapshot(dir.path());

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(lines_of(result.err).back(),
            "pjsip.conf: error: cannot keep a backup as pjsip.conf.bak: Is a directory "
            "[output-backup]");
  EXPECT_EQ(snapshot(dir.path()), before);
}

}  // namespace
}  // namespace sip2pjsip::testing
