# Builds examples/overlay with Meson, the statusgen tree its subproject,
# and checks that the depfile makes an edit of the spec the overlay
# extends regenerate, and that a build with nothing changed runs nothing.
#
#   cmake -DMESON=<meson> -DEXAMPLE=<examples/overlay>
#         -DSPEC=<spec/http_status.yaml> -DSOURCE_DIR=<tree> -DWORK=<dir>
#         -DC_COMPILER=... -P meson_overlay.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

sg_fresh_dir("${WORK}")
file(COPY "${EXAMPLE}" DESTINATION "${WORK}/src/examples")
file(COPY "${SPEC}" DESTINATION "${WORK}/src/spec")
set(src "${WORK}/src/examples/overlay")
set(base "${WORK}/src/spec/http_status.yaml")
file(MAKE_DIRECTORY "${src}/subprojects")
file(CREATE_LINK "${SOURCE_DIR}" "${src}/subprojects/statusgen" SYMBOLIC)

set(ENV{CC} "${C_COMPILER}")
sg_run("meson setup" COMMAND "${MESON}" setup "${WORK}/build" "${src}"
  -Dwerror=true)
sg_run("meson compile" COMMAND "${MESON}" compile -C "${WORK}/build")
sg_run("run" OUTPUT_VARIABLE out COMMAND "${WORK}/build/overlay_example")
sg_run("no-op compile" OUTPUT_VARIABLE out
  COMMAND "${MESON}" compile -C "${WORK}/build")
if(out MATCHES "statusgen_overlay")
  message(FATAL_ERROR "a build with nothing changed did work:\n${out}")
endif()
file(READ "${base}" text)
string(REPLACE "phrase: Too Many Requests" "phrase: Too Many Requests Now"
  text "${text}")
file(WRITE "${base}" "${text}")
sg_run("compile after an edit of the base" OUTPUT_VARIABLE out
  COMMAND "${MESON}" compile -C "${WORK}/build")
if(NOT out MATCHES "statusgen_overlay")
  message(FATAL_ERROR "an edit of the base did not rerun statusgen:\n${out}")
endif()
sg_run("run" OUTPUT_VARIABLE out COMMAND "${WORK}/build/overlay_example")
if(NOT out MATCHES "429 Too Many Requests Now")
  message(FATAL_ERROR "the base's edit did not reach the program:\n${out}")
endif()
