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
set_tests_properties(sync.interrupted PROPERTIES TIMEOUT 300)

add_test(NAME sync.concurrent
  COMMAND sh ${STATUSGEN_SYNC_DIR}/concurrent.sh $<TARGET_FILE:statusgen::statusgen>
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/sync/concurrent 15)
set_tests_properties(sync.concurrent PROPERTIES TIMEOUT 300)

add_test(NAME sync.check
  COMMAND sh ${STATUSGEN_SYNC_DIR}/check.sh $<TARGET_FILE:statusgen::statusgen>
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/sync/check)
