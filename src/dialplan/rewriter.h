// The dialplan migration: rewrites extensions.conf (with its #include files), extensions.ael or
// queues.conf so that what dialled SIP/... and called chan_sip functions uses res_pjsip instead.
// Only the bytes of what changes are replaced; everything else stays as it was. What cannot be
// rewritten is reported with its file and line (codes `dialplan-*`) and left unchanged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/file_system.h"
#include "dialplan/endpoints.h"
#include "dialplan/mapped_text.h"
#include "dialplan/options.h"
#include "util/diagnostics.h"

namespace sip2pjsip::dialplan {

enum class FileKind {
  extensions,  // extensions.conf syntax (and any file it #includes)
  ael,         // extensions.ael
  queues,      // queues.conf: `member =>` lines
};

// By name: *.ael is AEL, queues*.conf is queues.conf, anything else extensions.conf syntax.
FileKind kind_of(const std::string& path);

struct RewriteResult {
  std::string text;            // the rewritten file
  std::vector<RawEdit> edits;  // what changed, in offsets of the input
  bool changed() const { return !edits.empty(); }
};

// Rewrites one file on its own (its #include lines are left alone). A SIPAddHeader handler
// context, when one is needed, is appended to this text.
RewriteResult rewrite_dialplan(const std::string& path, const std::string& text,
                               const EndpointDirectory& endpoints, Diagnostics& diagnostics,
                               const RewriteOptions& options = {});
RewriteResult rewrite_dialplan(const std::string& path, const std::string& text, FileKind kind,
                               const EndpointDirectory& endpoints, Diagnostics& diagnostics,
                               const RewriteOptions& options = {});

// An #include (or #tryinclude, #exec) line of a file.
struct IncludeLine {
  int line = 0;
  Span raw;                        // the directive in the file, '#' through its argument
  std::string keyword;             // include, tryinclude or exec
  std::string argument;            // as written, quotes removed
  std::vector<std::size_t> files;  // indexes (in DialplanTree::files) of the files it read
};

struct DialplanFile {
  std::string path;  // as opened: relative includes joined to the configuration directory
  FileKind kind = FileKind::extensions;
  std::optional<std::size_t> included_by;  // the file holding the #include; none for the main
  // A file read a second time (included twice) is rewritten once: this is its first reading.
  std::size_t first_reading = 0;
  bool exec = false;  // the output of an #exec: not a file, never rewritten
  // The section its first lines belong to: an included file goes on in the section the
  // configuration was in when the #include was read (main/config.c).
  std::string section;
  std::string original;
  RewriteResult result;  // the rewrite; #include lines untouched
  std::vector<IncludeLine> includes;
};

struct DialplanTree {
  std::vector<DialplanFile> files;  // files[0] is the main file, then in the order read
};

struct TreeOptions {
  // Where relative #include names resolve, as Asterisk's configuration directory.
  std::string config_dir;
  RewriteOptions rewrite;
};

// Reads the main file (extensions.conf, extensions.ael or queues.conf, by kind_of) and every
// file it includes, the way Asterisk does (config::read_config for .conf files, AEL's own
// `#include "file"`), and rewrites them all in one run, so a SIPRemoveHeader sees every
// SIPAddHeader. Nothing when the main file cannot be read (reported).
std::optional<DialplanTree> rewrite_dialplan_files(const std::string& main_path,
                                                   const config::FileSystem& files,
                                                   const TreeOptions& options,
                                                   const EndpointDirectory& endpoints,
                                                   Diagnostics& diagnostics);

}  // namespace sip2pjsip::dialplan
