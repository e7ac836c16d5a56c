// The account of every sip.conf line the converter read: each option of each converted section
// ends as mapped (with its pjsip target), approximated (with why) or not converted (with why).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <memory_resource>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <variant>
#include <vector>

#include <absl/container/btree_map.h>

#include "config/document.h"

namespace sip2pjsip::convert {

enum class Outcome : std::uint8_t { mapped, approximated, not_converted };

const char* to_string(Outcome outcome);

// The pjsip target of a line ("endpoint 6001 context") or the reason for its outcome, as rules
// give it to the ledger. A mapped line of a peer may give its target as a pattern and the
// peer's name, filled in when read: formatting a target for each of millions of lines was a
// tenth of a conversion, and only the JSON and HTML reports read them.
class OutcomeDetail {
 public:
  OutcomeDetail() = default;
  OutcomeDetail(std::string text) : detail_(std::move(text)) {}    // NOLINT: details are texts
  OutcomeDetail(const char* text) : detail_(std::string(text)) {}  // NOLINT
  // `pattern` (the name's place is "{}" or "{0}") with `name` put in. `pattern` must live until
  // the detail is recorded (the ledger keeps a copy); `name` must outlive the ledger.
  static OutcomeDetail deferred(std::string_view pattern, const std::string& name);

  std::string text() const;
  // The text of a detail that is not deferred; it lives as long as the detail.
  std::string_view stored_text() const;
  bool operator==(std::string_view text) const { return this->text() == text; }

 private:
  friend class Ledger;
  struct Deferred {
    std::string_view pattern;
    const std::string* name;  // the name it puts in
  };
  std::variant<std::string, Deferred> detail_;
};

// The outcome of one line. There is one per line of every peer, so it takes 24 bytes: its
// detail is a text, or for a peer's own mapped line a pattern its section's name is put in when
// read; its code is a number standing for the interned text. The section it was recorded in is
// the ledger's to tell (Ledger::section_of): for nearly every outcome that is the section whose
// lines hold it, which the ledger keeps once per section rather than once per line.
class OptionOutcome {
 public:
  // `detail` must outlive the outcome (a literal, or a copy the ledger keeps).
  OptionOutcome(const config::Variable& variable, Outcome outcome, const char* detail,
                std::string_view code);

  const config::Variable* variable;

 private:
  const char* detail_ = "";  // NUL-terminated; here so that the one-byte fields pack after it

 public:
  Outcome outcome;

  // The pjsip target ("endpoint 6001 context") or the reason. `section`: the one it was
  // recorded in (Ledger::section_of), whose name a deferred detail puts in.
  std::string detail(const config::Section& section) const;
  // The detail of an outcome that is not deferred (only mapped lines' may be); throws otherwise.
  std::string_view stored_detail() const;
  // The diagnostic code of approximated and not converted outcomes ("" for mapped ones).
  const char* code() const;

 private:
  friend class Ledger;
  bool deferred_ = false;   // `detail_` is a pattern for the section's name
  std::uint16_t code_ = 0;  // see code()
};

// The (line, reason) pairs already shown: a template line inherited by a hundred peers is
// reported, and listed in an output's header, once per reason.
class ShownOnce {
 public:
  // True the first time the pair comes; `detail` must outlive the ShownOnce (an outcome's).
  bool first(const config::Location& where, std::string_view detail);

 private:
  struct Key {
    std::uint32_t file;
    int line;
    std::string_view detail;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const;
  };
  std::unordered_set<Key, KeyHash> shown_;
};

class Ledger {
 public:
  void mapped(const config::Section& section, const config::Variable& variable,
              OutcomeDetail target);
  void approximated(const config::Section& section, const config::Variable& variable,
                    std::string reason, std::string_view code = "sip-approximated");
  void not_converted(const config::Section& section, const config::Variable& variable,
                     std::string reason, std::string_view code = "sip-not-converted");
  // Changes the outcome of every line read at `where` (a later stage found the value cannot be
  // written after all).
  void revise(const config::Location& where, Outcome outcome, std::string detail,
              std::string_view code);
  bool has(const config::Variable& variable) const { return recorded_.contains(variable); }
  // Appends the outcomes of another ledger, in its order, as if they were recorded here now
  // (a line that has an outcome here keeps it). The other ledger is emptied as its outcomes
  // move, so the two together take little more memory than one.
  void absorb(Ledger&& other);

  // In the order they were recorded.
  const std::deque<OptionOutcome>& outcomes() const { return outcomes_; }
  // The section an outcome of this ledger was recorded in.
  const config::Section& section_of(const OptionOutcome& outcome) const;
  // Its detail (OptionOutcome::detail() with that section).
  std::string detail(const OptionOutcome& outcome) const {
    return outcome.detail(section_of(outcome));
  }

 private:
  // The lines that have an outcome. Every line of every peer gets one, so this is one flag per
  // line rather than a set of pointers (tens of bytes per line, and a cache miss per lookup).
  // A section's lines are one array, so its flags are one run of `flags_`, found from a line's
  // address; nearly every call is for the section of one of the two calls before.
  class RecordedLines {
   public:
    // Marks the line as recorded in `section`; false when it was marked before.
    bool mark(const config::Section& section, const config::Variable& line);
    bool contains(const config::Variable& line) const;
    // The section a marked line was recorded in.
    const config::Section& section_of(const config::Variable& line) const;
    // Whether the line was recorded in the section whose lines hold it (nearly always so).
    bool in_own_section(const config::Variable& line) const;

   private:
    struct Run {
      std::uintptr_t begin = 0;  // address of the section's first line
      std::size_t lines = 0;
      std::size_t first_flag = 0;
      const config::Section* section = nullptr;  // whose lines they are
      bool holds(const config::Variable& line) const;
      std::size_t flag_of(const config::Variable& line) const;
    };
    std::optional<Run> run_of(const config::Variable& line) const;

    std::vector<bool> flags_;
    // By `begin`. A B-tree: one run per section, a million of them, and a std::map node
    // costs 40 bytes more than the run it holds.
    absl::btree_map<std::uintptr_t, Run> runs_;
    // The two runs found last (lines == 0: none yet), the latest first: a peer's rules ask
    // about its own lines and [general]'s in turn, and each would otherwise be a map lookup.
    mutable Run recent_[2];
    // Lines recorded against a section they are not part of (no rule does that, but the ledger
    // does not rely on it), until that section gets its run.
    std::set<const config::Variable*> strays_;
    // The section of each line recorded in a section other than the one holding it.
    std::map<const config::Variable*, const config::Section*> elsewhere_;
  };

  void record(OptionOutcome outcome, const config::Section& section);
  void record(const config::Section& section, const config::Variable& variable, Outcome outcome,
              const OutcomeDetail& detail, std::string_view code);
  // A copy of `text` that lives as long as the ledger: texts are packed into blocks, without
  // the 32 bytes of a std::string and an allocation each.
  const char* keep(std::string_view text);
  // The same for a text peers share (a deferred pattern, a reason), kept once.
  const char* keep_shared(std::string_view text);

  // A deque: a million peers record tens of millions of outcomes, and a vector would copy them
  // all, and hold them twice, each time it grows.
  std::deque<OptionOutcome> outcomes_;
  RecordedLines recorded_;
  // The outcomes by their line's (file, line) key, sorted, for revise(); built when revise()
  // first needs it and extended when outcomes were recorded since.
  std::vector<std::pair<std::uint64_t, std::size_t>> by_location_;
  // Where keep() copies texts: the first is this ledger's, the others came with absorbed
  // ledgers' outcomes. Held by pointer, as a memory resource cannot move.
  std::vector<std::unique_ptr<std::pmr::monotonic_buffer_resource>> texts_;
  std::unordered_set<std::string_view> shared_;  // kept by keep_shared(), in `texts_`
};

}  // namespace sip2pjsip::convert
