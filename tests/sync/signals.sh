#!/bin/sh
# SIGINT, SIGTERM and SIGHUP at chosen moments of a write of every output
# (write_driver's hook sends the signal, so the moment is exact):
#   - just after any temporary file is made, or just before the first
#     rename: the run dies of the signal, every output as it was;
#   - just before any later rename: the renames finish, then the run dies
#     of the signal with every output new;
#   - either way no temporary file, backup or lock file is left;
#   - a signal ignored at the start (nohup, trap '' SIG) stays ignored and
#     the run completes.
#
#   signals.sh STATUSGEN WRITE_DRIVER SOURCE_DIR WORKDIR
set -u
sg=$1 driver=$2 src=$3 work=$4
failures=0 cases=0
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
all="header,source,docs,single"

cp "$src/tests/fixtures/mini.yaml" "$work/a.yaml"
sed 's/phrase: Fine$/phrase: Quite Fine/' "$work/a.yaml" >"$work/b.yaml"
"$sg" --emit $all -o "$work/ref_a" "$work/a.yaml" || fail "reference a"
"$sg" --emit $all -o "$work/ref_b" "$work/b.yaml" || fail "reference b"
nfiles=$(ls "$work/ref_a" | wc -l)
sum() { cat "$1"/* | cksum; }

# expect WHAT VERSION STATUS: d holds exactly ref_VERSION's files, nothing
# else, and the driver ended with STATUS.
expect() {
  cases=$((cases + 1))
  [ "$rc" -eq "$3" ] || fail "$1: exit status $rc, not $3"
  left=$(ls -A "$work/d" | grep -v -x -F "$(ls "$work/ref_a")")
  [ -z "$left" ] && [ "$(ls "$work/d" | wc -l)" -eq "$nfiles" ] ||
    fail "$1: left $(echo $left)"
  [ "$(sum "$work/d")" = "$(sum "$work/ref_$2")" ] ||
    fail "$1: not every output is version $2"
}

# (the XSI numbers: dash's kill -l gives no number for a name)
signum() { case $1 in HUP) echo 1 ;; INT) echo 2 ;; TERM) echo 15 ;; esac; }

# SIGTERM at every point; SIGINT and SIGHUP on both sides of the first
# rename.
before=$failures
for name in TERM INT HUP; do
  num=$(signum "$name")
  k=1
  last=$nfiles
  [ "$name" = TERM ] || last=2
  while [ "$k" -le "$last" ]; do
    if [ "$name" = TERM ]; then
      rm -rf "$work/d" && cp -r "$work/ref_a" "$work/d"
      "$driver" "$work/b.yaml" "$work/d" 0 ../b.yaml "temp:$k:$num" 2>/dev/null
      rc=$?
      expect "SIG$name after temporary file $k" a $((128 + num))
    fi
    rm -rf "$work/d" && cp -r "$work/ref_a" "$work/d"
    "$driver" "$work/b.yaml" "$work/d" 0 ../b.yaml "rename:$k:$num" 2>/dev/null
    rc=$?
    if [ "$k" -eq 1 ]; then
      expect "SIG$name before the first rename" a $((128 + num))
    else
      expect "SIG$name before rename $k" b $((128 + num))
    fi
    k=$((k + 1))
  done
done
[ "$failures" -eq "$before" ] &&
  echo "ok: $cases signalled runs, each all old or all new, nothing left behind"

# Ignored at the start: the run completes.
before=$failures
for name in INT TERM HUP; do
  num=$(signum "$name")
  for where in temp:1 rename:2; do
    rm -rf "$work/d" && cp -r "$work/ref_a" "$work/d"
    (trap '' "$name"; exec "$driver" "$work/b.yaml" "$work/d" 0 ../b.yaml \
      "$where:$num")
    rc=$?
    expect "SIG$name ignored, sent at $where" b 0
  done
done
[ "$failures" -eq "$before" ] &&
  echo "ok: an ignored SIGINT, SIGTERM or SIGHUP does not stop the run"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all signal checks passed"
