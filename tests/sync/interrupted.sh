#!/bin/sh
# Runs interrupted between renames: a forced rename failure at every
# position (the renames before it are undone: every file old), and kill -9
# at random moments of a 50,000-code generation.  After each, the output
# directory holds only complete files, each the old or the new version; a
# .c and .h of different versions fail to build; the next run is never
# blocked and completes the set.
#
#   interrupted.sh STATUSGEN WRITE_DRIVER SOURCE_DIR WORKDIR CC [ROUNDS]
# Environment: STATUSGEN_SEED (the seed of the kill moments; a random one,
# printed as "seed: N", when unset).
set -u
sg=$1 driver=$2 src=$3 work=$4 cc=$5 rounds=${6:-12}
failures=0
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
all="header,source,docs,single"

# version_of DIR/FILE NAME: prints a or b (which reference it equals), or
# "partial" when it is neither.
version_of() {
  if cmp -s "$1" "$work/ref_a/$2"; then echo a
  elif cmp -s "$1" "$work/ref_b/$2"; then echo b
  else echo partial
  fi
}

# check_set DIR STEM WHAT: every file complete; a mixed .c/.h must not
# build; no temporary file may stay after the next run.
check_set() {
  dir=$1 stem=$2 what=$3
  vh=$(version_of "$dir/$stem.h" "$stem.h")
  vc=$(version_of "$dir/$stem.c" "$stem.c")
  for f in "$dir"/*; do
    case $f in *.tmp-*|*.statusgen.lock) continue ;; esac
    v=$(version_of "$f" "$(basename "$f")")
    [ "$v" = partial ] && fail "$what: $(basename "$f") is neither version"
  done
  if [ "$vh" != "$vc" ]; then
    mixed=$((mixed + 1))
    if "$cc" -E -o /dev/null "$dir/$stem.c" 2>"$work/err"; then
      fail "$what: a mixed $stem.c ($vc) and $stem.h ($vh) build together"
    elif ! grep -q "generated from different specs" "$work/err"; then
      fail "$what: a mixed pair fails, but not with the identity #error"
    fi
  fi
}

# --- 1. a rename that fails, at each position -----------------------------
cp "$src/tests/fixtures/mini.yaml" "$work/a.yaml"
sed 's/phrase: Fine$/phrase: Quite Fine/' "$work/a.yaml" >"$work/b.yaml"
"$sg" --emit $all -o "$work/ref_a" "$work/a.yaml" || fail "reference a"
"$sg" --emit $all -o "$work/ref_b" "$work/b.yaml" || fail "reference b"
nfiles=$(ls "$work/ref_a" | wc -l)
mixed=0
k=1
while [ "$k" -le "$nfiles" ]; do
  rm -rf "$work/d" && cp -r "$work/ref_a" "$work/d"
  "$driver" "$work/b.yaml" "$work/d" "$k" ../b.yaml 2>"$work/err"
  [ $? -eq 1 ] || fail "forced failure at rename $k did not fail"
  ls "$work/d" | grep -q '\.tmp-\|statusgen.lock' &&
    fail "rename $k: a temporary or lock file stayed"
  check_set "$work/d" mini "rename $k"
  [ "$(cat "$work/d"/* | cksum)" != "$(cat "$work/ref_a"/* | cksum)" ] &&
    fail "a failure at rename $k changed a file (the renames before it were not undone)"
  "$sg" --emit $all -o "$work/d" "$work/b.yaml" || fail "rerun after rename $k"
  "$sg" --check --emit $all -o "$work/d" "$work/b.yaml" >/dev/null ||
    fail "after rename $k, the rerun did not complete the set"
  k=$((k + 1))
done
[ "$mixed" -eq 0 ] || fail "$mixed failed runs left a mixed .c/.h"
echo "ok: a failure at each of the $nfiles renames left every file as it was"

# --- 2. kill -9 at random moments of a 50,000-code generation -------------
sh "$src/bench/mkspec.sh" 50000 >"$work/a.yaml"
sed 's/^    phrase: Phrase 100$/    phrase: Phrase One Hundred/' "$work/a.yaml" >"$work/b.yaml"
cmp -s "$work/a.yaml" "$work/b.yaml" && fail "the two big specs are the same"
rm -rf "$work/ref_a" "$work/ref_b" "$work/d"
"$sg" --emit header,source -o "$work/ref_a" "$work/a.yaml" || fail "reference a"
"$sg" --emit header,source -o "$work/ref_b" "$work/b.yaml" || fail "reference b"
cp -r "$work/ref_a" "$work/d"
# how long one run takes, in ms, to spread the kills over it
t0=$(date +%s%N)
"$sg" --emit header,source -o "$work/t" "$work/a.yaml"
t1=$(date +%s%N)
run_ms=$(( (t1 - t0) / 1000000 ))
[ "$run_ms" -gt 0 ] || run_ms=1
mixed=0 killed=0 temps_left=0
# The kill moments come from a seed: STATUSGEN_SEED replays a run.
seed=${STATUSGEN_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "seed: $seed"
i=0
cur=a
while [ "$i" -lt "$rounds" ]; do
  next=$([ "$cur" = a ] && echo b || echo a)
  delay=$(awk -v s="$seed" -v i="$i" -v ms="$run_ms" \
    'BEGIN { srand(s + i); printf "%.3f", rand() * ms * 1.1 / 1000 }')
  "$sg" --emit header,source -o "$work/d" "$work/$next.yaml" &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
  wait "$pid" 2>/dev/null
  ls "$work/d" | grep -q '\.tmp-' && temps_left=$((temps_left + 1))
  check_set "$work/d" synth "kill after ${delay}s"
  # the next run is not blocked by what the killed one left
  if ! "$sg" --emit header,source -o "$work/d" "$work/$next.yaml" \
       2>"$work/err"; then
    fail "the run after a kill failed"; cat "$work/err"
  fi
  ls "$work/d" | grep -q '\.tmp-\|statusgen.lock' &&
    fail "a temporary or lock file stayed after the next run"
  [ "$(version_of "$work/d/synth.h" synth.h)$(version_of "$work/d/synth.c" synth.c)" = "$next$next" ] ||
    fail "the run after a kill did not complete the set"
  cur=$next
  i=$((i + 1))
done
echo "ok: $rounds kill -9 runs of 50,000 codes ($killed killed mid-run, $temps_left left temporary files, $mixed left a mixed .c/.h that refused to build); every next run completed the set"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all interrupted-run checks passed"
