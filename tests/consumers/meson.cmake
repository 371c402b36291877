# Builds and runs examples/meson with this tree as its statusgen
# subproject (a copy of the example, with subprojects/statusgen linking
# here).
#
#   cmake -DMESON=<meson> -DEXAMPLE=<examples/meson> -DSOURCE_DIR=<tree>
#         -DWORK=<dir> -DC_COMPILER=... -P meson.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

sg_fresh_dir("${WORK}")
# The example refers to ../find_package: keep its place beside it.
file(COPY "${EXAMPLE}" DESTINATION "${WORK}/examples")
file(COPY "${EXAMPLE}/../find_package" DESTINATION "${WORK}/examples")
set(src "${WORK}/examples/meson")
file(MAKE_DIRECTORY "${src}/subprojects")
file(CREATE_LINK "${SOURCE_DIR}" "${src}/subprojects/statusgen" SYMBOLIC)

set(ENV{CC} "${C_COMPILER}")
sg_run("meson setup" COMMAND "${MESON}" setup "${WORK}/build" "${src}"
  -Dwerror=true)
sg_run("meson compile" OUTPUT_VARIABLE out
  COMMAND "${MESON}" compile -C "${WORK}/build")
sg_run("run" COMMAND "${WORK}/build/smtp_example")
sg_run("no-op compile" OUTPUT_VARIABLE out
  COMMAND "${MESON}" compile -C "${WORK}/build")
if(out MATCHES "statusgen_gen|smtp_reply.c.o")
  message(FATAL_ERROR "a build with nothing changed did work:\n${out}")
endif()
