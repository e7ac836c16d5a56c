#include "cli/check_command.h"

#include <ostream>

#include "cli/common.h"
#include "config/reader.h"
#include "pjsip/checker.h"
#include "pjsip/findings_json.h"

namespace sip2pjsip::cli {

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  config::ReaderOptions reader_options;
  reader_options.config_dir = config_dir_for(options.input, options.config_dir);
  const config::DiskFileSystem disk;
  const auto document = config::read_config(options.input, disk, reader_options, diagnostics);
  if (document) pjsip::check(*document, options.asterisk_version, diagnostics);
  if (options.json) {
    out << pjsip::render_findings_json(diagnostics) << '\n';
  } else {
    print_diagnostics(diagnostics, err);
  }
  if (!document) return 2;
  // A line the reader rejects makes Asterisk refuse the whole file: as bad as any error.
  return pjsip::check_exit_code(diagnostics);
}

}  // namespace sip2pjsip::cli
