#!/bin/sh
# Compiles generated code the way a strict outside project would: the
# source, and a file that only includes the header, under each standard
# given, every warning below an error.
#
#   strict_matrix.sh COMPILER STDS GENDIR STEM WORKDIR
#
# STDS is a comma-separated list (c89,c99,...,c++20).  Besides -Wall
# -Wextra -Wpedantic: the conversion, cast, shadow and declaration
# warnings, -Wold-style-cast and -Wzero-as-null-pointer-constant for C++,
# -Wuseless-cast for g++, and for clang -Weverything less only the
# warnings about the dialect itself (-Wc++98-compat*: nullptr and the
# like are meant for C++11 and later).
set -eu
cc=$1 stds=$2 gendir=$3 stem=$4 work=$5
macro=$(echo "$stem" | tr 'a-z' 'A-Z')
mkdir -p "$work"
printf '#include "%s.h"\nint strict_use(int code);\nint strict_use(int code)\n{\n    return %s_is_known(code) + %s_COUNT;\n}\n' \
  "$stem" "$stem" "$macro" > "$work/$stem-use.c"
case $("$cc" --version 2>/dev/null) in
  *clang*) kind=clang ;;
  *) kind=gcc ;;
esac
for std in $(echo "$stds" | tr ',' ' '); do
  flags="-std=$std -Wall -Wextra -Wpedantic -Werror -Wcast-qual -Wconversion
    -Wsign-conversion -Wshadow -Wundef -Wcast-align -Wmissing-declarations
    -Wswitch-default -Wredundant-decls"
  case $std in
    c++*) flags="-x c++ $flags -Wold-style-cast -Wzero-as-null-pointer-constant"
          [ $kind = gcc ] && flags="$flags -Wuseless-cast"
          [ $kind = clang ] && flags="$flags -Weverything -Wno-c++98-compat -Wno-c++98-compat-pedantic" ;;
    *) flags="$flags -Wmissing-prototypes -Wbad-function-cast"
       [ $kind = clang ] && flags="$flags -Weverything"
       [ "$std" = c89 ] && flags="$flags -pedantic-errors" ;;
  esac
  # shellcheck disable=SC2086 # flags are words on purpose
  "$cc" $flags -I"$gendir" -c "$gendir/$stem.c" -o "$work/$stem-$std.o"
  # shellcheck disable=SC2086
  "$cc" $flags -I"$gendir" -c "$work/$stem-use.c" -o "$work/$stem-use-$std.o"
done
echo "$stem: $cc $stds: warning-free under the strict set"
