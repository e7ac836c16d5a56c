// OptionOutcome's detail and code, in its 24 bytes.
#include <array>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "convert/ledger.h"

namespace sip2pjsip::convert {

static_assert(sizeof(OptionOutcome) == 24);

namespace {

// Diagnostic codes numbered in the order they are first given, for the whole run: codes are
// the program's vocabulary (under a hundred), so an outcome holds two bytes instead of a
// pointer. Numbering is safe from several threads; reading a number takes no lock.
class CodeNumbers {
 public:
  CodeNumbers() { codes_[0].store("", std::memory_order_relaxed); }

  std::uint16_t number(std::string_view code) {
    if (code.empty()) return 0;
    // Rules give the same few codes again and again, each from its own thread.
    thread_local std::string last_code;
    thread_local std::uint16_t last_number = 0;
    if (last_number != 0 && code == last_code) return last_number;
    const std::lock_guard lock(mutex_);
    auto [found, added] = numbers_.try_emplace(std::string(code), size_);
    if (added) {
      if (size_ == codes_.size()) {
        numbers_.erase(found);
        throw std::length_error("more diagnostic codes than an outcome can number");
      }
      codes_[size_].store(found->first.c_str(), std::memory_order_release);
      ++size_;
    }
    last_code.assign(code);
    last_number = found->second;
    return last_number;
  }

  const char* code(std::uint16_t number) const {
    const char* code = codes_.at(number).load(std::memory_order_acquire);
    if (!code) throw std::logic_error("an outcome code no one numbered");
    return code;
  }

 private:
  std::array<std::atomic<const char*>, 1024> codes_{};
  std::mutex mutex_;
  std::uint16_t size_ = 1;  // 0 is ""
  // The codes' texts: a node map, so the texts stay where codes_ points.
  std::unordered_map<std::string, std::uint16_t> numbers_;
};

CodeNumbers& code_numbers() {
  static CodeNumbers numbers;
  return numbers;
}

}  // namespace

OptionOutcome::OptionOutcome(const config::Variable& variable_, Outcome outcome_,
                             const char* detail, std::string_view code)
    : variable(&variable_),
      detail_(detail),
      outcome(outcome_),
      code_(code_numbers().number(code)) {}

std::string OptionOutcome::detail(const config::Section& section) const {
  if (deferred_) return fmt::format(fmt::runtime(detail_), section.name);
  return detail_;
}

std::string_view OptionOutcome::stored_detail() const {
  if (!deferred_) return detail_;
  throw std::logic_error("a deferred outcome detail has no stored text");
}

const char* OptionOutcome::code() const {
  return code_numbers().code(code_);
}

}  // namespace sip2pjsip::convert
