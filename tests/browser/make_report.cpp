// Test-only stand-in for `sip2pjsip --report-html/--report-json` until the command line has
// them: converts a sip.conf and writes its HTML report (and JSON report when asked), for the
// browser test to load.
//
//   make_report INPUT.conf REPORT.html [REPORT.json]
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "chansip/model.h"
#include "config/file_system.h"
#include "config/reader.h"
#include "convert/converter.h"
#include "convert/output_layout.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/report.h"
#include "report/text_summary.h"

namespace {

using namespace sip2pjsip;

bool write(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  return static_cast<bool>(out.flush());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: make_report INPUT.conf REPORT.html [REPORT.json]\n";
    return 2;
  }
  const std::string input = argv[1];
  const auto start = std::chrono::steady_clock::now();
  Diagnostics diagnostics;
  config::ReaderOptions reader_options;
  reader_options.config_dir = std::filesystem::path(input).parent_path().string();
  const config::DiskFileSystem disk;
  const auto document = config::read_config(input, disk, reader_options, diagnostics);
  if (!document) {
    for (const auto& diagnostic : diagnostics.all()) std::cerr << format(diagnostic) << '\n';
    return 2;
  }
  const auto model = chansip::build_model(*document, diagnostics);
  const auto conversion = convert::convert(*document, model, diagnostics);
  const auto converted = std::chrono::steady_clock::now();

  report::ReportOptions options;
  options.generator = "sip2pjsip make_report";
  options.outputs = report::output_paths(*document, convert::lay_out(*document, conversion, {}));
  const auto report = report::build_report({*document, model, conversion, diagnostics}, options);
  const auto html = report::render_html(report);
  const auto rendered = std::chrono::steady_clock::now();
  if (!write(argv[2], html)) {
    std::cerr << "make_report: cannot write " << argv[2] << '\n';
    return 2;
  }
  std::vector<std::string> paths{argv[2]};
  if (argc == 4) {
    if (!write(argv[3], report::render_json(report))) {
      std::cerr << "make_report: cannot write " << argv[3] << '\n';
      return 2;
    }
    paths.emplace_back(argv[3]);
  }
  using std::chrono::duration_cast;
  using std::chrono::milliseconds;
  std::cout << report::render_summary(report, paths) << "make_report: conversion "
            << duration_cast<milliseconds>(converted - start).count() << " ms, report and HTML "
            << duration_cast<milliseconds>(rendered - converted).count() << " ms, " << html.size()
            << " bytes of HTML\n";
  return 0;
}
