#include "util/diagnostics.h"

#include <algorithm>

#include <fmt/format.h>

namespace sip2pjsip {

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::string format(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.line > 0) out += fmt::format(":{}", d.line);
    out += ": ";
  }
  out += fmt::format("{}: {}", to_string(d.severity), d.message);
  if (!d.code.empty()) out += fmt::format(" [{}]", d.code);
  return out;
}

void Diagnostics::report(Diagnostic diagnostic) {
  findings_.push_back(std::move(diagnostic));
}

void Diagnostics::report_once(Diagnostic diagnostic) {
  for (; indexed_ < findings_.size(); ++indexed_) made_.insert(format(findings_[indexed_]));
  if (!made_.insert(format(diagnostic)).second) return;
  findings_.push_back(std::move(diagnostic));
  ++indexed_;
}

void Diagnostics::report(std::string file, int line, Severity severity, std::string message,
                         std::string code) {
  report(Diagnostic{std::move(file), line, severity, std::move(message), std::move(code)});
}

std::size_t Diagnostics::count(Severity severity) const {
  return static_cast<std::size_t>(
      std::count_if(findings_.begin(), findings_.end(),
                    [&](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace sip2pjsip
