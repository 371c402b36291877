# A spec whose file name is not its registry.name, through find_package
# (MODE=package: statusgen --list-outputs names the files when CMake
# configures) or add_subdirectory (MODE=subdirectory: the files are named
# after NAME, and a missing NAME stops the configure step with what to
# do).  Then
# NAME renames the files, and dropping it again builds too: no stale
# output list breaks the build.
#
#   cmake -DPROJECT=<projects/rename> -DWORK=<dir> -DMODE=package|subdirectory
#         [-DPREFIX=<install prefix>] [-DSOURCE_DIR=<statusgen tree>]
#         -DGENERATOR=... -DC_COMPILER=... -P rename.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

sg_fresh_dir("${WORK}")
set(bin "${WORK}/build")
if(MODE STREQUAL "package")
  set(how "-DCMAKE_PREFIX_PATH=${PREFIX}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
else()
  set(how "-DSTATUSGEN_SOURCE_DIR=${SOURCE_DIR}")
endif()

# build_and_run(<what> <REG_NAME>)
macro(build_and_run what reg_name)
  sg_configure("configure: ${what}" "${PROJECT}" "${bin}" ${how}
    "-DREG_NAME=${reg_name}")
  sg_build("build: ${what}" "${bin}" OUTPUT_VARIABLE out)
  if(out MATCHES "Deleting primary custom command output")
    message(FATAL_ERROR "${what}: a stale output list:\n${out}")
  endif()
  sg_program(app "${bin}" rename_app)
  sg_run("run: ${what}" COMMAND "${app}")
endmacro()

if(MODE STREQUAL "package")
  build_and_run("no NAME" "")
else()
  # Stopped when CMake configures, with the name to pass.
  sg_run("configure: no NAME" EXPECT_FAIL OUTPUT_VARIABLE out
    COMMAND "${CMAKE_COMMAND}" -S "${PROJECT}" -B "${bin}" -G "${GENERATOR}"
            "-DCMAKE_C_COMPILER=${C_COMPILER}" ${how} "-DREG_NAME=")
  if(NOT out MATCHES "Pass NAME mail_reply")
    message(FATAL_ERROR "no advice to pass NAME mail_reply:\n${out}")
  endif()
  build_and_run("NAME mail_reply" mail_reply)
endif()
build_and_run("NAME vendor_reply" vendor_reply)
foreach(ext h py ts)
  if(NOT EXISTS "${bin}/statusgen_rename_app/vendor_reply.${ext}")
    message(FATAL_ERROR "NAME did not rename the files (.${ext})")
  endif()
endforeach()
if(MODE STREQUAL "package")
  build_and_run("NAME dropped" "")
else()
  build_and_run("NAME mail_reply again" mail_reply)
endif()
