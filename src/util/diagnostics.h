// Findings of every stage, in the one format users grep and tests assert:
// `file:line: severity: message [code]`.
#pragma once

#include <string>
#include <vector>

#include <absl/container/flat_hash_set.h>

namespace sip2pjsip {

enum class Severity { note, warning, error };

const char* to_string(Severity severity);

struct Diagnostic {
  std::string file;  // empty when the finding belongs to no file (e.g. a command-line problem)
  int line = 0;      // 0 when the finding belongs to the whole file
  Severity severity = Severity::note;
  std::string message;
  std::string code;  // stable, kebab-case; documented in the README
};

// `file:line: severity: message [code]` (parts without a value are left out).
std::string format(const Diagnostic& diagnostic);

// Collects the findings of a run in the order they were made.
class Diagnostics {
 public:
  void report(Diagnostic diagnostic);
  void report(std::string file, int line, Severity severity, std::string message, std::string code);
  // The same, unless an identical finding was made before: a template's line that each of a
  // thousand peers reads again is reported once.
  void report_once(Diagnostic diagnostic);

  const std::vector<Diagnostic>& all() const { return findings_; }
  std::size_t count(Severity severity) const;
  bool has_errors() const { return count(Severity::error) > 0; }

 private:
  std::vector<Diagnostic> findings_;
  // The findings as text, for report_once(): the first `indexed_` of them.
  absl::flat_hash_set<std::string> made_;
  std::size_t indexed_ = 0;
};

}  // namespace sip2pjsip
