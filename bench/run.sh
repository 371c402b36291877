#!/bin/sh
# bench/run.sh [--quick] - builds the benchmarks, runs them, prints the
# results table (also saved as $BENCH_DIR/results.txt).
#
#   --quick   build everything and run each part once on a small input
#             (10,000 lookups, 100-entry spec): a smoke test for CI that
#             fails only when something does not build or run; the numbers
#             it prints mean nothing.
#
# Needs: cc, cmake, pkg-config + libyaml (the generator); valgrind for the
# instruction counts; optional: libmicrohttpd-dev (its libmicrohttpd.a) and
# gperf, whose rows are left out when missing.  Builds into $BENCH_DIR
# (default ${TMPDIR:-/tmp}/statusgen-bench-<checksum of this checkout's
# path>, so two checkouts never share a build), never into the source tree.
set -eu

quick=0
case "${1:-}" in
    --quick) quick=1 ;;
    "") ;;
    *) echo "usage: bench/run.sh [--quick]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
B=${BENCH_DIR:-${TMPDIR:-/tmp}/statusgen-bench-$(printf '%s' "$top" | cksum | cut -d' ' -f1)}
CC=${CC:-cc}
OPT="-O2"
WARN="-Wall -Wextra"
MHD_A=${MHD_A:-/usr/lib/x86_64-linux-gnu/libmicrohttpd.a}
if [ "$quick" = 1 ]; then
    N=10000; SIZES="100"; COMPILE_SIZES="100"; RUNS=1
else
    N=1000000; SIZES="100 1000 10000 100000"; COMPILE_SIZES="1000 10000"
    RUNS=5
fi
mkdir -p "$B"
out="$B/results.txt"
: > "$out"
say() { printf '%s\n' "$*" | tee -a "$out"; }
have() { command -v "$1" >/dev/null 2>&1; }

# --- build ---------------------------------------------------------------
echo "building into $B ..." >&2
cmake -S "$top" -B "$B/gen" -DCMAKE_BUILD_TYPE=Release \
    -DSTATUSGEN_TESTS=OFF >"$B/cmake.log" 2>&1 ||
    { cat "$B/cmake.log" >&2; exit 1; }
cmake --build "$B/gen" -j2 --target statusgen >>"$B/cmake.log" 2>&1 ||
    { cat "$B/cmake.log" >&2; exit 1; }
G="$B/gen/generator/statusgen"
YAML_CFLAGS=$(pkg-config --cflags yaml-0.1)
YAML_LIBS=$(pkg-config --libs yaml-0.1)

# The HTTP registry as the generator makes it now.
mkdir -p "$B/http"
"$G" --emit header,source -o "$B/http" "$top/spec/http_status.yaml"
HS="$B/http/http_status.c"
I="-I$B/http -I$here"

$CC $OPT $WARN -std=c99 -o "$B/timeit" "$here/timeit.c"
$CC $OPT $WARN -std=c99 $YAML_CFLAGS -o "$B/parse_floor" \
    "$here/parse_floor.c" $YAML_LIBS
$CC $OPT $WARN $I -c -o "$B/http_status.o" "$HS"
$CC $OPT $WARN $I -c -o "$B/naive.o" "$here/naive.c"
objs="$B/http_status.o $B/naive.o"
defs=""
if [ -f "$MHD_A" ]; then
    (cd "$B" && ar x "$MHD_A" libmicrohttpd_la-reason_phrase.o)
    objs="$objs $B/libmicrohttpd_la-reason_phrase.o"
    defs="$defs -DBENCH_HAVE_MHD"
else
    echo "note: $MHD_A not found (apt-get install libmicrohttpd-dev):" \
         "no libmicrohttpd rows" >&2
fi
if have gperf; then
    $CC $OPT $WARN $I -o "$B/gperf_keys" "$here/gperf_keys.c"
    "$B/gperf_keys" > "$B/reason.gperf"
    gperf "$B/reason.gperf" > "$B/gperf_reason.c"
    $CC $OPT $WARN -Wno-missing-field-initializers -c \
        -o "$B/gperf_reason.o" "$B/gperf_reason.c"
    objs="$objs $B/gperf_reason.o"
    defs="$defs -DBENCH_HAVE_GPERF"
else
    echo "note: gperf not found: no gperf row" >&2
fi
$CC $OPT $WARN $I $defs -c -o "$B/lookup_bench.o" "$here/lookup_bench.c"
$CC -o "$B/lookup_bench" "$B/lookup_bench.o" $objs
"$B/lookup_bench" check "$N" >&2

# --- machine -------------------------------------------------------------
model=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
say "machine: ${model:-unknown CPU}, $(nproc 2>/dev/null || echo '?') CPUs;" \
    "$($CC --version | head -n 1); $OPT"
[ "$quick" = 1 ] && say "(--quick: smoke run on small inputs, numbers not meaningful)"
say ""

# --- 1. lookups ----------------------------------------------------------
say "1. Lookups: instructions per call (callgrind, inclusive of callees),"
say "   $N calls over the fixed mix (90% common codes, 10% uniform 0..999)"
say ""
printf '%-20s %-28s %12s\n' "mode" "function" "instr/call" | tee -a "$out"
if have valgrind; then
    "$B/lookup_bench" list | while read -r mode fn; do
        valgrind --tool=callgrind --callgrind-out-file="$B/cg.$mode" \
            --toggle-collect="$fn" "$B/lookup_bench" "$mode" "$N" \
            >/dev/null 2>"$B/cg.$mode.log" ||
            { cat "$B/cg.$mode.log" >&2; exit 1; }
        awk -v n="$N" -v m="$mode" -v f="$fn" '/^totals:/ {
            printf "%-20s %-28s %12.2f\n", m, f, $2 / n }' "$B/cg.$mode" |
            tee -a "$out"
    done
else
    echo "note: valgrind not found: running the lookups without counting" >&2
    "$B/lookup_bench" list | while read -r mode fn; do
        "$B/lookup_bench" "$mode" "$N" >/dev/null
        printf '%-20s %-28s %12s\n' "$mode" "$fn" "n/a" | tee -a "$out"
    done
fi
say ""

# --- 2. size and relocations ---------------------------------------------
# Phrase lookup alone: compile with one section per function and object,
# keep only what the lookup function reaches (ld -r --gc-sections -u FN),
# sum .text*, .rodata*, .data* (no .eh_frame, .comment, notes).
sum_sections() {
    size -A "$1" | awk '$1 ~ /^\.(text|rodata|data)/ { s += $2 } END { print s + 0 }'
}
relocs() {
    readelf -rW "$1" | grep -c 'R_X86_64\|R_AARCH64\|R_386\|R_ARM' || true
}
printf '' | $CC -shared -fPIC -x c -o "$B/empty.so" -
base_rel=$(relocs "$B/empty.so")
$CC $OPT -fPIC -ffunction-sections -fdata-sections $I -c \
    -o "$B/hs_sections.o" "$HS"
ld -r --gc-sections -u http_status_reason -o "$B/hs_reason.o" \
    "$B/hs_sections.o"
$CC $OPT -fPIC -shared $I -o "$B/http_status.so" "$HS"
ncodes=$(grep -c '^    X(' "$B/http/http_status.h" || true)
say "2. Size (bytes of .text + .rodata + .data) and dynamic relocations"
say "   (readelf -r of a shared object, minus the $base_rel the toolchain"
say "   puts in an empty one)"
say ""
printf '%-44s %8s %8s %7s\n' "object" "phrases" "bytes" "relocs" | tee -a "$out"
printf '%-44s %8s %8s %7s\n' "http_status_reason only (gc-sections)" \
    "$ncodes" "$(sum_sections "$B/hs_reason.o")" "-" | tee -a "$out"
printf '%-44s %8s %8s %7s\n' "whole http_status.c (all texts, 3 languages)" \
    "$ncodes" "$(sum_sections "$B/http_status.o")" \
    "$(( $(relocs "$B/http_status.so") - base_rel ))" | tee -a "$out"
if [ -f "$B/libmicrohttpd_la-reason_phrase.o" ]; then
    M="$B/libmicrohttpd_la-reason_phrase.o"
    ld -r --gc-sections -u MHD_get_reason_phrase_for -o "$B/mhd_reason.o" "$M"
    $CC -shared -o "$B/mhd_reason.so" "$M"
    printf '%-44s %8s %8s %7s\n' "libmicrohttpd reason_phrase.o" "65" \
        "$(sum_sections "$B/mhd_reason.o")" \
        "$(( $(relocs "$B/mhd_reason.so") - base_rel ))" | tee -a "$out"
    printf '%-44s %8s %8s %7s\n' "  (the same, size -A total with .eh_frame)" \
        "65" "$(size -A "$M" | awk '/^Total/ { print $2 }')" "" | tee -a "$out"
fi
say ""

# --- 3. generator scaling ------------------------------------------------
say "3. Generator: best wall time of $RUNS runs and peak RSS, beside the"
say "   libyaml parse-only loop over the same spec (the floor)"
say ""
printf '%8s %10s %10s %10s %10s %10s %7s\n' "entries" "spec KiB" \
    "floor s" "floor KiB" "gen s" "gen KiB" "ratio" | tee -a "$out"
mkdir -p "$B/synth"
for n in $SIZES; do
    spec="$B/synth/s$n.yaml"
    sh "$here/mkspec.sh" "$n" > "$spec"
    rm -rf "$B/synth/o$n"
    mkdir -p "$B/synth/o$n"
    fl=$("$B/timeit" "$RUNS" "$B/parse_floor" "$spec")
    gn=$("$B/timeit" "$RUNS" "$G" -o "$B/synth/o$n" "$spec")
    kib=$(( $(wc -c < "$spec") / 1024 ))
    echo "$n $kib $fl $gn" | awk '{
        printf "%8d %10d %10.3f %10d %10.3f %10d %7.1f\n",
            $1, $2, $3, $4, $5, $6, ($3 > 0 ? $5 / $3 : 0) }' | tee -a "$out"
done
say ""
say "   Compile time of the generated synth.c ($CC $OPT -c), best of $RUNS"
say ""
printf '%8s %10s %10s %10s\n' "entries" ".c KiB" "seconds" "peak KiB" | tee -a "$out"
for n in $COMPILE_SIZES; do
    if [ ! -f "$B/synth/o$n/synth.c" ]; then
        sh "$here/mkspec.sh" "$n" > "$B/synth/s$n.yaml"
        mkdir -p "$B/synth/o$n"
        "$G" -o "$B/synth/o$n" "$B/synth/s$n.yaml"
    fi
    ct=$("$B/timeit" "$RUNS" $CC $OPT -I"$B/synth/o$n" -c \
        -o "$B/synth/o$n/synth.o" "$B/synth/o$n/synth.c")
    echo "$n $(( $(wc -c < "$B/synth/o$n/synth.c") / 1024 )) $ct" |
        awk '{ printf "%8d %10d %10.2f %10d\n", $1, $2, $3, $4 }' |
        tee -a "$out"
done
say ""
say "results saved in $out"
