# Writes INPUT into OUTPUT as `extern const char* const kChanSipOptionsTsv`.
file(READ ${INPUT} CONTENT)
set(DELIM "sip2pjsip_tsv")
file(WRITE ${OUTPUT}
  "// Generated from ${INPUT}; do not edit.\n"
  "namespace sip2pjsip::chansip {\n"
  "extern const char* const kChanSipOptionsTsv;\n"
  "const char* const kChanSipOptionsTsv = R\"${DELIM}(${CONTENT})${DELIM}\";\n"
  "}\n")
