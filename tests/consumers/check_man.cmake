# Checks the man page: man -l renders it without a warning, and it is in
# step with "statusgen --help" and "statusgen --version".
#
#   cmake -DSTATUSGEN=<tool> -DMAN=<man> -DPAGE=<statusgen.1> -P check_man.cmake

cmake_minimum_required(VERSION 3.16)

set(errors "")
macro(fail)
  string(CONCAT msg ${ARGN})
  list(APPEND errors "${msg}")
endmacro()

if(NOT MAN)
  message(FATAL_ERROR "man not found: install man-db (apt-get install man-db)")
endif()

# Render as plain text, 80 columns, with groff warnings turned on.
set(ENV{MANWIDTH} 80)
set(ENV{MANPAGER} cat)
set(ENV{PAGER} cat)
execute_process(COMMAND "${MAN}" --warnings -E ascii -l "${PAGE}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE text ERROR_VARIABLE warnings)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "man -l ${PAGE} failed (${rc}):\n${warnings}")
endif()
if(NOT warnings STREQUAL "")
  fail("man -l ${PAGE} warns:\n${warnings}")
endif()
# Drop overstrike bold/underline, in case the formatter kept it.
string(ASCII 8 bs)
string(REGEX REPLACE ".${bs}" "" text "${text}")
foreach(section NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES)
  if(NOT text MATCHES "\n${section}\n")
    fail("the page has no ${section} section")
  endif()
endforeach()

execute_process(COMMAND "${STATUSGEN}" --help
  RESULT_VARIABLE rc OUTPUT_VARIABLE help)
if(NOT rc EQUAL 0 OR help STREQUAL "")
  message(FATAL_ERROR "statusgen --help failed (${rc})")
endif()
execute_process(COMMAND "${STATUSGEN}" --version
  RESULT_VARIABLE rc OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0 OR NOT version MATCHES "^statusgen [0-9]")
  message(FATAL_ERROR "statusgen --version failed (${rc}): ${version}")
endif()

# The header line carries the version: "statusgen 0.1.0".
file(STRINGS "${PAGE}" th REGEX "^\\.TH ")
if(NOT th MATCHES "\"${version}\"")
  fail("the .TH line (${th}) does not name \"${version}\"")
endif()

# Every option --help shows is in the page.
# (Brackets would keep CMake from splitting the list: blank them first.)
string(REGEX REPLACE "[][|,]" " " words "${help}")
string(REGEX MATCHALL "[ \t\n]--?[a-z][a-z-]*" opts "${words}")
set(help_opts "")
foreach(o IN LISTS opts)
  string(STRIP "${o}" o)
  list(APPEND help_opts "${o}")
endforeach()
list(REMOVE_DUPLICATES help_opts)
list(LENGTH help_opts n)
if(n LESS 5)
  fail("found only ${n} options in --help (${help_opts}): format changed?")
endif()
foreach(o IN LISTS help_opts)
  string(REGEX REPLACE "([-+.])" "\\\\\\1" re "${o}")
  if(NOT text MATCHES "(^|[^a-z-])${re}([^a-z-]|$)")
    fail("option ${o} of --help is not in the man page")
  endif()
endforeach()

# The emitted code is C89-compatible (the README says so too); only the
# generator is C99.
if(text MATCHES "C99 +source" OR NOT text MATCHES "C89")
  fail("the page must say the emitted code is C89-compatible, not C99")
endif()

# The subcommand, the emit kinds and the exit statuses.
if(help MATCHES "\n *(audit) " AND NOT text MATCHES "\n +audit --iana")
  fail("the audit command of --help is not described in the man page")
endif()
# Every command of --help's usage is in the SYNOPSIS.
if(text MATCHES "\nSYNOPSIS\n(.*)\nDESCRIPTION\n")
  set(synopsis "${CMAKE_MATCH_1}")
  foreach(cmd audit compat)
    if(help MATCHES "statusgen ${cmd} " AND NOT synopsis MATCHES "statusgen ${cmd}")
      fail("the SYNOPSIS lacks 'statusgen ${cmd}', which --help shows")
    endif()
  endforeach()
else()
  fail("no SYNOPSIS before DESCRIPTION")
endif()
# The kinds are the table after "Output kinds (--emit):", one a line.
if(help MATCHES "Output kinds \\(--emit\\):\n(( +[a-z]+ +[^\n]*\n)+)")
  string(REGEX MATCHALL "\n +[a-z]+ " kinds "\n${CMAKE_MATCH_1}")
  string(REGEX REPLACE "[\n ]" "" kinds "${kinds}")
  list(LENGTH kinds n)
  if(n LESS 4)
    fail("found only ${n} output kinds in --help: ${kinds}")
  endif()
  foreach(k IN LISTS kinds)
    if(NOT text MATCHES "--emit KINDS[^\n]*\n([^\n]+\n)*[^\n]*[ ,]${k}[ ,.]")
      fail("emit kind '${k}' of --help is not under --emit in the man page")
    endif()
  endforeach()
else()
  fail("no \"Output kinds (--emit):\" table in --help: format changed?")
endif()
if(help MATCHES "Exit status:(.*)$")
  # "0 done ...; 1 --check ...; 2 bad usage ...": the numbers that start
  # the paragraph or follow a semicolon.
  string(REGEX MATCHALL "(^ |; *)[0-9]+ " codes "${CMAKE_MATCH_1}")
  string(REGEX MATCHALL "[0-9]+" codes "${codes}")
  list(LENGTH codes ncodes)
  if(ncodes LESS 2)
    fail("found only ${ncodes} exit statuses in --help: format changed?")
  endif()
  # A section: the lines after its heading that are blank or indented.
  if(NOT text MATCHES "\nEXIT STATUS\n((\n| [^\n]*\n)*)")
    fail("no EXIT STATUS section")
  endif()
  set(exit_section "\n${CMAKE_MATCH_1}")
  foreach(c IN LISTS codes)
    if(NOT exit_section MATCHES "\n +${c}( |\n)")
      fail("exit status ${c} of --help is not listed under EXIT STATUS")
    endif()
  endforeach()
else()
  fail("no \"Exit status:\" paragraph in --help: format changed?")
endif()

# And the other way round: every option the OPTIONS section documents
# exists in --help.
if(text MATCHES "\nOPTIONS\n((\n| [^\n]*\n)*)")
  string(REGEX MATCHALL "\n       --?[a-z][a-z-]*(, --?[a-z][a-z-]*)?"
    tags "${CMAKE_MATCH_1}")
  foreach(t IN LISTS tags)
    string(REGEX MATCHALL "--?[a-z][a-z-]*" tag_opts "${t}")
    foreach(o IN LISTS tag_opts)
      if(NOT o IN_LIST help_opts)
        fail("the man page documents ${o}, which --help does not show")
      endif()
    endforeach()
  endforeach()
endif()

if(errors)
  string(REPLACE ";" "\n  " errors "${errors}")
  message(FATAL_ERROR "man page out of step:\n  ${errors}")
endif()
message(STATUS "man page: ${n} options of --help documented, renders cleanly")
