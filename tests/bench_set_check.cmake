# A small benchmark set (200 peers over two included files) converts cleanly, and the converter
# counts what the generator wrote: 190 phones, 10 trunks, one register line per trunk. Then
# `sip2pjsip check` finds nothing wrong in the output. The benchmark measures this same work at
# 10,000 to 1,000,000 peers; this keeps its input honest.
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${GENERATE} ${WORK} --peers 200 --peers-per-file 100
                RESULT_VARIABLE result OUTPUT_VARIABLE generated)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "sip2pjsip_generate failed: ${result}")
endif()
if(NOT generated MATCHES "190 phones, 10 trunks in 3 files")
  message(FATAL_ERROR "unexpected set: ${generated}")
endif()
execute_process(COMMAND ${SIP2PJSIP} sip.conf pjsip.conf WORKING_DIRECTORY ${WORK}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "sip2pjsip exited ${result}:\n${err}")
endif()
if(NOT out MATCHES "\nConverted 190 peers, 10 trunks and 10 registrations into ")
  message(FATAL_ERROR "unexpected summary:\n${out}")
endif()
if(NOT err MATCHES "; 0 error\\(s\\), ")
  message(FATAL_ERROR "errors reported:\n${err}")
endif()
foreach(file pjsip.conf pjsip_peers-001.conf pjsip_peers-002.conf)
  if(NOT EXISTS ${WORK}/${file})
    message(FATAL_ERROR "${file} was not written")
  endif()
endforeach()
execute_process(COMMAND ${SIP2PJSIP} check pjsip.conf WORKING_DIRECTORY ${WORK}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "sip2pjsip check exited ${result}:\n${out}${err}")
endif()
file(REMOVE_RECURSE ${WORK})
message(STATUS "200-peer benchmark set converted and checked clean")
