#!/bin/sh
# Builds a libFuzzer harness with clang (ASan + UBSan) in its own build
# directory and fuzzes for SECONDS (default 60).  FUZZ_TARGET picks it:
#   spec   (default) fuzz_spec.c: load, validate and emit; corpus in
#          tests/fuzz/corpus, seeded by tests/bad, tests/fixtures, spec/
#   audit  fuzz_audit.c: audit's CSV reader; corpus in
#          tests/fuzz/corpus-audit, seeded by tests/bad-csv and the IANA
#          export in spec/sources
# New interesting inputs go to the target's corpus; crashes to
# tests/fuzz/crashes (turn each into a fixture and fix it).
#   tests/fuzz/run.sh [SECONDS] [extra libFuzzer options...]
# Environment: FUZZ_TARGET, FUZZ_BUILD (build directory, default build-fuzz
# at the top of the source tree), FUZZ_JOBS (parallel fuzzing processes,
# default 1), STATUSGEN_SEED (libFuzzer's -seed; a random one, printed as
# "seed: N", when unset).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
build=${FUZZ_BUILD:-$top/build-fuzz}
jobs=${FUZZ_JOBS:-1}
target=${FUZZ_TARGET:-spec}
case $target in
spec)
    corpus=$here/corpus
    seeds="$top/tests/bad $top/tests/fixtures $top/spec"
    dict="-dict=$here/yaml.dict" ;;
audit)
    corpus=$here/corpus-audit
    seeds="$top/tests/bad-csv $top/spec/sources"
    dict="" ;;
*)
    echo "run.sh: FUZZ_TARGET must be spec or audit, not '$target'" >&2
    exit 2 ;;
esac
fuzzer=$build/fuzz_$target
mkdir -p "$build" "$corpus" "$here/crashes"
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -D_XOPEN_SOURCE=700 -I$top/generator"
# Every stage of the generator but its main().
srcs=""
for f in "$top"/generator/*.c; do
    [ "$(basename "$f")" = main.c ] || srcs="$srcs $f"
done
# shellcheck disable=SC2086
clang -std=c99 $flags -o "$fuzzer" "$here/fuzz_$target.c" $srcs \
    $(pkg-config --cflags --libs yaml-0.1)
seed=${STATUSGEN_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "seed: $seed"
echo "fuzzing for $secs s with $jobs job(s): $fuzzer"
# New inputs go to a scratch directory first; at the end they are merged
# into the corpus, which keeps only inputs that add coverage.
new="$build/corpus-new-$target"
mkdir -p "$new"
if [ "$jobs" -gt 1 ]; then
    par="-jobs=$jobs -workers=$jobs"
else
    par=""
fi
status=0
# $dict, $par and $seeds are split into words on purpose (the source
# tree's path must not contain blanks).
# shellcheck disable=SC2086
"$fuzzer" -max_total_time="$secs" -max_len=131072 \
    -seed="$seed" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$here/crashes/" $dict $par "$@" \
    "$new" "$corpus" $seeds || status=$?
"$fuzzer" -merge=1 -max_len=131072 -timeout=10 \
    -rss_limit_mb=2048 "$corpus" "$new" >"$build/merge-$target.log" 2>&1 ||
    echo "merge failed: see $build/merge-$target.log" >&2
rm -rf "$new"
exit $status
