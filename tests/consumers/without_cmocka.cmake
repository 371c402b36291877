# Builds the statusgen tree the way ./build.sh does on a machine without
# cmocka (hidden from CMake here): the configure succeeds without tests and
# the generator builds and runs; STATUSGEN_TESTS=ON stops with what to do.
#
#   cmake -DSOURCE_DIR=<statusgen tree> -DWORK=<dir> -DGENERATOR=...
#         -DC_COMPILER=... -P without_cmocka.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

sg_fresh_dir("${WORK}")
set(bin "${WORK}/build")
sg_configure("configure without cmocka" "${SOURCE_DIR}" "${bin}"
  -DCMAKE_DISABLE_FIND_PACKAGE_cmocka=ON)
if(EXISTS "${bin}/tests" OR EXISTS "${bin}/CTestTestfile.cmake")
  message(FATAL_ERROR "tests were configured although cmocka is hidden")
endif()
sg_build("build" "${bin}")
sg_program(tool "${bin}/generator" statusgen)
sg_run("run" COMMAND "${tool}" --version)

sg_run("STATUSGEN_TESTS=ON without cmocka" EXPECT_FAIL OUTPUT_VARIABLE out
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK}/forced"
          -G "${GENERATOR}" "-DCMAKE_C_COMPILER=${C_COMPILER}"
          -DCMAKE_DISABLE_FIND_PACKAGE_cmocka=ON -DSTATUSGEN_TESTS=ON)
if(NOT out MATCHES "STATUSGEN_TESTS=ON, but cmocka was not")
  message(FATAL_ERROR "no clear message for STATUSGEN_TESTS=ON:\n${out}")
endif()
