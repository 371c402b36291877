# Builds and runs examples/add_subdirectory with the statusgen tree as a
# subproject, and checks that the subproject registers no tests and no
# install rules.
#
#   cmake -DEXAMPLE=<examples/add_subdirectory> -DSOURCE_DIR=<statusgen tree>
#         -DWORK=<dir> -DGENERATOR=... -DC_COMPILER=... -P add_subdirectory.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

sg_fresh_dir("${WORK}")
set(bin "${WORK}/build")
sg_configure("configure" "${EXAMPLE}" "${bin}"
  "-DSTATUSGEN_SOURCE_DIR=${SOURCE_DIR}")
sg_build("build" "${bin}" OUTPUT_VARIABLE out)
if(NOT out MATCHES "statusgen: gemini_status \\(single\\)")
  message(FATAL_ERROR "the build did not run statusgen:\n${out}")
endif()
sg_program(app "${bin}" gemini_example)
sg_run("run" COMMAND "${app}")

# Off when not top-level: statusgen's tests ...
file(GLOB_RECURSE ctest_files "${bin}/CTestTestfile.cmake")
if(ctest_files OR EXISTS "${bin}/statusgen/tests")
  message(FATAL_ERROR "the subproject registered tests: ${ctest_files}")
endif()
# ... and its install rules: installing the consumer installs nothing.
sg_run("install" COMMAND "${CMAKE_COMMAND}" --install "${bin}"
  --prefix "${WORK}/prefix")
file(GLOB_RECURSE installed "${WORK}/prefix/*")
if(installed)
  message(FATAL_ERROR "the subproject installed files: ${installed}")
endif()
