# TypeScript: the module statusgen --emit typescript makes and dump_ts.ts,
# compiled by tsc under the strict options (ts.sh) and run by node as an ES
# module.  tsc is typescript@5 from the npm registry, installed into the
# build tree by the test typescript.install, which the others need (a CTest
# fixture).  Needs node and npm.
find_program(STATUSGEN_NODE node)
find_program(STATUSGEN_NPM npm)
if(NOT STATUSGEN_NODE OR NOT STATUSGEN_NPM)
  get_property(told GLOBAL PROPERTY STATUSGEN_AGREE_NO_NODE)
  if(NOT told)
    message(STATUS "statusgen: no node or npm, so no TypeScript tests "
      "(Debian: apt-get install nodejs npm)")
    set_property(GLOBAL PROPERTY STATUSGEN_AGREE_NO_NODE ON)
  endif()
  return()
endif()
if(NOT DEFINED STATUSGEN_NODE_VERSION)
  execute_process(COMMAND ${STATUSGEN_NODE} --version
    OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(REGEX REPLACE "^v" "" version "${version}")
  set(STATUSGEN_NODE_VERSION "${version}" CACHE INTERNAL "node's version")
endif()
# TypeScript 5 runs on node 14.17 and later; the dumper's module on 16.
if(STATUSGEN_NODE_VERSION VERSION_LESS 16)
  get_property(told GLOBAL PROPERTY STATUSGEN_AGREE_OLD_NODE)
  if(NOT told)
    message(STATUS "statusgen: node is '${STATUSGEN_NODE_VERSION}', "
      "older than 16: no TypeScript tests")
    set_property(GLOBAL PROPERTY STATUSGEN_AGREE_OLD_NODE ON)
  endif()
  return()
endif()
set(ts_dir ${CMAKE_CURRENT_BINARY_DIR}/typescript)
set(tsc ${ts_dir}/node_modules/.bin/tsc)
if(NOT TEST typescript.install)
  add_test(NAME typescript.install
    COMMAND sh ${AGREE_DIR}/ts.sh install ${STATUSGEN_NPM} ${ts_dir})
  # In the quick suite, with the HTTP agreement below: npm install once
  # per build tree (about 10 s), then tsc.
  set_tests_properties(typescript.install PROPERTIES
    FIXTURES_SETUP typescript TIMEOUT 600 LABELS fast)
  # The committed output/, which vendoring users copy, on its own.
  add_test(NAME typecheck.typescript.output
    COMMAND sh ${AGREE_DIR}/ts.sh check ${tsc}
            ${PROJECT_SOURCE_DIR}/output/http_status.ts)
  set_tests_properties(typecheck.typescript.output PROPERTIES
    FIXTURES_REQUIRED typescript)
endif()
statusgen_agree_generate(typescript .ts module)
statusgen_agree_add(sh ${AGREE_DIR}/ts.sh dump ${tsc} ${STATUSGEN_NODE}
  ${AGREE_WORK}/ts ${module} ${AGREE_DIR}/dump_ts.ts)
set_tests_properties(${AGREE_TEST} PROPERTIES FIXTURES_REQUIRED typescript)
if(AGREE_STEM STREQUAL "http_status")
  set_tests_properties(${AGREE_TEST} PROPERTIES LABELS fast)
endif()

# Fields named like the module's own names, built-ins and reserved words:
# once, beside the fields fixture (parcel), as the registry odd.
if(AGREE_STEM STREQUAL "parcel")
  statusgen_agree_test(typescript odd ${STATUSGEN_FIXTURES}/field_names.yaml)
endif()
