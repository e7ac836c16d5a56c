// What every conversion rule works with: the input, the chan_sip model, the pjsip objects being
// built, the ledger of outcomes and the diagnostics.
#pragma once

#include <cstdint>

#include "chansip/model.h"
#include "config/document.h"
#include "convert/ledger.h"
#include "pjsip/object.h"
#include "util/diagnostics.h"

namespace sip2pjsip::convert {

struct Context {
  const config::Document& document;
  const chansip::Model& model;
  pjsip::Config& output;
  Ledger& ledger;
  Diagnostics& diagnostics;

  std::uint32_t index_of(const config::Section& section) const {
    return static_cast<std::uint32_t>(&section - document.sections.data());
  }
  void report(const config::Location& where, Severity severity, std::string message,
              const char* code) const {
    diagnostics.report(document.path_of(where), where.line, severity, std::move(message), code);
  }
};

// Records every line of `name` in the section before `last` as superseded: chan_sip keeps the
// last value, so the earlier lines have no effect there either.
void mark_superseded(Context& context, const config::Section& section,
                     const config::Variable& last);

// [general] settings: the transport, and the defaults peers inherit.
void convert_general(Context& context);
// Every peer, user and friend: endpoint, aor, auth.
void convert_peers(Context& context);

}  // namespace sip2pjsip::convert
