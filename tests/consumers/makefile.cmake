# Builds and runs examples/makefile (plain make, vendored output/); its
# `make check` runs the program and statusgen --check.  Then, on a copy of
# spec/ and output/, GENERATE=yes: an edit of the spec that changes no
# output runs statusgen once and recompiles nothing, the next make runs
# nothing; and `make check` fails on a stale file, naming it.
#
#   cmake -DMAKE=<make> -DEXAMPLE=<examples/makefile> -DSOURCE_DIR=<tree>
#         -DSTATUSGEN=<tool> -DWORK=<dir> -DC_COMPILER=<cc> -P makefile.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

if(NOT MAKE)
  message(FATAL_ERROR "make not found: install it (apt-get install make)")
endif()
sg_fresh_dir("${WORK}")
set(common "CC=${C_COMPILER}" "STATUSGEN=${STATUSGEN}"
  "CFLAGS=-std=c99 -O2 -Wall -Wextra -Wpedantic -Werror ${C_FLAGS}"
  "LDFLAGS=${LINK_FLAGS}")
sg_run("make check" OUTPUT_VARIABLE out
  COMMAND "${MAKE}" -C "${EXAMPLE}" "OUTPUT_DIR=${SOURCE_DIR}/output"
    "SPEC=${SOURCE_DIR}/spec/http_status.yaml" "BUILD_DIR=${WORK}/vendored"
    ${common} check)
if(NOT out MATCHES "all checks passed" OR NOT out MATCHES "--check")
  message(FATAL_ERROR "the example did not run its checks and statusgen "
    "--check:\n${out}")
endif()
if(EXISTS "${EXAMPLE}/main.o" OR EXISTS "${EXAMPLE}/http_example" OR
   EXISTS "${EXAMPLE}/http_status.stamp")
  message(FATAL_ERROR "make wrote into the source tree")
endif()

# Regenerating from a copy of the spec.
set(copy "${WORK}/copy")
file(COPY "${SOURCE_DIR}/spec" "${SOURCE_DIR}/output" DESTINATION "${copy}")
set(gen "OUTPUT_DIR=${copy}/output" "SPEC=${copy}/spec/http_status.yaml"
  "BUILD_DIR=${WORK}/gen" GENERATE=yes ${common})
sg_run("make GENERATE=yes" COMMAND "${MAKE}" -C "${EXAMPLE}" ${gen})
# A comment: newer spec, same outputs.  (Sleep past the clock's grain.)
execute_process(COMMAND "${CMAKE_COMMAND}" -E sleep 1.1)
file(APPEND "${copy}/spec/http_status.yaml" "# a comment\n")
sg_run("make after a comment" OUTPUT_VARIABLE out
  COMMAND "${MAKE}" -C "${EXAMPLE}" ${gen})
if(NOT out MATCHES "statusgen --emit")
  message(FATAL_ERROR "statusgen did not run after the spec changed:\n${out}")
endif()
if(out MATCHES "-c -o")
  message(FATAL_ERROR "a spec edit that changes no output recompiled:\n${out}")
endif()
sg_run("make again" OUTPUT_VARIABLE out COMMAND "${MAKE}" -C "${EXAMPLE}" ${gen})
if(out MATCHES "statusgen")
  message(FATAL_ERROR "statusgen ran again with nothing changed:\n${out}")
endif()
# A stale file: make check says which.
file(READ "${copy}/output/http_status.h" h)
string(REPLACE "Not Found" "Not Fund" h "${h}")
file(WRITE "${copy}/output/http_status.h" "${h}")
sg_run("make check on a stale file" EXPECT_FAIL OUTPUT_VARIABLE out
  COMMAND "${MAKE}" -C "${EXAMPLE}" "OUTPUT_DIR=${copy}/output"
    "SPEC=${copy}/spec/http_status.yaml" "BUILD_DIR=${WORK}/gen" ${common}
    check)
if(NOT out MATCHES "http_status.h")
  message(FATAL_ERROR "make check does not name the stale file:\n${out}")
endif()
