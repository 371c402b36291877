#!/bin/sh
# Generates the emission_safety fixture, compiles the output with one
# compiler under strict warnings, and runs check_emission against the
# expected bytes that expect_gen reads from the YAML.
#   run.sh STATUSGEN EXPECT_GEN FIXTURE gcc|clang|g++
# Exits 77 (skipped) when the compiler is not installed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tool=$1 expect=$2 fixture=$3 cc=$4
command -v "$cc" >/dev/null 2>&1 || { echo "SKIP: no $cc"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/statusgen-emit.XXXXXX")
trap 'rm -rf "$work"' EXIT
warn="-Wall -Wextra -Wpedantic -Wtrigraphs -Wcomment -Werror"
"$tool" -o "$work/out" --emit header,source,docs,single "$fixture"
"$expect" "$fixture" "$work/expected.h"
# The checker is C99 (gcc or clang); the generated code is compiled by the
# compiler under test, as C99 with trigraphs on, or as C++98 and C++17.
case $cc in
g++|clang++)
    checker=gcc
    for std in c++98 c++17; do
        $cc -x c++ -std=$std $warn -I"$work/out" -c "$work/out/tricky.c" \
            -o "$work/tricky.o"
        printf '#define TRICKY_IMPLEMENTATION\n#include "tricky_single.h"\n' \
            >"$work/single.c"
        $cc -x c++ -std=$std $warn -I"$work/out" -c "$work/single.c" \
            -o "$work/single.o"
    done
    link=$cc ;;
*)
    checker=$cc
    $cc -std=c99 $warn -I"$work/out" -c "$work/out/tricky.c" \
        -o "$work/tricky.o"
    printf '#define TRICKY_IMPLEMENTATION\n#include "tricky_single.h"\n' \
        >"$work/single.c"
    $cc -std=c99 $warn -I"$work/out" -c "$work/single.c" -o "$work/single.o"
    link=$cc ;;
esac
$checker -std=c99 -Wall -Wextra -Werror -I"$work/out" -I"$work" \
    -c "$here/check_emission.c" -o "$work/check.o"
$link -o "$work/check" "$work/check.o" "$work/tricky.o"
"$work/check"
