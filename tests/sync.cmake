# Keeping outputs in sync (issue 9): one identity per model, the output
# directory written as a unit, --check's diff, compat.  Included from
# tests/CMakeLists.txt.

set(STATUSGEN_SYNC_DIR ${CMAKE_CURRENT_LIST_DIR}/sync)

add_test(NAME sync.identity
  COMMAND sh ${STATUSGEN_SYNC_DIR}/identity.sh $<TARGET_FILE:statusgen::statusgen>
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/sync/identity
          ${CMAKE_C_COMPILER})

add_executable(sync_write_driver ${STATUSGEN_SYNC_DIR}/write_driver.c)
target_link_libraries(sync_write_driver PRIVATE statusgen_core)
statusgen_warnings(sync_write_driver)
add_test(NAME sync.interrupted
  COMMAND sh ${STATUSGEN_SYNC_DIR}/interrupted.sh $<TARGET_FILE:statusgen::statusgen>
          $<TARGET_FILE:sync_write_driver> ${PROJECT_SOURCE_DIR}
          ${CMAKE_CURRENT_BINARY_DIR}/sync/interrupted ${CMAKE_C_COMPILER})
# 12 generations of 50,000 codes killed at random moments, and their
# references: some 4 minutes under ASan on a busy 2-core machine.
set_tests_properties(sync.interrupted PROPERTIES TIMEOUT 900)
add_test(NAME sync.signals
  COMMAND sh ${STATUSGEN_SYNC_DIR}/signals.sh $<TARGET_FILE:statusgen::statusgen>
          $<TARGET_FILE:sync_write_driver> ${PROJECT_SOURCE_DIR}
          ${CMAKE_CURRENT_BINARY_DIR}/sync/signals)
add_test(NAME sync.sticky
  COMMAND sh ${STATUSGEN_SYNC_DIR}/sticky.sh $<TARGET_FILE:statusgen::statusgen>
          ${PROJECT_SOURCE_DIR})
set_tests_properties(sync.sticky PROPERTIES LABELS fast SKIP_RETURN_CODE 77)

add_test(NAME sync.concurrent
  COMMAND sh ${STATUSGEN_SYNC_DIR}/concurrent.sh $<TARGET_FILE:statusgen::statusgen>
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/sync/concurrent 15)
set_tests_properties(sync.concurrent PROPERTIES TIMEOUT 300)

add_test(NAME sync.check
  COMMAND sh ${STATUSGEN_SYNC_DIR}/check.sh $<TARGET_FILE:statusgen::statusgen>
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/sync/check)
set_tests_properties(sync.check PROPERTIES LABELS fast)

add_test(NAME sync.paths
  COMMAND sh ${STATUSGEN_SYNC_DIR}/paths.sh $<TARGET_FILE:statusgen::statusgen>
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/sync/paths)
set_tests_properties(sync.paths PROPERTIES LABELS fast)

# statusgen_generate() recompiles nothing after a spec edit that changes
# no output, under the build's generator and under Ninja when at hand.
if(DEFINED SG_NESTED_ARGS)
  set(sync_generators "${CMAKE_GENERATOR}")
  find_program(STATUSGEN_NINJA ninja)
  if(STATUSGEN_NINJA AND NOT CMAKE_GENERATOR STREQUAL "Ninja")
    list(APPEND sync_generators "Ninja")
  endif()
  foreach(gen IN LISTS sync_generators)
    string(REGEX REPLACE "[^A-Za-z]" "" tag "${gen}")
    set(args ${SG_NESTED_ARGS})
    if(NOT gen STREQUAL CMAKE_GENERATOR)
      list(FILTER args EXCLUDE REGEX "^-D(GENERATOR|MAKE_PROGRAM)=")
      list(APPEND args "-DGENERATOR=${gen}")
    endif()
    add_test(NAME sync.no_rebuild.${tag}
      COMMAND ${CMAKE_COMMAND} ${args} "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
              "-DWORK=${CMAKE_CURRENT_BINARY_DIR}/sync/no_rebuild_${tag}"
              -P ${STATUSGEN_SYNC_DIR}/rebuild.cmake)
    set_tests_properties(sync.no_rebuild.${tag} PROPERTIES TIMEOUT 300)
  endforeach()
endif()

add_test(NAME sync.compat
  COMMAND sh ${STATUSGEN_SYNC_DIR}/compat.sh $<TARGET_FILE:statusgen::statusgen>
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/sync/compat)

add_test(NAME sync.hostile
  COMMAND sh ${STATUSGEN_SYNC_DIR}/hostile.sh $<TARGET_FILE:statusgen::statusgen>
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/sync/hostile)

# The committed Rust module and C++ header follow the spec (issue 20).
add_test(NAME output_rust_cxx_in_sync
  COMMAND statusgen::statusgen --check --emit rust,cxx
          -o ${PROJECT_SOURCE_DIR}/output
          ${PROJECT_SOURCE_DIR}/spec/http_status.yaml)
set_tests_properties(output_rust_cxx_in_sync PROPERTIES LABELS fast)
# The quick suite's share: the identity, --check and compat.
set_tests_properties(sync.identity sync.check sync.compat PROPERTIES
  LABELS fast)
