// The pjsip.conf being built: typed objects whose every option remembers the sip.conf lines it
// came from.
#pragma once

#include <cstdint>
#include <deque>
#include <initializer_list>
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

struct Option {
  // Interned (util/interned.h): option names are a small vocabulary, and an endpoint has some
  // thirty options, a million peers forty million.
  InternedName name;
  std::string value;
  Sources sources;  // sip.conf lines this value came from
};

struct Object {
  std::string name;
  std::string type;  // endpoint, aor, auth, identify, transport, registration, ...
  std::optional<std::uint32_t> origin;  // the sip.conf section it was converted from
  std::vector<Option> options;

  Object& set(std::string_view option, std::string value, Sources sources = {});
  const Option* find(const std::string& option) const;
};

struct Config {
  std::deque<Object> objects;  // a deque, so references to added objects stay valid

  Object& add(std::string name, std::string type, std::optional<std::uint32_t> origin);
  const Object* find(const std::string& name, const std::string& type) const;
  Object* find(const std::string& name, const std::string& type);
};

}  // namespace sip2pjsip::pjsip
