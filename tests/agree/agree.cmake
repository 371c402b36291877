# The cross-language agreement test (README.md here): every emitted
# language answers the same queries as the C, byte for byte.  Included from
# tests/CMakeLists.txt after find_package(Python3).
#
# statusgen_agree_test(<lang> <stem> <spec> [<statusgen option>...])
#   Generates the registry of <spec> (with the options, e.g. --languages
#   none) as C and JSON once per <stem>, builds the C reference dumper
#   against it, and includes lang_<lang>.cmake here, which generates the
#   language's file, builds its dumper with the language's own toolchain and
#   adds the test agree.<lang>.<stem> (statusgen_agree_add), or adds nothing
#   when the toolchain is missing.  <stem> is the registry's name as the
#   generated files have it (registry.name, or --name).
#
# What a lang_<lang>.cmake sees (it runs in the function's scope):
#   AGREE_LANG AGREE_STEM AGREE_SPEC  the arguments
#   AGREE_OPTIONS                     the statusgen options
#   AGREE_DIR                         this directory
#   AGREE_GEN                         <build>/agree-gen/<stem>: c/ holds
#                                     <stem>.h, .c and .json, and the
#                                     queries (queries.py --all)
#   AGREE_JSON                        the JSON
#   AGREE_TEST                        agree.<lang>.<stem>
#   AGREE_WORK                        a directory of the test's own
# and may call statusgen_agree_generate() and statusgen_agree_add().

set(STATUSGEN_AGREE_DIR ${CMAKE_CURRENT_LIST_DIR})

# statusgen_agree_generate(<kind> <suffix> <var>): the build makes
# ${AGREE_GEN}/<kind>/<stem><suffix> with statusgen --emit <kind> and the
# test's options; <var> is set to its path.  Once per stem and kind.
macro(statusgen_agree_generate kind suffix var)
  set(${var} ${AGREE_GEN}/${kind}/${AGREE_STEM}${suffix})
  if(NOT TARGET agree_gen_${kind}_${AGREE_STEM})
    add_custom_command(
      OUTPUT ${${var}}
      COMMAND statusgen::statusgen --emit ${kind} ${AGREE_OPTIONS}
              -o ${AGREE_GEN}/${kind} ${AGREE_SPEC}
      DEPENDS statusgen::statusgen ${AGREE_SPEC}
      COMMENT "Generating ${AGREE_STEM}${suffix} for the agreement test"
      VERBATIM)
    add_custom_target(agree_gen_${kind}_${AGREE_STEM} ALL DEPENDS ${${var}})
  endif()
endmacro()

# statusgen_agree_add(<command>...): adds the test ${AGREE_TEST}, which
# answers the queries with <command> (run.sh appends the class names) and
# compares its answers with the C's (run.sh).
macro(statusgen_agree_add)
  add_test(NAME ${AGREE_TEST}
    COMMAND sh ${STATUSGEN_AGREE_DIR}/run.sh ${AGREE_GEN}/c
            $<TARGET_FILE:agree_dump_c_${AGREE_STEM}> ${AGREE_WORK} ${ARGN})
endmacro()

function(statusgen_agree_test lang stem spec)
  set(AGREE_LANG ${lang})
  set(AGREE_STEM ${stem})
  set(AGREE_SPEC ${spec})
  set(AGREE_OPTIONS ${ARGN})
  set(AGREE_DIR ${STATUSGEN_AGREE_DIR})
  set(AGREE_GEN ${CMAKE_CURRENT_BINARY_DIR}/agree-gen/${stem})
  set(AGREE_JSON ${AGREE_GEN}/c/${stem}.json)
  set(AGREE_TEST agree.${lang}.${stem})
  set(AGREE_WORK ${CMAKE_CURRENT_BINARY_DIR}/agree/${lang}/${stem})
  if(NOT EXISTS ${AGREE_DIR}/lang_${lang}.cmake)
    message(FATAL_ERROR "statusgen_agree_test: no ${AGREE_DIR}/"
      "lang_${lang}.cmake")
  endif()

  # The reference: the C and the JSON, and dump_c built against them.
  if(NOT TARGET agree_dump_c_${stem})
    set(c ${AGREE_GEN}/c)
    add_custom_command(
      OUTPUT ${c}/${stem}.h ${c}/${stem}.c ${AGREE_JSON}
      COMMAND statusgen::statusgen --emit header,source,json ${ARGN}
              -o ${c} ${spec}
      DEPENDS statusgen::statusgen ${spec}
      COMMENT "Generating ${stem} (C, JSON) for the agreement test"
      VERBATIM)
    add_custom_command(
      OUTPUT ${c}/queries.txt ${c}/classes.txt ${c}/agree_spec.h
      COMMAND ${Python3_EXECUTABLE} ${AGREE_DIR}/queries.py --all ${c}
              ${AGREE_JSON}
      DEPENDS ${AGREE_JSON} ${AGREE_DIR}/queries.py
      COMMENT "Making the agreement queries of ${stem}"
      VERBATIM)
    add_executable(agree_dump_c_${stem} ${AGREE_DIR}/dump_c.c
      ${c}/${stem}.c ${c}/${stem}.h ${c}/agree_spec.h ${c}/queries.txt
      ${c}/classes.txt)
    target_include_directories(agree_dump_c_${stem} PRIVATE ${c})
    statusgen_warnings(agree_dump_c_${stem})
  endif()

  include(${AGREE_DIR}/lang_${lang}.cmake)
endfunction()

# --- every language with a lang_<lang>.cmake, on every registry -----------
if(NOT Python3_Interpreter_FOUND)
  message(STATUS "statusgen: no python3, so no agreement tests "
    "(tests/agree/queries.py makes their queries)")
  return()
endif()

# A registry of a few hundred codes with everything the lookups branch on.
set(STATUSGEN_AGREE_SYNTH ${CMAKE_CURRENT_BINARY_DIR}/agree-gen/synth.yaml)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${STATUSGEN_AGREE_DIR}/synth.py)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/agree-gen)
execute_process(
  COMMAND ${Python3_EXECUTABLE} ${STATUSGEN_AGREE_DIR}/synth.py 300
  OUTPUT_FILE ${STATUSGEN_AGREE_SYNTH}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tests/agree/synth.py failed")
endif()

file(GLOB STATUSGEN_AGREE_LANGS RELATIVE ${STATUSGEN_AGREE_DIR}
  ${STATUSGEN_AGREE_DIR}/lang_*.cmake)
foreach(file IN LISTS STATUSGEN_AGREE_LANGS)
  string(REGEX REPLACE "^lang_(.*)\\.cmake$" "\\1" lang "${file}")
  statusgen_agree_test(${lang} http_status ${STATUSGEN_SPEC})
  statusgen_agree_test(${lang} mini ${STATUSGEN_FIXTURES}/mini.yaml)
  statusgen_agree_test(${lang} sysexit ${STATUSGEN_FIXTURES}/sysexit.yaml)
  statusgen_agree_test(${lang} xcode ${STATUSGEN_FIXTURES}/xcode.yaml)
  statusgen_agree_test(${lang} tricky
    ${STATUSGEN_FIXTURES}/emission_safety.yaml)
  statusgen_agree_test(${lang} none ${STATUSGEN_FIXTURES}/keywords.yaml)
  statusgen_agree_test(${lang} self ${STATUSGEN_FIXTURES}/clashes.yaml)
  statusgen_agree_test(${lang} full16 ${STATUSGEN_FIXTURES}/full16.yaml)
  statusgen_agree_test(${lang} wide ${STATUSGEN_FIXTURES}/wide.yaml)
  statusgen_agree_test(${lang} bare_http ${STATUSGEN_SPEC}
    --name bare_http --macro BARE_HTTP --languages none)
  statusgen_agree_test(${lang} vend_http ${STATUSGEN_SPEC}
    --name vend_http --macro VEND_HTTP --languages zh,en)
  statusgen_agree_test(${lang} synth ${STATUSGEN_AGREE_SYNTH})
  statusgen_agree_test(${lang} grpc_status
    ${PROJECT_SOURCE_DIR}/spec/grpc_status.yaml)
  statusgen_agree_test(${lang} parcel ${STATUSGEN_FIXTURES}/fields.yaml)
endforeach()
