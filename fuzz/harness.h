// What the fuzz targets run, shared with the unit tests that replay every input the fuzzers
// ever crashed on (tests/robustness/fuzz_replay_test.cpp), so a regression fails the normal
// test suite and not only a fuzzing run.
//
// One input holds one or more files: the main file first, then each further file introduced
// by a line `%%% name` (kFileMarker followed by its path and a newline), so the fuzzers reach
// #include, #tryinclude and globs. Files live in a MemoryFileSystem; nothing touches the disk
// and #exec never runs a program: with exec allowed, `#exec name` "prints" the file `name`.
// The Asterisk branch and the options that the command line would set are taken from the size
// of the input, so every input is a plain config file and still reaches every branch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sip2pjsip::fuzz {

inline constexpr std::string_view kFileMarker = "\n%%% ";

// The files of an input, main file ("sip.conf" or "pjsip.conf" as `main_name`) first.
std::vector<std::pair<std::string, std::string>> split_files(std::string_view input,
                                                             const std::string& main_name);

// Reader only: includes, templates, comments, #exec from memory.
void run_reader(const std::uint8_t* data, std::size_t size);
// The whole conversion as `sip2pjsip` runs it (model, rules, target branch, --pjsip-port,
// layout), then the converted output read back and checked. Aborts when the converter writes a
// file that the reader finds malformed (an error in a config-* code).
void run_convert(const std::uint8_t* data, std::size_t size);
// `sip2pjsip check` of a pjsip.conf, its findings printed as text or as JSON (--json) as the
// size of the input chooses: the JSON writer costs as much as the check itself.
void run_check(const std::uint8_t* data, std::size_t size);
// run_check() with the findings printed both ways: the replay of committed inputs, some found
// when every input was printed as JSON.
void run_check_every_form(const std::uint8_t* data, std::size_t size);

}  // namespace sip2pjsip::fuzz
