# A spec edit that changes no output makes the build run statusgen and
# nothing else: no output is touched, nothing recompiles.  A real change
# recompiles.  Run with cmake -P:
#
#   cmake -DSOURCE_DIR=<statusgen tree> -DWORK=<dir> -DGENERATOR=...
#         -DC_COMPILER=... -P rebuild.cmake

include(${SOURCE_DIR}/tests/consumers/common.cmake)

sg_fresh_dir("${WORK}")
set(spec "${WORK}/mini.yaml")
file(READ "${SOURCE_DIR}/tests/fixtures/mini.yaml" text)
file(WRITE "${spec}" "${text}")
set(bin "${WORK}/build")
sg_configure("configure" "${CMAKE_CURRENT_LIST_DIR}/rebuild" "${bin}"
  "-DSTATUSGEN_SOURCE_DIR=${SOURCE_DIR}" "-DSPEC=${spec}")
sg_build("build" "${bin}")

# sg_times(<var>): the modification times of the outputs and objects.
function(sg_times var)
  file(GLOB_RECURSE files "${bin}/statusgen_app/*" "${bin}/CMakeFiles/app.dir/*.o")
  list(FILTER files EXCLUDE REGEX "stamp$")
  list(SORT files)
  set(out "")
  foreach(f IN LISTS files)
    file(TIMESTAMP "${f}" t "%s")
    file(SIZE "${f}" size)
    string(APPEND out "${f} ${t} ${size}\n")
  endforeach()
  set(${var} "${out}" PARENT_SCOPE)
endfunction()

sg_times(before)
if(NOT before MATCHES "mini\\.h" OR NOT before MATCHES "main\\.c\\.o")
  message(FATAL_ERROR "no outputs or objects found:\n${before}")
endif()
# Times are in seconds: wait so that any rewrite would show.
execute_process(COMMAND ${CMAKE_COMMAND} -E sleep 1.1)
file(WRITE "${spec}" "# a comment that changes no output\n${text}")
sg_build("build after a comment-only edit" "${bin}" OUTPUT_VARIABLE out)
if(NOT out MATCHES "statusgen: mini")
  message(FATAL_ERROR "the edit did not run statusgen:\n${out}")
endif()
sg_times(after)
if(NOT before STREQUAL after)
  message(FATAL_ERROR "a comment-only edit touched outputs or recompiled:\n"
    "before:\n${before}after:\n${after}\nbuild:\n${out}")
endif()
message(STATUS "a comment-only edit touched no output and recompiled nothing")

string(REPLACE "phrase: Fine\n" "phrase: Quite Fine\n" changed "${text}")
file(WRITE "${spec}" "${changed}")
sg_build("build after a phrase change" "${bin}" OUTPUT_VARIABLE out)
sg_times(changed_times)
if(before STREQUAL changed_times)
  message(FATAL_ERROR "a phrase change recompiled nothing:\n${out}")
endif()
sg_program(app "${bin}" app)
sg_run("run" OUTPUT_VARIABLE said COMMAND "${app}")
if(NOT said MATCHES "Quite Fine")
  message(FATAL_ERROR "the program says '${said}', not the new phrase")
endif()
message(STATUS "a phrase change regenerated and recompiled")
