// The bundled examples, converted by the real binary exactly as a user would: the two sip.conf
// files of the seed page (endpoints, trunk) and a configuration spread over included files.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_helpers.h"
#include "support.h"

namespace sip2pjsip::testing {
namespace {

const std::string kVersion = SIP2PJSIP_VERSION;

std::string header(const std::string& source) {
  return "; Converted from " + source + " by sip2pjsip " + kVersion +
         ". Objects keep the sip.conf names.\n";
}

const std::string kProgress = "Reading sip.conf\nConverting to PJSIP...\nWriting pjsip.conf\n";
const std::string kNoReport =
    "For the full report, run again with --report-html FILE or --report-json FILE.\n";

// The summary after the progress lines, checked by hand against each example: peers, objects
// (transport, global, then per peer endpoint, aor, auth(s), identify), lines read.
const std::string kEndpointsSummary =
    "Converted 2 peers, 0 trunks and 0 registrations into 9 pjsip objects.\n"
    "13 settings read: 0 approximated, 0 not converted (1 section to check); 0 errors, 1 "
    "warning.\n"
    "To do by hand: Change SIP/ to PJSIP/ in the dialplan; Let 1 registering phone register "
    "again; Check guest access; Switch modules.conf from chan_sip to res_pjsip.\n" +
    kNoReport;
const std::string kTrunkSummary =
    "Converted 0 peers, 1 trunk and 1 registration into 8 pjsip objects.\n"
    "9 settings read: 0 approximated, 0 not converted (1 section to check); 0 errors, 1 "
    "warning.\n"
    "To do by hand: Change SIP/ to PJSIP/ in the dialplan; Check guest access; Switch "
    "modules.conf from chan_sip to res_pjsip.\n" +
    kNoReport;
const std::string kIncludesSummary =
    "Converted 3 peers, 0 trunks and 0 registrations into 12 pjsip objects.\n"
    "23 settings read: 0 approximated, 0 not converted (0 sections to check); 0 errors, 0 "
    "warnings.\n"
    "To do by hand: Change SIP/ to PJSIP/ in the dialplan; Let 2 registering phones register "
    "again; Switch modules.conf from chan_sip to res_pjsip.\n" +
    kNoReport;

// The sip.conf code block that follows `heading` on the seed page, without the blank lines
// around it.
std::string seed_sip_conf(const std::string& page, const std::string& heading) {
  const auto at = page.find(heading);
  if (at == std::string::npos) return "";
  const auto open = page.find("```", at);
  const auto start = page.find('\n', open) + 1;
  const auto close = page.find("```", start);
  std::string block = page.substr(start, close - start);
  block.erase(0, block.find_first_not_of('\n'));
  block.erase(block.find_last_not_of('\n') + 1);
  return block + "\n";
}

TEST(ExampleSeed, ExamplesAreTheSeedPageSipConf) {
  const std::string seed =
      std::string(SIP2PJSIP_SHARED_DIR) + "/seed/migrating-from-chan_sip-to-res_pjsip.md";
  if (!std::filesystem::exists(seed)) {
    GTEST_SKIP() << "seed page not found at " << seed << " (not part of a plain checkout)";
  }
  const auto page = read_file(seed);
  EXPECT_EQ(read_file(example_dir("endpoints") + "/sip.conf"),
            seed_sip_conf(page, "Example Endpoint Configuration"));
  EXPECT_EQ(read_file(example_dir("trunk") + "/sip.conf"),
            seed_sip_conf(page, "Example SIP Trunk Configuration"));
}

// chan_sip lets unknown callers in (allowguest=yes by default); the seed's sip.conf files do
// not say otherwise, so the conversion warns that pjsip will not.
const std::string kGuestWarning =
    "sip.conf:1: warning: chan_sip let calls from unknown callers into context 'default' "
    "(allowguest defaults to yes); the converted configuration does not. To keep it, set "
    "allowguest=yes and convert again [sip-guest-access-dropped]\n";

// Run as on the seed page: `cd /etc/asterisk && sip_to_pjsip.py`, no arguments.
TEST(ExampleSeed, EndpointsConvertExactly) {
  ScratchDir dir;
  copy_tree(example_dir("endpoints"), dir.path());
  const auto input = read_file(dir / "sip.conf");

  const auto result = run_binary({}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, kProgress + kEndpointsSummary);
  EXPECT_EQ(result.err, kGuestWarning +
                            "sip2pjsip: 9 pjsip objects in 1 file(s); 0 settings approximated, 0 "
                            "not converted; 0 error(s), 1 warning(s)\n");
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"pjsip.conf", "sip.conf"}));
  EXPECT_EQ(read_file(dir / "sip.conf"), input);
  // Checked by hand against the seed page's pjsip.conf column and chan_sip's behaviour. The
  // seed's objects are all here, with these differences:
  // - the transport is named for what it is, and each auth keeps the peer's name (pjsip keeps
  //   names per object type), where the page has [simpletrans] and [auth6001];
  // - 6002's auth username is 6002: the page's 6001 is a typo, chan_sip checks the digest
  //   username against the section name;
  // - 6002's contact has no user part: chan_sip sends to sip:192.0.2.1 when no defaultuser is
  //   set (the page has sip:6002@192.0.2.1:5060);
  // - what chan_sip did by default and pjsip does not is written out: name-before-IP matching
  //   (global, identify_by, and an identify for the friend with a fixed address), one
  //   registration replacing the old (remove_existing) with chan_sip's expiry limits, contact
  //   rewriting for NAT, no 100rel, no Q.850 Reason, unchallenged OPTIONS, ringing while in
  //   use, chan_sip's CoS values, and answering a challenge with the peer's credentials.
  EXPECT_EQ(read_file(dir / "pjsip.conf"), header("sip.conf") + R"(
[transport-udp]
type=transport
protocol=udp
bind=0.0.0.0
cos=4

[global]
type=global
endpoint_identifier_order=username,ip,anonymous

[6001]
type=endpoint
identify_by=username,ip
context=internal
disallow=all
allow=ulaw
rewrite_contact=yes
100rel=no
suppress_q850_reason_headers=yes
allow_unauthenticated_options=yes
notify_early_inuse_ringing=yes
aors=6001
auth=6001
outbound_auth=6001
cos_audio=5
cos_video=6

[6001]
type=aor
max_contacts=1
remove_existing=yes
minimum_expiration=60
maximum_expiration=3600
default_expiration=120

[6001]
type=auth
auth_type=userpass
username=6001
password=1234

[6002]
type=endpoint
identify_by=username,ip
context=internal
disallow=all
allow=ulaw
rewrite_contact=yes
100rel=no
suppress_q850_reason_headers=yes
allow_unauthenticated_options=yes
notify_early_inuse_ringing=yes
aors=6002
auth=6002
outbound_auth=6002
cos_audio=5
cos_video=6

[6002]
type=aor
contact=sip:192.0.2.1:5060

[6002]
type=auth
auth_type=userpass
username=6002
password=1234

[6002]
type=identify
endpoint=6002
match=192.0.2.1:5060

)");
}

TEST(ExampleSeed, EndpointsQuietPrintsOnlyTheWarning) {
  ScratchDir dir;
  copy_tree(example_dir("endpoints"), dir.path());

  const auto result = run_binary({"-q"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, kGuestWarning);
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"pjsip.conf", "sip.conf"}));
}

TEST(ExampleSeed, TrunkConvertsExactly) {
  ScratchDir dir;
  copy_tree(example_dir("trunk"), dir.path());

  const auto result = run_binary({"sip.conf", "pjsip.conf"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, kProgress + kTrunkSummary);
  EXPECT_EQ(result.err, kGuestWarning +
                            "sip2pjsip: 8 pjsip objects in 1 file(s); 0 settings approximated, 0 "
                            "not converted; 0 error(s), 1 warning(s)\n");
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"pjsip.conf", "sip.conf"}));
  // Checked by hand against the seed page's pjsip.conf column and chan_sip's behaviour. The
  // seed's six objects are all here, with these differences:
  // - the registration is what chan_sip sent: REGISTER to sip:203.0.113.1 (chan_sip leaves
  //   out the user and port 5060) for sip:myaccountname@203.0.113.1 (the page's client_uri
  //   host 203.0.133.1 is a typo), with chan_sip's expiry, retry interval, endless retries and
  //   retrying after a 401;
  // - the credentials sent to the provider (username=myaccountname) are a separate auth,
  //   mytrunk-out, used by the registration and the endpoint's outbound_auth as on the page;
  //   the endpoint also keeps the inbound auth chan_sip applied (digest username = section
  //   name; a type=friend with a secret and no insecure=invite was challenged), which the
  //   page leaves out;
  // - the aor contact carries the username (chan_sip's defaultuser) as chan_sip's Request-URI
  //   did, and the identify matches address and port, as chan_sip without insecure=port did;
  //   the page has sip:203.0.113.1:5060 and match=203.0.113.1;
  // - the chan_sip defaults written out, as in the endpoints example.
  EXPECT_EQ(read_file(dir / "pjsip.conf"), header("sip.conf") + R"(
[transport-udp]
type=transport
protocol=udp
bind=0.0.0.0
cos=4

[global]
type=global
endpoint_identifier_order=username,ip,anonymous

[mytrunk]
type=registration
server_uri=sip:203.0.113.1
client_uri=sip:myaccountname@203.0.113.1
expiration=120
retry_interval=20
max_retries=10000
auth_rejection_permanent=no
outbound_auth=mytrunk-out

[mytrunk]
type=endpoint
identify_by=username,ip
context=from-external
disallow=all
allow=ulaw
rewrite_contact=yes
100rel=no
suppress_q850_reason_headers=yes
allow_unauthenticated_options=yes
notify_early_inuse_ringing=yes
aors=mytrunk
auth=mytrunk
outbound_auth=mytrunk-out
cos_audio=5
cos_video=6

[mytrunk]
type=aor
contact=sip:myaccountname@203.0.113.1:5060

[mytrunk]
type=auth
auth_type=userpass
username=mytrunk
password=1234567890

[mytrunk-out]
type=auth
auth_type=userpass
username=myaccountname
password=1234567890

[mytrunk]
type=identify
endpoint=mytrunk
match=203.0.113.1:5060

)");
}

// examples/includes: a main file with [general] codecs and a template, one file in a
// subfolder, two pulled in by a glob, and an optional file that does not exist.
TEST(ExampleIncludes, EachIncludedFileBecomesItsOwnOutput) {
  ScratchDir dir;
  copy_tree(example_dir("includes"), dir.path());

  const auto result = run_binary({}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, kProgress + kIncludesSummary);
  // Every setting is converted: the only diagnostic is the missing optional file.
  const auto messages = lines_of(result.err);
  ASSERT_EQ(messages.size(), 2u) << result.err;
  EXPECT_EQ(messages[0],
            "sip.conf:23: note: #tryinclude 'sip_custom.conf': no such file; nothing included "
            "[config-tryinclude-missing]");
  EXPECT_NE(messages[1].find(" pjsip objects in 4 file(s); 0 settings approximated, 0 not "
                             "converted; 0 error(s), 0 warning(s)"),
            std::string::npos)
      << messages[1];
  EXPECT_EQ(files_in(dir.path()),
            (std::vector<std::string>{"peers/office.conf", "pjsip.conf", "pjsip_alice.conf",
                                      "pjsip_bob.conf", "pjsip_office.conf", "sip.conf",
                                      "users/alice.conf", "users/bob.conf"}));

  // The main output includes the converted files where sip.conf included the originals, by
  // base name, in glob order; the missing optional file stays an optional include.
  const auto main = read_file(dir / "pjsip.conf");
  EXPECT_EQ(
      include_lines(main),
      (std::vector<std::string>{"#include pjsip_office.conf", "#include pjsip_alice.conf",
                                "#include pjsip_bob.conf", "#tryinclude pjsip_sip_custom.conf"}));
  EXPECT_EQ(main.rfind(header("sip.conf"), 0), 0u);
  // The template [phone](!) is not an object of its own.
  EXPECT_EQ(object_ids(main),
            (std::vector<std::string>{"transport-udp/transport", "global/global"}));
  EXPECT_EQ(find_object(main, "transport-udp", "transport")["bind"], "0.0.0.0:5060");

  const auto office = read_file(dir / "pjsip_office.conf");
  EXPECT_EQ(office.rfind(header("peers/office.conf"), 0), 0u);
  EXPECT_TRUE(include_lines(office).empty());
  EXPECT_EQ(object_ids(office),
            (std::vector<std::string>{"branch-office/endpoint", "branch-office/aor",
                                      "branch-office/auth", "branch-office/identify"}));
  const auto gateway = find_object(office, "branch-office", "endpoint");
  EXPECT_EQ(gateway["context"], "from-branch");
  EXPECT_EQ(gateway["allow"], "alaw,ulaw");  // [general]'s codecs
  EXPECT_EQ(gateway["aors"], "branch-office");
  EXPECT_EQ(gateway["auth"], "branch-office");
  EXPECT_EQ(find_object(office, "branch-office", "aor")["contact"], "sip:198.51.100.20:5080");
  EXPECT_EQ(find_object(office, "branch-office", "auth")["password"], "Br4nch-Link");
  EXPECT_EQ(find_object(office, "branch-office", "identify")["match"], "198.51.100.20:5080");

  const auto alice = read_file(dir / "pjsip_alice.conf");
  EXPECT_EQ(alice.rfind(header("users/alice.conf"), 0), 0u);
  EXPECT_TRUE(include_lines(alice).empty());
  EXPECT_EQ(object_ids(alice),
            (std::vector<std::string>{"alice/endpoint", "alice/aor", "alice/auth"}));
  const auto alice_endpoint = find_object(alice, "alice", "endpoint");
  EXPECT_EQ(alice_endpoint["context"], "internal");      // from the template
  EXPECT_EQ(alice_endpoint["allow"], "alaw,ulaw,g722");  // [general], then the template
  EXPECT_EQ(find_object(alice, "alice", "aor")["max_contacts"], "1");  // host=dynamic
  EXPECT_EQ(find_object(alice, "alice", "auth")["username"], "alice");
  EXPECT_EQ(find_object(alice, "alice", "auth")["password"], "Alice-4821");

  const auto bob = read_file(dir / "pjsip_bob.conf");
  EXPECT_EQ(bob.rfind(header("users/bob.conf"), 0), 0u);
  EXPECT_TRUE(include_lines(bob).empty());
  EXPECT_EQ(object_ids(bob), (std::vector<std::string>{"bob/endpoint", "bob/aor", "bob/auth"}));
  EXPECT_EQ(find_object(bob, "bob", "endpoint")["allow"], "alaw,ulaw");  // disallow=g722
  EXPECT_EQ(find_object(bob, "bob", "auth")["password"], "Bob-7390");
}

TEST(ExampleIncludes, PrefixNamesTheConvertedIncludes) {
  ScratchDir dir;
  copy_tree(example_dir("includes"), dir.path());

  const auto result = run_binary({"--prefix=conv_", "sip.conf", "out.conf"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "Reading sip.conf\nConverting to PJSIP...\nWriting out.conf\n" + kIncludesSummary);
  EXPECT_EQ(files_in(dir.path()),
            (std::vector<std::string>{"conv_alice.conf", "conv_bob.conf", "conv_office.conf",
                                      "out.conf", "peers/office.conf", "sip.conf",
                                      "users/alice.conf", "users/bob.conf"}));
  EXPECT_EQ(
      include_lines(read_file(dir / "out.conf")),
      (std::vector<std::string>{"#include conv_office.conf", "#include conv_alice.conf",
                                "#include conv_bob.conf", "#tryinclude conv_sip_custom.conf"}));
  EXPECT_EQ(object_ids(read_file(dir / "conv_bob.conf")),
            (std::vector<std::string>{"bob/endpoint", "bob/aor", "bob/auth"}));
}

TEST(ExampleIncludes, ShortPrefixOptionAndQuiet) {
  ScratchDir dir;
  copy_tree(example_dir("includes"), dir.path());

  const auto result = run_binary({"-q", "-p", "x-"}, dir.path());

  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  // -q silences the progress lines and the summary; diagnostics are still printed.
  EXPECT_EQ(result.err,
            "sip.conf:23: note: #tryinclude 'sip_custom.conf': no such file; nothing included "
            "[config-tryinclude-missing]\n");
  EXPECT_EQ(include_lines(read_file(dir / "pjsip.conf")),
            (std::vector<std::string>{"#include x-office.conf", "#include x-alice.conf",
                                      "#include x-bob.conf", "#tryinclude x-sip_custom.conf"}));
  EXPECT_TRUE(std::filesystem::exists(dir / "x-office.conf"));
}

// Includes resolve against the configuration directory, not the working directory.
TEST(ExampleIncludes, ConfigDirResolvesIncludes) {
  ScratchDir dir;
  copy_tree(example_dir("includes") + "/peers", dir / "etc/peers");
  copy_tree(example_dir("includes") + "/users", dir / "etc/users");
  std::filesystem::create_directories(dir / "work");
  std::filesystem::create_directories(dir / "out");
  std::filesystem::copy_file(example_dir("includes") + "/sip.conf", dir / "work/sip.conf");

  // Without --config-dir, the includes are looked up beside work/sip.conf and are missing.
  const auto without = run_binary({"-q", "work/sip.conf", "out/pjsip.conf"}, dir.path());
  EXPECT_EQ(without.exit_code, 1);
  const auto messages = lines_of(without.err);
  ASSERT_GE(messages.size(), 3u) << without.err;
  EXPECT_EQ(messages[0],
            "work/sip.conf:21: error: #include 'work/peers/office.conf': no such file; Asterisk "
            "refuses to load a file with this error [config-include-missing]");
  EXPECT_EQ(messages[1],
            "work/sip.conf:22: error: #include 'work/users/*.conf': no such file; Asterisk "
            "refuses to load a file with this error [config-include-missing]");
  EXPECT_EQ(messages[2],
            "work/sip.conf:23: note: #tryinclude 'work/sip_custom.conf': no such file; nothing "
            "included [config-tryinclude-missing]");
  EXPECT_EQ(files_in(dir / "out"), (std::vector<std::string>{"pjsip.conf"}));

  const auto with =
      run_binary({"-q", "--config-dir", "etc", "work/sip.conf", "out/pjsip.conf"}, dir.path());
  EXPECT_EQ(with.exit_code, 0) << with.err;
  EXPECT_EQ(files_in(dir / "out"),
            (std::vector<std::string>{"pjsip.conf", "pjsip.conf.bak", "pjsip_alice.conf",
                                      "pjsip_bob.conf", "pjsip_office.conf"}));
  const auto main = read_file(dir / "out/pjsip.conf");
  EXPECT_EQ(
      include_lines(main),
      (std::vector<std::string>{"#include pjsip_office.conf", "#include pjsip_alice.conf",
                                "#include pjsip_bob.conf", "#tryinclude pjsip_sip_custom.conf"}));
  EXPECT_EQ(main.rfind(header("work/sip.conf"), 0), 0u);
  EXPECT_EQ(read_file(dir / "out/pjsip_office.conf").rfind(header("etc/peers/office.conf"), 0), 0u);
  // The first run's output was kept.
  EXPECT_NE(read_file(dir / "out/pjsip.conf.bak")
                .find("; #include peers/office.conf: no such "
                      "file when converting\n"),
            std::string::npos);
}

TEST(ExampleIncludes, InputFilesAreNotChanged) {
  ScratchDir dir;
  copy_tree(example_dir("includes"), dir.path());
  const auto before = snapshot(dir.path());

  const auto result = run_binary({"-q"}, dir.path());

  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto after = snapshot(dir.path());
  for (const auto& [name, content] : before) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(after.count(name));
    EXPECT_EQ(after.at(name), content);
  }
  EXPECT_EQ(after.size(), before.size() + 4);  // pjsip.conf and three converted includes
}

}  // namespace
}  // namespace sip2pjsip::testing
