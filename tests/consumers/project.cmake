# Configures, builds and runs a small consumer project (one of
# tests/consumers/projects/).
#
#   cmake -DPROJECT=<dir> -DWORK=<dir> [-DPROGRAM=<executable to run>]
#         [-DARGS=<-D...|-D...>] [-DEXPECT=<regex the build output matches>]
#         -DGENERATOR=... -DC_COMPILER=... -P project.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

sg_fresh_dir("${WORK}")
set(bin "${WORK}/build")
string(REPLACE "|" ";" args "${ARGS}")
sg_configure("configure" "${PROJECT}" "${bin}" ${args})
sg_build("build" "${bin}" OUTPUT_VARIABLE out)
if(EXPECT AND NOT out MATCHES "${EXPECT}")
  message(FATAL_ERROR "the build output does not match '${EXPECT}':\n${out}")
endif()
if(PROGRAM)
  sg_program(app "${bin}" "${PROGRAM}")
  sg_run("run" COMMAND "${app}")
endif()
