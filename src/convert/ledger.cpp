#include "convert/ledger.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

namespace sip2pjsip::convert {

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::mapped:
      return "mapped";
    case Outcome::approximated:
      return "approximated";
    case Outcome::not_converted:
      return "not_converted";
  }
  return "not_converted";
}

std::size_t ShownOnce::KeyHash::operator()(const Key& key) const {
  const auto location =
      (static_cast<std::uint64_t>(key.file) << 32) ^ static_cast<std::uint32_t>(key.line);
  return std::hash<std::string_view>{}(key.detail) ^ (location * 0x9E3779B97F4A7C15ULL);
}

bool ShownOnce::first(const config::Location& where, std::string_view detail) {
  return shown_.insert(Key{where.file, where.line, detail}).second;
}

OutcomeDetail OutcomeDetail::deferred(std::string_view pattern, const std::string& name) {
  OutcomeDetail detail;
  detail.detail_ = Deferred{pattern, &name};
  return detail;
}

std::string OutcomeDetail::text() const {
  if (const auto* deferred = std::get_if<Deferred>(&detail_)) {
    return fmt::format(fmt::runtime(deferred->pattern), *deferred->name);
  }
  return std::get<std::string>(detail_);
}

std::string_view OutcomeDetail::stored_text() const {
  if (const auto* text = std::get_if<std::string>(&detail_)) return *text;
  throw std::logic_error("a deferred outcome detail has no stored text");
}

void Ledger::mapped(const config::Section& section, const config::Variable& variable,
                    OutcomeDetail target) {
  record(section, variable, Outcome::mapped, std::move(target), "");
}

void Ledger::approximated(const config::Section& section, const config::Variable& variable,
                          std::string reason, std::string_view code) {
  record(section, variable, Outcome::approximated, std::move(reason), code);
}

void Ledger::not_converted(const config::Section& section, const config::Variable& variable,
                           std::string reason, std::string_view code) {
  record(section, variable, Outcome::not_converted, std::move(reason), code);
}

namespace {

std::uint64_t location_key(const config::Location& where) {
  return (static_cast<std::uint64_t>(where.file) << 32) | static_cast<std::uint32_t>(where.line);
}

}  // namespace

// A later stage may revise many lines (every endpoint of an older branch), so the outcomes are
// found by an index of their locations instead of a walk over all of them per revision.
void Ledger::revise(const config::Location& where, Outcome outcome, std::string detail,
                    std::string_view code) {
  const char* kept = keep(detail);
  if (by_location_.size() != outcomes_.size()) {
    for (std::size_t i = by_location_.size(); i < outcomes_.size(); ++i) {
      by_location_.emplace_back(location_key(outcomes_[i].variable->where()), i);
    }
    // Outcomes of one line stay in the order they were recorded.
    std::stable_sort(by_location_.begin(), by_location_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  const auto key = location_key(where);
  auto it = std::lower_bound(
      by_location_.begin(), by_location_.end(), key,
      [](const auto& entry, std::uint64_t wanted) { return entry.first < wanted; });
  for (; it != by_location_.end() && it->first == key; ++it) {
    auto& entry = outcomes_[it->second];
    entry = OptionOutcome(*entry.variable, outcome, kept, code);
  }
}

void Ledger::absorb(Ledger&& other) {
  // The texts stay where the other ledger kept them: its blocks come along.
  if (texts_.empty()) keep("");
  for (auto& block : other.texts_) texts_.push_back(std::move(block));
  other.texts_.clear();
  auto& moving = other.outcomes_;
  while (!moving.empty()) {
    record(moving.front(), other.section_of(moving.front()));
    moving.pop_front();
  }
  other = Ledger{};
}

const char* Ledger::keep_shared(std::string_view text) {
  if (const auto found = shared_.find(text); found != shared_.end()) return found->data();
  const char* copy = keep(text);
  shared_.insert(std::string_view(copy, text.size()));
  return copy;
}

const char* Ledger::keep(std::string_view text) {
  if (texts_.empty()) texts_.push_back(std::make_unique<std::pmr::monotonic_buffer_resource>());
  auto* copy = static_cast<char*>(texts_.front()->allocate(text.size() + 1, 1));
  std::copy(text.begin(), text.end(), copy);
  copy[text.size()] = '\0';
  return copy;
}

// An option keeps its first outcome: a rule that maps it must not be undone by the catch-all
// that accounts for the rest.
void Ledger::record(OptionOutcome outcome, const config::Section& section) {
  if (!recorded_.mark(section, *outcome.variable)) return;
  // A pattern is filled in with the name of the section the ledger gives for the outcome.
  if (outcome.deferred_ && !recorded_.in_own_section(*outcome.variable)) {
    outcome = OptionOutcome(*outcome.variable, outcome.outcome, keep(outcome.detail(section)),
                            outcome.code());
  }
  outcomes_.push_back(outcome);
}

const config::Section& Ledger::section_of(const OptionOutcome& outcome) const {
  return recorded_.section_of(*outcome.variable);
}

// A deferred pattern or a reason is kept once per ledger (they hold values from sip.conf, such
// as a qualify time, so they are not interned for good); a mapped line's target, which names
// its peer, is copied into the ledger's blocks.
// An outcome puts its section's name in its pattern: a pattern for another name (no rule
// gives one) is filled in now.
void Ledger::record(const config::Section& section, const config::Variable& variable,
                    Outcome outcome, const OutcomeDetail& detail, std::string_view code) {
  if (recorded_.contains(variable)) return;
  const auto* deferred = std::get_if<OutcomeDetail::Deferred>(&detail.detail_);
  if (deferred && deferred->name == &section.name) {
    OptionOutcome recorded(variable, outcome, keep_shared(deferred->pattern), code);
    recorded.deferred_ = true;
    record(recorded, section);
    return;
  }
  const char* text = nullptr;
  if (deferred) {
    text = keep(detail.text());
  } else if (outcome == Outcome::mapped) {
    text = keep(std::get<std::string>(detail.detail_));
  } else {
    // A reason is nearly always one a rule gives every peer it applies to: kept once.
    text = keep_shared(std::get<std::string>(detail.detail_));
  }
  record(OptionOutcome(variable, outcome, text, code), section);
}

bool Ledger::RecordedLines::Run::holds(const config::Variable& line) const {
  const auto address = reinterpret_cast<std::uintptr_t>(&line);
  return address >= begin && address < begin + lines * sizeof(config::Variable);
}

std::size_t Ledger::RecordedLines::Run::flag_of(const config::Variable& line) const {
  return first_flag + (reinterpret_cast<std::uintptr_t>(&line) - begin) / sizeof(config::Variable);
}

std::optional<Ledger::RecordedLines::Run> Ledger::RecordedLines::run_of(
    const config::Variable& line) const {
  if (recent_[0].holds(line)) return recent_[0];
  if (recent_[1].holds(line)) {
    std::swap(recent_[0], recent_[1]);
    return recent_[0];
  }
  auto after = runs_.upper_bound(reinterpret_cast<std::uintptr_t>(&line));
  if (after == runs_.begin()) return std::nullopt;
  const auto& run = std::prev(after)->second;
  if (!run.holds(line)) return std::nullopt;
  recent_[1] = recent_[0];
  recent_[0] = run;
  return run;
}

bool Ledger::RecordedLines::contains(const config::Variable& line) const {
  if (const auto run = run_of(line)) return flags_[run->flag_of(line)];
  return strays_.count(&line) != 0;
}

const config::Section& Ledger::RecordedLines::section_of(const config::Variable& line) const {
  if (!elsewhere_.empty()) {
    if (const auto found = elsewhere_.find(&line); found != elsewhere_.end()) {
      return *found->second;
    }
  }
  const auto run = run_of(line);
  if (!run || !contains(line)) throw std::logic_error("the ledger has no outcome for that line");
  return *run->section;
}

bool Ledger::RecordedLines::in_own_section(const config::Variable& line) const {
  return elsewhere_.empty() || !elsewhere_.contains(&line);
}

bool Ledger::RecordedLines::mark(const config::Section& section, const config::Variable& line) {
  auto run = run_of(line);
  if (!run) {
    const auto& lines = section.variables;
    const Run candidate{reinterpret_cast<std::uintptr_t>(lines.data()), lines.size(), flags_.size(),
                        &section};
    if (!candidate.holds(line)) {
      if (!strays_.insert(&line).second) return false;
      elsewhere_.emplace(&line, &section);
      return true;
    }
    runs_.emplace(candidate.begin, candidate);
    recent_[1] = recent_[0];
    run = recent_[0] = candidate;
    flags_.resize(flags_.size() + lines.size(), false);
    // Lines of this section recorded as strays before move into its run.
    for (auto stray = strays_.begin(); stray != strays_.end();) {
      if (run->holds(**stray)) {
        flags_[run->flag_of(**stray)] = true;
        stray = strays_.erase(stray);
      } else {
        ++stray;
      }
    }
  }
  const auto index = run->flag_of(line);
  if (flags_[index]) return false;
  flags_[index] = true;
  if (run->section != &section) elsewhere_.emplace(&line, &section);
  return true;
}

}  // namespace sip2pjsip::convert
