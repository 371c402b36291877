# Cross-configures examples/cross: without a host statusgen it stops and
# says what to do; with STATUSGEN_EXECUTABLE it builds no generator, runs
# the host one, and the program works (the toolchain file only changes the
# target's name, so it runs here).  With MINGW_TOOLCHAIN (a real cross
# compiler), builds the Windows program too.
#
#   cmake -DEXAMPLE=<examples/cross> -DSOURCE_DIR=<statusgen tree>
#         -DHOST_STATUSGEN=<statusgen> -DTOOLCHAIN=<cross-same-cpu.cmake>
#         [-DMINGW_TOOLCHAIN=<examples/cross/mingw-w64.cmake>] -DWORK=<dir>
#         -DGENERATOR=... -DC_COMPILER=... -P cross.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

sg_fresh_dir("${WORK}")
set(args "-DCMAKE_TOOLCHAIN_FILE=${TOOLCHAIN}"
  "-DSTATUSGEN_SOURCE_DIR=${SOURCE_DIR}")

# No host statusgen: a clear stop (PATH without statusgen).
set(ENV{PATH} "/usr/bin:/bin")
sg_run("configure without a host statusgen" EXPECT_FAIL OUTPUT_VARIABLE out
  COMMAND "${CMAKE_COMMAND}" -S "${EXAMPLE}" -B "${WORK}/nohost"
          -G "${GENERATOR}" "-DCMAKE_C_COMPILER=${C_COMPILER}" ${args})
if(NOT out MATCHES "cross-compiling.*STATUSGEN_EXECUTABLE")
  message(FATAL_ERROR "no clear message without a host statusgen:\n${out}")
endif()

set(bin "${WORK}/build")
sg_configure("cross configure" "${EXAMPLE}" "${bin}" ${args}
  "-DSTATUSGEN_EXECUTABLE=${HOST_STATUSGEN}")
if(NOT SG_CONFIGURE_OUTPUT MATCHES "statusgen: cross-compiling: using ")
  message(FATAL_ERROR "not a cross build, or the host statusgen unused:\n"
    "${SG_CONFIGURE_OUTPUT}")
endif()
sg_build("cross build" "${bin}" OUTPUT_VARIABLE out)
if(NOT out MATCHES "statusgen: smtp_reply")
  message(FATAL_ERROR "the build did not run statusgen:\n${out}")
endif()
file(GLOB_RECURSE built_tools "${bin}/statusgen/*/statusgen")
if(built_tools OR EXISTS "${bin}/statusgen/generator")
  message(FATAL_ERROR "the cross build built a generator: ${built_tools}")
endif()
sg_program(app "${bin}" cross_example)
sg_run("run" COMMAND "${app}")

if(MINGW_TOOLCHAIN)
  set(win "${WORK}/mingw")
  sg_run("mingw configure" COMMAND "${CMAKE_COMMAND}" -S "${EXAMPLE}"
    -B "${win}" -G "${GENERATOR}" "-DCMAKE_TOOLCHAIN_FILE=${MINGW_TOOLCHAIN}"
    "-DSTATUSGEN_SOURCE_DIR=${SOURCE_DIR}"
    "-DSTATUSGEN_EXECUTABLE=${HOST_STATUSGEN}")
  sg_build("mingw build" "${win}")
  if(NOT EXISTS "${win}/cross_example.exe")
    message(FATAL_ERROR "no cross_example.exe")
  endif()
endif()
