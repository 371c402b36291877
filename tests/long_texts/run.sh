#!/bin/sh
# SPDX-License-Identifier: MIT
# Texts longer than C90's 509 characters of a literal: generated with
# both lookup forms, built under -std=c89 -pedantic-errors and as C++98
# with every warning an error, and each text read back whole.
#
#   run.sh STATUSGEN COMPILER SOURCE_DIR WORKDIR
set -eu
tool=$1 cc=$2 src=$3 work=$4
here=$src/tests/long_texts
rm -rf "$work" && mkdir -p "$work"
sh "$here/mkspec.sh" > "$work/lt.yaml"
for lookup in fast compact; do
  d="$work/$lookup"
  "$tool" --lookup "$lookup" --emit header,source -o "$d" "$work/lt.yaml"
  for std in "-std=c89 -pedantic-errors" "-x c++ -std=c++98"; do
    # shellcheck disable=SC2086 # std is words
    "$cc" $std -Wall -Wextra -Wpedantic -Werror -I"$d" -c "$d/lt.c" \
      -o "$d/lt.o"
    # shellcheck disable=SC2086
    "$cc" $std -Wall -Wextra -Wpedantic -Werror -I"$d" \
      -c "$here/check_long.c" -o "$d/check.o"
    "$cc" -o "$d/check" "$d/lt.o" "$d/check.o"
    "$d/check"
  done
  echo "long texts, --lookup $lookup, $cc: strict C89 and C++98, read back whole"
done
