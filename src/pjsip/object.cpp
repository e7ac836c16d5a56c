#include "pjsip/object.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "util/interned.h"

namespace sip2pjsip::pjsip {

static_assert(sizeof(Sources) == 8 && sizeof(Option) == 24 && sizeof(Object) == 56);

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

Object& Object::set(std::string_view option, std::string_view value, Sources sources) {
  options.push_back(Option{InternedName(option), keep(value), std::move(sources)});
  return *this;
}

config::StoredText Object::keep(std::string_view value) {
  // Objects are made by a Config (Config::make, Config::add); one built by hand (in a test)
  // keeps its values in a store of its own making, for the whole run.
  if (!text) {
    static config::TextStore unowned;
    text = &unowned;
  }
  return text->keep(value);
}

const Option* Object::find(const std::string& option) const {
  for (const auto& candidate : options) {
    if (candidate.name == option) return &candidate;
  }
  return nullptr;
}

Object Config::make(std::string name, std::string type, std::optional<std::uint32_t> origin) {
  return Object{text->keep(name), std::move(type), origin, {}, text.get()};
}

Object& Config::add(std::string name, std::string type, std::optional<std::uint32_t> origin) {
  objects.push_back(make(std::move(name), std::move(type), origin));
  return objects.back();
}

void Config::absorb(Config&& other) {
  for (auto& object : other.objects) objects.push_back(std::move(object));
  absorbed_.push_back(std::move(other.text));
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
