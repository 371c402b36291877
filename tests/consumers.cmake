# Consumer tests: the ways a project takes up statusgen.
#
#   consumers.man                      man -l renders the page; it matches --help
#   consumers.install                  install into a temporary prefix (fixture)
#   consumers.find_package             examples/find_package against that prefix,
#                                      regenerating after an edit of its spec
#   consumers.pkg_config               a program built with pkg-config flags
#   consumers.add_subdirectory         examples/add_subdirectory
#   consumers.makefile                 examples/makefile on output/, make
#                                      check, regenerating with a stamp
#   consumers.names                    a project with its own http_status and
#                                      statusgen targets adds the tree
#   consumers.cxx_only.<how>           a project(x CXX) generating a registry,
#                                      with find_package and add_subdirectory
#   consumers.functions                FUNCTIONS and LOOKUP: only the lookups
#                                      asked for, the compact form
#   consumers.rename.<how>             a spec whose file name is not its
#                                      registry.name, with NAME and without
#                                      (without: stops at configure time)
#   consumers.cross                    examples/cross, cross-configured with a
#                                      host statusgen (and mingw-w64 if found)
#   consumers.meson                    examples/meson with this tree as its
#                                      subproject (when meson is found)
#   consumers.overlay.<generator>      examples/overlay: an edit of the overlay
#                                      or of the spec it extends regenerates;
#                                      errors point into the right file
#   consumers.overlay.meson            the same overlay with Meson's depfile
#   consumers.meson_sources            meson.build compiles every generator
#                                      source the CMake build does
#   consumers.pre_commit               .pre-commit-hooks.yaml's hook passes on
#                                      this tree and fails on stale output
#   consumers.without_cmocka           the tree configures and builds with
#                                      cmocka hidden; STATUSGEN_TESTS=ON stops
#   consumers.single.<cc>.<std>        the single header in two units
#
# The tools they need (man, make, pkg-config) must be installed: a missing
# one fails its test with what to install.  Compilers the single-header
# matrix does not find are left out of it.

set(SG_CONSUMERS_DIR ${CMAKE_CURRENT_SOURCE_DIR}/consumers)
set(SG_CONSUMERS_WORK ${CMAKE_CURRENT_BINARY_DIR}/consumers)
set(SG_PREFIX ${SG_CONSUMERS_WORK}/prefix)

# What the nested builds share with this one.  Under STATUSGEN_SANITIZE the
# installed library is instrumented, so its users must link the runtimes.
set(SG_C_FLAGS "-Wall -Wextra -Wpedantic -Werror")
set(SG_SANITIZE_FLAGS "")
if(STATUSGEN_SANITIZE)
  set(SG_SANITIZE_FLAGS "-fsanitize=address,undefined")
  string(APPEND SG_C_FLAGS " ${SG_SANITIZE_FLAGS}")
endif()
set(SG_NESTED_ARGS
  "-DGENERATOR=${CMAKE_GENERATOR}"
  "-DMAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}"
  "-DC_COMPILER=${CMAKE_C_COMPILER}"
  "-DC_FLAGS=${SG_C_FLAGS}"
  "-DLINK_FLAGS=${SG_SANITIZE_FLAGS}"
  "-DCONFIG=$<CONFIG>")

find_program(STATUSGEN_CXX NAMES c++ g++ clang++)

# sg_consumer_test(<name> <script> [-D...]...)
function(sg_consumer_test name script)
  add_test(NAME consumers.${name}
    COMMAND ${CMAKE_COMMAND} ${ARGN} -P ${SG_CONSUMERS_DIR}/${script})
  # generous: under ASan on a busy machine a consumer compiles the
  # generated HTTP code several times
  set_tests_properties(consumers.${name} PROPERTIES TIMEOUT 600)
endfunction()

# sg_project_test(<name> <project> [-D...]...): builds and runs
# consumers/projects/<project> (see project.cmake).
function(sg_project_test name project)
  sg_consumer_test(${name} project.cmake
    "-DPROJECT=${SG_CONSUMERS_DIR}/projects/${project}"
    "-DWORK=${SG_CONSUMERS_WORK}/${name}"
    ${SG_NESTED_ARGS} ${ARGN})
endfunction()

# The man page.
find_program(STATUSGEN_MAN man)
sg_consumer_test(man check_man.cmake
  "-DSTATUSGEN=$<TARGET_FILE:statusgen::statusgen>"
  "-DMAN=${STATUSGEN_MAN}"
  "-DPAGE=${PROJECT_SOURCE_DIR}/man/statusgen.1")

# Install, then use the install.
if(STATUSGEN_INSTALL)
  sg_consumer_test(install install.cmake
    "-DBUILD_DIR=${PROJECT_BINARY_DIR}"
    "-DPREFIX=${SG_PREFIX}"
    "-DLIBDIR=${CMAKE_INSTALL_LIBDIR}"
    "-DVERSION=${PROJECT_VERSION}"
    "-DCONFIG=$<CONFIG>")
  set_tests_properties(consumers.install PROPERTIES
    FIXTURES_SETUP statusgen_prefix)

  sg_consumer_test(find_package find_package.cmake
    "-DEXAMPLE=${PROJECT_SOURCE_DIR}/examples/find_package"
    "-DWORK=${SG_CONSUMERS_WORK}/find_package"
    "-DPREFIX=${SG_PREFIX}"
    ${SG_NESTED_ARGS})

  find_program(STATUSGEN_PKG_CONFIG NAMES pkg-config pkgconf)
  sg_consumer_test(pkg_config pkg_config.cmake
    "-DPKG_CONFIG=${STATUSGEN_PKG_CONFIG}"
    "-DPREFIX=${SG_PREFIX}"
    "-DLIBDIR=${CMAKE_INSTALL_LIBDIR}"
    "-DVERSION=${PROJECT_VERSION}"
    "-DMAIN=${PROJECT_SOURCE_DIR}/examples/makefile/main.c"
    "-DWORK=${SG_CONSUMERS_WORK}/pkg_config"
    ${SG_NESTED_ARGS})
  sg_project_test(cxx_only.find_package cxx_only "-DPROGRAM=cxx_app"
    "-DARGS=-DCMAKE_PREFIX_PATH=${SG_PREFIX}|-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF"
    "-DCXX_COMPILER=${STATUSGEN_CXX}")
  sg_consumer_test(rename.find_package rename.cmake
    "-DPROJECT=${SG_CONSUMERS_DIR}/projects/rename" "-DMODE=package"
    "-DPREFIX=${SG_PREFIX}" "-DWORK=${SG_CONSUMERS_WORK}/rename.find_package"
    ${SG_NESTED_ARGS})
  set_tests_properties(consumers.find_package consumers.pkg_config
    consumers.cxx_only.find_package consumers.rename.find_package
    PROPERTIES FIXTURES_REQUIRED statusgen_prefix)
endif()

sg_consumer_test(add_subdirectory add_subdirectory.cmake
  "-DEXAMPLE=${PROJECT_SOURCE_DIR}/examples/add_subdirectory"
  "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "-DWORK=${SG_CONSUMERS_WORK}/add_subdirectory"
  ${SG_NESTED_ARGS})


sg_project_test(names names "-DPROGRAM=names_app"
  "-DARGS=-DSTATUSGEN_SOURCE_DIR=${PROJECT_SOURCE_DIR}")

sg_project_test(functions functions "-DPROGRAM=fn_app"
  "-DARGS=-DSTATUSGEN_SOURCE_DIR=${PROJECT_SOURCE_DIR}")

sg_project_test(cxx_only.add_subdirectory cxx_only "-DPROGRAM=cxx_app"
  "-DARGS=-DSTATUSGEN_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "-DCXX_COMPILER=${STATUSGEN_CXX}")
# And with clang++ whatever c++ is: clang++ warns about a .c file compiled
# as C++ unless it is told the language.
find_program(STATUSGEN_CLANGXX clang++)
if(STATUSGEN_CLANGXX)
  sg_project_test(cxx_only.clang cxx_only "-DPROGRAM=cxx_app"
    "-DARGS=-DSTATUSGEN_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
    "-DCXX_COMPILER=${STATUSGEN_CLANGXX}")
endif()
sg_consumer_test(rename.add_subdirectory rename.cmake
  "-DPROJECT=${SG_CONSUMERS_DIR}/projects/rename" "-DMODE=subdirectory"
  "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "-DWORK=${SG_CONSUMERS_WORK}/rename.add_subdirectory"
  ${SG_NESTED_ARGS})

find_program(STATUSGEN_MINGW_CC x86_64-w64-mingw32-gcc)
set(SG_MINGW "")
if(STATUSGEN_MINGW_CC)
  set(SG_MINGW "-DMINGW_TOOLCHAIN=${PROJECT_SOURCE_DIR}/examples/cross/mingw-w64.cmake")
endif()
sg_consumer_test(cross cross.cmake
  "-DEXAMPLE=${PROJECT_SOURCE_DIR}/examples/cross"
  "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "-DHOST_STATUSGEN=$<TARGET_FILE:statusgen::statusgen>"
  "-DTOOLCHAIN=${SG_CONSUMERS_DIR}/cross-same-cpu.cmake"
  "-DWORK=${SG_CONSUMERS_WORK}/cross" ${SG_MINGW}
  ${SG_NESTED_ARGS})

find_program(STATUSGEN_MESON meson)
if(STATUSGEN_MESON)
  sg_consumer_test(meson meson.cmake
    "-DMESON=${STATUSGEN_MESON}"
    "-DEXAMPLE=${PROJECT_SOURCE_DIR}/examples/meson"
    "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
    "-DWORK=${SG_CONSUMERS_WORK}/meson"
    ${SG_NESTED_ARGS})
endif()
# An overlay of the shipped spec (examples/overlay): an edit of either
# file regenerates, under the build's generator and Ninja, and with Meson.
set(SG_OVERLAY_ARGS
  "-DEXAMPLE=${PROJECT_SOURCE_DIR}/examples/overlay"
  "-DSPEC=${PROJECT_SOURCE_DIR}/spec/http_status.yaml"
  "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}")
set(overlay_generators "${CMAKE_GENERATOR}")
find_program(STATUSGEN_NINJA ninja)
if(STATUSGEN_NINJA AND NOT CMAKE_GENERATOR STREQUAL "Ninja")
  list(APPEND overlay_generators "Ninja")
endif()
foreach(gen IN LISTS overlay_generators)
  string(REGEX REPLACE "[^A-Za-z]" "" tag "${gen}")
  set(args ${SG_NESTED_ARGS})
  if(NOT gen STREQUAL CMAKE_GENERATOR)
    list(FILTER args EXCLUDE REGEX "^-D(GENERATOR|MAKE_PROGRAM)=")
    list(APPEND args "-DGENERATOR=${gen}")
  endif()
  sg_consumer_test(overlay.${tag} overlay.cmake ${SG_OVERLAY_ARGS}
    "-DWORK=${SG_CONSUMERS_WORK}/overlay.${tag}" ${args})
endforeach()
if(STATUSGEN_MESON)
  sg_consumer_test(overlay.meson meson_overlay.cmake ${SG_OVERLAY_ARGS}
    "-DMESON=${STATUSGEN_MESON}" "-DWORK=${SG_CONSUMERS_WORK}/overlay.meson"
    ${SG_NESTED_ARGS})
endif()

string(REPLACE ";" "|" SG_GENERATOR_SOURCES
  "${STATUSGEN_CORE_SOURCES};${PROJECT_SOURCE_DIR}/generator/main.c")
sg_consumer_test(meson_sources meson_sources.cmake
  "-DMESON_BUILD=${PROJECT_SOURCE_DIR}/meson.build"
  "-DOUTPUTS_DEF=${PROJECT_SOURCE_DIR}/generator/outputs.def"
  "-DSOURCES=${SG_GENERATOR_SOURCES}")

sg_consumer_test(pre_commit pre_commit.cmake
  "-DSTATUSGEN=$<TARGET_FILE:statusgen::statusgen>"
  "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "-DWORK=${SG_CONSUMERS_WORK}/pre_commit")

sg_consumer_test(without_cmocka without_cmocka.cmake
  "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "-DWORK=${SG_CONSUMERS_WORK}/without_cmocka"
  ${SG_NESTED_ARGS})

find_program(STATUSGEN_MAKE NAMES make gmake)
sg_consumer_test(makefile makefile.cmake
  "-DMAKE=${STATUSGEN_MAKE}"
  "-DEXAMPLE=${PROJECT_SOURCE_DIR}/examples/makefile"
  "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "-DSTATUSGEN=$<TARGET_FILE:statusgen::statusgen>"
  "-DWORK=${SG_CONSUMERS_WORK}/makefile"
  ${SG_NESTED_ARGS})

# The single header, generated from the shipped spec at test time.
set(SG_SINGLE_DIR ${SG_CONSUMERS_WORK}/single)
add_test(NAME consumers.single.generate
  COMMAND statusgen::statusgen -o ${SG_SINGLE_DIR} --emit single
          ${PROJECT_SOURCE_DIR}/spec/http_status.yaml)
set_tests_properties(consumers.single.generate PROPERTIES
  FIXTURES_SETUP statusgen_single)

set(SG_C_STANDARDS c89 c99 c11 c17)
set(SG_CXX_STANDARDS c++98 c++11 c++17 c++20)
foreach(cc gcc clang g++ clang++)
  string(MAKE_C_IDENTIFIER "STATUSGEN_COMPILER_${cc}" var)
  find_program(${var} ${cc})
  if(NOT ${var})
    continue()
  endif()
  if(cc MATCHES "\\+\\+$")
    set(lang c++)
    set(stds ${SG_CXX_STANDARDS})
  else()
    set(lang c)
    set(stds ${SG_C_STANDARDS})
  endif()
  foreach(std IN LISTS stds)
    set(test single.${cc}.${std})
    sg_consumer_test(${test} single_header.cmake
      "-DCOMPILER=${${var}}" "-DLANG=${lang}" "-DSTD=${std}"
      "-DINCLUDE=${SG_SINGLE_DIR}" "-DSOURCES=${SG_CONSUMERS_DIR}"
      "-DWORK=${SG_CONSUMERS_WORK}/${test}"
      "-DC_FLAGS=${SG_SANITIZE_FLAGS}" "-DLINK_FLAGS=${SG_SANITIZE_FLAGS}")
    set_tests_properties(consumers.${test} PROPERTIES
      FIXTURES_REQUIRED statusgen_single)
  endforeach()
endforeach()
