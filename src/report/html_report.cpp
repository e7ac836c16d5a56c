#include "report/html_report.h"

#include <fmt/format.h>

#include "pjsip/writer.h"
#include "report/html_assets.h"
#include "report/html_escape.h"
#include "report/html_sections.h"

namespace sip2pjsip::report {

namespace {

// The page loads nothing: this policy makes the browser enforce it.
constexpr const char* kContentPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

void append_head(std::string& out, const Report& report) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out +=
      fmt::format("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n", kContentPolicy);
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  append_escaped(out, "Migration report: " + report.document->files.front().path);
  out += "</title>\n<style>";
  out += kReportCss;
  out += "</style>\n</head>\n";
}

void append_count(std::string& out, const char* id, const char* css, const char* label,
                  std::size_t value) {
  out += fmt::format("<div class=\"{}\"><dt>{}</dt><dd id=\"count-{}\">{}</dd></div>\n", css, label,
                     id, value);
}

void append_counts(std::string& out, const Counts& c) {
  out += "<dl class=\"counts\">\n";
  append_count(out, "peers", "", "Peers", c.peers);
  append_count(out, "trunks", "", "Trunks", c.trunks);
  append_count(out, "registrations", "", "Registrations", c.registrations);
  append_count(out, "objects", "", "pjsip objects", c.objects);
  append_count(out, "options", "", "Settings read", c.options);
  append_count(out, "approximated", "a", "Approximated", c.approximated);
  append_count(out, "not-converted", "x", "Not converted", c.not_converted);
  append_count(out, "attention", "a", "Sections to check", c.attention_sections);
  append_count(out, "errors", "e", "Errors", c.errors);
  append_count(out, "warnings", "a", "Warnings", c.warnings);
  out += "</dl>\n";
}

void append_manual_steps(std::string& out, const Report& report) {
  out += "<h3>To do by hand</h3>\n";
  if (report.manual_steps.empty()) {
    out += "<p class=\"none\">nothing</p>\n";
    return;
  }
  out += "<ol id=\"manual-steps\">\n";
  for (const auto& step : report.manual_steps) {
    out += "<li data-step=\"";
    append_escaped(out, step.id);
    out += "\"><b>";
    append_escaped(out, step.title);
    out += "</b><p>";
    append_escaped(out, step.detail);
    out += "</p></li>\n";
  }
  out += "</ol>\n";
}

void append_files(std::string& out, const Report& report) {
  const auto& document = *report.document;
  const auto& outputs = report.options.outputs;
  out += "<h3>Files</h3>\n<table class=\"files mono\">\n<tr><th>read</th><th>written</th></tr>\n";
  for (std::size_t i = 0; i < document.files.size(); ++i) {
    out += "<tr><td>";
    append_escaped(out, document.files[i].path);
    out += "</td><td>";
    append_escaped(out, i < outputs.size() ? outputs[i] : "");
    out += "</td></tr>\n";
  }
  out += "</table>\n";
}

// Findings and objects that belong to no sip.conf section.
void append_others(std::string& out, const Report& report) {
  if (!report.other_diagnostics.empty()) {
    out += "<h3>Other findings</h3>\n<ul class=\"findings\" id=\"other-findings\">\n";
    for (const auto index : report.other_diagnostics) {
      append_finding(out, report.diagnostics->all()[index]);
    }
    out += "</ul>\n";
  }
  if (!report.other_objects.empty()) {
    out += "<h3>Objects from no section</h3>\n<pre class=\"objs\">";
    for (const auto* object : report.other_objects) append_escaped(out, pjsip::render(*object));
    out += "</pre>\n";
  }
}

void append_summary(std::string& out, const Report& report) {
  out += "<header>\n<h1>sip.conf &rarr; pjsip.conf migration report</h1>\n<p class=\"sub\">";
  append_escaped(out,
                 fmt::format("{} for Asterisk {}, from {}", report.options.generator,
                             report.options.asterisk_version, report.document->files.front().path));
  out += "</p>\n</header>\n<section id=\"summary\">\n<h2>Summary</h2>\n";
  append_counts(out, report.counts);
  append_manual_steps(out, report);
  append_others(out, report);
  append_files(out, report);
  out += "</section>\n";
}

void append_filter(std::string& out, const Report& report) {
  const auto& c = report.counts;
  out += fmt::format(
      "<nav id=\"filter\"><label><input type=\"checkbox\" id=\"attention-only\"> Only sections "
      "that need attention</label><span id=\"filter-status\" data-on=\"Showing the {0} of {1} "
      "sections that need attention\" data-off=\"Showing all {1} sections\">Showing all {1} "
      "sections</span></nav>\n",
      c.attention_sections, c.sections);
}

}  // namespace

std::string render_html(const Report& report) {
  std::string out;
  // Roughly what a line and an object take on the page: one allocation for most pages.
  out.reserve(64 * 1024 + report.counts.options * 160 + report.counts.objects * 400);
  append_head(out, report);
  out += "<body>\n";
  append_summary(out, report);
  append_filter(out, report);
  out += "<main id=\"sections\">\n";
  for (const auto& entry : report.sections) append_section(out, report, entry);
  out += "</main>\n<script>";
  out += kReportScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace sip2pjsip::report
