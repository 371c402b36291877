# Builds and runs examples/find_package against statusgen installed in
# PREFIX, then edits the example's spec and checks that the next build
# regenerates the code, that a no-op build does not, and that an invalid
# spec fails the build.
#
#   cmake -DEXAMPLE=<examples/find_package> -DWORK=<dir> -DPREFIX=<dir>
#         -DGENERATOR=... -DC_COMPILER=... [-DC_FLAGS=...] -P find_package.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

# A copy of the example, so that editing its spec leaves the tree alone.
sg_fresh_dir("${WORK}")
file(COPY "${EXAMPLE}/" DESTINATION "${WORK}/src")
set(spec "${WORK}/src/smtp_reply.yaml")
set(bin "${WORK}/build")

sg_configure("configure" "${WORK}/src" "${bin}"
  "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF")
file(STRINGS "${bin}/CMakeCache.txt" dir REGEX "^statusgen_DIR:")
if(NOT dir MATCHES "=${PREFIX}/")
  message(FATAL_ERROR "statusgen was not found in ${PREFIX}: ${dir}")
endif()

sg_build("first build" "${bin}" OUTPUT_VARIABLE out)
if(NOT out MATCHES "statusgen: smtp_reply")
  message(FATAL_ERROR "the first build did not run statusgen:\n${out}")
endif()
sg_program(app "${bin}" smtp_example)
sg_run("run" COMMAND "${app}")
sg_run("251 is not in the spec yet" EXPECT_FAIL
  COMMAND "${app}" 251 "User not local will forward")

sg_build("no-op build" "${bin}" OUTPUT_VARIABLE out)
if(out MATCHES "statusgen: smtp_reply")
  message(FATAL_ERROR "a build with nothing changed ran statusgen:\n${out}")
endif()

# Add a code to the spec: the next build must pick it up.
file(APPEND "${spec}" "  - {code: 251, name: USER_NOT_LOCAL, phrase: User not \
local will forward, description: {en: \"The server forwards the message.\"}}\n")
sg_build("build after editing the spec" "${bin}" OUTPUT_VARIABLE out)
if(NOT out MATCHES "statusgen: smtp_reply")
  message(FATAL_ERROR "editing the spec did not rerun statusgen:\n${out}")
endif()
sg_run("run after the edit" COMMAND "${app}")
sg_run("251 is in the spec now"
  COMMAND "${app}" 251 "User not local will forward")

# An invalid spec fails the build with a located diagnostic.
file(READ "${spec}" good)
file(APPEND "${spec}" "  - {code: 252, name: TWICE, phrase: Twice, \
description: {en: \"A second 252.\"}}\n")
sg_build("build with an invalid spec" "${bin}" EXPECT_FAIL
  OUTPUT_VARIABLE out)
if(NOT out MATCHES "smtp_reply.yaml:[0-9]+:[0-9]+: error: ")
  message(FATAL_ERROR "no file:line:col diagnostic for the bad spec:\n${out}")
endif()
file(WRITE "${spec}" "${good}")
sg_build("build after fixing the spec" "${bin}")
sg_run("run after the fix" COMMAND "${app}" 251 "User not local will forward")
