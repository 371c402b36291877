#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/sizes.sh - what the generated HTTP code costs, per configuration:
# bytes of the .c, and text (code, read-only data and unwind tables: what
# `size` prints as text) of its object at -O2 and -Os under gcc and clang,
# compiled alone with no section garbage collection.
#
#   bench/sizes.sh [--statusgen PATH] [--table]
#   bench/sizes.sh [--statusgen PATH] --update-readme FILE...
#   bench/sizes.sh [--statusgen PATH] --check-readme FILE...
#
# --table (the default) prints the table; --update-readme rewrites the
# block between <!-- sizes:begin --> and <!-- sizes:end --> in each FILE
# with it; --check-readme exits 1 when a number of a FILE's block differs
# by more than 10% from what this run measures (or the block is missing).
# The generator is --statusgen, else build/generator/statusgen, else one
# built by bench/run.sh's rules into $BENCH_DIR.  Needs gcc, clang and
# size (binutils); a compiler that is missing gets "-" in its columns,
# which --check-readme then accepts for that compiler only.  POSIX sh and
# awk; takes about half a minute.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
G="" mode=table
files=""
while [ $# -gt 0 ]; do
    case $1 in
    --statusgen) G=$2; shift ;;
    --table) mode=table ;;
    --update-readme) mode=update ;;
    --check-readme) mode=check ;;
    -*) echo "usage: bench/sizes.sh [--statusgen PATH]" \
             "[--table | --update-readme FILE... | --check-readme FILE...]" >&2
        exit 2 ;;
    *) files="$files $1" ;;
    esac
    shift
done
[ "$mode" = table ] || [ -n "$files" ] ||
    { echo "bench/sizes.sh: $mode needs a FILE" >&2; exit 2; }
if [ -z "$G" ]; then
    if [ -x "$top/build/generator/statusgen" ]; then
        G=$top/build/generator/statusgen
    else
        B=${BENCH_DIR:-${TMPDIR:-/tmp}/statusgen-bench-$(printf '%s' "$top" | cksum | cut -d' ' -f1)}
        cmake -S "$top" -B "$B/gen" -DCMAKE_BUILD_TYPE=Release \
            -DSTATUSGEN_TESTS=OFF >/dev/null
        cmake --build "$B/gen" --target statusgen_generator >/dev/null
        G=$B/gen/generator/statusgen
    fi
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/statusgen-sizes.XXXXXX")
trap 'rm -rf "$work"' EXIT
spec=$top/spec/http_status.yaml

# label|statusgen options, one configuration a line.
configs='every lookup, 3 languages|
every lookup, --languages en|--languages en
every lookup, --languages none|--languages none
--lookup compact --languages none|--lookup compact --languages none
--functions reason --languages none|--functions reason --languages none'

# text <compiler> <opt> <dir>: the object's text in bytes, or "-".
text() {
    command -v "$1" >/dev/null 2>&1 || { echo -; return; }
    "$1" "$2" -w -c -I"$3" "$3/http_status.c" -o "$3/$1$2.o" &&
        size "$3/$1$2.o" | awk 'NR == 2 { print $1 }'
}

table="$work/table"
{
    echo "| configuration | \`.c\` bytes | gcc -O2 | gcc -Os | clang -O2 | clang -Os |"
    echo "|---|---:|---:|---:|---:|---:|"
    i=0
    echo "$configs" | while IFS='|' read -r label opts; do
        i=$((i + 1))
        d="$work/$i"
        # shellcheck disable=SC2086 # opts are words
        "$G" --emit header,source $opts -o "$d" "$spec" >/dev/null
        src=$(wc -c < "$d/http_status.c" | tr -d ' ')
        printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$src" \
            "$(text gcc -O2 "$d")" "$(text gcc -Os "$d")" \
            "$(text clang -O2 "$d")" "$(text clang -Os "$d")"
    done
} > "$table"

case $mode in
table)
    cat "$table"
    ;;
update)
    for f in $files; do
        awk -v table="$table" '
            /<!-- sizes:end -->/ { skip = 0 }
            !skip { print }
            /<!-- sizes:begin -->/ {
                skip = 1; found = 1
                while ((getline line < table) > 0) print line
            }
            END { if (!found) exit 1 }' "$f" > "$work/new" ||
            { echo "bench/sizes.sh: $f has no <!-- sizes:begin --> block" >&2
              exit 1; }
        cat "$work/new" > "$f"
        echo "bench/sizes.sh: updated $f"
    done
    ;;
check)
    status=0
    for f in $files; do
        awk '/<!-- sizes:begin -->/ { on = 1; next }
             /<!-- sizes:end -->/ { on = 0 } on' "$f" > "$work/old"
        if ! grep -q '^| ' "$work/old"; then
            echo "bench/sizes.sh: $f: no sizes block" >&2
            status=1
            continue
        fi
        # Row by row, cell by cell: the labels must match, the numbers be
        # within 10% (a "-" on either side: a compiler not measured).
        awk -F'|' -v f="$f" '
            NR == FNR { want[FNR] = $0; n = FNR; next }
            {
                got = $0; split(want[FNR], w, "|"); m = split(got, g, "|")
                for (i = 2; i < m; i++) {
                    a = w[i]; b = g[i]
                    gsub(/^ +| +$/, "", a); gsub(/^ +| +$/, "", b)
                    if (a == "-" || b == "-" || a == b) continue
                    if (a ~ /^[0-9]+$/ && b ~ /^[0-9]+$/) {
                        d = a - b; if (d < 0) d = -d
                        if (d * 10 > b) {
                            printf "%s: row %d: %s, measured %s (over 10%%)\n", f, FNR, a, b
                            bad = 1
                        }
                    } else {
                        printf "%s: row %d: \"%s\", expected \"%s\"\n", f, FNR, a, b
                        bad = 1
                    }
                }
            }
            END {
                if (FNR != n) { print f ": the block has another number of rows"; bad = 1 }
                exit bad
            }' "$work/old" "$table" || status=1
    done
    if [ $status != 0 ]; then
        echo "bench/sizes.sh: the figures above are stale; measured:" >&2
        cat "$table" >&2
        echo "bench/sizes.sh --update-readme FILE rewrites them." >&2
    fi
    exit $status
    ;;
esac
