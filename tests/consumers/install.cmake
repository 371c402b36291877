# Installs the enclosing build into a fresh temporary prefix and checks the
# layout.  The other consumer tests use that prefix (CTest fixture).
#
#   cmake -DBUILD_DIR=<build tree> -DPREFIX=<dir> -DCONFIG=<config>
#         -DVERSION=<x.y.z> -DLIBDIR=<lib> -P install.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

file(REMOVE_RECURSE "${PREFIX}")
set(config "")
if(CONFIG)
  set(config --config "${CONFIG}")
endif()
sg_run("install" COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}"
  --prefix "${PREFIX}" ${config})

set(missing "")
foreach(f
    bin/statusgen
    ${LIBDIR}/libhttp_status.a
    include/http_status.h
    ${LIBDIR}/cmake/statusgen/statusgenConfig.cmake
    ${LIBDIR}/cmake/statusgen/statusgenConfigVersion.cmake
    ${LIBDIR}/cmake/statusgen/statusgenTargets.cmake
    ${LIBDIR}/cmake/statusgen/StatusgenGenerate.cmake
    ${LIBDIR}/pkgconfig/http_status.pc
    share/man/man1/statusgen.1
    share/doc/statusgen/http_status.en.md
    share/doc/statusgen/SCHEMA.md)
  if(NOT EXISTS "${PREFIX}/${f}")
    list(APPEND missing "${f}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "not installed under ${PREFIX}: ${missing}")
endif()

# The installed tool runs and is this version.
sg_run("installed statusgen" OUTPUT_VARIABLE out
  COMMAND "${PREFIX}/bin/statusgen" --version)
if(NOT out MATCHES "^statusgen ${VERSION}\n")
  message(FATAL_ERROR "installed statusgen --version: '${out}', "
    "expected 'statusgen ${VERSION}'")
endif()
