#include "report/html_sections.h"

#include <fmt/format.h>

#include "pjsip/writer.h"
#include "report/html_escape.h"

namespace sip2pjsip::report {

namespace {

// A template used by thousands of peers would otherwise list them all.
constexpr std::size_t kUsedByShown = 10;

const char* row_class(const OptionEntry& option) {
  if (!option.outcome) return "t";
  switch (option.outcome->outcome) {
    case convert::Outcome::mapped:
      return "m";
    case convert::Outcome::approximated:
      return "a";
    case convert::Outcome::not_converted:
      return "x";
  }
  return "x";
}

// `[name]`, `[name](!)` or `[name](base1,base2)` as the section was written.
std::string header_text(const config::Section& section) {
  std::string text = "[" + section.name + "]";
  if (section.is_template || !section.bases.empty()) {
    std::string inside = section.is_template ? "!" : "";
    for (const auto& base : section.bases) inside += (inside.empty() ? "" : ",") + base;
    text += "(" + inside + ")";
  }
  return text;
}

void append_header(std::string& out, const Report& report, const SectionEntry& entry) {
  const auto& section = *entry.section;
  out += fmt::format("<h2><a href=\"#s{}\">", entry.index);
  append_escaped(out, header_text(section));
  out += "</a><span class=\"kind\">";
  out += entry.trunk ? "trunk" : to_string(entry.kind);
  out += "</span><span class=\"where\">";
  append_escaped(out, report.document->path_of(section.where));
  out += fmt::format(":{}</span>", section.where.line);
  if (entry.approximated) {
    out += fmt::format("<span class=\"badge a\">{} approximated</span>", entry.approximated);
  }
  if (entry.not_converted) {
    out += fmt::format("<span class=\"badge x\">{} not converted</span>", entry.not_converted);
  }
  if (!entry.diagnostics.empty()) {
    out += fmt::format("<span class=\"badge d\">{} finding(s)</span>", entry.diagnostics.size());
  }
  out += "</h2>\n";
}

void append_used_by(std::string& out, const Report& report, const SectionEntry& entry) {
  if (entry.used_by.empty()) return;
  out += "<p class=\"sub\">Inherited by ";
  for (std::size_t i = 0; i < entry.used_by.size() && i < kUsedByShown; ++i) {
    out += fmt::format("{}<a href=\"#s{}\">", i ? ", " : "", entry.used_by[i]);
    append_escaped(out, "[" + report.sections[entry.used_by[i]].section->name + "]");
    out += "</a>";
  }
  if (entry.used_by.size() > kUsedByShown) {
    out += fmt::format(" and {} more", entry.used_by.size() - kUsedByShown);
  }
  out += "</p>\n";
}

// What became of a line: the pjsip target, or why it was approximated or not converted.
void append_outcome(std::string& out, const SectionEntry& entry, const OptionEntry& option) {
  if (!option.outcome) {
    out += entry.kind == SectionKind::template_ ? "template line; converted in each section "
                                                  "that inherits it"
                                                : "";
    return;
  }
  const auto& outcome = *option.outcome;
  if (outcome.outcome == convert::Outcome::mapped) {
    out += "&rarr; ";
    append_escaped(out, outcome.detail(*entry.section));
    return;
  }
  out += outcome.outcome == convert::Outcome::approximated ? "<b>approximated</b>: "
                                                           : "<b>not converted</b>: ";
  append_escaped(out, outcome.detail(*entry.section));
  out += " <code>";
  append_escaped(out, outcome.code());
  out += "</code>";
}

void append_lines(std::string& out, const Report& report, const SectionEntry& entry) {
  if (entry.options.empty()) {
    out += "<p class=\"none\">no settings</p>\n";
    return;
  }
  const auto section_file = entry.section->where.file;
  out += "<table class=\"lines\">\n";
  for (const auto& option : entry.options) {
    const auto& variable = *option.variable;
    out += fmt::format("<tr class=\"{}{}\"><td class=\"n\">", row_class(option),
                       variable.inherited() ? " i" : "");
    // Where the line is written: its number in the section's own file, else with the file; an
    // inherited line with the base section it comes from.
    if (option.written_in) {
      append_escaped(out, "[" + report.sections[*option.written_in].section->name + "] ");
    }
    if (variable.where().file != section_file) {
      append_escaped(out, report.document->path_of(variable.where()));
      out += ":";
    }
    out += fmt::format("{}</td><td class=\"v\">", variable.where().line);
    append_escaped(out, variable.name);
    out += variable.object() ? " =&gt; " : "=";
    append_escaped(out, variable.value);
    out += "</td><td class=\"o\">";
    append_outcome(out, entry, option);
    out += "</td></tr>\n";
  }
  out += "</table>\n";
}

// The output file the section's objects are written to, when the report knows it.
std::string output_name(const Report& report, const SectionEntry& entry) {
  const auto& outputs = report.options.outputs;
  const auto file = entry.section->where.file;
  return file < outputs.size() && !outputs[file].empty() ? outputs[file] : "pjsip.conf";
}

void append_objects(std::string& out, const Report& report, const SectionEntry& entry) {
  if (entry.merged_into) {
    const auto& first = *report.sections[*entry.merged_into].section;
    out += fmt::format(
        "<p class=\"none\">chan_sip applies these lines to the peer first defined "
        "at <a href=\"#s{}\">",
        *entry.merged_into);
    append_escaped(out, fmt::format("[{}] line {}", first.name, first.where.line));
    out += "</a>, whose objects they are in</p>\n";
    return;
  }
  if (entry.objects.empty()) {
    out += "<p class=\"none\">";
    out += entry.kind == SectionKind::template_ ? "none: a template is converted in the sections "
                                                  "that inherit it"
                                                : "none";
    out += "</p>\n";
    return;
  }
  out += "<pre class=\"objs\">";
  for (const auto* object : entry.objects) append_escaped(out, pjsip::render(*object));
  out += "</pre>\n";
}

}  // namespace

void append_finding(std::string& out, const Diagnostic& diagnostic) {
  out += fmt::format("<li class=\"{}\">", to_string(diagnostic.severity));
  append_escaped(out, format(diagnostic));
  out += "</li>\n";
}

void append_section(std::string& out, const Report& report, const SectionEntry& entry) {
  out += fmt::format("<section class=\"sec{}\" id=\"s{}\" data-kind=\"{}\">\n",
                     entry.attention ? " attn" : "", entry.index, to_string(entry.kind));
  append_header(out, report, entry);
  append_used_by(out, report, entry);
  if (!entry.diagnostics.empty()) {
    out += "<ul class=\"findings\">\n";
    for (const auto index : entry.diagnostics) {
      append_finding(out, report.diagnostics->all()[index]);
    }
    out += "</ul>\n";
  }
  out += "<div class=\"cols\"><div><h3>";
  append_escaped(out, report.document->path_of(entry.section->where));
  out += "</h3>\n";
  append_lines(out, report, entry);
  out += "</div><div><h3>";
  append_escaped(out, output_name(report, entry));
  out += "</h3>\n";
  append_objects(out, report, entry);
  out += "</div></div>\n</section>\n";
}

}  // namespace sip2pjsip::report
