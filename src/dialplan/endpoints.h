// What the dialplan rewrite needs to know of the pjsip configuration: which endpoints exist and,
// for each, the static contacts of its aors. Fed either from a conversion just made or from a
// pjsip.conf read with config::read_config.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/document.h"
#include "pjsip/object.h"

namespace sip2pjsip::dialplan {

struct EndpointInfo {
  std::string name;
  std::vector<std::string> aors;      // the endpoint's `aors`, in order
  std::vector<std::string> contacts;  // static `contact` URIs of those aors, in order
};

class EndpointDirectory {
 public:
  virtual ~EndpointDirectory() = default;
  // The endpoint with this name: an exact match, else the only one equal but for case
  // (chan_sip found peers without regard to case; pjsip endpoint names are exact). Null when
  // there is none.
  virtual const EndpointInfo* find(std::string_view name) const = 0;
};

class EndpointList final : public EndpointDirectory {
 public:
  void add(EndpointInfo endpoint) { endpoints_.push_back(std::move(endpoint)); }
  const EndpointInfo* find(std::string_view name) const override;
  const std::vector<EndpointInfo>& all() const { return endpoints_; }

 private:
  std::vector<EndpointInfo> endpoints_;
};

// Endpoints of a conversion: objects of type "endpoint" (option "aors") and "aor" (options
// "contact").
EndpointList endpoints_from_conversion(const pjsip::Config& config);

// Endpoints of a pjsip.conf read with config::read_config: sections with type=endpoint and
// type=aor (templates are not objects and are skipped; what they gave is already copied).
EndpointList endpoints_from_pjsip_conf(const config::Document& document);

// Splits a pjsip list value ("a, b,c") into its trimmed, non-empty items.
std::vector<std::string> split_list(std::string_view value);

}  // namespace sip2pjsip::dialplan
