#!/bin/sh
# The single header's linkage switches (stb style):
#  - HTTP_STATUS_STATIC: two files of one program each include the
#    implementation as static; they build without a warning under -Wall
#    -Wextra -Wpedantic -Werror (C89 with -pedantic-errors, C99, C++98,
#    C++17: no "defined but not used" for the lookups a file does not
#    call), link without a multiple definition, and run;
#  - HTTP_STATUS_API: a shared object built with -fvisibility=hidden
#    exports the lookups when the decoration makes them visible, and
#    none without it.
#
#   run.sh STATUSGEN COMPILER SOURCE_DIR WORKDIR
set -eu
tool=$1 cc=$2 src=$3 work=$4
here=$src/tests/static_single
rm -rf "$work" && mkdir -p "$work"
"$tool" --emit single -o "$work" "$src/spec/http_status.yaml"
for std in "-std=c89 -pedantic-errors" -std=c99 "-x c++ -std=c++98" \
           "-x c++ -std=c++17"; do
  for tu in first second; do
    # shellcheck disable=SC2086 # std is words
    "$cc" $std -Wall -Wextra -Wpedantic -Werror -Wunused-function \
      -I"$work" -c "$here/$tu.c" -o "$work/$tu.o"
  done
  "$cc" -o "$work/prog" "$work/first.o" "$work/second.o"
  "$work/prog"
  echo "HTTP_STATUS_STATIC, $cc $std: two files, no warning, linked, ran"
done

command -v nm >/dev/null 2>&1 || { echo "no nm: API check skipped"; exit 0; }
for api in with without; do
  def=""
  [ $api = without ] && def="-DHTTP_STATUS_API=extern"
  # shellcheck disable=SC2086
  "$cc" -std=c99 -Wall -Wextra -Werror -fPIC -fvisibility=hidden $def \
    -I"$work" -c "$here/api.c" -o "$work/api-$api.o"
  "$cc" -shared -o "$work/libapi-$api.so" "$work/api-$api.o"
  if nm -D --defined-only "$work/libapi-$api.so" |
       grep -q ' T http_status_reason$'; then got=with; else got=without; fi
  if [ $got != $api ]; then
    echo "FAIL: HTTP_STATUS_API $api a visibility: http_status_reason" \
         "exported: $got" >&2
    exit 1
  fi
done
echo "HTTP_STATUS_API: the decoration reaches every definition"
