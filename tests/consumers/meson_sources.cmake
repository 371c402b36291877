# Checks that meson.build names every source the CMake build compiles into
# the generator, so that the Meson subproject does not fall behind: by
# name, or, for an output kind's emitter, by reading its row of
# generator/outputs.def as the CMake build does.
#
#   cmake -DMESON_BUILD=<meson.build> -DOUTPUTS_DEF=<outputs.def>
#         -DSOURCES=<file|file...> -P meson_sources.cmake

file(READ "${MESON_BUILD}" text)
set(emitters "")
if(text MATCHES "read\\('generator/outputs.def'\\)")
  file(STRINGS "${OUTPUTS_DEF}" rows REGEX "^OUTPUT")
  foreach(row IN LISTS rows)
    if(row MATCHES "^OUTPUT[A-Z_]*\\([^,]*,[^,]*, *([a-z_0-9]+) *,")
      list(APPEND emitters "${CMAKE_MATCH_1}.c")
    endif()
  endforeach()
endif()
string(REPLACE "|" ";" sources "${SOURCES}")
list(LENGTH sources n)
if(n LESS 5)
  message(FATAL_ERROR "only ${n} generator sources given: ${sources}")
endif()
set(missing "")
foreach(src IN LISTS sources)
  get_filename_component(name "${src}" NAME)
  list(FIND emitters "${name}" row)
  if(row EQUAL -1 AND NOT text MATCHES "'generator/${name}'")
    list(APPEND missing "${name}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "meson.build does not compile: ${missing}")
endif()
