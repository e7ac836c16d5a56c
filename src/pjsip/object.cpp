#include "pjsip/object.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

#include "util/interned.h"

namespace sip2pjsip::pjsip {

static_assert(sizeof(Sources) == 8 && sizeof(Option) == 24 && sizeof(Object) == 56);

namespace {

// Slots of OptionPool::recent_: a peer adds some forty options, a quarter of them its own, so
// the shared ones of the peer before are nearly always still there.
constexpr std::size_t kRecentSlots = 4096;

}  // namespace

Sources::Sources(std::initializer_list<config::Location> locations) {
  assign(locations.begin(), locations.end());
}

Sources::Sources(const std::vector<config::Location>& locations) {
  assign(locations.data(), locations.data() + locations.size());
}

Sources::Sources(const Sources& other) {
  if (other.in_place() || other.empty()) {
    word_ = other.word_;
  } else {
    const auto* first = other.block() + 1;
    assign(first, first + other.size());
  }
}

Sources::Sources(Sources&& other) noexcept : word_(std::exchange(other.word_, kNone)) {}

Sources& Sources::operator=(Sources other) noexcept {
  std::swap(word_, other.word_);
  return *this;
}

Sources::~Sources() {
  release();
}

void Sources::release() {
  if (!empty() && !in_place()) delete[] block();
  word_ = kNone;
}

std::uint64_t Sources::encode(const config::Location& where) {
  // The reader numbers files from 0; two thousand million of them cannot be opened.
  if (where.file >= (1u << 31)) throw std::length_error("too many input files");
  return (std::uint64_t{where.file} << 33) |
         (std::uint64_t{static_cast<std::uint32_t>(where.line)} << 1) | 1u;
}

std::size_t Sources::size() const {
  if (empty()) return 0;
  return in_place() ? 1 : block()->file;
}

config::Location Sources::at(std::size_t i) const {
  if (!in_place()) return block()[1 + i];
  return config::Location{static_cast<std::uint32_t>(word_ >> 33),
                          static_cast<int>(static_cast<std::uint32_t>(word_ >> 1))};
}

// Into an empty Sources: one allocation for all, where push_back() would grow step by step
// (the codecs of every peer come from several lines).
void Sources::assign(const config::Location* first, const config::Location* last) {
  const auto count = static_cast<std::uint32_t>(last - first);
  if (count == 0) return;
  if (count == 1) {
    word_ = encode(*first);
    return;
  }
  auto* held = new config::Location[count + 1];
  held[0] = config::Location{count, static_cast<int>(count)};
  std::copy(first, last, held + 1);
  word_ = reinterpret_cast<std::uint64_t>(held);
}

void Sources::push_back(const config::Location& where) {
  if (empty()) {
    word_ = encode(where);
    return;
  }
  const auto count = static_cast<std::uint32_t>(size());
  if (in_place() || block()->file == static_cast<std::uint32_t>(block()->line)) {
    const auto capacity = count * 2;
    auto* grown = new config::Location[capacity + 1];
    grown[0] = config::Location{count, static_cast<int>(capacity)};
    for (std::uint32_t i = 0; i < count; ++i) grown[1 + i] = at(i);
    release();
    word_ = reinterpret_cast<std::uint64_t>(grown);
  }
  auto* held = block();
  held[1 + count] = where;
  held[0].file = count + 1;
}

bool Sources::operator==(const Sources& other) const {
  if (word_ == other.word_) return true;
  if (in_place() || other.in_place() || empty() || other.empty()) return false;
  const auto count = size();
  if (count != other.size()) return false;
  return std::equal(block() + 1, block() + 1 + count, other.block() + 1,
                    [](const config::Location& a, const config::Location& b) {
                      return a.file == b.file && a.line == b.line;
                    });
}

bool Option::operator==(const Option& other) const {
  // Names are interned; values nearly always share their text when they are equal.
  if (name.view().data() != other.name.view().data()) return false;
  if (value.data() != other.value.data() && value.view() != other.value.view()) return false;
  return sources == other.sources;
}

OptionPool::Id OptionPool::add(Option option) {
  if (recent_.empty()) recent_.resize(kRecentSlots, 0);
  const auto first = option.sources.empty() ? config::Location{} : option.sources.front();
  auto mix = reinterpret_cast<std::uintptr_t>(option.name.view().data()) * 0x9E3779B97F4A7C15u;
  mix ^= reinterpret_cast<std::uintptr_t>(option.value.data()) * 0xC2B2AE3D27D4EB4Fu;
  mix ^= (std::uint64_t{first.file} << 32 | static_cast<std::uint32_t>(first.line)) *
         0x165667B19E3779F9u;
  mix ^= option.sources.size();
  auto& slot = recent_[(mix >> 40) % kRecentSlots];
  if (slot != 0 && (*this)[slot - 1] == option) return slot - 1;
  if (size_ == std::numeric_limits<Id>::max()) throw std::length_error("too many pjsip options");
  if ((size_ & (kChunk - 1)) == 0) chunks_.emplace_back().reserve(kChunk);
  chunks_.back().push_back(std::move(option));
  const auto id = size_++;
  slot = id + 1;
  return id;
}

Object::Object(config::StoredText name, InternedName type, std::optional<std::uint32_t> origin,
               Store* store)
    : name(name), type(type), origin(origin), store_(store) {
  if (!store_) {
    static Store unowned;
    store_ = &unowned;
  }
}

Object& Object::set(std::string_view option, std::string_view value, Sources sources) {
  option_ids_.push_back(
      store_->options.add(Option{InternedName(option), keep(value), std::move(sources)}));
  return *this;
}

Object& Object::add(const Option& option) {
  return set(option.name, option.value, option.sources);
}

void Object::replace(std::size_t index, Option option) {
  option_ids_.at(index) = store_->options.add(std::move(option));
}

void Object::reserve_options(std::size_t count) {
  option_ids_.reserve(count);
}

void Object::fit_option_capacity(std::size_t count) {
  if (option_ids_.capacity() <= std::max(count, option_ids_.size())) return;
  std::vector<OptionPool::Id> exact;
  exact.reserve(std::max(count, option_ids_.size()));
  exact.assign(option_ids_.begin(), option_ids_.end());
  option_ids_ = std::move(exact);
}

config::StoredText Object::keep(std::string_view value) {
  return store_->text.keep(value);
}

const Option* Object::find(const std::string& option) const {
  for (const auto& candidate : options()) {
    if (candidate.name == option) return &candidate;
  }
  return nullptr;
}

Object Config::make(std::string name, std::string type, std::optional<std::uint32_t> origin) {
  return Object{store->text.keep(name), InternedName(type), origin, store.get()};
}

Object& Config::add(std::string name, std::string type, std::optional<std::uint32_t> origin) {
  objects.push_back(make(std::move(name), std::move(type), origin));
  return objects.back();
}

void Config::absorb(Config&& other) {
  for (auto& object : other.objects) objects.push_back(std::move(object));
  absorbed_.push_back(std::move(other.store));
  for (auto& kept : other.absorbed_) absorbed_.push_back(std::move(kept));
}

const Object* Config::find(const std::string& name, const std::string& type) const {
  for (const auto& object : objects) {
    if (object.name == name && object.type == type) return &object;
  }
  return nullptr;
}

Object* Config::find(const std::string& name, const std::string& type) {
  for (auto& object : objects) {
    if (object.name == name && object.type == type) return &object;
  }
  return nullptr;
}

}  // namespace sip2pjsip::pjsip
