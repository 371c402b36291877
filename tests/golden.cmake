# Golden files of the outputs in other languages: the command line's output
# for tests/fixtures/mini.yaml, compared with tests/golden/<file>.  Included
# from tests/CMakeLists.txt; also run as a script by each test.  With
# STATUSGEN_UPDATE_GOLDEN=1 in the environment the test rewrites the golden
# file instead (then review it with git diff), as test_emit does for the C.
#
# statusgen_golden_test(<kind> <file>): the test golden.<kind>.

if(CMAKE_SCRIPT_MODE_FILE)
  # -DTOOL=<statusgen> -DKIND=<kind> -DFIXTURES=<dir> -DGOLDEN=<file>
  # -DOUT=<file>.  Run from the fixtures' directory, so that the banner
  # names the spec "mini.yaml", as test_emit's goldens do.
  execute_process(COMMAND "${TOOL}" --emit "${KIND}" -o - mini.yaml
    WORKING_DIRECTORY "${FIXTURES}"
    OUTPUT_FILE "${OUT}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "statusgen --emit ${KIND} failed (${rc})")
  endif()
  if("$ENV{STATUSGEN_UPDATE_GOLDEN}")
    configure_file("${OUT}" "${GOLDEN}" COPYONLY)
    return()
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files
    "${OUT}" "${GOLDEN}" RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "${OUT} differs from ${GOLDEN}; rerun with "
      "STATUSGEN_UPDATE_GOLDEN=1 and review")
  endif()
  return()
endif()

function(statusgen_golden_test kind file)
  add_test(NAME golden.${kind}
    COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:statusgen::statusgen>
            -DKIND=${kind} -DFIXTURES=${STATUSGEN_FIXTURES}
            -DGOLDEN=${CMAKE_CURRENT_SOURCE_DIR}/golden/${file}
            -DOUT=${CMAKE_CURRENT_BINARY_DIR}/golden-${file}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/golden.cmake)
  set_tests_properties(golden.${kind} PROPERTIES LABELS fast)
endfunction()

statusgen_golden_test(python mini.py)
statusgen_golden_test(typescript mini.ts)
