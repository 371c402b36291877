# Rust: the module statusgen --emit rust makes, include!d by dump_rs.rs,
# which dump_rs.sh builds with rustc (edition 2021, -D warnings) when the
# test runs.  No rustc, no test.
find_program(STATUSGEN_RUSTC rustc)
if(NOT STATUSGEN_RUSTC)
  get_property(told GLOBAL PROPERTY STATUSGEN_AGREE_NO_RUSTC)
  if(NOT told)
    message(STATUS "statusgen: no rustc, so no agree.rust.* tests "
      "(Debian: apt-get install rustc)")
    set_property(GLOBAL PROPERTY STATUSGEN_AGREE_NO_RUSTC ON)
  endif()
  return()
endif()
statusgen_agree_generate(rust .rs module)
statusgen_agree_add(sh ${AGREE_DIR}/dump_rs.sh ${STATUSGEN_RUSTC}
  ${Python3_EXECUTABLE} ${AGREE_DIR} ${module} ${AGREE_JSON} ${AGREE_WORK})
# HTTP's takes about 3 s of CPU, most of it the compiler: the quick suite
# has it.
if(AGREE_STEM STREQUAL "http_status")
  set_tests_properties(${AGREE_TEST} PROPERTIES LABELS fast)
endif()
