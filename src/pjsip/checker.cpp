// Diagnostic codes of the checker (severity: E error, W warning):
//   pjsip-missing-type          E  a section without `type`: no module takes it
//   pjsip-unknown-type          E  a `type` no res_pjsip module reads from pjsip.conf
//   pjsip-type-repeated         W  a second, different `type` line: the first one counts
//   pjsip-unknown-option        E  an option the type does not have in any branch
//   pjsip-option-unavailable    E  an option the type has only in other branches
//   pjsip-invalid-value         E/W a value the option's handler refuses (E) or reads as
//                                  something else (W: booleans, groups, dtls_setup, ...)
//   pjsip-option-repeated       W  a second line of a single-valued option: the last counts
//   pjsip-missing-option        E  a required option is missing (identify endpoint, ...)
//   pjsip-conflicting-options   E  options the apply handler refuses together
//   pjsip-auth-no-password      E/W an auth without the password or digest it needs
//   pjsip-duplicate-name        E  one name twice for one type: no object of the type loads
//   pjsip-singleton-repeated    E  a second global or system section: none loads
//   pjsip-transport-conflict    E  a transport whose address and port another one holds
//   pjsip-transport-shadowed    W  a second tcp/tls transport of one address family
//   pjsip-dangling-reference    E/W a name that points to no (loaded) object
//   pjsip-aor-unreachable       E  an aor without contact and with max_contacts=0
//   pjsip-endpoint-no-aors      W  an endpoint that cannot be called
//   pjsip-max-contacts-no-remove W max_contacts=1 without remove_existing
//   pjsip-rewrite-contact-off   W  a registering endpoint without rewrite_contact
#include "pjsip/checker.h"

#include "pjsip/check_inputs.h"
#include "pjsip/check_model.h"
#include "pjsip/schema.h"

namespace sip2pjsip::pjsip {

namespace {

void run_checks(const Schema& schema, const std::vector<checks::SeenObject>& objects,
                checks::Findings& findings) {
  checks::Context context(schema, objects, findings);
  // Per object first, so the cross-object checks know which objects Asterisk drops.
  checks::check_options(context);
  checks::check_object_rules(context);
  checks::check_names(context);
  checks::check_transports(context);
  checks::check_references(context);
  checks::check_reachability(context);
}

}  // namespace

void check(const config::Document& document, int branch, Diagnostics& diagnostics) {
  const auto& schema = schema_for(branch);
  checks::Findings findings;
  const auto objects = checks::objects_from_document(document, schema, findings);
  run_checks(schema, objects, findings);
  findings.report_to(diagnostics);
}

void check(const Config& config, const config::Document& source, int branch,
           Diagnostics& diagnostics) {
  const auto& schema = schema_for(branch);
  checks::Findings findings;
  const auto objects = checks::objects_from_config(config, source, schema, findings);
  run_checks(schema, objects, findings);
  findings.report_to(diagnostics);
}

int check_exit_code(const Diagnostics& diagnostics) {
  if (diagnostics.has_errors()) return 2;
  return diagnostics.count(Severity::warning) > 0 ? 1 : 0;
}

}  // namespace sip2pjsip::pjsip
