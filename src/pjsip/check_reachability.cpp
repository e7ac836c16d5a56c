// Objects that load but cannot do what they are there for: an aor nothing can reach, an
// endpoint without aors, and registration settings that fail in common situations.
#include <fmt/format.h>

#include "chansip/values.h"
#include "pjsip/check_model.h"

namespace sip2pjsip::pjsip::checks {

namespace {

bool has_contact(const SeenObject& aor) {
  for (const auto* contact : aor.all("contact")) {
    if (!chansip::split_list(std::string(contact->value)).empty()) return true;
  }
  return false;
}

void check_aor(Context& context, const SeenObject& aor) {
  const auto max_contacts = unsigned_value(aor, "max_contacts", 0);
  // The registrar refuses every REGISTER when max_contacts is 0 (res_pjsip_registrar.c), and
  // with no permanent contact there is nothing to send a call to.
  if (max_contacts == 0 && !has_contact(aor)) {
    context.findings.add(aor.where, Severity::error,
                         fmt::format("{} has no contact and max_contacts is 0; nothing can "
                                     "register to it and calls to it fail",
                                     describe(aor)),
                         "pjsip-aor-unreachable");
  }
  // With one contact allowed and remove_existing off, a second contact is refused until the
  // first one expires: a phone that comes back with a new address or port cannot register.
  if (max_contacts == 1 && !is_true(aor, "remove_existing")) {
    context.findings.add(aor.last("max_contacts")->where, Severity::warning,
                         fmt::format("{}: max_contacts=1 without remove_existing=yes; a phone "
                                     "that registers from a new address is refused until its "
                                     "old contact expires",
                                     describe(aor)),
                         "pjsip-max-contacts-no-remove", "max_contacts");
  }
}

// The first aor of the endpoint that takes registrations, if any.
const SeenObject* dynamic_aor(const Context& context, const SeenObject& endpoint) {
  for (const auto& name : chansip::split_list(endpoint.value_of("aors"))) {
    const auto* aor = context.find("aor", name);
    if (aor && unsigned_value(*aor, "max_contacts", 0) > 0) return aor;
  }
  return nullptr;
}

void check_endpoint(Context& context, const SeenObject& endpoint) {
  if (chansip::split_list(endpoint.value_of("aors")).empty()) {
    context.findings.add(endpoint.where, Severity::warning,
                         fmt::format("{} has no aors; Asterisk cannot call it and refuses its "
                                     "registrations",
                                     describe(endpoint)),
                         "pjsip-endpoint-no-aors");
    return;
  }
  if (is_true(endpoint, "rewrite_contact")) return;
  if (const auto* aor = dynamic_aor(context, endpoint)) {
    const auto* option = endpoint.last("rewrite_contact");
    context.findings.add(option ? option->where : endpoint.where, Severity::warning,
                         fmt::format("{} takes registrations ({}) but rewrite_contact is off; "
                                     "behind NAT Asterisk calls the private address the phone "
                                     "registered",
                                     describe(endpoint), describe(*aor)),
                         "pjsip-rewrite-contact-off", "rewrite_contact");
  }
}

}  // namespace

void check_reachability(Context& context) {
  for (const auto& object : context.objects) {
    if (object.type == "aor") check_aor(context, object);
    if (object.type == "endpoint") check_endpoint(context, object);
  }
}

}  // namespace sip2pjsip::pjsip::checks
