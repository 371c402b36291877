# Runs the hook of .pre-commit-hooks.yaml the way pre-commit does (entry,
# then args, from the repository's top) with statusgen: it passes on this
# tree, and fails on a copy whose output is stale.
#
#   cmake -DSTATUSGEN=<tool> -DSOURCE_DIR=<tree> -DWORK=<dir> -P pre_commit.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

file(READ "${SOURCE_DIR}/.pre-commit-hooks.yaml" hooks)
if(NOT hooks MATCHES "\n- id: statusgen-check\n")
  message(FATAL_ERROR "no statusgen-check hook")
endif()
if(NOT hooks MATCHES "\n  entry: statusgen ([^\n]*)\n" )
  message(FATAL_ERROR "the hook's entry is not statusgen")
endif()
separate_arguments(entry_args UNIX_COMMAND "${CMAKE_MATCH_1}")
if(NOT hooks MATCHES "\n  args: \\[([^]\n]*)\\]\n")
  message(FATAL_ERROR "the hook has no args list")
endif()
string(REPLACE ", " ";" quoted "${CMAKE_MATCH_1}")
# YAML's quotes around a word (a list with commas must be quoted).
set(args "")
foreach(arg IN LISTS quoted)
  string(REGEX REPLACE "^\"(.*)\"$" "\\1" arg "${arg}")
  list(APPEND args "${arg}")
endforeach()
if(NOT args MATCHES "--emit;header,source,docs,json")
  message(FATAL_ERROR "the hook's args do not check every kind output/ "
    "holds (--emit header,source,docs,json): ${args}")
endif()
if(NOT hooks MATCHES "\n  pass_filenames: false\n")
  message(FATAL_ERROR "the hook would pass file names to statusgen")
endif()

sg_run("the hook on this tree" WORKING_DIRECTORY "${SOURCE_DIR}"
  COMMAND "${STATUSGEN}" ${entry_args} ${args})

sg_fresh_dir("${WORK}")
file(COPY "${SOURCE_DIR}/spec" "${SOURCE_DIR}/output" DESTINATION "${WORK}")
file(READ "${WORK}/output/http_status.h" h)
string(REPLACE "Not Found" "Not Fund" h "${h}")
file(WRITE "${WORK}/output/http_status.h" "${h}")
sg_run("the hook on a stale output" EXPECT_FAIL OUTPUT_VARIABLE out
  WORKING_DIRECTORY "${WORK}"
  COMMAND "${STATUSGEN}" ${entry_args} ${args})
if(NOT out MATCHES "http_status.h")
  message(FATAL_ERROR "the hook does not name the stale file:\n${out}")
endif()
