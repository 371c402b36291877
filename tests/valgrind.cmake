# The generator under valgrind's memcheck: the real spec generated and
# checked, and every bad-input case (one test each, so they run in
# parallel).  Only in plain builds (memcheck cannot run a sanitized
# program) and when valgrind is found; all slow (./build.sh test-all).
# Included from tests/CMakeLists.txt.

find_program(STATUSGEN_VALGRIND valgrind)
if(NOT STATUSGEN_VALGRIND OR STATUSGEN_SANITIZE)
  return()
endif()

set(STATUSGEN_MEMCHECK ${CMAKE_CURRENT_LIST_DIR}/valgrind/memcheck.sh)
set(STATUSGEN_MEMCHECK_ENV
  "MEMCHECK_PROGRAM=$<TARGET_FILE:statusgen::statusgen>"
  "VALGRIND=${STATUSGEN_VALGRIND}")

add_test(NAME valgrind.generate
  COMMAND sh ${STATUSGEN_MEMCHECK} --emit header,source,docs,single
          -o ${CMAKE_CURRENT_BINARY_DIR}/valgrind/generate ${STATUSGEN_SPEC})
add_test(NAME valgrind.check
  COMMAND sh ${STATUSGEN_MEMCHECK} --check -o ${PROJECT_SOURCE_DIR}/output
          ${STATUSGEN_SPEC})
set_tests_properties(valgrind.generate valgrind.check PROPERTIES
  ENVIRONMENT "${STATUSGEN_MEMCHECK_ENV}" TIMEOUT 300)

# Memcheck runs a case 10 to 50 times slower than a plain build, more on a
# busy machine: these tests look for memory errors, and leave the time
# limit of tests/bad/run.sh to bad.* (this one only stops a hang).
foreach(err ${statusgen_bad_errs})
  get_filename_component(case ${err} NAME_WE)
  add_test(NAME valgrind.bad.${case}
    COMMAND sh ${STATUSGEN_ROBUST_DIR}/bad/run.sh ${STATUSGEN_MEMCHECK} ${case})
  set_tests_properties(valgrind.bad.${case} PROPERTIES TIMEOUT 400
    ENVIRONMENT "${STATUSGEN_MEMCHECK_ENV};BAD_TIME_LIMIT=30")
endforeach()
foreach(err ${statusgen_bad_csv})
  get_filename_component(case ${err} NAME_WE)
  add_test(NAME valgrind.bad_csv.${case}
    COMMAND sh ${STATUSGEN_ROBUST_DIR}/bad-csv/run.sh ${STATUSGEN_MEMCHECK}
            ${case})
  set_tests_properties(valgrind.bad_csv.${case} PROPERTIES TIMEOUT 300
    ENVIRONMENT "${STATUSGEN_MEMCHECK_ENV}")
endforeach()
