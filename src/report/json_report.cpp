#include "report/json_report.h"

namespace sip2pjsip::report {

namespace {

using Json = nlohmann::ordered_json;

Json file_json(const config::Document& document, const Report& report, std::uint32_t index) {
  const auto& file = document.files[index];
  Json included_by = nullptr;
  if (file.included_by) {
    const auto& directive = document.directives.at(*file.included_by);
    included_by = Json{{"file", directive.where.file},
                       {"line", directive.where.line},
                       {"directive", config::to_string(directive.kind)}};
  }
  const auto& outputs = report.options.outputs;
  Json output = nullptr;
  if (index < outputs.size() && !outputs[index].empty()) output = outputs[index];
  return Json{{"path", file.path}, {"included_by", included_by}, {"output", output}};
}

Json summary_json(const Counts& counts) {
  return Json{{"sections", counts.sections},
              {"peers", counts.peers},
              {"trunks", counts.trunks},
              {"registrations", counts.registrations},
              {"objects", counts.objects},
              {"options", counts.options},
              {"mapped", counts.mapped},
              {"approximated", counts.approximated},
              {"not_converted", counts.not_converted},
              {"attention_sections", counts.attention_sections},
              {"errors", counts.errors},
              {"warnings", counts.warnings},
              {"notes", counts.notes}};
}

Json object_ref(const pjsip::Object& object) {
  return Json{{"type", object.type}, {"name", object.name}};
}

// `section`: the one the line is listed under, whose name a deferred target puts in.
Json option_json(const OptionEntry& entry, const config::Section& section) {
  const auto& variable = *entry.variable;
  Json out;
  out["name"] = variable.name;
  out["value"] = variable.value;
  out["file"] = variable.where().file;
  out["line"] = variable.where().line;
  out["inherited"] = variable.inherited();
  out["object"] = variable.object();
  if (!entry.outcome) {
    out["outcome"] = "template";
  } else {
    const auto& outcome = *entry.outcome;
    out["outcome"] = convert::to_string(outcome.outcome);
    if (outcome.outcome == convert::Outcome::mapped) {
      out["target"] = outcome.detail(section);
    } else {
      out["reason"] = outcome.detail(section);
      out["code"] = outcome.code();
    }
  }
  Json written = Json::array();
  for (const auto& target : entry.written) {
    written.push_back(Json{{"type", target.object->type},
                           {"name", target.object->name},
                           {"option", target.option->name}});
  }
  out["written"] = std::move(written);
  return out;
}

Json section_json(const SectionEntry& entry) {
  const auto& section = *entry.section;
  Json out;
  out["index"] = entry.index;
  out["name"] = section.name;
  out["file"] = section.where.file;
  out["line"] = section.where.line;
  out["kind"] = to_string(entry.kind);
  out["trunk"] = entry.trunk;
  out["merged_into"] = entry.merged_into ? Json(*entry.merged_into) : Json(nullptr);
  out["bases"] = section.bases;
  out["used_by"] = entry.used_by;
  out["attention"] = entry.attention;
  out["objects"] = Json::array();
  for (const auto* object : entry.objects) out["objects"].push_back(object_ref(*object));
  out["options"] = Json::array();
  for (const auto& option : entry.options) out["options"].push_back(option_json(option, section));
  return out;
}

Json diagnostic_json(const Diagnostic& diagnostic, std::optional<std::uint32_t> section) {
  return Json{{"file", diagnostic.file},
              {"line", diagnostic.line},
              {"severity", to_string(diagnostic.severity)},
              {"message", diagnostic.message},
              {"code", diagnostic.code},
              {"section", section ? Json(*section) : Json(nullptr)}};
}

}  // namespace

nlohmann::ordered_json to_json(const Report& report) {
  const auto& document = *report.document;
  Json files = Json::array();
  for (std::uint32_t i = 0; i < document.files.size(); ++i) {
    files.push_back(file_json(document, report, i));
  }
  Json steps = Json::array();
  for (const auto& step : report.manual_steps) {
    steps.push_back(Json{{"id", step.id}, {"title", step.title}, {"detail", step.detail}});
  }
  Json sections = Json::array();
  for (const auto& entry : report.sections) sections.push_back(section_json(entry));
  Json others = Json::array();
  for (const auto* object : report.other_objects) others.push_back(object_ref(*object));
  Json diagnostics = Json::array();
  // The findings made before the report was built; a later one (writing the report itself
  // failed, say) is not part of it.
  const auto& all = report.diagnostics->all();
  for (std::size_t i = 0; i < report.diagnostic_sections.size(); ++i) {
    diagnostics.push_back(diagnostic_json(all[i], report.diagnostic_sections[i]));
  }
  return Json{{"schema", "sip2pjsip-report"},
              {"version", kJsonSchemaVersion},
              {"generator", report.options.generator},
              {"asterisk_version", report.options.asterisk_version},
              {"files", std::move(files)},
              {"summary", summary_json(report.counts)},
              {"manual_steps", std::move(steps)},
              {"sections", std::move(sections)},
              {"other_objects", std::move(others)},
              {"diagnostics", std::move(diagnostics)}};
}

std::string render_json(const Report& report) {
  // sip.conf is not always UTF-8 (Latin-1 comments and caller names are common): bytes that are
  // not valid UTF-8 become U+FFFD instead of failing the whole report.
  return to_json(report).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace sip2pjsip::report
