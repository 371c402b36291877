# Checks that meson.build names every source the CMake build compiles into
# the generator, so that the Meson subproject does not fall behind.
#
#   cmake -DMESON_BUILD=<meson.build> -DSOURCES=<file|file...> -P meson_sources.cmake

file(READ "${MESON_BUILD}" text)
string(REPLACE "|" ";" sources "${SOURCES}")
list(LENGTH sources n)
if(n LESS 5)
  message(FATAL_ERROR "only ${n} generator sources given: ${sources}")
endif()
set(missing "")
foreach(src IN LISTS sources)
  get_filename_component(name "${src}" NAME)
  if(NOT text MATCHES "'generator/${name}'")
    list(APPEND missing "${name}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "meson.build does not compile: ${missing}")
endif()
