# The Rust module and the C++ header built as their users build them
# (tests/rs_cxx/): included from tests/CMakeLists.txt.  The agreement tests
# (tests/agree/lang_rust.cmake, lang_cxx.cmake) check their answers; these
# check that they compile warning-free everywhere they claim to.

set(STATUSGEN_RS_CXX_DIR ${CMAKE_CURRENT_LIST_DIR})
set(rs_cxx_specs
  "http_status|${STATUSGEN_SPEC}"
  "mini|${STATUSGEN_FIXTURES}/mini.yaml"
  "sysexit|${STATUSGEN_FIXTURES}/sysexit.yaml"
  "xcode|${STATUSGEN_FIXTURES}/xcode.yaml"
  "tricky|${STATUSGEN_FIXTURES}/emission_safety.yaml"
  "none|${STATUSGEN_FIXTURES}/keywords.yaml"
  "self|${STATUSGEN_FIXTURES}/clashes.yaml"
  "full16|${STATUSGEN_FIXTURES}/full16.yaml"
  "wide|${STATUSGEN_FIXTURES}/wide.yaml"
  "bare_http|${STATUSGEN_SPEC}|--name|bare_http|--macro|BARE_HTTP|--languages|none"
  "vend_http|${STATUSGEN_SPEC}|--name|vend_http|--macro|VEND_HTTP|--languages|zh,en"
  # declared fields, no wire phrases; parcel's fields are named like
  # keywords and built-ins of both languages
  "grpc_status|${PROJECT_SOURCE_DIR}/spec/grpc_status.yaml"
  "parcel|${STATUSGEN_FIXTURES}/fields.yaml")

# --- Rust: rustc (and Debian 12's 1.63 when it is another), clippy -------
find_program(STATUSGEN_RUSTC rustc)
find_program(STATUSGEN_CLIPPY_DRIVER clippy-driver)
# More compilers to build with: Debian's rustc (1.63, the oldest the module
# is for) when the rustc found first is another one, such as rustup's.
set(STATUSGEN_RUSTC_EXTRA "" CACHE STRING
  "More rustc executables (a list) to build the generated Rust with")
set(rustcs ${STATUSGEN_RUSTC})
if(STATUSGEN_RUSTC AND NOT STATUSGEN_RUSTC_EXTRA AND EXISTS /usr/bin/rustc)
  get_filename_component(first ${STATUSGEN_RUSTC} REALPATH)
  get_filename_component(debian /usr/bin/rustc REALPATH)
  if(NOT first STREQUAL debian)
    list(APPEND rustcs /usr/bin/rustc)
  endif()
endif()
list(APPEND rustcs ${STATUSGEN_RUSTC_EXTRA})
string(REPLACE ";" "," rustcs "${rustcs}")
set(clippy -)
if(STATUSGEN_CLIPPY_DRIVER)
  set(clippy ${STATUSGEN_CLIPPY_DRIVER})
endif()
if(STATUSGEN_RUSTC)
  foreach(entry IN LISTS rs_cxx_specs)
    string(REPLACE "|" ";" entry "${entry}")
    list(POP_FRONT entry stem spec)
    add_test(NAME rust.build.${stem}
      COMMAND sh ${STATUSGEN_RS_CXX_DIR}/rust_build.sh
              $<TARGET_FILE:statusgen::statusgen> ${rustcs} ${clippy}
              ${CMAKE_CURRENT_BINARY_DIR}/rs_cxx/rust/${stem} ${spec} ${entry})
  endforeach()
  add_test(NAME rust.test
    COMMAND sh ${STATUSGEN_RS_CXX_DIR}/rust_test.sh
            $<TARGET_FILE:statusgen::statusgen> ${STATUSGEN_RUSTC}
            ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/rs_cxx/rust-test)
  set_tests_properties(rust.test PROPERTIES LABELS fast)
else()
  message(STATUS "statusgen: no rustc, so the generated Rust is not built "
    "(Debian: apt-get install rustc)")
endif()

# --- C++: g++ and clang++, C++17 and C++20 -------------------------------
set(cxx_compilers)
foreach(c g++ clang++)
  string(REPLACE "+" "x" var ${c})
  find_program(STATUSGEN_${var}_PATH ${c})
  if(STATUSGEN_${var}_PATH)
    list(APPEND cxx_compilers ${STATUSGEN_${var}_PATH})
  endif()
endforeach()
foreach(cxx IN LISTS cxx_compilers)
  get_filename_component(cxxname ${cxx} NAME)
  foreach(entry IN LISTS rs_cxx_specs)
    string(REPLACE "|" ";" entry "${entry}")
    list(POP_FRONT entry stem spec)
    # HTTP builds and runs test_cxx.cpp under each; the others also meet
    # a GNU mode's own keywords and macros.
    set(stds c++17,gnu++20)
    if(stem STREQUAL "http_status")
      set(stds c++17,c++20)
    endif()
    add_test(NAME cxx.strict.${cxxname}.${stem}
      COMMAND sh ${STATUSGEN_RS_CXX_DIR}/cxx_strict.sh
              $<TARGET_FILE:statusgen::statusgen> ${cxx} ${stds}
              ${PROJECT_SOURCE_DIR}
              ${CMAKE_CURRENT_BINARY_DIR}/rs_cxx/cxx/${cxxname}-${stem}
              ${spec} ${entry})
  endforeach()
endforeach()
foreach(cxx IN LISTS cxx_compilers)
  # Inside a namespace named std the header still finds the standard
  # library (the C header cannot be beside it: enum std is no C++ name).
  get_filename_component(cxxname ${cxx} NAME)
  add_test(NAME cxx.strict.${cxxname}.std
    COMMAND sh ${STATUSGEN_RS_CXX_DIR}/cxx_strict.sh
            $<TARGET_FILE:statusgen::statusgen> ${cxx} c++17
            ${PROJECT_SOURCE_DIR}
            ${CMAKE_CURRENT_BINARY_DIR}/rs_cxx/cxx/${cxxname}-std
            ${STATUSGEN_FIXTURES}/clashes.yaml --name std --macro STD_REG)
  set_tests_properties(cxx.strict.${cxxname}.std PROPERTIES
    ENVIRONMENT CXX_STRICT_TUS=use_hpp)
endforeach()
if(cxx_compilers)
  # The quick one: the static_asserts under C++17 with the first compiler.
  list(GET cxx_compilers 0 cxx)
  add_test(NAME cxx.static_assert
    COMMAND sh ${STATUSGEN_RS_CXX_DIR}/cxx_strict.sh
            $<TARGET_FILE:statusgen::statusgen> ${cxx} c++17
            ${PROJECT_SOURCE_DIR}
            ${CMAKE_CURRENT_BINARY_DIR}/rs_cxx/static_assert ${STATUSGEN_SPEC})
  set_tests_properties(cxx.static_assert PROPERTIES LABELS fast
    ENVIRONMENT CXX_STRICT_TUS=)
endif()

# --- the command line with the two kinds ---------------------------------
add_test(NAME rs_cxx.cli
  COMMAND sh ${STATUSGEN_RS_CXX_DIR}/cli.sh $<TARGET_FILE:statusgen::statusgen>
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/rs_cxx/cli)
set_tests_properties(rs_cxx.cli PROPERTIES LABELS fast)
