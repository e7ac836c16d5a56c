// The HTML page: text from sip.conf is escaped wherever it lands, the page needs nothing but
// itself, its structure carries what the browser test and a reader rely on, and a 5,000-peer
// configuration still gives one plain page.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>

#include "report/html_escape.h"
#include "report/html_report.h"
#include "report/report_support.h"

namespace sip2pjsip::testing {
namespace {

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

TEST(ReportHtml, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(report::escape_html("<a href=\"x\" title='y'>&amp;</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  EXPECT_EQ(report::escape_html("plain text, ünïcode"), "plain text, ünïcode");
  EXPECT_EQ(report::escape_html(""), "");
}

TEST(ReportHtml, TextFromTheInputNeverBecomesMarkup) {
  const auto reported = report_text(
      "[general]\n"
      "allowguest=no\n"
      "useragent=</td></tr><script>alert(1)</script>\n"
      "[<b>x</b>](!)\n"
      "type=friend\n"
      "[a\"onmouseover=\"alert(2)](<b>x</b>)\n"
      "host=dynamic\n"
      "callerid=\"O'Brien <&>\" <100>\n"
      "setvar=X=<img src=y onerror=alert(3)>\n"
      "[<i>skipped</i>]\n"
      "note=<style>body{display:none}</style>\n");
  const auto html = report::render_html(reported.report);
  EXPECT_EQ(occurrences(html, "<script"), 1u) << "only the page's own script";
  EXPECT_EQ(occurrences(html, "<style"), 1u) << "only the page's own style sheet";
  EXPECT_FALSE(contains(html, "<b>x"));
  EXPECT_FALSE(contains(html, "<i>skipped"));
  EXPECT_FALSE(contains(html, "<img"));
  EXPECT_FALSE(contains(html, "\"onmouseover"));
  EXPECT_TRUE(
      contains(html, "useragent=&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(contains(html, "[&lt;b&gt;x&lt;/b&gt;](!)"));
  EXPECT_TRUE(contains(html, "[a&quot;onmouseover=&quot;alert(2)](&lt;b&gt;x&lt;/b&gt;)"));
  EXPECT_TRUE(contains(html, "callerid=&quot;O&#39;Brien &lt;&amp;&gt;&quot; &lt;100&gt;"));
  EXPECT_TRUE(contains(html, "&lt;style&gt;body{display:none}&lt;/style&gt;"));
}

TEST(ReportHtml, SelfContained) {
  const auto reported = report_text("[general]\nallowguest=no\n[a]\ntype=friend\nhost=dynamic\n");
  const auto html = report::render_html(reported.report);
  for (const char* reference : {"http:", "https:", "//cdn", "<link", " src=", "@import", "url("}) {
    EXPECT_FALSE(contains(html, reference)) << reference;
  }
  EXPECT_TRUE(contains(html, "<meta charset=\"utf-8\">"));
  EXPECT_TRUE(contains(html, "Content-Security-Policy\" content=\"default-src 'none';"));
}

TEST(ReportHtml, SummarySectionsRowsAndFilter) {
  const auto reported = report_text(
      "[general]\n"
      "allowguest=no\n"
      "[phone](!)\n"
      "type=friend\n"
      "host=dynamic\n"
      "call-limit=1\n"
      "[a](phone)\n"
      "[b](phone)\n"
      "nonsense=1\n"
      "[c]\n"
      "type=friend\n"
      "host=192.0.2.3\n");
  const auto html = report::render_html(reported.report);
  EXPECT_EQ(occurrences(html, "<section class=\"sec"), 5u);
  EXPECT_EQ(occurrences(html, "<section class=\"sec attn\""), 3u)
      << "the template (its approximated line is reported there), a and b";
  EXPECT_TRUE(contains(html, "<section class=\"sec\" id=\"s4\" data-kind=\"friend\">"));
  // Rows: one per line of every section; the template's own lines are class t.
  EXPECT_EQ(occurrences(html, "<tr class=\""), 1u + 3 + 3 + 4 + 2);
  EXPECT_EQ(occurrences(html, "<tr class=\"t\">"), 3u);
  EXPECT_EQ(occurrences(html, "<tr class=\"a i\">"), 2u) << "call-limit, inherited by a and b";
  EXPECT_EQ(occurrences(html, "<tr class=\"x\">"), 1u) << "nonsense=1";
  EXPECT_TRUE(contains(html, "<td class=\"n\">[phone] 6</td>"));
  EXPECT_TRUE(contains(html, "<dd id=\"count-peers\">3</dd>"));
  EXPECT_TRUE(contains(html, "<dd id=\"count-approximated\">2</dd>"));
  EXPECT_TRUE(contains(html, "<dd id=\"count-not-converted\">1</dd>"));
  EXPECT_TRUE(contains(html, "<dd id=\"count-attention\">3</dd>"));
  EXPECT_TRUE(contains(html, "<input type=\"checkbox\" id=\"attention-only\">"));
  EXPECT_TRUE(contains(html, "data-on=\"Showing the 3 of 5 sections that need attention\""));
  EXPECT_TRUE(contains(html, "<li data-step=\"dialplan\">"));
  EXPECT_TRUE(contains(html, "<a href=\"#s2\">[a](phone)</a>"));
}

TEST(ReportHtml, APeerDefinedAgainPointsToItsFirstDefinition) {
  const auto reported = report_text(
      "[general]\nallowguest=no\n[a]\ntype=friend\nhost=dynamic\n[a]\ntype=friend\ncontext=x\n");
  const auto html = report::render_html(reported.report);
  EXPECT_TRUE(contains(html,
                       "chan_sip applies these lines to the peer first defined at <a "
                       "href=\"#s1\">[a] line 3</a>"));
  EXPECT_TRUE(contains(html, "sip-duplicate-peer"));
}

// A generated 5,000-peer sip.conf: [general], a template, and phones using it; every tenth
// phone has a call-limit, which pjsip only approximates.
std::string five_thousand_peers() {
  std::string text =
      "[general]\nallowguest=no\n\n[phone](!)\ntype=friend\nhost=dynamic\n"
      "context=internal\n\n";
  for (int n = 0; n < 5000; ++n) {
    text += "[" + std::to_string(10000 + n) + "](phone)\nsecret=pw" + std::to_string(n) + "\n";
    if (n % 10 == 0) text += "call-limit=1\n";
  }
  return text;
}

TEST(ReportHtml, FiveThousandPeersMakeOnePlainPage) {
  const auto reported = report_text(five_thousand_peers());
  const auto start = std::chrono::steady_clock::now();
  const auto html = report::render_html(reported.report);
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  // Measured, not asserted: the time depends on the machine and the build.
  std::cout << "[ report   ] HTML for 5,000 peers: " << html.size() << " bytes in "
            << elapsed.count() << " ms\n";
  RecordProperty("html_bytes", std::to_string(html.size()));
  RecordProperty("html_ms", std::to_string(elapsed.count()));

  EXPECT_EQ(reported.report.counts.peers, 5000u);
  EXPECT_EQ(occurrences(html, "<section class=\"sec"), 5002u);
  EXPECT_EQ(occurrences(html, "<section class=\"sec attn\""), 500u);
  EXPECT_EQ(occurrences(html, "<tr class=\""), 1u + 3 + 5000 * 4 + 500);
  EXPECT_EQ(occurrences(html, "<tr class=\"a\">"), 500u);
  EXPECT_EQ(occurrences(html, "<script"), 1u) << "one script for the whole page, none per row";
  EXPECT_TRUE(contains(html, "<dd id=\"count-peers\">5000</dd>"));
  // The template names the first ten phones using it, not all 5,000.
  EXPECT_TRUE(contains(html, "and 4990 more"));
  EXPECT_GT(html.size(), 1'000'000u);
  EXPECT_LT(html.size(), 20'000'000u) << "about 2 KiB a peer at most";
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
}

}  // namespace
}  // namespace sip2pjsip::testing
