#!/bin/sh
# Bad registry exports for `statusgen audit`: each tests/bad-csv/NAME.csv
# must make audit exit 2 with exactly the messages of NAME.err, and leave
# nothing behind.  too-large.csv is made here (a sparse 65 MiB file).
#
#   run.sh STATUSGEN [NAME | all]
set -u
sg=$1 which=${2:-all}
case $sg in /*) ;; *) sg=$PWD/$sg ;; esac # the cases run elsewhere
here=$(cd "$(dirname "$0")" && pwd)
spec=$here/../fixtures/mini.yaml
scratch=$(mktemp -d "${TMPDIR:-/tmp}/statusgen-badcsv.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT
failures=0 n=0
if [ "$which" = all ]; then
  cases=$(cd "$here" && ls *.err | sed 's/\.err$//')
else
  cases=$which
fi
for c in $cases; do
  n=$((n + 1))
  if [ "$c" = too-large ]; then
    truncate -s 65M "$scratch/too-large.csv"
  else
    cp "$here/$c.csv" "$scratch/$c.csv"
  fi
  (cd "$scratch" && "$sg" audit --iana "$c.csv" "$spec" >out 2>err)
  rc=$?
  if [ "$rc" -ne 2 ]; then
    echo "FAIL $c: exit $rc, expected 2"; sed 's/^/  | /' "$scratch/err"
    failures=$((failures + 1))
  elif [ -s "$scratch/out" ]; then
    echo "FAIL $c: a report on standard output"; failures=$((failures + 1))
  elif ! cmp -s "$scratch/err" "$here/$c.err"; then
    echo "FAIL $c: standard error differs from $c.err:"
    diff "$here/$c.err" "$scratch/err"
    failures=$((failures + 1))
  fi
  rm -f "$scratch/$c.csv"
done
echo "$n case(s), $failures failure(s)"
[ "$failures" -eq 0 ]
