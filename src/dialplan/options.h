// How the dialplan rewrite maps what has more than one possible PJSIP form.
#pragma once

#include <string>

namespace sip2pjsip::dialplan {

enum class HeaderStrategy {
  // SIPAddHeader stores the header in an inherited variable and the Dial, Queue or Page that
  // follows
  // in the same extension runs a generated pre-dial handler (option b) that adds it with
  // PJSIP_HEADER(add,...) on the outgoing channel. Works with every Asterisk that has PJSIP.
  pre_dial_handler,
  // SIPAddHeader becomes Set(PJSIP_INHERITABLE_HEADER(add,...)=...): the same semantics in one
  // line, but only Asterisk 20.19, 22.9, 23.3 and later have the function.
  inheritable,
};

struct RewriteOptions {
  // The endpoint through which `SIP/user@host` (a host that is no peer) is dialled, as
  // `PJSIP/<uri_endpoint>/sip:user@host`. res_pjsip's own default_outbound_endpoint name.
  std::string uri_endpoint = "default_outbound_endpoint";
  HeaderStrategy headers = HeaderStrategy::pre_dial_handler;
};

// Names used in the rewritten dialplan.
inline constexpr const char* kHeaderHandlerContext = "sip2pjsip-add-headers";
inline constexpr const char* kHeaderVariablePrefix = "SIP2PJSIP_HEADER";

}  // namespace sip2pjsip::dialplan
