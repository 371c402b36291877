# C++: the header statusgen --emit cxx makes, included by dump_cxx.cpp,
# which dump_cxx.sh builds with g++ (else clang++) -std=c++17 when the
# test runs.  No C++ compiler, no test.
find_program(STATUSGEN_CXX_AGREE NAMES g++ clang++)
if(NOT STATUSGEN_CXX_AGREE)
  get_property(told GLOBAL PROPERTY STATUSGEN_AGREE_NO_CXX)
  if(NOT told)
    message(STATUS "statusgen: no g++ or clang++, so no agree.cxx.* tests")
    set_property(GLOBAL PROPERTY STATUSGEN_AGREE_NO_CXX ON)
  endif()
  return()
endif()
statusgen_agree_generate(cxx .hpp header)
statusgen_agree_add(sh ${AGREE_DIR}/dump_cxx.sh ${STATUSGEN_CXX_AGREE}
  c++17 ${Python3_EXECUTABLE} ${AGREE_DIR} ${header} ${AGREE_JSON}
  ${AGREE_WORK})
# HTTP's takes about 3 s of CPU, most of it the compiler: the quick suite
# has it.
if(AGREE_STEM STREQUAL "http_status")
  set_tests_properties(${AGREE_TEST} PROPERTIES LABELS fast)
endif()
