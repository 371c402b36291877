# Builds examples/overlay (an overlay of the shipped HTTP spec) with the
# statusgen tree added as a subproject, and checks that an edit of the
# overlay or of the spec it extends regenerates and reaches the program,
# that a build with nothing changed runs nothing, and that an error in
# either file is reported at its line in that file.
#
#   cmake -DEXAMPLE=<examples/overlay> -DSPEC=<spec/http_status.yaml>
#         -DSOURCE_DIR=<statusgen tree> -DWORK=<dir> -DGENERATOR=...
#         -DC_COMPILER=... -P overlay.cmake

include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

# The line of text's first line holding what (1-based).
function(line_of var text what)
  string(FIND "${text}" "${what}" at)
  if(at LESS 0)
    message(FATAL_ERROR "no '${what}' in the text")
  endif()
  string(SUBSTRING "${text}" 0 ${at} head)
  string(REGEX MATCHALL "\n" breaks "${head}")
  list(LENGTH breaks n)
  math(EXPR n "${n} + 1")
  set(${var} ${n} PARENT_SCOPE)
endfunction()

# Replaces from with to in file.
function(edit file from to)
  file(READ "${file}" text)
  string(FIND "${text}" "${from}" at)
  if(at LESS 0)
    message(FATAL_ERROR "no '${from}' in ${file}")
  endif()
  string(REPLACE "${from}" "${to}" text "${text}")
  file(WRITE "${file}" "${text}")
endfunction()

sg_fresh_dir("${WORK}")
# the example beside a copy of the spec it extends, as in the tree
file(COPY "${EXAMPLE}" DESTINATION "${WORK}/src/examples")
file(COPY "${SPEC}" DESTINATION "${WORK}/src/spec")
set(src "${WORK}/src/examples/overlay")
set(overlay "${src}/overlay.yaml")
set(base "${WORK}/src/spec/http_status.yaml")
set(bin "${WORK}/build")

sg_configure("configure" "${src}" "${bin}"
  "-DSTATUSGEN_SOURCE_DIR=${SOURCE_DIR}")
sg_build("build" "${bin}" OUTPUT_VARIABLE out)
if(NOT out MATCHES "statusgen: http_status")
  message(FATAL_ERROR "the build did not run statusgen:\n${out}")
endif()
sg_program(app "${bin}" overlay_example)
sg_run("run" OUTPUT_VARIABLE out COMMAND "${app}")
if(NOT out MATCHES "420 Enhance Your Calm" OR
   NOT out MATCHES "429 Too Many Requests \\(")
  message(FATAL_ERROR "the program does not have the overlay's codes:\n${out}")
endif()

sg_build("no-op build" "${bin}" OUTPUT_VARIABLE out)
if(out MATCHES "statusgen: http_status")
  message(FATAL_ERROR "a build with nothing changed ran statusgen:\n${out}")
endif()

# An edit of the base reaches the program.
edit("${base}" "phrase: Too Many Requests" "phrase: Too Many Requests Now")
sg_build("build after an edit of the base" "${bin}" OUTPUT_VARIABLE out)
if(NOT out MATCHES "statusgen: http_status")
  message(FATAL_ERROR "an edit of the base did not rerun statusgen:\n${out}")
endif()
sg_run("run" OUTPUT_VARIABLE out COMMAND "${app}")
if(NOT out MATCHES "429 Too Many Requests Now")
  message(FATAL_ERROR "the base's edit did not reach the program:\n${out}")
endif()

# And an edit of the overlay.
edit("${overlay}" "phrase: Login Time-out" "phrase: Login Timeout")
sg_build("build after an edit of the overlay" "${bin}" OUTPUT_VARIABLE out)
sg_run("run" OUTPUT_VARIABLE out COMMAND "${app}")
if(NOT out MATCHES "440 Login Timeout \\(")
  message(FATAL_ERROR "the overlay's edit did not reach the program:\n${out}")
endif()

# An error in the overlay is reported in the overlay, one in the base in
# the base.
edit("${overlay}" "    name: ENHANCE_YOUR_CALM\n"
     "    name: ENHANCE_YOUR_CALM\n    colour: green\n")
file(READ "${overlay}" text)
line_of(oline "${text}" "colour: green")
edit("${base}" "    name: OK\n" "    name: OK\n    grpc: twelve\n")
file(READ "${base}" text)
line_of(bline "${text}" "grpc: twelve")
sg_build("build with errors" "${bin}" EXPECT_FAIL OUTPUT_VARIABLE out)
string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" overlay_re "${overlay}")
string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" base_re "${base}")
if(NOT out MATCHES "${overlay_re}:${oline}:5: error: unknown key 'colour' in code 420")
  message(FATAL_ERROR "the overlay's error is not at ${overlay}:${oline}:\n${out}")
endif()
if(NOT out MATCHES "${base_re}:${bline}:11: error: 'grpc' must be an integer")
  message(FATAL_ERROR "the base's error is not at ${base}:${bline}:\n${out}")
endif()
