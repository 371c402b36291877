#!/bin/sh
# Builds the libFuzzer harness of `statusgen audit` (fuzz_audit.c) with
# clang (ASan + UBSan) and fuzzes CSV input for SECONDS (default 60).  New
# interesting inputs go to tests/fuzz/corpus-audit; crashes to
# tests/fuzz/crashes.  Seeds: tests/bad-csv and the IANA export.
#   tests/fuzz/run_audit.sh [SECONDS] [extra libFuzzer options...]
# Environment: FUZZ_BUILD (build directory, default build-fuzz at the top
# of the source tree), FUZZ_JOBS (parallel fuzzing processes, default 1).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
build=${FUZZ_BUILD:-$top/build-fuzz}
jobs=${FUZZ_JOBS:-1}
mkdir -p "$build" "$here/corpus-audit" "$here/crashes"
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -D_XOPEN_SOURCE=700 -I$top/generator"
# Every stage of the generator but its main().
srcs=""
for f in "$top"/generator/*.c; do
    [ "$(basename "$f")" = main.c ] || srcs="$srcs $f"
done
# shellcheck disable=SC2086
clang -std=c99 $flags -o "$build/fuzz_audit" "$here/fuzz_audit.c" $srcs \
    $(pkg-config --cflags --libs yaml-0.1)
echo "fuzzing for $secs s with $jobs job(s): $build/fuzz_audit"
# New inputs go to a scratch directory first; at the end they are merged
# into corpus-audit/, which keeps only inputs that add coverage.  The bad
# CSV cases and the IANA export are the seeds.
new="$build/corpus-new"
mkdir -p "$new"
if [ "$jobs" -gt 1 ]; then
    par="-jobs=$jobs -workers=$jobs"
else
    par=""
fi
status=0
# shellcheck disable=SC2086
"$build/fuzz_audit" -max_total_time="$secs" -max_len=131072 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$here/crashes/" $par "$@" \
    "$new" "$here/corpus-audit" "$top/tests/bad-csv" \
    "$top/spec/sources" || status=$?
"$build/fuzz_audit" -merge=1 -max_len=131072 -timeout=10 \
    -rss_limit_mb=2048 "$here/corpus-audit" "$new" >"$build/merge.log" 2>&1 ||
    echo "merge failed: see $build/merge.log" >&2
rm -rf "$new"
exit $status
