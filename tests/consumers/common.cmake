# Helpers shared by the consumer tests (run with cmake -P).

cmake_minimum_required(VERSION 3.16)

# sg_run(<what> [EXPECT_FAIL] [OUTPUT_VARIABLE <var>] [WORKING_DIRECTORY <dir>]
#        COMMAND <command>...)
# Runs the command and stops the test with its output when it fails (or,
# with EXPECT_FAIL, when it succeeds).
function(sg_run what)
  cmake_parse_arguments(PARSE_ARGV 1 R "EXPECT_FAIL"
    "OUTPUT_VARIABLE;WORKING_DIRECTORY" "COMMAND")
  if(NOT R_WORKING_DIRECTORY)
    set(R_WORKING_DIRECTORY .)
  endif()
  string(REPLACE ";" " " shown "${R_COMMAND}")
  message(STATUS "${what}: ${shown}")
  execute_process(COMMAND ${R_COMMAND}
    WORKING_DIRECTORY "${R_WORKING_DIRECTORY}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(R_EXPECT_FAIL)
    if(rc EQUAL 0)
      message(FATAL_ERROR "${what}: succeeded, expected a failure:\n${out}")
    endif()
  elseif(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what}: failed (${rc}):\n${out}")
  endif()
  if(R_OUTPUT_VARIABLE)
    set(${R_OUTPUT_VARIABLE} "${out}" PARENT_SCOPE)
  endif()
endfunction()

# sg_configure(<what> <source dir> <build dir> [<-D...>...]): configures a
# CMake project with the generator and compiler of the enclosing build.
# Reads GENERATOR, MAKE_PROGRAM, C_COMPILER, C_FLAGS, LINK_FLAGS and, when
# set, CXX_COMPILER (which takes C_FLAGS too).  Leaves the output in
# SG_CONFIGURE_OUTPUT.
function(sg_configure what src bin)
  set(args -S "${src}" -B "${bin}" -G "${GENERATOR}"
    "-DCMAKE_C_COMPILER=${C_COMPILER}"
    "-DCMAKE_C_FLAGS=${C_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}")
  if(MAKE_PROGRAM)
    list(APPEND args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
  endif()
  if(CXX_COMPILER)
    list(APPEND args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
      "-DCMAKE_CXX_FLAGS=${C_FLAGS}")
  endif()
  if(CONFIG)
    list(APPEND args "-DCMAKE_BUILD_TYPE=${CONFIG}")
  endif()
  sg_run("${what}" OUTPUT_VARIABLE out COMMAND "${CMAKE_COMMAND}" ${args}
    ${ARGN})
  set(SG_CONFIGURE_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

# sg_build(<what> <build dir> [OUTPUT_VARIABLE <var>] [EXPECT_FAIL])
function(sg_build what bin)
  cmake_parse_arguments(PARSE_ARGV 2 B "EXPECT_FAIL" "OUTPUT_VARIABLE" "")
  set(expect "")
  if(B_EXPECT_FAIL)
    set(expect EXPECT_FAIL)
  endif()
  set(config "")
  if(CONFIG)
    set(config --config "${CONFIG}")
  endif()
  sg_run("${what}" ${expect} OUTPUT_VARIABLE out
    COMMAND "${CMAKE_COMMAND}" --build "${bin}" --parallel 4 ${config})
  if(B_OUTPUT_VARIABLE)
    set(${B_OUTPUT_VARIABLE} "${out}" PARENT_SCOPE)
  endif()
endfunction()

# sg_fresh_dir(<dir>): an empty directory.
function(sg_fresh_dir dir)
  file(REMOVE_RECURSE "${dir}")
  file(MAKE_DIRECTORY "${dir}")
endfunction()

# sg_program(<var> <build dir> <name>): the path of an executable built in
# <build dir>, for single- and multi-configuration generators.
function(sg_program var bin name)
  set(path "${bin}/${name}")
  if(NOT EXISTS "${path}" AND CONFIG)
    set(path "${bin}/${CONFIG}/${name}")
  endif()
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "no program ${name} in ${bin}")
  endif()
  set(${var} "${path}" PARENT_SCOPE)
endfunction()
