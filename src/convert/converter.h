// chan_sip model in, pjsip objects out, with an outcome for every option read.
#pragma once

#include "chansip/model.h"
#include "config/document.h"
#include "convert/ledger.h"
#include "pjsip/object.h"
#include "util/diagnostics.h"

namespace sip2pjsip::convert {

struct Conversion {
  pjsip::Config config;
  Ledger ledger;
};

Conversion convert(const config::Document& document, const chansip::Model& model,
                   Diagnostics& diagnostics);

}  // namespace sip2pjsip::convert
