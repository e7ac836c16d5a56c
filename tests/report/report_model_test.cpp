// What the report makes of a conversion: the kind of each section, templates and the sections
// using them, peers defined twice, trunks, where findings go, what needs attention, the counts
// and the steps left to a person.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "report/report.h"
#include "report/report_support.h"

namespace sip2pjsip::testing {
namespace {

using report::SectionKind;

std::vector<std::string> step_ids(const report::Report& report) {
  std::vector<std::string> ids;
  for (const auto& step : report.manual_steps) ids.push_back(step.id);
  return ids;
}

std::vector<std::string> object_names(const report::SectionEntry& entry) {
  std::vector<std::string> out;
  for (const auto* object : entry.objects)
    out.push_back(object->type.str() + " " + std::string(object->name));
  return out;
}

TEST(ReportModel, SectionKindsTemplatesAndInheritedLines) {
  const auto reported = report_text(
      "[general]\n"          // 1
      "allowguest=no\n"      // 2
      "[phone](!)\n"         // 3
      "type=friend\n"        // 4
      "host=dynamic\n"       // 5
      "[alice](phone)\n"     // 6
      "secret=a\n"           // 7
      "[bob](phone)\n"       // 8
      "secret=b\n"           // 9
      "[door]\n"             // 10
      "type=user\n"          // 11
      "secret=d\n"           // 12
      "[gw]\n"               // 13
      "type=peer\n"          // 14
      "host=192.0.2.9\n"     // 15
      "[notes]\n"            // 16
      "comment=no type\n");  // 17
  const auto& report = reported.report;
  std::vector<SectionKind> kinds;
  for (const auto& entry : report.sections) kinds.push_back(entry.kind);
  EXPECT_EQ(kinds,
            (std::vector<SectionKind>{SectionKind::general, SectionKind::template_,
                                      SectionKind::friend_, SectionKind::friend_, SectionKind::user,
                                      SectionKind::peer, SectionKind::skipped}));

  const auto& phone = section_named(report, "phone");
  EXPECT_EQ(phone.used_by, (std::vector<std::uint32_t>{2, 3}));
  EXPECT_TRUE(phone.objects.empty());
  ASSERT_EQ(phone.options.size(), 2u);
  EXPECT_EQ(phone.options[0].outcome, nullptr) << "a template's own lines have no outcome";

  // alice's lines: the two inherited from [phone] (written there), then her own.
  const auto& alice = section_named(report, "alice");
  ASSERT_EQ(alice.options.size(), 3u);
  EXPECT_TRUE(alice.options[0].variable->inherited());
  EXPECT_EQ(alice.options[0].variable->where().line, 4);
  EXPECT_EQ(alice.options[0].written_in, 1u);
  EXPECT_FALSE(alice.options[2].written_in.has_value());
  EXPECT_EQ(object_names(alice),
            (std::vector<std::string>{"endpoint alice", "aor alice", "auth alice"}));
  // host=dynamic went into alice's aor, and only alice's, though bob inherits the same line.
  ASSERT_EQ(alice.options[1].written.size(), 2u);
  EXPECT_EQ(alice.options[1].written[0].object->name, "alice");
  EXPECT_EQ(alice.options[1].written[0].option->name, "max_contacts");

  EXPECT_TRUE(section_named(report, "notes").attention) << "a skipped section needs attention";
  EXPECT_TRUE(report.unaccounted.empty());
  EXPECT_EQ(report.counts.peers, 4u) << "alice, bob, door and gw (no provider settings)";
  EXPECT_EQ(report.counts.trunks, 0u);
  EXPECT_EQ(report.counts.options, 1u + 3 + 3 + 2 + 2 + 1) << "template lines are not counted";
}

TEST(ReportModel, TrunksAreFixedAddressPeersRegisteredToOrWithProviderSettings) {
  const auto reported = report_text(
      "[general]\n"
      "allowguest=no\n"
      "register => acct:pw@itsp\n"
      "[itsp]\n"
      "type=peer\n"
      "host=sip.itsp.example\n"
      "[carrier]\n"
      "type=friend\n"
      "host=198.51.100.7\n"
      "insecure=port,invite\n"
      "[desk]\n"
      "type=friend\n"
      "host=dynamic\n"
      "fromuser=desk\n"
      "[lobby]\n"
      "type=friend\n"
      "host=192.0.2.50\n");
  const auto& report = reported.report;
  EXPECT_TRUE(section_named(report, "itsp").trunk) << "a register line names it";
  EXPECT_TRUE(section_named(report, "carrier").trunk) << "insecure= is a provider setting";
  EXPECT_FALSE(section_named(report, "desk").trunk) << "a registering phone is never a trunk";
  EXPECT_FALSE(section_named(report, "lobby").trunk) << "a phone at a fixed address";
  EXPECT_EQ(report.counts.trunks, 2u);
  EXPECT_EQ(report.counts.peers, 2u);
  EXPECT_EQ(report.counts.registrations, 1u);
}

TEST(ReportModel, APeerDefinedTwiceShowsEachLineWhereItIsWritten) {
  const auto reported = report_text(
      "[general]\n"      // 1
      "allowguest=no\n"  // 2
      "[a]\n"            // 3
      "type=friend\n"    // 4
      "host=dynamic\n"   // 5
      "[a]\n"            // 6: chan_sip applies it on top of the first
      "type=friend\n"    // 7
      "context=x\n");    // 8
  const auto& report = reported.report;
  ASSERT_EQ(report.sections.size(), 3u);
  const auto& first = report.sections[1];
  const auto& again = report.sections[2];
  EXPECT_FALSE(first.merged_into.has_value());
  EXPECT_EQ(again.merged_into, 1u);
  EXPECT_EQ(again.kind, SectionKind::friend_);
  EXPECT_EQ(object_names(first), (std::vector<std::string>{"endpoint a", "aor a"}));
  EXPECT_TRUE(again.objects.empty()) << "one peer: its objects are with the first definition";
  ASSERT_EQ(again.options.size(), 2u);
  const auto& context = again.options[1];
  ASSERT_NE(context.outcome, nullptr);
  EXPECT_EQ(context.outcome->outcome, convert::Outcome::mapped);
  ASSERT_EQ(context.written.size(), 1u);
  EXPECT_EQ(context.written[0].object->type, "endpoint");
  EXPECT_EQ(context.written[0].option->name, "context");
  EXPECT_TRUE(report.unaccounted.empty());
  EXPECT_EQ(report.counts.peers, 1u);
  // The sip-duplicate-peer warning stands with the second definition.
  ASSERT_EQ(again.diagnostics.size(), 1u);
  EXPECT_EQ(reported.converted->diagnostics.all()[again.diagnostics[0]].code, "sip-duplicate-peer");
}

TEST(ReportModel, FindingsGoToTheirSectionOnceOrToOtherFindings) {
  const auto reported = report_text(
      "stray=1\n"         // 1: before any section
      "[general]\n"       // 2
      "allowguest=no\n"   // 3
      "[p]\n"             // 4
      "type=friend\n"     // 5
      "host=dynamic\n"    // 6
      "frobnicate=yes\n"  // 7: unknown option, shown on its row
      "[q]\n"             // 8: no type
      "x=1\n");           // 9
  const auto& report = reported.report;
  const auto& all = reported.converted->diagnostics.all();
  ASSERT_EQ(report.diagnostic_sections.size(), all.size());
  const auto code_of = [&](std::size_t i) { return all[i].code; };

  const auto& p = section_named(report, "p");
  EXPECT_TRUE(p.diagnostics.empty()) << "the unknown option's warning is on its row already";
  EXPECT_EQ(p.not_converted, 1u);
  EXPECT_TRUE(p.attention);

  const auto& q = section_named(report, "q");
  ASSERT_EQ(q.diagnostics.size(), 1u);
  EXPECT_EQ(code_of(q.diagnostics[0]), "sip-missing-type");

  ASSERT_EQ(report.other_diagnostics.size(), 1u);
  EXPECT_EQ(code_of(report.other_diagnostics[0]), "config-no-section");
  EXPECT_FALSE(report.diagnostic_sections[report.other_diagnostics[0]].has_value());
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].code == "sip-unknown-option") {
      EXPECT_EQ(report.diagnostic_sections[i], p.index);
    }
  }
}

TEST(ReportModel, FindingsAboutIncludedFilesBelongToNoSection) {
  const auto reported = report_text(
      "[general]\n"
      "allowguest=no\n"
      "[a]\n"
      "type=friend\n"
      "host=dynamic\n"
      "#tryinclude custom.conf\n");
  const auto& report = reported.report;
  ASSERT_EQ(report.other_diagnostics.size(), 1u);
  EXPECT_EQ(reported.converted->diagnostics.all()[report.other_diagnostics[0]].code,
            "config-tryinclude-missing");
  EXPECT_FALSE(section_named(report, "a").attention);
}

TEST(ReportModel, CountsAndAttention) {
  const auto reported = report_text(
      "[general]\n"
      "allowguest=no\n"
      "[a]\n"
      "type=friend\n"
      "host=dynamic\n"
      "call-limit=2\n"
      "nonsense=1\n"
      "[b]\n"
      "type=friend\n"
      "host=dynamic\n");
  const auto& report = reported.report;
  const auto& counts = report.counts;
  EXPECT_EQ(counts.sections, 3u);
  EXPECT_EQ(counts.options, 1u + 4 + 2);
  EXPECT_EQ(counts.approximated, 1u);
  EXPECT_EQ(counts.not_converted, 1u);
  EXPECT_EQ(counts.mapped, counts.options - 2);
  EXPECT_EQ(counts.attention_sections, 1u);
  EXPECT_TRUE(section_named(report, "a").attention);
  EXPECT_FALSE(section_named(report, "b").attention);
  EXPECT_EQ(counts.objects, reported.converted->conversion.config.objects.size());
}

TEST(ReportModel, ManualStepsFollowTheConfiguration) {
  const auto phones = report_text(
      "[general]\n"
      "allowguest=yes\n"
      "[web]\n"
      "type=friend\n"
      "host=dynamic\n"
      "transport=ws\n");
  EXPECT_EQ(
      step_ids(phones.report),
      (std::vector<std::string>{"dialplan", "reregister", "guest-access", "http-conf", "modules"}));
  const auto& dialplan = phones.report.manual_steps[0];
  EXPECT_NE(dialplan.detail.find("Dial(SIP/web) becomes Dial(PJSIP/web)"), std::string::npos)
      << dialplan.detail;

  // Only [general]: nothing to dial, nobody to re-register; Asterisk 21 has no chan_sip.
  auto options = test_report_options();
  options.asterisk_version = 21;
  const auto bare = report_text("[general]\nallowguest=no\nbindport=5060\n", options);
  EXPECT_EQ(step_ids(bare.report), (std::vector<std::string>{"modules"}));
  EXPECT_EQ(bare.report.manual_steps[0].title, "Load res_pjsip and chan_pjsip");
}

TEST(ReportModel, IncludedFilesAndTheirOutputs) {
  config::MemoryFileSystem files;
  files.add_file("sip.conf", "[general]\nallowguest=no\n#include peers/office.conf\n");
  files.add_file("peers/office.conf", "[6001]\ntype=friend\nhost=dynamic\n");
  const auto reported = report_files(files);
  const auto& report = reported.report;
  EXPECT_EQ(report.options.outputs, (std::vector<std::string>{"pjsip.conf", "pjsip_office.conf"}));
  const auto& peer = section_named(report, "6001");
  EXPECT_EQ(peer.section->where.file, 1u);
  EXPECT_EQ(report.document->path_of(peer.section->where), "peers/office.conf");
  EXPECT_EQ(report.counts.peers, 1u);
}

}  // namespace
}  // namespace sip2pjsip::testing
