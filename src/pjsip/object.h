// The pjsip.conf being built: typed objects whose every option remembers the sip.conf lines it
// came from.
#pragma once

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

// The sip.conf lines an option's value came from: nearly always none or one, so one is held in
// place and only more go to the heap (a std::vector allocated for every option of every peer).
class Sources {
 public:
  Sources() = default;
  Sources(std::initializer_list<config::Location> locations);
  Sources(const std::vector<config::Location>& locations);  // NOLINT: callers pass vectors
  Sources(const Sources& other);
  Sources(Sources&& other) noexcept;
  Sources& operator=(Sources other) noexcept;
  ~Sources();

  void push_back(const config::Location& where);

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const config::Location* begin() const { return on_heap() ? storage_.many : &storage_.one; }
  const config::Location* end() const { return begin() + size_; }
  const config::Location& front() const { return *begin(); }
  const config::Location& operator[](std::size_t i) const { return begin()[i]; }

 private:
  bool on_heap() const { return capacity_ > 1; }
  void assign(const config::Location* first, const config::Location* last);
  void swap(Sources& other) noexcept;

  union Storage {
    config::Location one{};  // while capacity_ is 1
    config::Location* many;  // when it is more
  };
  Storage storage_;
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = 1;
};

// An endpoint has some thirty options, a million peers thirty-five million: each is 40 bytes
// and makes no allocation of its own.
struct Option {
  // Interned (util/interned.h): option names are a small vocabulary.
  InternedName name;
  std::string_view value;  // kept by the object's text store (Object::keep)
  Sources sources;         // sip.conf lines this value came from
};

struct Object {
  std::string name;
  std::string type;  // endpoint, aor, auth, identify, transport, registration, ...
  std::optional<std::uint32_t> origin;  // the sip.conf section it was converted from
  std::vector<Option> options;
  // Where set() keeps values: the store of the Config the object is made for (Config::make).
  config::TextStore* text = nullptr;

  Object& set(std::string_view option, std::string_view value, Sources sources = {});
  // A copy of `value` that lives as long as the object's Config.
  std::string_view keep(std::string_view value);
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
