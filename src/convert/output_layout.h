// One pjsip output file per sip.conf input file, like sip_to_pjsip.py: the main output holds
// what the main file held, each included file becomes prefix + its base name beside the main
// output, and each output #includes the converted files where the input included the originals.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/document.h"
#include "convert/converter.h"

namespace sip2pjsip::convert {

struct OutputFile {
  std::string path;
  std::string content;
  std::uint32_t source_file = 0;  // the input file it was converted from
};

struct LayoutOptions {
  std::string output_path = "pjsip.conf";
  std::string prefix = "pjsip_";
  std::string generator = "sip2pjsip";  // named in the header comment
  // A name equal for every path of one file, as the reader's FileSystem::identity gives, so a
  // file read again through another path ("./a.conf", a symlink) is still written once. When
  // unset, paths are compared after lexical normalisation.
  std::function<std::string(const std::string&)> identity;
};

std::vector<OutputFile> lay_out(const config::Document& document, const Conversion& conversion,
                                const LayoutOptions& options);

}  // namespace sip2pjsip::convert
