// The real binary against hostile input: a 100 MB line, binary junk, NUL bytes, include cycles,
// 100,000 sections of one name, invalid UTF-8, directories, FIFOs, devices and files that
// cannot be read, outputs that cannot be written. Each run ends in bounded time and memory with
// a defined exit code and the diagnostic that says why.
//
// The tests run as root, so a file with mode 000 is still readable and a read-only directory
// still writable: unreadable inputs are a FIFO, a socket, a device and /proc/self/mem (which
// even root cannot read from offset 0); unwritable outputs are a path below a regular file and
// a file in /proc or /sys, where not even root can create one.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
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
const std::string kRejected = "; Asterisk refuses to load a file with this error";

std::string repeat(const std::string& text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

std::size_t count_code(const std::string& err, const std::string& code) {
  std::size_t count = 0;
  for (const auto& line : lines_of(err)) {
    if (line.size() > code.size() + 3 &&
        line.rfind(" [" + code + "]") == line.size() - code.size() - 3) {
      ++count;
    }
  }
  return count;
}

// Every line of stderr is a finding `file:line: severity: message [code]` or the summary.
void expect_well_formed(const std::string& err) {
  for (const auto& line : lines_of(err)) {
    if (line.rfind("sip2pjsip: ", 0) == 0) continue;
    EXPECT_TRUE(line.find(": error: ") != std::string::npos ||
                line.find(": warning: ") != std::string::npos ||
                line.find(": note: ") != std::string::npos)
        << line;
    EXPECT_EQ(line.back(), ']') << line;
  }
}

// ---- size and bytes ------------------------------------------------------------------------

TEST(RobustHostileInput, HundredMegabyteLineIsSkippedInSeconds) {
  ScratchDir dir;
  write_file(dir / "sip.conf",
             "[general]\n" + std::string(100'000'000, 'a') + "\n" + kPeer.substr(10));

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lines_of(result.err).at(0),
            "sip.conf:2: warning: line is 100000000 bytes long; Asterisk skips lines longer than "
            "8190 bytes [config-line-too-long]");
  EXPECT_LT(result.seconds, 10.0);
  EXPECT_LT(result.max_rss_kb, 600 * 1024);  // the file once, and ASan's share
  EXPECT_TRUE(contains(object_ids(read_file(dir / "pjsip.conf")), "6001/endpoint"));
}

// 256 times every byte value: 257 lines, the first 256 with a NUL byte, the last 256 with text
// before it that Asterisk would refuse (no section), and not one section.
TEST(RobustHostileInput, BinaryJunkIsReportedLineByLine) {
  std::string junk;
  for (int round = 0; round < 256; ++round) {
    for (int byte = 0; byte < 256; ++byte) junk += static_cast<char>(byte);
  }
  ScratchDir dir;
  write_file(dir / "sip.conf", junk);

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto lines = lines_of(result.err);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "sip.conf:1: warning: NUL byte in line; Asterisk ignores the rest of the line "
            "[config-nul-byte]");
  EXPECT_EQ(lines[1],
            "sip.conf:2: warning: NUL byte in line; Asterisk ignores the rest of the line "
            "[config-nul-byte]");
  EXPECT_EQ(lines[2], "sip.conf:2: error: line is not inside any section" + kRejected +
                          " [config-no-section]");
  EXPECT_EQ(count_code(result.err, "config-nul-byte"), 256u);
  EXPECT_EQ(count_code(result.err, "config-no-section"), 256u);
  expect_well_formed(result.err);
  EXPECT_LT(result.seconds, 10.0);
  EXPECT_TRUE(fs::exists(dir / "pjsip.conf"));
}

// A NUL byte ends the line for Asterisk: the rest of it is never read.
TEST(RobustHostileInput, NulBytesEndTheLine) {
  ScratchDir dir;
  std::string text = "[general]\n" + std::string(3, '\0') + "\n[6001]\ntype=friend";
  text += '\0';
  text += "peer\nhost=dynamic\nsecret=12";
  text += '\0';
  text += "34\n";
  write_file(dir / "sip.conf", text);

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto lines = lines_of(result.err);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "sip.conf:2: warning: NUL byte in line; Asterisk ignores the rest of the line "
            "[config-nul-byte]");
  EXPECT_EQ(lines[1],
            "sip.conf:4: warning: NUL byte in line; Asterisk ignores the rest of the line "
            "[config-nul-byte]");
  EXPECT_EQ(lines[2],
            "sip.conf:6: warning: NUL byte in line; Asterisk ignores the rest of the line "
            "[config-nul-byte]");
  const auto output = read_file(dir / "pjsip.conf");
  EXPECT_EQ(find_object(output, "6001", "auth")["password"], "12");
  EXPECT_EQ(find_object(output, "6001", "endpoint").type, "endpoint");
}

// Bytes that are no UTF-8 are carried through as they are, and `check --json` still prints
// valid JSON (the bytes become U+FFFD there; this used to throw and abort).
TEST(RobustHostileInput, InvalidUtf8IsCarriedThroughAndJsonStaysValid) {
  ScratchDir dir;
  const std::string name = "caf\xe9\xff";
  write_file(dir / "sip.conf", "[general]\n[" + name +
                                   "]\ntype=friend\nhost=dynamic\n"
                                   "secret=\xc3\x28\nbogus\xfe=1\n");

  const auto convert = run_binary({"-q"}, dir.path());

  EXPECT_EQ(convert.exit_code, 0) << convert.err;
  EXPECT_NE(convert.err.find("sip.conf:6: warning: bogus\xfe = 1: unknown option; chan_sip "
                             "ignores it [sip-unknown-option]"),
            std::string::npos)
      << convert.err;
  const auto output = read_file(dir / "pjsip.conf");
  EXPECT_EQ(find_object(output, name, "auth")["password"], "\xc3\x28");

  write_file(dir / "bad.conf", "[" + name + "]\ntype=endpoint\nbogus\xfe=1\n");
  const auto check = run_binary({"check", "--json", "bad.conf"}, dir.path());

  EXPECT_EQ(check.exit_code, 2) << check.err;
  EXPECT_EQ(check.err, "");
  EXPECT_NE(check.out.find("\"message\": \"endpoint 'caf\xef\xbf\xbd\xef\xbf\xbd': unknown "
                           "option 'bogus\xef\xbf\xbd'"),
            std::string::npos)
      << check.out;
}

// Found by fuzz_convert (fuzz/regressions/convert/semicolon-in-section-name.conf): `[a\;b]` is
// the section "a;b", which was written as `[a;b]`, a header whose `]` is in a comment.
TEST(RobustHostileInput, SemicolonInASectionNameIsWrittenEscaped) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\n[a\\;b]\ntype=friend\nhost=dynamic\nsecret=x\n");

  const auto convert = run_binary({"-q"}, dir.path());

  EXPECT_EQ(convert.exit_code, 0) << convert.err;
  const auto output = read_file(dir / "pjsip.conf");
  EXPECT_NE(output.find("\n[a\\;b]\ntype=endpoint\n"), std::string::npos) << output;
  EXPECT_NE(output.find("\naors=a\\;b\n"), std::string::npos) << output;
  const auto check = run_binary({"check", "pjsip.conf"}, dir.path());
  EXPECT_EQ(check.err.find("config-"), std::string::npos) << check.err;
  EXPECT_EQ(check.err.find("pjsip-unknown-reference"), std::string::npos) << check.err;
}

// ---- includes ------------------------------------------------------------------------------

TEST(RobustHostileInput, IncludeChainTenThousandFilesDeep) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\n#include l1.conf\n");
  for (int i = 1; i <= 10000; ++i) {
    write_file(dir / ("l" + std::to_string(i) + ".conf"),
               "[p" + std::to_string(i) + "]\ntype=peer\nhost=dynamic\n#include l" +
                   std::to_string(i + 1) + ".conf\n");
  }

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(lines_of(result.err).at(0),
            "l10.conf:4: error: includes are nested deeper than 10 "
            "levels" +
                kRejected + " [config-include-depth]");
  EXPECT_LT(result.seconds, 10.0);
  EXPECT_TRUE(fs::exists(dir / "pjsip_l10.conf"));
  EXPECT_FALSE(fs::exists(dir / "pjsip_l11.conf"));
}

TEST(RobustHostileInput, IncludeCyclesThroughOtherPathsAndGlobs) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\n#include peers/a.conf\n");
  write_file(dir / "peers/a.conf", "[a]\ntype=peer\nhost=dynamic\n#include peers/b.conf\n");
  write_file(dir / "peers/b.conf",
             "[b]\ntype=peer\nhost=dynamic\n#include loop/a.conf\n"
             "#include ./sip.conf\n#include peers/*.conf\n");
  fs::create_directory_symlink("peers", dir / "loop");

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 1) << result.err;
  const auto lines = lines_of(result.err);
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[0],
            "peers/b.conf:4: error: 'loop/a.conf' includes itself (include cycle); "
            "not followed" +
                kRejected + " [config-include-cycle]");
  EXPECT_EQ(lines[1],
            "peers/b.conf:5: error: './sip.conf' includes itself (include cycle); "
            "not followed" +
                kRejected + " [config-include-cycle]");
  EXPECT_EQ(lines[2],
            "peers/b.conf:6: error: 'peers/a.conf' includes itself (include cycle); "
            "not followed" +
                kRejected + " [config-include-cycle]");
  EXPECT_EQ(lines[3],
            "peers/b.conf:6: error: 'peers/b.conf' includes itself (include cycle); "
            "not followed" +
                kRejected + " [config-include-cycle]");
  EXPECT_LT(result.seconds, 10.0);
}

// ---- many sections -------------------------------------------------------------------------

TEST(RobustHostileInput, HundredThousandSectionsWithTheSameName) {
  ScratchDir dir;
  write_file(dir / "sip.conf", "[general]\n" + repeat("[a]\ntype=friend\nhost=dynamic\n", 100000));

  // Not quiet: the summary needs the report, which pairs every definition with the peer.
  const auto result = run_binary({}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err.substr(0, 1000);
  EXPECT_EQ(lines_of(result.out).at(3),
            "Converted 1 peer, 0 trunks and 0 registrations into 4 pjsip objects.");
  EXPECT_EQ(lines_of(result.err).at(0),
            "sip.conf:5: warning: [a] is defined again (first at sip.conf:2); chan_sip applies "
            "these lines on top of the earlier ones, and so does the conversion: one set of "
            "pjsip objects [sip-duplicate-peer]");
  EXPECT_EQ(count_code(result.err, "sip-duplicate-peer"), 99999u);
  EXPECT_LT(result.seconds, 30.0);
  EXPECT_LT(result.max_rss_kb, 1024 * 1024);
  const auto names = object_names(read_file(dir / "pjsip.conf"));
  EXPECT_EQ(std::count(names.begin(), names.end(), "a"), 1);
}

// Each template made from the one before: peer p copies 10,000 levels of settings. Read,
// converted and reported (not quiet) in bounded time.
TEST(RobustHostileInput, TemplateChainTenThousandDeep) {
  std::string text = "[general]\n[t0](!)\ntype=friend\nhost=dynamic\n";
  for (int i = 1; i < 10000; ++i) {
    text += "[t" + std::to_string(i) + "](!,t" + std::to_string(i - 1) + ")\n";
  }
  text += "[p](t9999)\nsecret=s3cret\n";
  ScratchDir dir;
  write_file(dir / "sip.conf", text);

  const auto result = run_binary({}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err.substr(0, 1000);
  EXPECT_EQ(lines_of(result.out).at(3),
            "Converted 1 peer, 0 trunks and 0 registrations into 5 pjsip objects.");
  EXPECT_LT(result.seconds, 30.0);
  EXPECT_LT(result.max_rss_kb, 1024 * 1024);
  const auto output = read_file(dir / "pjsip.conf");
  EXPECT_NE(output.find("[p]\ntype=auth\nauth_type=userpass\nusername=p\npassword=s3cret\n"),
            std::string::npos);
}

// ---- what cannot be read -------------------------------------------------------------------

TEST(RobustHostileInput, DirectoryAsInputOfEveryCommand) {
  ScratchDir dir;
  fs::create_directories(dir / "conf");
  write_file(dir / "extensions.conf", "[default]\nexten => 1,1,Dial(SIP/6001)\n");

  const auto check = run_binary({"check", "conf"}, dir.path());
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_EQ(check.err,
            "conf: error: is a directory, not a configuration file [input-unreadable]\n");

  const auto dialplan =
      run_binary({"dialplan", "-q", "--sip", "conf", "extensions.conf"}, dir.path());
  EXPECT_EQ(dialplan.exit_code, 2);
  EXPECT_EQ(dialplan.err,
            "conf: error: is a directory, not a configuration file [input-unreadable]\n");
  EXPECT_EQ(files_in(dir.path()), std::vector<std::string>{"extensions.conf"});
}

// A FIFO would block the reader until someone writes to it, a device like /dev/zero never
// ends: neither is read, as Asterisk reads neither.
TEST(RobustHostileInput, FifoSocketAndDeviceAreNotRead) {
  ScratchDir dir;
  ASSERT_EQ(mkfifo((dir / "fifo.conf").c_str(), 0600), 0);
  const int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const auto socket_path = dir / "socket.conf";
  ASSERT_LT(socket_path.size(), sizeof(address.sun_path));
  socket_path.copy(address.sun_path, socket_path.size());
  ASSERT_EQ(bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);

  for (const std::string input : {"fifo.conf", "socket.conf", "/dev/zero"}) {
    SCOPED_TRACE(input);
    const auto result = run_binary({"-q", input, "out.conf"}, dir.path());
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.err, input +
                              ": error: is not a regular file (a FIFO, socket or device); not "
                              "read [input-unreadable]\n");
    EXPECT_LT(result.seconds, 10.0);
  }
  close(sock);

  // Included, they are skipped with a warning, as Asterisk skips them.
  write_file(dir / "sip.conf", "[general]\n#tryinclude fifo.conf\n#include /dev/zero\n");
  const auto included = run_binary({"-q"}, dir.path());
  EXPECT_EQ(included.exit_code, 1);
  const auto lines = lines_of(included.err);
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[0],
            "sip.conf:2: warning: 'fifo.conf' is not a regular file; Asterisk ignores "
            "it [config-include-not-regular]");
  EXPECT_EQ(lines[1],
            "sip.conf:2: note: #tryinclude 'fifo.conf': no such file; nothing "
            "included [config-tryinclude-missing]");
  EXPECT_EQ(lines[2],
            "sip.conf:3: warning: '/dev/zero' is not a regular file; Asterisk "
            "ignores it [config-include-not-regular]");
  EXPECT_EQ(lines[3], "sip.conf:3: error: #include '/dev/zero': no such file" + kRejected +
                          " [config-include-missing]");
}

// Root can read a file whatever its mode; /proc/self/mem it cannot read from offset 0.
TEST(RobustHostileInput, FilesThatCannotBeRead) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer);

  const auto mem = run_binary({"-q", "/proc/self/mem", "out.conf"}, dir.path());
  EXPECT_EQ(mem.exit_code, 2);
  EXPECT_EQ(mem.err, "/proc/self/mem: error: cannot read: Input/output error [input-unreadable]\n");

  const auto below_a_file = run_binary({"-q", "sip.conf/x.conf", "out.conf"}, dir.path());
  EXPECT_EQ(below_a_file.exit_code, 2);
  EXPECT_EQ(below_a_file.err,
            "sip.conf/x.conf: error: cannot read: Not a directory [input-unreadable]\n");

  write_file(dir / "main.conf", "[general]\n#include /proc/self/mem\n#tryinclude /proc/self/mem\n");
  const auto included = run_binary({"-q", "main.conf", "out.conf"}, dir.path());
  EXPECT_EQ(included.exit_code, 1);
  const auto lines = lines_of(included.err);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0], "main.conf:2: error: cannot read '/proc/self/mem': Input/output error" +
                          kRejected + " [config-include-unreadable]");
  EXPECT_EQ(lines[1],
            "main.conf:3: warning: cannot read '/proc/self/mem': Input/output error; "
            "Asterisk skips it [config-include-unreadable]");
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"main.conf", "out.conf", "sip.conf"}));
}

// ---- what cannot be written ----------------------------------------------------------------

TEST(RobustHostileInput, OutputThatCannotBeWritten) {
  struct Case {
    std::string output;
    std::string reason;
  };
  std::vector<Case> cases = {{"sip.conf/pjsip.conf", "Not a directory"},
                             {"missing/pjsip.conf", "No such file or directory"},
                             {"/proc/version/pjsip.conf", "Not a directory"}};
  // sysfs refuses new files even to root: a read-only directory that stays read-only.
  if (fs::exists("/sys/kernel")) cases.push_back({"/sys/pjsip.conf", "Permission denied"});
  for (const auto& [output, reason] : cases) {
    SCOPED_TRACE(output);
    ScratchDir dir;
    write_file(dir / "sip.conf", kPeer);

    const auto result = run_binary({"-q", "sip.conf", output}, dir.path());

    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(lines_of(result.err).back(),
              output + ": error: cannot write: " + reason + " [output-write]");
    EXPECT_EQ(files_in(dir.path()), std::vector<std::string>{"sip.conf"});
  }
}

// Another name for the input, by a hard link, is the input too.
TEST(RobustHostileInput, OutputThatIsAHardLinkToTheInput) {
  ScratchDir dir;
  write_file(dir / "sip.conf", kPeer);
  fs::create_hard_link(dir / "sip.conf", dir / "pjsip.conf");

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(lines_of(result.err).back(),
            "pjsip.conf: error: output would overwrite an input file; choose another output "
            "name [output-is-input]");
  EXPECT_EQ(read_file(dir / "sip.conf"), kPeer);
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"pjsip.conf", "sip.conf"}));
}

}  // namespace
}  // namespace sip2pjsip::testing
