# Compiles the single header in two translation units, the implementation in
# exactly one, with one compiler and one language standard, warnings as
# errors; links and runs the result.
#
#   cmake -DCOMPILER=<cc> -DLANG=<c|c++> -DSTD=<c89|...|c++20>
#         -DINCLUDE=<dir of http_status_single.h> -DSOURCES=<dir>
#         -DWORK=<dir> -P single_header.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

sg_fresh_dir("${WORK}")
if(NOT EXISTS "${INCLUDE}/http_status_single.h")
  message(FATAL_ERROR "${INCLUDE}/http_status_single.h is missing")
endif()
set(flags -x ${LANG} -std=${STD} -Wall -Wextra -Wpedantic -Werror
  -I "${INCLUDE}")
if(STD STREQUAL "c89")
  # C90's limits, such as 509 characters of a string literal, as errors.
  list(APPEND flags -pedantic-errors)
endif()
separate_arguments(extra UNIX_COMMAND "${C_FLAGS}")
foreach(tu single_impl single_main)
  sg_run("compile ${tu}.c as ${STD}" COMMAND "${COMPILER}" ${flags} ${extra}
    -c "${SOURCES}/${tu}.c" -o "${WORK}/${tu}.o")
endforeach()
separate_arguments(link UNIX_COMMAND "${LINK_FLAGS}")
sg_run("link" COMMAND "${COMPILER}" ${link} -o "${WORK}/single"
  "${WORK}/single_impl.o" "${WORK}/single_main.o")
sg_run("run" COMMAND "${WORK}/single")
