#!/bin/sh
# statusgen --functions and --lookup on the HTTP spec: for each list, the
# header declares exactly the lookups asked for, the source and a program
# calling them build warning-free under strict flags (C89 with
# -pedantic-errors and C++11; clang with -Weverything) and the answers
# are right; a header and a source made with different lists stop the
# build with the #error that names --functions.
#
#   run.sh STATUSGEN COMPILER SOURCE_DIR WORKDIR
set -eu
tool=$1 cc=$2 src=$3 work=$4
here=$src/tests/functions
spec=$src/spec/http_status.yaml
rm -rf "$work" && mkdir -p "$work"
case $("$cc" --version 2>/dev/null) in
  *clang*) extra="-Weverything -Wno-c++98-compat -Wno-c++98-compat-pedantic" ;;
  *) extra="-Wconversion -Wsign-conversion -Wshadow -Wundef -Wcast-qual
            -Wmissing-declarations -Wswitch-default -Wredundant-decls" ;;
esac
strict="-Wall -Wextra -Wpedantic -Werror $extra"

# Every lookup function of the header, and the word that keeps it.
decls="reason:reason name:name description:description class:class_of
class:is_informational class:is_error traits:traits is_known:is_known
status:status_of reference:reference from_name:from_name
from_reason:from_reason codes:codes"

n=0
for set in reason name description class traits is_known status reference \
           from_name from_reason codes reason,from_reason \
           description,is_known all \
           from_name,from_reason/compact reason,from_name/compact \
           reason/none; do
  list=${set%%/*} mode=${set#*/}
  [ "$mode" = "$set" ] && mode=fast
  n=$((n + 1))
  d="$work/$n"
  langs=""
  [ "$mode" = none ] && langs="--languages none" && mode=fast
  # shellcheck disable=SC2086 # langs is words
  "$tool" --functions "$list" --lookup "$mode" $langs \
    --emit header,source -o "$d" "$spec"
  defs=""
  for pair in $decls; do
    word=${pair%%:*} fn=${pair#*:}
    case ",$list," in
      *",$word,"*|*,all,*) want=1 ;;
      *) want=0 ;;
    esac
    if grep -q "http_status_$fn[[(]" "$d/http_status.h"; then have=1
    else have=0; fi
    if [ "$want" != "$have" ]; then
      echo "FAIL: --functions $list: http_status_$fn declared: $have" >&2
      exit 1
    fi
    [ "$want" = 1 ] && defs="$defs -DFN_$(echo "$word" | tr a-z A-Z)"
  done
  [ -n "$langs" ] && defs="$defs -DNO_DESCRIPTIONS"
  for std in "-std=c89 -pedantic-errors" "-x c++ -std=c++11"; do
    # shellcheck disable=SC2086 # flags are words
    "$cc" $std $strict -I"$d" -c "$d/http_status.c" -o "$d/lib.o"
    # shellcheck disable=SC2086
    "$cc" $std -Wall -Wextra -Wpedantic -Werror $defs -I"$d" \
      -c "$here/check_functions.c" -o "$d/main.o"
    "$cc" -o "$d/check" "$d/lib.o" "$d/main.o"
    "$d/check"
  done
  echo "--functions $list --lookup $mode $langs: declared, built, right"
done

# One spec, two lists: the source refuses the other list's header.
"$tool" --functions reason --emit header -o "$work/mix" "$spec"
"$tool" --emit source -o - "$spec" > "$work/mix/http_status.c"
if "$cc" -I"$work/mix" -c "$work/mix/http_status.c" -o "$work/mix/x.o" \
     2> "$work/mix/err"; then
  echo "FAIL: a source built against a header of other --functions" >&2
  exit 1
fi
grep -q "different --functions" "$work/mix/err" || {
  cat "$work/mix/err" >&2
  echo "FAIL: the #error does not name --functions" >&2
  exit 1
}
echo "mixed --functions: stopped by the #error"
