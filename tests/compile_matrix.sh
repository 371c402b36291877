#!/bin/sh
# Builds generated code and a program using it in one language mode, with
# every warning an error, and runs the program.
#
#   compile_matrix.sh COMPILER STD GENDIR STEM PROGRAM.c WORKDIR
#
# STD is c89, c99, c11, c17 (compiled as C) or c++98 ... c++20 (as C++).
set -eu
cc=$1 std=$2 gendir=$3 stem=$4 prog=$5 work=$6

flags="-std=$std -Wall -Wextra -Wpedantic -Werror -Wtrigraphs -Wcomment"
case $std in
  c89) flags="$flags -pedantic-errors" ;;
  c++*) flags="$flags -x c++" ;;
esac
mkdir -p "$work"
out="$work/$stem-$(basename "$cc")-$std"
# shellcheck disable=SC2086 # flags are words on purpose
"$cc" $flags -I"$gendir" -c "$gendir/$stem.c" -o "$out-lib.o"
# shellcheck disable=SC2086
"$cc" $flags -I"$gendir" -c "$prog" -o "$out-main.o"
"$cc" "$out-lib.o" "$out-main.o" -o "$out"
"$out"
echo "$stem: $cc -std=$std: built warning-free and ran"
