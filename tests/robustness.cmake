# Robustness tests (issue 4): bad specs, emission safety, atomic output,
# fuzz corpus replay, allocation failures.  Included from
# tests/CMakeLists.txt; parts that need clang or a static libyaml are
# skipped when those are missing.

set(STATUSGEN_ROBUST_DIR ${CMAKE_CURRENT_LIST_DIR})

# --- 1. Bad specs: one CTest test per case (tests/bad/NAME.err) ----------
file(GLOB statusgen_bad_errs ${STATUSGEN_ROBUST_DIR}/bad/*.err)
foreach(err ${statusgen_bad_errs})
  get_filename_component(case ${err} NAME_WE)
  add_test(NAME bad.${case}
    COMMAND sh ${STATUSGEN_ROBUST_DIR}/bad/run.sh $<TARGET_FILE:statusgen::statusgen>
            ${case})
  # Each case takes well under a second alone (tests/bad/run.sh reports
  # the time); under a loaded parallel sanitizer run it may take longer,
  # so CTest allows 5 s before calling it slow.
  set_tests_properties(bad.${case} PROPERTIES TIMEOUT 60
    ENVIRONMENT BAD_TIME_LIMIT=5 LABELS fast)
endforeach()

# --- 2. Bad registry exports for audit: tests/bad-csv/NAME.err ----------
file(GLOB statusgen_bad_csv ${STATUSGEN_ROBUST_DIR}/bad-csv/*.err)
foreach(err ${statusgen_bad_csv})
  get_filename_component(case ${err} NAME_WE)
  add_test(NAME bad_csv.${case}
    COMMAND sh ${STATUSGEN_ROBUST_DIR}/bad-csv/run.sh
            $<TARGET_FILE:statusgen::statusgen> ${case})
  set_tests_properties(bad_csv.${case} PROPERTIES TIMEOUT 60 LABELS fast)
endforeach()

# --- 3. Emission safety: gcc, clang and g++ under strict warnings ---------
add_executable(emission_expect_gen
  ${STATUSGEN_ROBUST_DIR}/emission/expect_gen.c)
target_link_libraries(emission_expect_gen PRIVATE PkgConfig::YAML)
foreach(cc gcc clang g++)
  add_test(NAME emission_safety.${cc}
    COMMAND sh ${STATUSGEN_ROBUST_DIR}/emission/run.sh
            $<TARGET_FILE:statusgen::statusgen> $<TARGET_FILE:emission_expect_gen>
            ${STATUSGEN_FIXTURES}/emission_safety.yaml ${cc})
  set_tests_properties(emission_safety.${cc} PROPERTIES
    SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()

# --- 3b. The three forms of the name and phrase lookups -----------------
# (switch trie, perfect hash, probing table), each checked against a scan
# of the keys with prefixes, extensions and one-byte changes, under ASan.
foreach(cc gcc clang g++ clang++)
  add_test(NAME lookup_forms.${cc}
    COMMAND sh ${STATUSGEN_ROBUST_DIR}/lookups/run.sh
            $<TARGET_FILE:statusgen::statusgen> ${cc})
  set_tests_properties(lookup_forms.${cc} PROPERTIES
    SKIP_RETURN_CODE 77 TIMEOUT 300)
endforeach()

# --- 4. Atomic output -----------------------------------------------------
add_executable(test_writer_atomic
  ${STATUSGEN_ROBUST_DIR}/atomic/test_writer_atomic.c)
target_link_libraries(test_writer_atomic PRIVATE statusgen_core
  cmocka::cmocka)
add_test(NAME writer_atomic COMMAND test_writer_atomic)
set_tests_properties(writer_atomic PROPERTIES LABELS fast)

# --- 5. Fuzzing: replay the saved corpus and the seeds with any compiler --
add_executable(fuzz_replay
  ${STATUSGEN_ROBUST_DIR}/fuzz/fuzz_spec.c
  ${STATUSGEN_ROBUST_DIR}/fuzz/replay_main.c)
target_link_libraries(fuzz_replay PRIVATE statusgen_core)
add_test(NAME fuzz.replay
  COMMAND fuzz_replay ${STATUSGEN_ROBUST_DIR}/fuzz/corpus
          ${STATUSGEN_ROBUST_DIR}/bad ${STATUSGEN_FIXTURES}
          ${PROJECT_SOURCE_DIR}/spec/http_status.yaml)
set_tests_properties(fuzz.replay PROPERTIES TIMEOUT 300 LABELS fast)

# The audit's CSV reader has its own target: replay its corpus, the bad
# CSV cases and the IANA export.
add_executable(fuzz_audit_replay
  ${STATUSGEN_ROBUST_DIR}/fuzz/fuzz_audit.c
  ${STATUSGEN_ROBUST_DIR}/fuzz/replay_main.c)
target_link_libraries(fuzz_audit_replay PRIVATE statusgen_core)
add_test(NAME fuzz.audit_replay
  COMMAND fuzz_audit_replay ${STATUSGEN_ROBUST_DIR}/fuzz/corpus-audit
          ${STATUSGEN_ROBUST_DIR}/bad-csv
          ${PROJECT_SOURCE_DIR}/spec/sources/http-status-codes-1.csv)
set_tests_properties(fuzz.audit_replay PROPERTIES TIMEOUT 300 LABELS fast)

# A short libFuzzer run (clang only; builds in its own directory).
option(STATUSGEN_FUZZ_SMOKE "Add a 60-second libFuzzer run to the tests" OFF)
find_program(STATUSGEN_CLANG clang)
if(STATUSGEN_FUZZ_SMOKE AND STATUSGEN_CLANG)
  add_test(NAME fuzz.smoke
    COMMAND ${CMAKE_COMMAND} -E env FUZZ_BUILD=${CMAKE_BINARY_DIR}/fuzz
            sh ${STATUSGEN_ROBUST_DIR}/fuzz/run.sh 60)
  set_tests_properties(fuzz.smoke PROPERTIES TIMEOUT 600)
endif()

# --- 6. Allocation failures: every allocation of a real run fails once ----
# The generator's allocator through STATUSGEN_FAULT_INJECTION; libyaml's
# through the linker's --wrap, which needs libyaml linked statically.
find_library(STATUSGEN_YAML_STATIC NAMES libyaml.a)
if(STATUSGEN_YAML_STATIC AND CMAKE_C_COMPILER_ID MATCHES "GNU|Clang"
   AND NOT APPLE)
  add_executable(alloc_walk
    ${STATUSGEN_ROBUST_DIR}/alloc/alloc_walk.c
    ${STATUSGEN_ROBUST_DIR}/alloc/cli_main.c
    ${STATUSGEN_CORE_SOURCES})
  target_include_directories(alloc_walk PRIVATE
    ${PROJECT_SOURCE_DIR}/generator ${YAML_INCLUDE_DIRS})
  target_compile_definitions(alloc_walk PRIVATE STATUSGEN_FAULT_INJECTION
    _XOPEN_SOURCE=700)
  target_link_libraries(alloc_walk PRIVATE ${STATUSGEN_YAML_STATIC}
    "-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free,--wrap=strdup")
  # A small registry walks every allocation; the real spec every 7th
  # (all of them: run alloc_walk spec/http_status.yaml by hand, ~minutes).
  add_test(NAME alloc.mini
    COMMAND alloc_walk ${STATUSGEN_FIXTURES}/mini.yaml)
  add_test(NAME alloc.http_status
    COMMAND alloc_walk ${PROJECT_SOURCE_DIR}/spec/http_status.yaml 7)
  # An overlay of mini.yaml: the merge, and field values kept until their
  # declaration.
  add_test(NAME alloc.overlay
    COMMAND alloc_walk ${STATUSGEN_FIXTURES}/overlay.yaml)
  # And the kinds the default leaves out (.h kept: the walk makes it stale).
  add_test(NAME alloc.mini.rust_cxx
    COMMAND alloc_walk ${STATUSGEN_FIXTURES}/mini.yaml 1 header,rust,cxx)
  set_tests_properties(alloc.mini alloc.http_status alloc.overlay
                       alloc.mini.rust_cxx
    PROPERTIES TIMEOUT 900)
endif()
