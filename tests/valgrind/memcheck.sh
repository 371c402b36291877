#!/bin/sh
# Runs MEMCHECK_PROGRAM under valgrind's memcheck with the arguments given:
# any memory error or leak makes the exit status 3, which statusgen never
# uses, so the scripts that take a STATUSGEN program (bad/run.sh,
# bad-csv/run.sh) run it under memcheck when given this file.
#
#   MEMCHECK_PROGRAM=build/generator/statusgen memcheck.sh ARG...
# Environment: VALGRIND (default: valgrind on the PATH).
: "${MEMCHECK_PROGRAM:?memcheck.sh: set MEMCHECK_PROGRAM to the program to run}"
exec "${VALGRIND:-valgrind}" -q --error-exitcode=3 --leak-check=full \
    --errors-for-leak-kinds=all "$MEMCHECK_PROGRAM" "$@"
