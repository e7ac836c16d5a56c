// Every option line of every object: does the branch know the option, and does its handler
// take the value? sorcery applies the lines one by one and drops the object at the first line
// that fails, so each failing line is an error whatever comes after it.
#include <absl/container/flat_hash_set.h>
#include <absl/hash/hash.h>
#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "chansip/option_table.h"
#include "pjsip/check_model.h"
#include "util/ascii.h"
#include "util/edit_distance.h"

namespace sip2pjsip::pjsip::checks {

namespace {

std::string branch_list(const std::vector<int>& branches) {
  std::string out;
  for (const int branch : branches) {
    if (!out.empty()) out += ", ";
    out += std::to_string(branch);
  }
  return out;
}

// " (did you mean 'rtp_symmetric'?)" for a near miss of an option of the type, " (a sip.conf
// option)" for a chan_sip leftover, or nothing.
std::string hint(const ObjectTypeSpec& type, std::string_view option) {
  const OptionSpec* closest = nullptr;
  std::size_t best = 3;  // at most two edits away
  for (const auto& candidate : type.options) {
    if (candidate.is_pattern() || candidate.type.kind == ValueKind::type_marker) continue;
    const auto d = edit_distance_below(option, candidate.name, best);
    if (d < best && d * 3 <= option.size()) {
      best = d;
      closest = &candidate;
    }
  }
  if (closest) return fmt::format(" (did you mean '{}'?)", closest->name);
  if (chansip::find_option(option)) return " (a sip.conf option)";
  return "";
}

void report_unknown(Context& context, const SeenObject& object, const SeenOption& option) {
  const auto elsewhere = branches_with(object.type, option.name);
  if (elsewhere.empty()) {
    context.findings.add(
        option.where, Severity::error,
        fmt::format("{}: unknown option '{}'{}; Asterisk does not load this {}", describe(object),
                    option.name, hint(*context.schema.find_type(object.type), option.name),
                    object.type),
        "pjsip-unknown-option", option.name);
    return;
  }
  context.findings.add(
      option.where, Severity::error,
      fmt::format("{}: option '{}' does not exist in Asterisk {} (only in {}); Asterisk does "
                  "not load this {}",
                  describe(object), option.name, context.schema.branch(), branch_list(elsewhere),
                  object.type),
      "pjsip-option-unavailable", option.name);
}

// Values a type was found to accept, so each is checked once: a million converted endpoints
// repeat the same few dozen values ("yes", "rfc4733", a context), and checking one costs
// hundreds of instructions. Per thread (the converter validates on every core), and bounded,
// since every peer brings values of its own (names, passwords) that are never seen again.
class AcceptedValues {
 public:
  bool contains(const ValueType& type, std::string_view value) {
    // The value the type accepted last comes first: peers of one template give an option the
    // same value one after another, and comparing it costs less than hashing it.
    auto& last = last_[slot_of(type)];
    if (last.type == &type && last.value == value) return true;
    if (accepted_.count(Key{&type, value}) == 0) return false;
    remember(last, type, value);
    return true;
  }
  void add(const ValueType& type, std::string_view value) {
    if (accepted_.size() < kLimit) accepted_.insert(Entry{&type, std::string(value)});
    remember(last_[slot_of(type)], type, value);
  }

 private:
  static constexpr std::size_t kLimit = 4096;
  std::size_t slot_of(const ValueType& type) const {
    return (reinterpret_cast<std::uintptr_t>(&type) >> 4) % last_.size();
  }
  struct Entry {
    const ValueType* type;
    std::string value;
  };
  struct Key {
    const ValueType* type;
    std::string_view value;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t hash(const ValueType* type, std::string_view value) const {
      return absl::HashOf(type, value);
    }
    std::size_t operator()(const Entry& entry) const { return hash(entry.type, entry.value); }
    std::size_t operator()(const Key& key) const { return hash(key.type, key.value); }
  };
  struct Equal {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return a.type == b.type && std::string_view(a.value) == std::string_view(b.value);
    }
  };
  absl::flat_hash_set<Entry, Hash, Equal> accepted_;
  std::array<Entry, 512> last_{};  // by the type's address

  static void remember(Entry& last, const ValueType& type, std::string_view value) {
    last.type = &type;
    last.value.assign(value);  // reuses the slot's buffer
  }
};

// The spec of an option name, found by the address of the name first: converted objects name
// their options with interned texts (util/interned.h), the same address for the same name, so
// most lookups skip hashing the name. The name is compared as well, since a later text may sit
// at an address an earlier one had.
class RecentSpecs {
 public:
  const OptionSpec* find(const ObjectTypeSpec& type, std::string_view name) {
    const auto at = reinterpret_cast<std::uintptr_t>(name.data()) >> 3 ^
                    reinterpret_cast<std::uintptr_t>(&type) >> 4;
    auto& slot = slots_[at % slots_.size()];
    if (slot.type == &type && slot.data == name.data() && slot.name == name) return slot.spec;
    slot.type = &type;
    slot.data = name.data();
    slot.name.assign(name);  // reuses the slot's buffer
    slot.spec = type.find(name);
    return slot.spec;
  }

 private:
  struct Slot {
    const ObjectTypeSpec* type = nullptr;
    const char* data = nullptr;
    std::string name;
    const OptionSpec* spec = nullptr;
  };
  std::array<Slot, 256> slots_{};
};

// Returns false when the value makes Asterisk drop the object.
bool report_value(Context& context, const SeenObject& object, const SeenOption& option,
                  const OptionSpec& spec) {
  if (takes_any_value(spec.type)) return true;  // no value to look up
  thread_local AcceptedValues accepted;
  if (accepted.contains(spec.type, option.value)) return true;
  const auto problem = check_value(spec.type, option.value);
  if (!problem) {
    accepted.add(spec.type, option.value);
    return true;
  }
  auto message =
      fmt::format("{}: {} '{}' {}", describe(object), option.name, option.value, problem->reason);
  if (problem->severity == Severity::error) {
    message += fmt::format("; Asterisk does not load this {}", object.type);
  }
  context.findings.add(option.where, problem->severity, std::move(message), "pjsip-invalid-value",
                       option.name);
  return problem->severity != Severity::error;
}

// A second line of an option whose handler replaces the value: only the last line counts.
// Overriding a template's value is what templates are for, so only own lines are compared.
struct Earlier {
  const OptionSpec* spec;
  const SeenOption* option;
};
// Room to work in, kept from object to object: the converter validates every object it writes,
// one at a time, and allocating these for each was a tenth of the work.
struct Scratch {
  std::vector<const OptionSpec*> specs;  // each option's (null: unknown), looked up once
  std::vector<Earlier> earlier;          // the previous line of each option
  // By the index of a spec in its type: its first entry in `earlier`, or kNone.
  std::vector<std::uint32_t> first_entry;
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
};

void report_repeats(Context& context, const SeenObject& object, const ObjectTypeSpec& type,
                    Scratch& scratch) {
  // Names equal ignoring case have one spec, so specs are compared; only names a pattern
  // matched are compared themselves.
  auto& earlier = scratch.earlier;
  auto& first_entry = scratch.first_entry;
  if (first_entry.size() < type.options.size()) {
    first_entry.resize(type.options.size(), Scratch::kNone);
  }
  const auto index_of = [&](const OptionSpec* spec) {
    return static_cast<std::size_t>(spec - type.options.data());
  };
  earlier.clear();
  for (std::size_t i = 0; i < object.options.size(); ++i) {
    const auto& option = object.options[i];
    const auto* spec = scratch.specs[i];
    if (!spec || spec->repeatable || spec->type.kind == ValueKind::type_marker) continue;
    auto& first = first_entry[index_of(spec)];
    Earlier* found = nullptr;
    if (first != Scratch::kNone && !spec->is_pattern()) {
      found = &earlier[first];
    } else if (first != Scratch::kNone) {
      for (auto j = first; j < earlier.size() && !found; ++j) {
        const auto& entry = earlier[j];
        if (entry.spec == spec && ascii_iequals(entry.option->name, option.name)) {
          found = &earlier[j];
        }
      }
    }
    if (!found) {
      if (first == Scratch::kNone) first = static_cast<std::uint32_t>(earlier.size());
      earlier.push_back({spec, &option});
      continue;
    }
    const auto* previous = found->option;
    if (!previous->inherited && !option.inherited && previous->value != option.value) {
      context.findings.add(option.where, Severity::warning,
                           fmt::format("{}: {} is set again (first at {}); only the last value "
                                       "counts",
                                       describe(object), option.name, describe(previous->where)),
                           "pjsip-option-repeated", option.name);
    }
    found->option = &option;
  }
  for (const auto& entry : earlier) first_entry[index_of(entry.spec)] = Scratch::kNone;
}

}  // namespace

void check_options(Context& context) {
  thread_local Scratch scratch;
  thread_local RecentSpecs recent;
  auto& specs = scratch.specs;
  for (const auto& object : context.objects) {
    const auto* type = context.schema.find_type(object.type);
    if (!type) continue;
    bool loads = true;
    specs.clear();
    for (const auto& option : object.options) {
      const auto* spec = specs.emplace_back(recent.find(*type, option.name));
      if (!spec) {
        report_unknown(context, object, option);
        loads = false;
        continue;
      }
      loads = report_value(context, object, option, *spec) && loads;
    }
    report_repeats(context, object, *type, scratch);
    if (!loads) context.drop(object);
  }
}

}  // namespace sip2pjsip::pjsip::checks
