# Writes INPUT into OUTPUT as `extern const char* const <VARIABLE>` in namespace <NAMESPACE>, so
# a data table ships inside the binary instead of being read at run time.
#   -DINPUT=... -DOUTPUT=... [-DVARIABLE=kName] [-DNAMESPACE=sip2pjsip::module]
# VARIABLE and NAMESPACE default to the chan_sip option table's, its first user.
if(NOT DEFINED VARIABLE)
  set(VARIABLE kChanSipOptionsTsv)
endif()
if(NOT DEFINED NAMESPACE)
  set(NAMESPACE sip2pjsip::chansip)
endif()
file(READ ${INPUT} CONTENT)
set(DELIM "sip2pjsip_tsv")
string(FIND "${CONTENT}" ")${DELIM}\"" DELIM_INSIDE)
if(NOT DELIM_INSIDE EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter )${DELIM}\"")
endif()
file(WRITE ${OUTPUT}
  "// Generated from ${INPUT}; do not edit.\n"
  "namespace ${NAMESPACE} {\n"
  "extern const char* const ${VARIABLE};\n"
  "const char* const ${VARIABLE} = R\"${DELIM}(${CONTENT})${DELIM}\";\n"
  "}\n")
