# Builds a program with "pkg-config --cflags --libs http_status" from the
# installed prefix, and runs it.
#
#   cmake -DPKG_CONFIG=<pkg-config> -DPREFIX=<dir> -DLIBDIR=<lib>
#         -DVERSION=<x.y.z> -DMAIN=<main.c> -DWORK=<dir> -DC_COMPILER=<cc>
#         -P pkg_config.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

if(NOT PKG_CONFIG)
  message(FATAL_ERROR "pkg-config not found: install it "
    "(apt-get install pkg-config)")
endif()
sg_fresh_dir("${WORK}")
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")

sg_run("pkg-config --modversion" OUTPUT_VARIABLE v
  COMMAND "${PKG_CONFIG}" --modversion http_status)
string(STRIP "${v}" v)
if(NOT v STREQUAL VERSION)
  message(FATAL_ERROR "http_status.pc says version '${v}', not ${VERSION}")
endif()

sg_run("pkg-config --cflags --libs" OUTPUT_VARIABLE flags
  COMMAND "${PKG_CONFIG}" --cflags --libs http_status)
string(STRIP "${flags}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
# The flags must point into the prefix, not at some other copy.
foreach(f IN LISTS flags)
  if(f MATCHES "^-[IL](.*)")
    get_filename_component(d "${CMAKE_MATCH_1}" REALPATH)
    get_filename_component(p "${PREFIX}" REALPATH)
    string(FIND "${d}/" "${p}/" at)
    if(NOT at EQUAL 0)
      message(FATAL_ERROR "pkg-config gave ${f}, outside ${PREFIX}")
    endif()
  endif()
endforeach()

separate_arguments(cflags UNIX_COMMAND
  "-std=c99 -Wall -Wextra -Wpedantic -Werror ${C_FLAGS} ${LINK_FLAGS}")
sg_run("compile" COMMAND "${C_COMPILER}" ${cflags} -o "${WORK}/http_example"
  "${MAIN}" ${flags})
sg_run("run" OUTPUT_VARIABLE out COMMAND "${WORK}/http_example")
if(NOT out MATCHES "all checks passed")
  message(FATAL_ERROR "the program did not report its checks:\n${out}")
endif()
