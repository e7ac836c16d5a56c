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

#include "config/text_store.h"

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
  bool operator==(const Sources& other) const;

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

// An endpoint has some thirty options, a million peers thirty-five million: each is 24 bytes
// and makes no allocation of its own.
struct Option {
  // Interned (util/interned.h): option names are a small vocabulary.
  InternedName name;
  config::StoredText value;  // kept by the text store of the object's Store
  Sources sources;           // sip.conf lines this value came from

  bool operator==(const Option& other) const;
};

// The options of one Config's objects, each distinct one kept once: a million phones of one
// template share their context=, dtmf_mode= and codecs, which came from the same lines, so an
// object holds a 4-byte id per option (a quarter of the options of the benchmark's sets are
// distinct). An option once added never changes, and stays where it is.
class OptionPool {
 public:
  using Id = std::uint32_t;
  Id add(Option option);
  const Option& operator[](Id id) const { return chunks_[id >> kChunkBits][id & (kChunk - 1)]; }

 private:
  // Chunks of a power of two options, each reserved in full, so an option never moves and is
  // found with a shift (a std::deque of 24-byte options divides by 21 on every read).
  static constexpr unsigned kChunkBits = 12;
  static constexpr std::size_t kChunk = std::size_t{1} << kChunkBits;
  std::vector<std::vector<Option>> chunks_;
  Id size_ = 0;
  // The option last added with each hash of its name, value (by the text's address: the text
  // store shares equal short texts kept close together) and sources, as its id + 1 (0: none).
  // An option already in the pool but no longer here is added again: it costs room, not
  // correctness.
  std::vector<Id> recent_;
};

// Where the objects of a Config keep their values and their options.
struct Store {
  config::TextStore text;
  OptionPool options;
};

// An object's options, in order, read from the pool they are kept in.
class OptionView {
 public:
  class Iterator {
   public:
    using value_type = Option;
    using difference_type = std::ptrdiff_t;
    Iterator() = default;
    Iterator(const OptionPool::Id* id, const OptionPool* pool) : id_(id), pool_(pool) {}
    const Option& operator*() const { return (*pool_)[*id_]; }
    const Option* operator->() const { return &(*pool_)[*id_]; }
    Iterator& operator++() {
      ++id_;
      return *this;
    }
    Iterator operator++(int) {
      auto before = *this;
      ++id_;
      return before;
    }
    bool operator==(const Iterator& other) const { return id_ == other.id_; }

   private:
    const OptionPool::Id* id_ = nullptr;
    const OptionPool* pool_ = nullptr;
  };

  OptionView(const std::vector<OptionPool::Id>& ids, const OptionPool* pool)
      : ids_(&ids), pool_(pool) {}
  std::size_t size() const { return ids_->size(); }
  bool empty() const { return ids_->empty(); }
  const Option& operator[](std::size_t i) const { return (*pool_)[(*ids_)[i]]; }
  const Option& front() const { return (*this)[0]; }
  Iterator begin() const { return {ids_->data(), pool_}; }
  Iterator end() const { return {ids_->data() + ids_->size(), pool_}; }

 private:
  const std::vector<OptionPool::Id>* ids_;
  const OptionPool* pool_;
};

class Object {
 public:
  // Made by a Config (Config::make), which gives the store; one built by hand (in a test)
  // keeps its values and options in a store of its own making, for the whole run.
  Object(config::StoredText name, InternedName type, std::optional<std::uint32_t> origin,
         Store* store);

  config::StoredText name;  // kept by the store of the Config that made it
  InternedName type;  // endpoint, aor, auth, identify, transport, registration, ... (a vocabulary)
  std::optional<std::uint32_t> origin;  // the sip.conf section it was converted from

  OptionView options() const { return {option_ids_, &store_->options}; }
  Object& set(std::string_view option, std::string_view value, Sources sources = {});
  // Appends a copy of `option`, which may be kept by another store.
  Object& add(const Option& option);
  // The option at `index` becomes `option`; the one it was stays for the objects sharing it.
  void replace(std::size_t index, Option option);
  // Removes the options `remove(index, option)` is true for; returns how many.
  template <typename Predicate>
  std::size_t remove_options(Predicate remove);
  // Room for `count` options in all, so an object filled in several steps allocates once, or
  // given back afterwards when it is more than `count`.
  void reserve_options(std::size_t count);
  void fit_option_capacity(std::size_t count);
  std::size_t option_capacity() const { return option_ids_.capacity(); }

  // A copy of `value` that lives as long as the object's Config.
  config::StoredText keep(std::string_view value);
  const Option* find(const std::string& option) const;

 private:
  std::vector<OptionPool::Id> option_ids_;
  Store* store_;  // where set() keeps values and options: the store of the Config (Config::make)
};

template <typename Predicate>
std::size_t Object::remove_options(Predicate remove) {
  std::size_t index = 0;
  return std::erase_if(option_ids_, [&](OptionPool::Id id) {
    return remove(index++, static_cast<const Option&>(store_->options[id]));
  });
}

struct Config {
  // The values and options of its objects; shared, so a copy of the Config reads the same.
  std::shared_ptr<Store> store = std::make_shared<Store>();
  std::deque<Object> objects;  // a deque, so references to added objects stay valid

  // An object that keeps its values here, to be added later (or not at all).
  Object make(std::string name, std::string type, std::optional<std::uint32_t> origin);
  Object& add(std::string name, std::string type, std::optional<std::uint32_t> origin);
  // Appends the objects of `other`, whose values stay in its store, kept alive by this one.
  void absorb(Config&& other);
  const Object* find(const std::string& name, const std::string& type) const;
  Object* find(const std::string& name, const std::string& type);

 private:
  std::vector<std::shared_ptr<Store>> absorbed_;
};

}  // namespace sip2pjsip::pjsip
