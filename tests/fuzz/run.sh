#!/bin/sh
# Builds the libFuzzer harness with clang (ASan + UBSan) in its own build
# directory and fuzzes for SECONDS (default 60).  New interesting inputs go
# to tests/fuzz/corpus; crashes to tests/fuzz/crashes (turn each into a
# fixture under tests/bad/ or tests/fuzz/corpus and fix it).
#   tests/fuzz/run.sh [SECONDS] [extra libFuzzer options...]
# Environment: FUZZ_BUILD (build directory, default build-fuzz at the top
# of the source tree), FUZZ_JOBS (parallel fuzzing processes, default 1).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
build=${FUZZ_BUILD:-$top/build-fuzz}
jobs=${FUZZ_JOBS:-1}
mkdir -p "$build" "$here/corpus" "$here/crashes"
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -D_XOPEN_SOURCE=700 -I$top/generator"
# Every stage of the generator but its main().
srcs=""
for f in "$top"/generator/*.c; do
    [ "$(basename "$f")" = main.c ] || srcs="$srcs $f"
done
# shellcheck disable=SC2086
clang -std=c99 $flags -o "$build/fuzz_spec" "$here/fuzz_spec.c" $srcs \
    $(pkg-config --cflags --libs yaml-0.1)
echo "fuzzing for $secs s with $jobs job(s): $build/fuzz_spec"
# New inputs go to a scratch directory first; at the end they are merged
# into corpus/, which keeps only inputs that add coverage.  The fixtures
# and the real spec are the seeds.
new="$build/corpus-new"
mkdir -p "$new"
if [ "$jobs" -gt 1 ]; then
    par="-jobs=$jobs -workers=$jobs"
else
    par=""
fi
status=0
# shellcheck disable=SC2086
"$build/fuzz_spec" -max_total_time="$secs" -max_len=131072 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$here/crashes/" -dict="$here/yaml.dict" $par "$@" \
    "$new" "$here/corpus" "$top/tests/bad" "$top/tests/fixtures" \
    "$top/spec" || status=$?
"$build/fuzz_spec" -merge=1 -max_len=131072 -timeout=10 \
    -rss_limit_mb=2048 "$here/corpus" "$new" >"$build/merge.log" 2>&1 ||
    echo "merge failed: see $build/merge.log" >&2
rm -rf "$new"
exit $status
