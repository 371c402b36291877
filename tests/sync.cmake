# Keeping outputs in sync (issue 9): one identity per model, the output
# directory written as a unit, --check's diff, compat.  Included from
# tests/CMakeLists.txt.

set(STATUSGEN_SYNC_DIR ${CMAKE_CURRENT_LIST_DIR}/sync)

add_test(NAME sync.identity
  COMMAND sh ${STATUSGEN_SYNC_DIR}/identity.sh $<TARGET_FILE:statusgen::statusgen>
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/sync/identity
          ${CMAKE_C_COMPILER})
