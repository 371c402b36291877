#!/bin/sh
# bench/compat.sh [--quick] - times `statusgen compat` on large synthetic
# specs: many codes, many reserved codes and names, or both.
#
# Each row compares OLD (C codes, R reserved codes, R reserved names) with
# NEW, the same spec with its last code retired (its number moved to
# reserved:, its name to reserved_names:), a compatible change, so every
# lookup compat makes runs and it exits 0.  Printed: best wall time of RUNS
# runs and peak RSS (timeit), beside the time the generator takes to load
# and validate the two specs alone (two `--list-outputs` runs, the floor
# compat cannot go below).
#
#   --quick   small specs, one run: a smoke test, numbers mean nothing
#
# Builds the generator into $BENCH_DIR like run.sh (or uses $STATUSGEN).
# POSIX sh + awk; needs cc, cmake, pkg-config + libyaml.
set -eu

quick=0
case "${1:-}" in
    --quick) quick=1 ;;
    "") ;;
    *) echo "usage: bench/compat.sh [--quick]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
B=${BENCH_DIR:-${TMPDIR:-/tmp}/statusgen-bench-$(printf '%s' "$top" | cksum | cut -d' ' -f1)}
CC=${CC:-cc}
if [ "$quick" = 1 ]; then
    ROWS="100:100 1000:1000"; RUNS=1
else
    ROWS="1000:100000 100000:0 100000:100000"; RUNS=${RUNS:-5}
fi
mkdir -p "$B/compat"

if [ -n "${STATUSGEN:-}" ]; then
    G=$STATUSGEN
else
    echo "building into $B ..." >&2
    cmake -S "$top" -B "$B/gen" -DCMAKE_BUILD_TYPE=Release \
        -DSTATUSGEN_TESTS=OFF >"$B/cmake.log" 2>&1 ||
        { cat "$B/cmake.log" >&2; exit 1; }
    cmake --build "$B/gen" -j2 --target statusgen_generator \
        >>"$B/cmake.log" 2>&1 || { cat "$B/cmake.log" >&2; exit 1; }
    G="$B/gen/generator/statusgen"
fi
$CC -O2 -std=c99 -o "$B/timeit" "$here/timeit.c"

# mkspec C R RETIRE: codes 100, 107, ... (C of them, names C_000100, ...),
# reserved codes 103, 110, ... (R of them, never a code's number) and
# their names R_000103, ...; RETIRE=1 retires the last code as well.
mkspec() {
    awk -v n="$1" -v r="$2" -v retire="$3" 'BEGIN {
        print "statusgen: 1"
        print "registry:"
        print "  name: synth"
        print "  macro: SYNTH"
        print "  range: [0, 999999]"
        print "  languages: [en]"
        print "classes:"
        print "  - {name: LOW, range: [0, 499999]}"
        print "  - {name: HIGH, range: [500000, 999999]}"
        print "traits:"
        print "  - {name: TENTH}"
        last = 100 + 7 * (n - 1)
        printf "reserved: ["
        for (i = 0; i < r; i++)
            printf "%s%d", (i ? ", " : ""), 103 + 7 * i
        if (retire)
            printf "%s%d", (r ? ", " : ""), last
        print "]"
        printf "reserved_names: ["
        for (i = 0; i < r; i++)
            printf "%sR_%06d", (i ? ", " : ""), 103 + 7 * i
        if (retire)
            printf "%sC_%06d", (r ? ", " : ""), last
        print "]"
        print "codes:"
        for (i = 0; i < n - retire; i++) {
            code = 100 + 7 * i
            printf "  - {code: %d, name: C_%06d, phrase: Phrase %d", code, code, code
            if (i % 10 == 0)
                printf ", traits: [TENTH]"
            printf ", description: {en: \"Synthetic code %d.\"}}\n", code
        }
    }'
}

say() { printf '%s\n' "$*" | tee -a "$B/compat/results.txt"; }

# cpu COMMAND...: the least user + system CPU seconds of RUNS runs (GNU
# time; "-" without it).  On a shared machine it moves less than the
# wall time.
cpu() {
    [ -x /usr/bin/time ] || { echo -; return; }
    best=""
    i=0
    while [ $i -lt "$RUNS" ]; do
        /usr/bin/time -f '%U %S' -o "$B/compat/time" "$@" >/dev/null 2>&1 ||
            { echo "$* failed" >&2; exit 1; }
        t=$(awk '{ printf "%.2f", $1 + $2 }' "$B/compat/time")
        if [ -z "$best" ]; then
            best=$t
        else
            best=$(echo "$best $t" | awk '{ print ($2 < $1) ? $2 : $1 }')
        fi
        i=$((i + 1))
    done
    echo "$best"
}
: >"$B/compat/results.txt"
say "statusgen compat: best wall time and CPU time (user + system) of $RUNS"
say "runs, peak RSS; the floor is loading and validating both specs (two"
say "--list-outputs runs)"
say ""
say "$(printf '%8s %9s %9s %8s %8s %8s %8s %10s' codes reserved 'spec KiB' \
    'floor s' 'cpu s' 'compat s' 'cpu s' 'peak KiB')"
for row in $ROWS; do
    c=${row%%:*} r=${row#*:}
    old="$B/compat/old-$c-$r.yaml" new="$B/compat/new-$c-$r.yaml"
    mkspec "$c" "$r" 0 >"$old"
    mkspec "$c" "$r" 1 >"$new"
    "$G" compat "$old" "$new" >/dev/null 2>"$B/compat/err" ||
        { echo "compat $old $new failed:" >&2; cat "$B/compat/err" >&2; exit 1; }
    lo=$("$B/timeit" "$RUNS" "$G" --list-outputs "$old" | cut -d' ' -f1)
    ln=$("$B/timeit" "$RUNS" "$G" --list-outputs "$new" | cut -d' ' -f1)
    cm=$("$B/timeit" "$RUNS" "$G" compat "$old" "$new" 2>"$B/compat/err") ||
        { cat "$B/compat/err" >&2; exit 1; }
    clo=$(cpu "$G" --list-outputs "$old")
    cln=$(cpu "$G" --list-outputs "$new")
    ccm=$(cpu "$G" compat "$old" "$new")
    kib=$(( $(wc -c <"$old") / 1024 ))
    say "$(echo "$c $r $kib $lo $ln $cm $clo $cln $ccm" | awk '{
        # $6 $7: compat wall s, peak KiB; $8 $9 $10: CPU s
        fc = ($8 == "-" || $9 == "-") ? "-" : sprintf("%.2f", $8 + $9)
        printf "%8d %9d %9d %8.2f %8s %8.2f %8s %10d", $1, $2, $3, $4 + $5,
            fc, $6, $10, $7 }')"
done
say ""
say "results saved in $B/compat/results.txt"
