// chan_sip channel strings (SIP/...) and their res_pjsip equivalents, following chan_sip's
// sip_request_call() and sip_devicestate() and chan_pjsip's request().
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialplan/endpoints.h"
#include "dialplan/mapped_text.h"
#include "dialplan/options.h"
#include "dialplan/tokenizer.h"
#include "util/diagnostics.h"

namespace sip2pjsip::dialplan {

// A finding about the text being rewritten; the caller adds the file and line.
struct Finding {
  Severity severity = Severity::warning;
  std::string message;
  std::string code;
};

enum class ChannelUse {
  dial,    // a dial string: Dial, Queue members, Page, Originate, ChanIsAvail, variables, ...
  device,  // a device name: hints, DEVICE_STATE(), a queue member's state interface
  name,    // a channel name prefix: ChanSpy, SoftHangup
};

struct ChannelRewrite {
  std::optional<std::string> replacement;  // replaces "SIP/resource"; none: leave it as it is
  std::vector<Finding> findings;
};

// `resource` is what follows "SIP/" in `text`; it may hold ${...} and $[...].
ChannelRewrite rewrite_channel(std::string_view text, Span resource, ChannelUse use,
                               const EndpointDirectory& endpoints, const RewriteOptions& options,
                               const TokenizerOptions& tokens);

// `contact` with its user part set to `user` (added or replaced): sip:u@h;p -> sip:user@h;p.
std::string with_user(std::string_view contact, std::string_view user);
bool has_user(std::string_view contact);

}  // namespace sip2pjsip::dialplan
