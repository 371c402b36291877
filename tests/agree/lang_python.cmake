# Python: the module statusgen --emit python makes, imported by dump_py.py
# under the python3 that runs the tests (3.8 or later), and checked with
# mypy --strict for Python 3.8 when mypy is at hand (typecheck.python.<stem>).
if(Python3_VERSION VERSION_LESS 3.8)
  message(STATUS "statusgen: python3 is ${Python3_VERSION}; the Python "
    "module needs 3.8: no ${AGREE_TEST}")
  return()
endif()
statusgen_agree_generate(python .py module)
statusgen_agree_add(${Python3_EXECUTABLE} ${AGREE_DIR}/dump_py.py ${module})
if(AGREE_STEM STREQUAL "http_status")
  set_tests_properties(${AGREE_TEST} PROPERTIES LABELS fast)
endif()

# Fields named like the module's own names, built-ins and reserved words:
# once, beside the fields fixture (parcel), as the registry odd.
if(AGREE_STEM STREQUAL "parcel")
  statusgen_agree_test(python odd ${STATUSGEN_FIXTURES}/field_names.yaml)
endif()

find_program(STATUSGEN_MYPY mypy)
if(NOT STATUSGEN_MYPY)
  get_property(told GLOBAL PROPERTY STATUSGEN_AGREE_NO_MYPY)
  if(NOT told)
    message(STATUS "statusgen: no mypy, so the Python modules are not type "
      "checked (Debian: apt-get install mypy)")
    set_property(GLOBAL PROPERTY STATUSGEN_AGREE_NO_MYPY ON)
  endif()
  return()
endif()
# A cache of its own per test: the tests run in parallel.
add_test(NAME typecheck.python.${AGREE_STEM}
  COMMAND ${STATUSGEN_MYPY} --strict --python-version 3.8
          --cache-dir ${AGREE_WORK}/mypy-cache ${module})
# And the committed output/, which vendoring users copy.
if(AGREE_STEM STREQUAL "http_status")
  add_test(NAME typecheck.python.output
    COMMAND ${STATUSGEN_MYPY} --strict --python-version 3.8
            --cache-dir ${AGREE_WORK}/mypy-cache-output
            ${PROJECT_SOURCE_DIR}/output/http_status.py)
  set_tests_properties(typecheck.python.output PROPERTIES LABELS fast)
endif()
