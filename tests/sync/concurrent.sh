#!/bin/sh
# Concurrent runs with two specs into one directory always end with one
# spec's complete set (the directory lock makes them take turns), and
# leave no temporary or lock file.
#
#   concurrent.sh STATUSGEN SOURCE_DIR WORKDIR [ROUNDS]
set -u
sg=$1 src=$2 work=$3 rounds=${4:-20}
failures=0
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
all="header,source,docs,single"

sh "$src/bench/mkspec.sh" 5000 >"$work/a.yaml"
sed 's/^    phrase: Phrase 100$/    phrase: Phrase One Hundred/' "$work/a.yaml" >"$work/b.yaml"
"$sg" --emit $all -o "$work/ref_a" "$work/a.yaml" || fail "reference a"
"$sg" --emit $all -o "$work/ref_b" "$work/b.yaml" || fail "reference b"
sum() { (cd "$1" && cat synth.h synth.c synth_single.h synth.en.md | cksum); }
sum_a=$(sum "$work/ref_a") sum_b=$(sum "$work/ref_b")
[ "$sum_a" != "$sum_b" ] || fail "the two specs give the same files"

ends_a=0 ends_b=0 waits=0
i=0
while [ "$i" -lt "$rounds" ]; do
  rm -rf "$work/d"
  for v in a b a b; do
    "$sg" --emit $all -o "$work/d" "$work/$v.yaml" 2>>"$work/err.$i" &
  done
  wait
  grep -q "waiting for" "$work/err.$i" && waits=$((waits + 1))
  grep -v "waiting for" "$work/err.$i" | grep -q . &&
    { fail "round $i: a run reported an error"; cat "$work/err.$i"; }
  got=$(sum "$work/d")
  if [ "$got" = "$sum_a" ]; then ends_a=$((ends_a + 1))
  elif [ "$got" = "$sum_b" ]; then ends_b=$((ends_b + 1))
  else fail "round $i: the directory holds files of both specs"
  fi
  [ "$(ls -A "$work/d" | wc -l)" -eq 4 ] ||
    fail "round $i: other files stayed: $(ls -A "$work/d" | tr '\n' ' ')"
  i=$((i + 1))
done
echo "ok: $rounds rounds of 4 concurrent runs: $ends_a ended with spec a's set, $ends_b with b's, runs waited for the lock in $waits"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all concurrency checks passed"
