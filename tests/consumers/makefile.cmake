# Builds and runs examples/makefile (plain make, vendored output/).
#
#   cmake -DMAKE=<make> -DEXAMPLE=<examples/makefile> -DOUTPUT_DIR=<output/>
#         -DWORK=<dir> -DC_COMPILER=<cc> -P makefile.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

if(NOT MAKE)
  message(FATAL_ERROR "make not found: install it (apt-get install make)")
endif()
sg_fresh_dir("${WORK}")
sg_run("make check" OUTPUT_VARIABLE out
  COMMAND "${MAKE}" -C "${EXAMPLE}" "OUTPUT_DIR=${OUTPUT_DIR}"
    "BUILD_DIR=${WORK}" "CC=${C_COMPILER}"
    "CFLAGS=-std=c99 -O2 -Wall -Wextra -Wpedantic -Werror ${C_FLAGS}"
    "LDFLAGS=${LINK_FLAGS}" check)
if(NOT out MATCHES "all checks passed")
  message(FATAL_ERROR "the example did not report its checks:\n${out}")
endif()
if(EXISTS "${EXAMPLE}/main.o" OR EXISTS "${EXAMPLE}/http_example")
  message(FATAL_ERROR "make wrote into the source tree")
endif()
