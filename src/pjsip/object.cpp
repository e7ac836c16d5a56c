#include "pjsip/object.h"

#include <algorithm>
#include <utility>

#include "util/interned.h"

namespace sip2pjsip::pjsip {

Sources::Sources(std::initializer_list<config::Location> locations) {
  assign(locations.begin(), locations.end());
}

Sources::Sources(const std::vector<config::Location>& locations) {
  assign(locations.data(), locations.data() + locations.size());
}

Sources::Sources(const Sources& other) {
  assign(other.begin(), other.end());
}

// Into an empty Sources: one allocation for all, where push_back() would grow step by step
// (the codecs of every peer come from several lines).
void Sources::assign(const config::Location* first, const config::Location* last) {
  const auto count = static_cast<std::uint32_t>(last - first);
  if (count > capacity_) {
    storage_.many = new config::Location[count];
    capacity_ = count;
  }
  std::copy(first, last, on_heap() ? storage_.many : &storage_.one);
  size_ = count;
}

Sources::Sources(Sources&& other) noexcept {
  swap(other);
}

Sources& Sources::operator=(Sources other) noexcept {
  swap(other);
  return *this;
}

Sources::~Sources() {
  if (on_heap()) delete[] storage_.many;
}

void Sources::swap(Sources& other) noexcept {
  std::swap(storage_, other.storage_);  // trivially copyable, whichever member is in use
  std::swap(size_, other.size_);
  std::swap(capacity_, other.capacity_);
}

void Sources::push_back(const config::Location& where) {
  if (size_ == capacity_) {
    const auto capacity = capacity_ * 2;
    auto* grown = new config::Location[capacity];
    std::copy(begin(), end(), grown);
    if (on_heap()) delete[] storage_.many;
    storage_.many = grown;
    capacity_ = capacity;
  }
  (on_heap() ? storage_.many : &storage_.one)[size_++] = where;
}

Object& Object::set(std::string_view option, std::string_view value, Sources sources) {
  options.push_back(Option{InternedName(option), keep(value), std::move(sources)});
  return *this;
}

std::string_view Object::keep(std::string_view value) {
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
  return Object{std::move(name), std::move(type), origin, {}, text.get()};
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
