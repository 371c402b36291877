# SPDX-License-Identifier: MIT
# statusgen_generate(): run statusgen on a spec at build time and compile
# what it emits into a target.
#
#   statusgen_generate(<target> SPEC <file>
#                      [OUTPUT_DIR <dir>] [EMIT <kind>...]
#                      [NAME <name>] [MACRO <macro>] [LANGUAGES <lang>...|none]
#                      [FUNCTIONS <lookup>...] [LOOKUP compact|fast])
#
# SPEC        the YAML spec; relative paths are taken from the current
#             source directory.
# OUTPUT_DIR  where the files go; relative paths are taken from the current
#             binary directory.  Default: ${CMAKE_CURRENT_BINARY_DIR}/
#             statusgen_<target>.
# EMIT        any of header, source, docs, single, json, python,
#             typescript, rust, cxx (statusgen --emit; default: header
#             source).  source needs header: the .c includes the .h.  The
#             .hpp is a header like the .h; the .py, .ts and .rs files are
#             listed among <target>'s sources, which builds nothing from
#             them: use them from OUTPUT_DIR.
# NAME        statusgen --name: use <name> instead of the spec's
#             registry.name, the function prefix and the files' stem
#             (<name>.h, <name>.c, <name>_single.h, <name>.json,
#             <name>.<lang>.md, <name>.py, <name>.ts, <name>.rs, <name>.hpp).
# MACRO       statusgen --macro: use <macro> instead of registry.macro.
# LANGUAGES   statusgen --languages: the description languages to emit (the
#             first is the fallback), or none.
# FUNCTIONS   statusgen --functions: the C lookups to emit (reason, name,
#             description, class, traits, is_known, status, reference,
#             from_name, from_reason, codes; default: all).  The header
#             declares only these.
# LOOKUP      statusgen --lookup: compact gives from_name and from_reason
#             the perfect hash (a few KB) instead of the switch trie.
#
# The tool is STATUSGEN_EXECUTABLE when that is set (a statusgen built for
# the host, for cross builds), else the target statusgen::statusgen: the
# imported executable when statusgen was found with find_package(statusgen),
# the one being built when the statusgen tree was added with
# add_subdirectory().
#
# The files the command writes are known when CMake configures: a tool that
# already exists is asked (statusgen --list-outputs), and the spec is then
# a configure dependency, so that a change of its name or languages is
# seen.  A tool built in this build cannot be asked yet: the files are then
# named after NAME (default: the spec's file name without its extension),
# and EMIT docs needs LANGUAGES; when the spec's text names another
# registry.name and NAME is not given, configuring stops and says to pass
# it.
#
# The custom command depends on the spec and on the tool, so editing the
# spec (or rebuilding the tool) regenerates on the next build.  A spec that
# extends others (an overlay) depends on them too: an existing tool lists
# them when CMake configures (statusgen --list-inputs), and with CMake 3.20
# or later under Ninja or Makefiles statusgen also writes a depfile
# (--depfile) that the build reads, which covers a tool built in this
# build and bases added later.  The
# generated .c (EMIT source) and headers are added to <target>'s sources,
# and OUTPUT_DIR to its include path (PUBLIC for libraries, so that their
# users see the header; PRIVATE for executables).  In a project without C
# (project(x CXX)), the .c is compiled as C++.  Call it in the directory
# that creates <target>.
#
# The command's output is a stamp file; the generated files are its
# byproducts, which statusgen rewrites only when their bytes change, so a
# spec edit that changes no output (a comment) recompiles nothing.
#
# This file is also run as a script (cmake -P) after statusgen, to check
# that the expected files exist and to touch the stamp.

if(CMAKE_SCRIPT_MODE_FILE)
  # Script mode: -DSTATUSGEN_OUTPUTS=<file|file...> -DSTATUSGEN_STAMP=<file>
  # -DSTATUSGEN_SPEC=<spec> -DSTATUSGEN_NAME=<name>, and with a depfile
  # -DSTATUSGEN_DEPS=<statusgen's depfile> -DSTATUSGEN_DEPFILE=<the build's>
  string(REPLACE "|" ";" STATUSGEN_OUTPUTS "${STATUSGEN_OUTPUTS}")
  foreach(out IN LISTS STATUSGEN_OUTPUTS)
    if(NOT EXISTS "${out}")
      message(FATAL_ERROR "statusgen_generate: statusgen did not write "
        "${out}: does ${STATUSGEN_SPEC} have registry.name "
        "'${STATUSGEN_NAME}'?  If not, pass NAME <the name the files "
        "should have>.")
    endif()
  endforeach()
  # statusgen leaves a file alone when its bytes did not change, and so
  # does this script: the stamp says the command ran, and what includes
  # or compiles an output recompiles only when the output's bytes change.
  file(TOUCH "${STATUSGEN_STAMP}")
  if(STATUSGEN_DEPFILE)
    # statusgen's rule names the outputs; the build's names the stamp,
    # the command's one output.
    file(READ "${STATUSGEN_DEPS}" deps)
    # the rule's colon: before a space, or the line's end when no spec
    # file was read (standard input)
    string(FIND "${deps}" ": " colon)
    if(colon EQUAL -1)
      string(FIND "${deps}" ":\n" colon)
    endif()
    string(SUBSTRING "${deps}" ${colon} -1 deps)
    string(REPLACE " " "\\ " stamp "${STATUSGEN_STAMP}")
    set(deps "${stamp}${deps}")
    if(EXISTS "${STATUSGEN_DEPFILE}")
      file(READ "${STATUSGEN_DEPFILE}" old)
    else()
      set(old "")
    endif()
    if(NOT old STREQUAL deps)
      file(WRITE "${STATUSGEN_DEPFILE}" "${deps}")
    endif()
  endif()
  return()
endif()

include_guard(GLOBAL)

set_property(GLOBAL PROPERTY STATUSGEN_GENERATE_SCRIPT
  "${CMAKE_CURRENT_LIST_FILE}")

# _statusgen_tool(<command var> <runnable path var>): the tool for
# add_custom_command, and its path when it can run now (else "").
function(_statusgen_tool cmd_var path_var)
  if(STATUSGEN_EXECUTABLE)
    set(${cmd_var} "${STATUSGEN_EXECUTABLE}" PARENT_SCOPE)
    set(${path_var} "${STATUSGEN_EXECUTABLE}" PARENT_SCOPE)
    return()
  endif()
  if(NOT TARGET statusgen::statusgen)
    message(FATAL_ERROR "statusgen_generate: no target statusgen::statusgen: "
      "use find_package(statusgen) or add_subdirectory() of statusgen "
      "first, or set STATUSGEN_EXECUTABLE to a statusgen program")
  endif()
  set(${cmd_var} statusgen::statusgen PARENT_SCOPE)
  set(path "")
  get_target_property(imported statusgen::statusgen IMPORTED)
  if(imported)
    get_target_property(path statusgen::statusgen LOCATION)
    if(NOT path OR NOT EXISTS "${path}")
      set(path "")
    endif()
  endif()
  set(${path_var} "${path}" PARENT_SCOPE)
endfunction()

# _statusgen_spec_name(<spec> <var>): the spec's registry.name as its text
# gives it, for the common layouts ("registry:" then an indented
# "name: x", or "registry: {name: x, ...}"), read without statusgen;
# "" when not found (an extends: overlay, an unusual layout).
function(_statusgen_spec_name spec var)
  set(${var} "" PARENT_SCOPE)
  file(STRINGS "${spec}" lines)
  set(in_registry OFF)
  foreach(line IN LISTS lines)
    if(line MATCHES "^registry:[ \t]*{(.*)")
      if(CMAKE_MATCH_1 MATCHES "(^|[{, \t])name:[ \t]*[\"']?([a-z][a-z0-9_]*)")
        set(${var} "${CMAKE_MATCH_2}" PARENT_SCOPE)
      endif()
      return()
    elseif(line MATCHES "^registry:[ \t]*(#.*)?$")
      set(in_registry ON)
    elseif(in_registry AND line MATCHES "^[ \t]+name:[ \t]*[\"']?([a-z][a-z0-9_]*)")
      set(${var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
      return()
    elseif(in_registry AND line MATCHES "^[^ \t#]")
      return()
    endif()
  endforeach()
endfunction()

function(statusgen_generate target)
  cmake_parse_arguments(PARSE_ARGV 1 SG ""
    "SPEC;OUTPUT_DIR;NAME;MACRO;LOOKUP" "EMIT;LANGUAGES;FUNCTIONS")
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
  _statusgen_tool(tool tool_path)

  get_filename_component(spec "${SG_SPEC}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT SG_OUTPUT_DIR)
    set(SG_OUTPUT_DIR "statusgen_${target}")
  endif()
  get_filename_component(outdir "${SG_OUTPUT_DIR}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  if(NOT SG_EMIT)
    set(SG_EMIT header source)
  endif()
  list(REMOVE_DUPLICATES SG_EMIT)
  # What each kind writes after the name, as generator/outputs.c's table
  # says (docs: one <name>.<lang>.md per language), for when the tool
  # cannot be asked.
  set(suffix_header ".h")
  set(suffix_source ".c")
  set(suffix_single "_single.h")
  set(suffix_json ".json")
  set(suffix_python ".py")
  set(suffix_typescript ".ts")
  set(suffix_rust ".rs")
  set(suffix_cxx ".hpp")
  foreach(kind IN LISTS SG_EMIT)
    if(NOT kind STREQUAL "docs" AND NOT DEFINED suffix_${kind})
      message(FATAL_ERROR "statusgen_generate(${target}): unknown EMIT kind "
        "'${kind}' (statusgen --help lists them)")
    endif()
  endforeach()
  if("source" IN_LIST SG_EMIT AND NOT "header" IN_LIST SG_EMIT)
    message(FATAL_ERROR "statusgen_generate(${target}): EMIT source "
      "needs header too: the generated .c includes the .h")
  endif()
  string(REPLACE ";" "," kinds "${SG_EMIT}")
  set(options --emit "${kinds}")
  if(SG_NAME)
    list(APPEND options --name "${SG_NAME}")
  endif()
  if(SG_MACRO)
    list(APPEND options --macro "${SG_MACRO}")
  endif()
  if(SG_LANGUAGES)
    string(REPLACE ";" "," langs "${SG_LANGUAGES}")
    list(APPEND options --languages "${langs}")
  endif()
  if(SG_FUNCTIONS)
    string(REPLACE ";" "," fns "${SG_FUNCTIONS}")
    list(APPEND options --functions "${fns}")
  endif()
  if(SG_LOOKUP)
    if(NOT SG_LOOKUP MATCHES "^(compact|fast)$")
      message(FATAL_ERROR "statusgen_generate(${target}): LOOKUP takes "
        "compact or fast, not '${SG_LOOKUP}'")
    endif()
    list(APPEND options --lookup "${SG_LOOKUP}")
  endif()

  set(name "${SG_NAME}")
  set(predict ON)
  set(lenient OFF)
  set(inputs "")
  if(tool_path)
    # Ask the tool: it reads the spec's name and languages, and the specs
    # it extends.
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
      "${spec}" "${tool_path}")
    execute_process(
      COMMAND "${tool_path}" --list-inputs ${options} "${spec}"
      RESULT_VARIABLE rc OUTPUT_VARIABLE listed ERROR_QUIET)
    if(rc EQUAL 0)
      string(STRIP "${listed}" listed)
      string(REPLACE "\n" ";" listed "${listed}")
      foreach(input IN LISTS listed)
        get_filename_component(input "${input}" ABSOLUTE)
        list(APPEND inputs "${input}")
      endforeach()
      list(REMOVE_ITEM inputs "${spec}")
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
        ${inputs})
    endif()
    execute_process(
      COMMAND "${tool_path}" --list-outputs -o "${outdir}" ${options}
              "${spec}"
      RESULT_VARIABLE rc OUTPUT_VARIABLE listed ERROR_VARIABLE err)
    if(rc EQUAL 0)
      string(STRIP "${listed}" listed)
      string(REPLACE "\n" ";" outputs "${listed}")
      set(predict OFF)
      if(NOT name)
        list(GET outputs 0 first)
        get_filename_component(name "${first}" NAME_WE)
      endif()
    else()
      # An invalid spec: the build runs statusgen, which says where.
      message(WARNING "statusgen_generate(${target}): statusgen "
        "--list-outputs failed; the build will fail until the spec is "
        "fixed:\n${err}")
      set(lenient ON)
    endif()
  endif()
  if(predict)
    # The tool is built in this build: name the files after NAME.  The
    # spec's own registry.name, read from its text, must agree, or the
    # build would fail later: say so now, with the fix.
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${spec}")
    if(NOT name)
      get_filename_component(name "${spec}" NAME_WE)
      _statusgen_spec_name("${spec}" spec_name)
      if(spec_name AND NOT spec_name STREQUAL name)
        message(FATAL_ERROR "statusgen_generate(${target}): ${SG_SPEC} has "
          "registry.name '${spec_name}', but statusgen is built in this "
          "project and cannot be asked yet, so the files would be named "
          "after the spec's file name ('${name}').  Pass NAME ${spec_name} "
          "(or rename the spec to ${spec_name}.yaml).")
      endif()
    endif()
    if(NOT name MATCHES "^[a-z][a-z0-9_]*$")
      message(FATAL_ERROR "statusgen_generate(${target}): '${name}' is not "
        "a registry name (lower_snake): pass NAME <name>")
    endif()
    set(outputs "")
    foreach(kind IN LISTS SG_EMIT)
      if(NOT kind STREQUAL "docs")
        list(APPEND outputs "${outdir}/${name}${suffix_${kind}}")
      elseif(SG_LANGUAGES STREQUAL "none")
        # no descriptions, no docs
      elseif(SG_LANGUAGES)
        foreach(lang IN LISTS SG_LANGUAGES)
          list(APPEND outputs "${outdir}/${name}.${lang}.md")
        endforeach()
      elseif(NOT lenient)
        message(FATAL_ERROR "statusgen_generate(${target}): EMIT docs with "
          "statusgen built in this project: the doc files are named after "
          "the spec's languages, which cannot be read before statusgen is "
          "built.  Pass LANGUAGES <lang>... (or use an installed statusgen, "
          "or STATUSGEN_EXECUTABLE).")
      endif()
    endforeach()
  endif()

  get_property(script GLOBAL PROPERTY STATUSGEN_GENERATE_SCRIPT)
  string(REPLACE ";" "|" outputs_arg "${outputs}")
  file(RELATIVE_PATH shown "${CMAKE_BINARY_DIR}" "${outdir}")
  # The command's output: touched on each run, unlike the files.
  set(stamp "${outdir}/.${name}.stamp")
  # The specs read, for the build to rerun statusgen when one changes:
  # statusgen's depfile, rewritten for the stamp by the script.
  set(depfile_args "")
  set(script_args "")
  if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.20 AND
     CMAKE_GENERATOR MATCHES "Ninja|Makefiles")
    set(deps "${outdir}/.${name}.deps")
    set(depfile "${outdir}/.${name}.d")
    set(script_args "-DSTATUSGEN_DEPS=${deps}"
                    "-DSTATUSGEN_DEPFILE=${depfile}")
    set(depfile_args DEPFILE "${depfile}")
    list(APPEND options --depfile "${deps}")
  endif()
  # Paths in the depfile are absolute: CMP0116's NEW behaviour (3.20) and
  # its OLD one read them alike; NEW keeps CMake from warning.
  if(POLICY CMP0116)
    cmake_policy(PUSH)
    cmake_policy(SET CMP0116 NEW)
  endif()
  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS ${outputs}
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${outdir}"
    COMMAND ${tool} -o "${outdir}" ${options} "${spec}"
    COMMAND "${CMAKE_COMMAND}" "-DSTATUSGEN_OUTPUTS=${outputs_arg}"
            "-DSTATUSGEN_STAMP=${stamp}" "-DSTATUSGEN_SPEC=${spec}"
            "-DSTATUSGEN_NAME=${name}" ${script_args} -P "${script}"
    MAIN_DEPENDENCY "${spec}"
    DEPENDS ${tool} "${script}" ${inputs}
    ${depfile_args}
    COMMENT "statusgen: ${name} (${kinds}) -> ${shown}"
    VERBATIM)
  if(POLICY CMP0116)
    cmake_policy(POP)
  endif()

  target_sources(${target} PRIVATE ${outputs} "${stamp}")
  # The generated C is valid C++: compile it as such where C is not
  # enabled (project(x CXX); C enabled by a subdirectory, such as the
  # statusgen tree, does not count here).
  # The language must also be told to the compiler: clang++ warns that
  # treating a .c file as C++ is deprecated (an error under -Werror).
  if(NOT DEFINED CMAKE_C_COMPILE_OBJECT)
    if(MSVC)
      set(as_cxx /TP)
    else()
      set(as_cxx -xc++)
    endif()
    foreach(out IN LISTS outputs)
      if(out MATCHES "\\.c$")
        set_source_files_properties("${out}" PROPERTIES LANGUAGE CXX
          COMPILE_OPTIONS "${as_cxx}")
      endif()
    endforeach()
  endif()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_include_directories(${target} PRIVATE "${outdir}")
  else()
    target_include_directories(${target} PUBLIC
      "$<BUILD_INTERFACE:${outdir}>")
  endif()
endfunction()
