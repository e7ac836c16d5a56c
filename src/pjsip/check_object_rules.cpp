// What the apply handlers of res_pjsip refuse once all options are read: missing required
// options and options that do not go together. Each rule names the function it mirrors.
#include <fmt/format.h>

#include "config/document.h"
#include "pjsip/check_model.h"

namespace sip2pjsip::pjsip::checks {

namespace {

const Place& place_of(const SeenObject& object, std::string_view option) {
  const auto* found = object.last(option);
  return found ? found->where : object.where;
}

// sip_endpoint_apply_handler() in res_pjsip/pjsip_configuration.c.
void check_endpoint(Context& context, const SeenObject& endpoint) {
  const auto min_se = unsigned_value(endpoint, "timers_min_se", 90);
  const auto sess_expires = unsigned_value(endpoint, "timers_sess_expires", 1800);
  if (min_se < 90) {
    report_conflict(context, endpoint, place_of(endpoint, "timers_min_se"),
                    fmt::format("timers_min_se {} is below 90", min_se), "timers_min_se");
  } else if (sess_expires < min_se) {
    const auto* where =
        endpoint.last("timers_sess_expires") ? "timers_sess_expires" : "timers_min_se";
    report_conflict(
        context, endpoint, place_of(endpoint, where),
        fmt::format("timers_sess_expires {} is below timers_min_se {}", sess_expires, min_se),
        where);
  }

  if (context.schema.find("endpoint", "rtp_port_start")) {
    const auto start = unsigned_value(endpoint, "rtp_port_start", 0);
    const auto end = unsigned_value(endpoint, "rtp_port_end", 0);
    const auto& where = place_of(endpoint, start ? "rtp_port_start" : "rtp_port_end");
    if ((start || end) && (!start || !end)) {
      report_conflict(context, endpoint, where,
                      "rtp_port_start and rtp_port_end must be set together", "rtp_port_start");
    } else if ((start || end) && (start < 1024 || end < 1024)) {
      report_conflict(context, endpoint, where,
                      "rtp_port_start and rtp_port_end must be at least 1024", "rtp_port_start");
    } else if ((start || end) && end <= start) {
      report_conflict(context, endpoint, place_of(endpoint, "rtp_port_end"),
                      fmt::format("rtp_port_end {} is not above rtp_port_start {}", end, start),
                      "rtp_port_end");
    }
  }

  if (context.schema.find("endpoint", "incoming_call_offer_pref") &&
      is_true(endpoint, "preferred_codec_only") &&
      endpoint.value_of("incoming_call_offer_pref", "local") != "local") {
    report_conflict(context, endpoint, place_of(endpoint, "incoming_call_offer_pref"),
                    "preferred_codec_only and incoming_call_offer_pref cannot be used together",
                    "incoming_call_offer_pref");
  }
}

// transport_apply() in res_pjsip/config_transport.c.
void check_transport(Context& context, const SeenObject& transport) {
  const bool flow = config::iequals(transport.value_of("protocol"), "flow");
  if (!flow && !transport.last("bind")) report_missing(context, transport, "bind");
  if (is_set(transport, "external_signaling_address") &&
      is_set(transport, "external_signaling_hostname")) {
    report_conflict(context, transport, place_of(transport, "external_signaling_hostname"),
                    "external_signaling_address and external_signaling_hostname cannot both "
                    "be set",
                    "external_signaling_hostname");
  }
}

// ip_identify_apply() in res_pjsip_endpoint_identifier_ip.c.
void check_identify(Context& context, const SeenObject& identify) {
  if (!is_set(identify, "endpoint")) report_missing(context, identify, "endpoint");
  const bool has_request_uri_match = context.schema.find("identify", "match_request_uri");
  if (!is_set(identify, "match") && !is_set(identify, "match_header") &&
      !is_set(identify, "match_request_uri")) {
    report_missing(context, identify,
                   has_request_uri_match ? "match, match_header or match_request_uri"
                                         : "match or match_header");
  }
  if (is_set(identify, "match_header")) {
    const auto header = identify.value_of("match_header");
    const auto colon = header.find(':');
    if (colon == std::string::npos) {
      report_conflict(
          context, identify, place_of(identify, "match_header"),
          fmt::format("match_header '{}' has no ':' between header name and value", header),
          "match_header");
    } else if (header.find_first_not_of(" \t") >= colon) {
      report_conflict(context, identify, place_of(identify, "match_header"),
                      fmt::format("match_header '{}' has no header name", header), "match_header");
    }
  }
}

// sip_outbound_registration_apply() in res_pjsip_outbound_registration.c.
void check_registration(Context& context, const SeenObject& registration) {
  if (!is_set(registration, "server_uri")) report_missing(context, registration, "server_uri");
  if (!is_set(registration, "client_uri")) report_missing(context, registration, "client_uri");
  const bool line = is_true(registration, "line");
  if (line && !is_set(registration, "endpoint")) {
    report_conflict(context, registration, place_of(registration, "line"),
                    "line=yes needs an endpoint", "line");
  } else if (!line && is_set(registration, "endpoint")) {
    report_conflict(context, registration, place_of(registration, "endpoint"),
                    "endpoint is set but line is not yes", "endpoint");
  }
}

// sip_outbound_publish_apply() in res_pjsip_outbound_publish.c.
void check_outbound_publish(Context& context, const SeenObject& publish) {
  if (!is_set(publish, "server_uri")) report_missing(context, publish, "server_uri");
  if (!is_set(publish, "event")) report_missing(context, publish, "event");
}

// resource_list_apply_handler() in res_pjsip_pubsub.c.
void check_resource_list(Context& context, const SeenObject& list) {
  if (!is_set(list, "event")) report_missing(context, list, "event");
  if (!is_set(list, "list_item")) report_missing(context, list, "list_item");
}

// load_endpoint() of res_pjsip_phoneprov_provider.c.
void check_phoneprov(Context& context, const SeenObject& phoneprov) {
  for (const char* required : {"endpoint", "MAC", "PROFILE"}) {
    if (!is_set(phoneprov, required)) report_missing(context, phoneprov, required);
  }
}

}  // namespace

void check_object_rules(Context& context) {
  for (const auto& object : context.objects) {
    if (object.type == "endpoint") check_endpoint(context, object);
    if (object.type == "transport") check_transport(context, object);
    if (object.type == "identify") check_identify(context, object);
    if (object.type == "registration") check_registration(context, object);
    if (object.type == "outbound-publish") check_outbound_publish(context, object);
    if (object.type == "resource_list") check_resource_list(context, object);
    if (object.type == "phoneprov") check_phoneprov(context, object);
    if (object.type == "auth") check_auth(context, object);
  }
}

}  // namespace sip2pjsip::pjsip::checks
