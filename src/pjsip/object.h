// The pjsip.conf being built: typed objects whose every option remembers the sip.conf lines it
// came from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/document.h"
#include "util/interned.h"

namespace sip2pjsip::pjsip {

// The sip.conf lines an option's value came from: nearly always none or one. Forty million
// options at a million peers make its size count, so it is one word: no line, one line encoded
// in place, or a pointer to a heap block holding several.
class Sources {
 public:
  // Reads the locations in order; dereferencing gives a copy (the one held in place is encoded).
  class Iterator {
   public:
    using value_type = config::Location;
    using difference_type = std::ptrdiff_t;
    Iterator() = default;
    config::Location operator*() const { return sources_->at(index_); }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    Iterator operator++(int) {
      auto before = *this;
      ++index_;
      return before;
    }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }

   private:
    friend class Sources;
    Iterator(const Sources* sources, std::uint32_t index) : sources_(sources), index_(index) {}
    const Sources* sources_ = nullptr;
    std::uint32_t index_ = 0;
  };

  Sources() = default;
  Sources(std::initializer_list<config::Location> locations);
  Sources(const std::vector<config::Location>& locations);  // NOLINT: callers pass vectors
  Sources(const Sources& other);
  Sources(Sources&& other) noexcept;
  Sources& operator=(Sources other) noexcept;
  ~Sources();

  void push_back(const config::Location& where);

  std::size_t size() const;
  bool empty() const { return word_ == kNone; }
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, static_cast<std::uint32_t>(size())}; }
  config::Location front() const { return at(0); }
  config::Location operator[](std::size_t i) const { return at(i); }

 private:
  // word_: 0 for none; a location in place, tagged by its lowest bit ((file << 33) | (line << 1)
  // | 1); otherwise a pointer to a block whose first element holds the size (file) and the
  // capacity (line), followed by the locations.
  static constexpr std::uint64_t kNone = 0;
  static std::uint64_t encode(const config::Location& where);
  bool in_place() const { return (word_ & 1u) != 0; }
  config::Location* block() const { return reinterpret_cast<config::Location*>(word_); }
  config::Location at(std::size_t i) const;
  void assign(const config::Location* first, const config::Location* last);
  void release();

  std::uint64_t word_ = kNone;
};

// An endpoint has some thirty options, a million peers thirty-five million: each is 32 bytes
// and makes no allocation of its own.
struct Option {
  // Interned (util/interned.h): option names are a small vocabulary.
  InternedName name;
  config::StoredText value;  // kept by the object's text store (Object::keep)
  Sources sources;           // sip.conf lines this value came from
};

struct Object {
  config::StoredText name;  // kept by the store of the Config that made it
  InternedName type;  // endpoint, aor, auth, identify, transport, registration, ... (a vocabulary)
  std::optional<std::uint32_t> origin;  // the sip.conf section it was converted from
  std::vector<Option> options;
  // Where set() keeps values: the store of the Config the object is made for (Config::make).
  config::TextStore* text = nullptr;

  Object& set(std::string_view option, std::string_view value, Sources sources = {});
  // A copy of `value` that lives as long as the object's Config.
  config::StoredText keep(std::string_view value);
  const Option* find(const std::string& option) const;
};

struct Config {
  // The values of its objects' options; shared, so a copy of the Config reads the same text.
  std::shared_ptr<config::TextStore> text = std::make_shared<config::TextStore>();
  std::deque<Object> objects;  // a deque, so references to added objects stay valid

  // An object that keeps its values here, to be added later (or not at all).
  Object make(std::string name, std::string type, std::optional<std::uint32_t> origin);
  Object& add(std::string name, std::string type, std::optional<std::uint32_t> origin);
  // Appends the objects of `other`, whose values stay in its store, kept alive by this one.
  void absorb(Config&& other);
  const Object* find(const std::string& name, const std::string& type) const;
  Object* find(const std::string& name, const std::string& type);

 private:
  std::vector<std::shared_ptr<config::TextStore>> absorbed_;
};

}  // namespace sip2pjsip::pjsip
