// How the chan_sip model's sections map onto the document's. Most are the document's own; a peer
// defined by several sections of one name is one merged copy in the model (Model::merged), whose
// lines are copies of those sections' lines in order, and the converter's ledger points at the
// copies. The report shows every line where it is written, so it maps them back.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "chansip/model.h"
#include "config/document.h"
#include "report/report.h"

namespace sip2pjsip::report {

struct ModelSections {
  std::vector<SectionKind> kinds;  // by document section index
  // The section chan_sip built each peer from: the merged copy for every definition of a merged
  // peer, the section itself otherwise.
  std::vector<const config::Section*> built_from;
  // For the second and later definitions of a merged peer: its first definition, which holds
  // the objects.
  std::vector<std::optional<std::uint32_t>> merged_into;
  // A line of a merged copy -> the document line it was copied from.
  std::unordered_map<const config::Variable*, const config::Variable*> lines;

  // The document line a ledger outcome's line stands for.
  const config::Variable* document_line(const config::Variable* line) const {
    const auto found = lines.find(line);
    return found == lines.end() ? line : found->second;
  }
};

ModelSections map_model_sections(const config::Document& document, const chansip::Model& model);

}  // namespace sip2pjsip::report
