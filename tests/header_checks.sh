#!/bin/sh
# Checks of the generated header that must make a compile fail:
#  - a former name (alias) is deprecated: using one warns;
#  - a constant's name that is already a macro (as Windows' <winhttp.h>
#    defines HTTP_STATUS_OK) stops the build with the header's #error, and
#    the compiler's errors name the macro.
#
#   header_checks.sh COMPILER GENDIR WORKDIR
set -eu
cc=$1 gendir=$2 work=$3
mkdir -p "$work"

printf '#include "http_status.h"\nint f(void);\nint f(void) { return HTTP_STATUS_PAYLOAD_TOO_LARGE; }\n' \
  > "$work/alias.c"
if "$cc" -std=c99 -Werror -I"$gendir" -c "$work/alias.c" -o "$work/alias.o" \
     2>"$work/alias.err"; then
  echo "using a former name compiled without a deprecation warning" >&2
  exit 1
fi
grep -q "deprecated" "$work/alias.err" || {
  echo "no deprecation message:" >&2; cat "$work/alias.err" >&2; exit 1; }

# Defining the marker empty turns the warning off.
printf '#define HTTP_STATUS_DEPRECATED\n#include "http_status.h"\nint f(void);\nint f(void) { return HTTP_STATUS_PAYLOAD_TOO_LARGE; }\n' \
  > "$work/alias_ok.c"
"$cc" -std=c99 -Werror -I"$gendir" -c "$work/alias_ok.c" -o "$work/alias_ok.o"

printf '#define HTTP_STATUS_OK 200\n#include "http_status.h"\n' > "$work/clash.c"
if "$cc" -std=c99 -I"$gendir" -c "$work/clash.c" -o "$work/clash.o" \
     2>"$work/clash.err"; then
  echo "a clashing macro did not stop the build" >&2
  exit 1
fi
grep -q "is already a macro" "$work/clash.err" || {
  echo "the #error did not fire:" >&2; cat "$work/clash.err" >&2
  exit 1; }
# The compiler names the culprit: gcc "in expansion of macro 'X'", clang
# "expanded from macro 'X'".
grep -q "macro .HTTP_STATUS_OK" "$work/clash.err" || {
  echo "the errors do not name the clashing macro:" >&2
  cat "$work/clash.err" >&2; exit 1; }

# A clash with a name the enums do not declare (a trait bit) is caught
# by the #error alone.
printf '#define HTTP_STATUS_TRAIT_NO_BODY 1\n#include "http_status.h"\n' \
  > "$work/clash2.c"
if "$cc" -std=c99 -I"$gendir" -c "$work/clash2.c" -o "$work/clash2.o" \
     2>"$work/clash2.err"; then
  echo "a clashing trait macro did not stop the build" >&2
  exit 1
fi
grep -q "is already a macro" "$work/clash2.err" || {
  echo "the #error did not fire for a trait:" >&2
  cat "$work/clash2.err" >&2; exit 1; }
echo "header checks passed"
