#!/bin/sh
# SPDX-License-Identifier: MIT
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
cmake --build "$B/gen" -j2 --target statusgen_generator >>"$B/cmake.log" 2>&1 ||
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
# The lookup driver, once per compiler at hand (gcc and clang lower the
# same switch differently): $B/<cc>/lookup_bench.
LOOKUP_CCS=${LOOKUP_CCS:-gcc clang}
ccs=""
for lc in $LOOKUP_CCS; do
    have "$lc" && ccs="$ccs $lc"
done
[ -n "$ccs" ] || ccs=$CC
if [ -f "$MHD_A" ]; then
    (cd "$B" && ar x "$MHD_A" libmicrohttpd_la-reason_phrase.o)
else
    echo "note: $MHD_A not found (apt-get install libmicrohttpd-dev):" \
         "no libmicrohttpd rows" >&2
fi
have gperf || echo "note: gperf not found: no gperf rows" >&2
for lc in $ccs; do
    L="$B/$lc"
    mkdir -p "$L"
    $lc $OPT $WARN $I -c -o "$L/http_status.o" "$HS"
    $lc $OPT $WARN $I -c -o "$L/naive.o" "$here/naive.c"
    $lc $OPT $WARN $I -c -o "$L/floor.o" "$here/floor.c"
    objs="$L/http_status.o $L/naive.o $L/floor.o"
    defs=""
    if [ -f "$B/libmicrohttpd_la-reason_phrase.o" ]; then
        objs="$objs $B/libmicrohttpd_la-reason_phrase.o"
        defs="$defs -DBENCH_HAVE_MHD"
    fi
    if have gperf; then
        $lc $OPT $WARN $I -o "$L/gperf_keys" "$here/gperf_keys.c"
        for what in reason name; do
            "$L/gperf_keys" $what > "$L/$what.gperf"
            gperf "$L/$what.gperf" > "$L/gperf_$what.c"
            $lc $OPT $WARN -Wno-missing-field-initializers -c \
                -o "$L/gperf_$what.o" "$L/gperf_$what.c"
            objs="$objs $L/gperf_$what.o"
        done
        defs="$defs -DBENCH_HAVE_GPERF"
    fi
    $lc $OPT $WARN $I $defs -c -o "$L/lookup_bench.o" "$here/lookup_bench.c"
    $lc -o "$L/lookup_bench" "$L/lookup_bench.o" $objs
    printf '%s: ' "$lc" >&2
    "$L/lookup_bench" check "$N" >&2
done
set -- $ccs
first_cc=$1
$CC $OPT $WARN $I -c -o "$B/http_status.o" "$HS"

# --- machine -------------------------------------------------------------
model=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
say "machine: ${model:-unknown CPU}, $(nproc 2>/dev/null || echo '?') CPUs;" \
    "$($CC --version | head -n 1); $OPT"
[ "$quick" = 1 ] && say "(--quick: smoke run on small inputs, numbers not meaningful)"
say ""

# --- 1. lookups ----------------------------------------------------------
say "1. Lookups: instructions per call (callgrind, inclusive of callees),"
say "   $N calls over the fixed mix (90% common codes, 10% uniform 0..999),"
say "   $OPT, one column per compiler (libmicrohttpd's object is Debian's)"
say ""
count() { # count CC MODE FN: instructions per call, or n/a
    if have valgrind; then
        valgrind --tool=callgrind --callgrind-out-file="$B/$1/cg.$2" \
            --toggle-collect="$3" "$B/$1/lookup_bench" "$2" "$N" \
            >/dev/null 2>"$B/$1/cg.$2.log" ||
            { cat "$B/$1/cg.$2.log" >&2; exit 1; }
        awk -v n="$N" '/^totals:/ { printf "%.2f", $2 / n }' "$B/$1/cg.$2"
    else
        "$B/$1/lookup_bench" "$2" "$N" >/dev/null
        printf 'n/a'
    fi
}
have valgrind ||
    echo "note: valgrind not found: running the lookups without counting" >&2
line=$(printf '%-18s %-26s' "mode" "function")
for lc in $ccs; do line="$line$(printf ' %9s' "$lc")"; done
say "$line"
"$B/$first_cc/lookup_bench" list > "$B/modes.txt"
: > "$B/counts.txt"
while read -r mode fn; do
    line=$(printf '%-18s %-26s' "$mode" "$fn")
    vals="$mode"
    for lc in $ccs; do
        v=$(count "$lc" "$mode" "$fn")
        line="$line$(printf ' %9s' "$v")"
        vals="$vals $v"
    done
    say "$line"
    echo "$vals" >> "$B/counts.txt"
done < "$B/modes.txt"
say ""
# The targets as ratios: each lookup by code against libmicrohttpd's
# reason lookup and against the hand-written floor, each string lookup
# against gperf's, per compiler.
say "   ratios (per compiler: to libmicrohttpd, to the floor; to gperf)"
say ""
line=$(printf '%-18s' "mode")
for lc in $ccs; do line="$line$(printf ' %15s' "$lc")"; done
say "$line"
awk -v nc="$#" '
    { for (i = 2; i <= nc + 1; i++) v[$1, i] = $i; m[++k] = $1 }
    END {
        for (j = 1; j <= k; j++) {
            mode = m[j]; line = sprintf("%-18s", mode)
            if (mode ~ /^(reason|name|traits|is_known|class_of|description|description_zh)$/) {
                f = mode; sub(/_zh$/, "", f)
                for (i = 2; i <= nc + 1; i++) {
                    mhd = v["mhd_reason", i]; fl = v["floor_" f, i]
                    line = line sprintf("   %5s / %5s",
                        mhd > 0 ? sprintf("%.3f", v[mode, i] / mhd) : "-",
                        fl > 0 ? sprintf("%.2f", v[mode, i] / fl) : "-")
                }
            } else if (mode ~ /^from_(name|reason)$/) {
                for (i = 2; i <= nc + 1; i++) {
                    g = v["gperf_" mode, i]
                    line = line sprintf(" %15s",
                        g > 0 ? sprintf("%.3f", v[mode, i] / g) : "-")
                }
            } else continue
            print line
        }
    }' "$B/counts.txt" | tee -a "$out"
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
ncodes=$(grep -c '^    X_*(' "$B/http/http_status.h" || true)
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
