// One pjsip output file per sip.conf input file, like sip_to_pjsip.py: the main output holds
// what the main file held, each included file becomes prefix + its base name beside the main
// output, and each output #includes the converted files where the input included the originals.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
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

// Takes each piece of an output file's text, in order.
using TextSink = std::function<void(std::string_view)>;

// An output file whose text is rendered as it is written, piece by piece: a million peers make
// a gigabyte of pjsip.conf, which then never needs to be in memory at once. The text is the
// content lay_out() gives.
struct OutputPlan {
  std::string path;
  std::uint32_t source_file = 0;
  std::function<void(const TextSink&)> render;  // may be called more than once
};

// The outputs lay_out() makes, to be rendered later. The plans refer to `document` and
// `conversion`, which must outlive them.
std::vector<OutputPlan> plan_outputs(const config::Document& document, const Conversion& conversion,
                                     const LayoutOptions& options);

}  // namespace sip2pjsip::convert
