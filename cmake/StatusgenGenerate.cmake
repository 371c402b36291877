# statusgen_generate(): run statusgen on a spec at build time and compile
# what it emits into a target.
#
#   statusgen_generate(<target> SPEC <file>
#                      [OUTPUT_DIR <dir>] [EMIT <kind>...] [NAME <name>])
#
# SPEC        the YAML spec; relative paths are taken from the current
#             source directory.
# OUTPUT_DIR  where the files go; relative paths are taken from the current
#             binary directory.  Default: ${CMAKE_CURRENT_BINARY_DIR}/
#             statusgen_<target>.
# EMIT        any of header, source, docs, single (default: header source).
#             source needs header: the .c includes the .h.
# NAME        the spec's registry.name, which names the files
#             (<name>.h, <name>.c, <name>_single.h, <name>.<lang>.md).
#             Default: the spec's file name without its extension.
#
# The custom command depends on the spec and on the statusgen executable,
# so editing the spec (or rebuilding the tool) regenerates on the next
# build.  The generated .c (EMIT source) and headers are added to <target>'s
# sources, and OUTPUT_DIR to its include path (PUBLIC for libraries, so
# that their users see the header; PRIVATE for executables).  Call it in
# the directory that creates <target>.
#
# The tool is the target statusgen::statusgen: the imported executable
# when statusgen was found with find_package(statusgen), the one being
# built when the statusgen tree was added with add_subdirectory().
#
# This file is also run as a script (cmake -P) after statusgen, to check
# that the expected files exist and to mark them up to date.

if(CMAKE_SCRIPT_MODE_FILE)
  # Script mode: -DSTATUSGEN_OUTPUTS=<file|file...> -DSTATUSGEN_STAMP=<file>
  # -DSTATUSGEN_SPEC=<spec> -DSTATUSGEN_NAME=<name>
  string(REPLACE "|" ";" STATUSGEN_OUTPUTS "${STATUSGEN_OUTPUTS}")
  foreach(out IN LISTS STATUSGEN_OUTPUTS)
    if(NOT EXISTS "${out}")
      message(FATAL_ERROR "statusgen_generate: statusgen did not write "
        "${out}: does ${STATUSGEN_SPEC} have registry.name "
        "'${STATUSGEN_NAME}'?  If not, pass NAME <its registry.name>.")
    endif()
  endforeach()
  # statusgen leaves a file alone when its bytes did not change: touch
  # it so that the build tool does not run the command again.
  if(STATUSGEN_OUTPUTS)
    file(TOUCH_NOCREATE ${STATUSGEN_OUTPUTS})
  endif()
  file(TOUCH "${STATUSGEN_STAMP}")
  return()
endif()

include_guard(GLOBAL)

set_property(GLOBAL PROPERTY STATUSGEN_GENERATE_SCRIPT
  "${CMAKE_CURRENT_LIST_FILE}")

function(statusgen_generate target)
  cmake_parse_arguments(PARSE_ARGV 1 SG "" "SPEC;OUTPUT_DIR;NAME" "EMIT")
  if(SG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
      "statusgen_generate: unknown arguments: ${SG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "statusgen_generate: '${target}' is not a target")
  endif()
  if(NOT SG_SPEC)
    message(FATAL_ERROR "statusgen_generate(${target}): SPEC is required")
  endif()
  if(NOT TARGET statusgen::statusgen)
    message(FATAL_ERROR "statusgen_generate: no target statusgen::statusgen: "
      "use find_package(statusgen) or add_subdirectory() of statusgen first")
  endif()

  get_filename_component(spec "${SG_SPEC}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT SG_OUTPUT_DIR)
    set(SG_OUTPUT_DIR "statusgen_${target}")
  endif()
  get_filename_component(outdir "${SG_OUTPUT_DIR}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  if(NOT SG_NAME)
    get_filename_component(SG_NAME "${spec}" NAME_WE)
  endif()
  if(NOT SG_NAME MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "statusgen_generate(${target}): '${SG_NAME}' is not "
      "a registry name (lower_snake): pass NAME <registry.name>")
  endif()
  if(NOT SG_EMIT)
    set(SG_EMIT header source)
  endif()
  list(REMOVE_DUPLICATES SG_EMIT)

  set(outputs "")
  set(sources "")
  foreach(kind IN LISTS SG_EMIT)
    if(kind STREQUAL "header")
      list(APPEND outputs "${outdir}/${SG_NAME}.h")
    elseif(kind STREQUAL "source")
      list(FIND SG_EMIT header at)
      if(at EQUAL -1)
        message(FATAL_ERROR "statusgen_generate(${target}): EMIT source "
          "needs header too: the generated .c includes the .h")
      endif()
      list(APPEND outputs "${outdir}/${SG_NAME}.c")
    elseif(kind STREQUAL "single")
      list(APPEND outputs "${outdir}/${SG_NAME}_single.h")
    elseif(NOT kind STREQUAL "docs")
      message(FATAL_ERROR "statusgen_generate(${target}): unknown EMIT kind "
        "'${kind}' (header, source, docs, single)")
    endif()
  endforeach()
  # The Markdown docs are named after the spec's languages, which only the
  # generator reads: a stamp file stands for them.
  set(stamp "${outdir}/.${SG_NAME}.stamp")
  string(REPLACE ";" "," kinds "${SG_EMIT}")
  get_property(script GLOBAL PROPERTY STATUSGEN_GENERATE_SCRIPT)
  string(REPLACE ";" "|" outputs_arg "${outputs}")
  file(RELATIVE_PATH shown "${CMAKE_BINARY_DIR}" "${outdir}")

  add_custom_command(
    OUTPUT ${outputs} "${stamp}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${outdir}"
    COMMAND statusgen::statusgen -o "${outdir}" --emit "${kinds}" "${spec}"
    COMMAND "${CMAKE_COMMAND}" "-DSTATUSGEN_OUTPUTS=${outputs_arg}"
            "-DSTATUSGEN_STAMP=${stamp}" "-DSTATUSGEN_SPEC=${spec}"
            "-DSTATUSGEN_NAME=${SG_NAME}" -P "${script}"
    MAIN_DEPENDENCY "${spec}"
    DEPENDS statusgen::statusgen "${script}"
    COMMENT "statusgen: ${SG_NAME} (${kinds}) -> ${shown}"
    VERBATIM)

  target_sources(${target} PRIVATE ${outputs} "${stamp}")
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_include_directories(${target} PRIVATE "${outdir}")
  else()
    target_include_directories(${target} PUBLIC
      "$<BUILD_INTERFACE:${outdir}>")
  endif()
endfunction()
