#!/bin/sh
# run.sh DIR DUMP_C WORK DUMPER [ARG...]
#
# One agreement test (README.md here): answers the queries in
# DIR/queries.txt with DUMP_C (the C reference) and with DUMPER ARG...
# followed by the class names of DIR/classes.txt (queries.py --all DIR
# made both), each reading the queries on standard input, and compares the
# two dumps byte for byte.  The dumps stay in WORK for a look after a
# failure.
set -eu
dir=$1 dump_c=$2 work=$3
shift 3
mkdir -p "$work"
rm -f "$work/c.txt" "$work/lang.txt"

"$dump_c" < "$dir/queries.txt" > "$work/c.txt"
# shellcheck disable=SC2046 # class names are lower_snake words
"$@" $(cat "$dir/classes.txt") < "$dir/queries.txt" > "$work/lang.txt"

nq=$(wc -l < "$dir/queries.txt")
nc=$(wc -l < "$work/c.txt")
if [ "$nq" -eq 0 ] || [ "$nc" -ne "$nq" ]; then
  echo "agree: $nq queries but $nc C answers: the reference is broken" >&2
  exit 1
fi
if cmp -s "$work/c.txt" "$work/lang.txt"; then
  echo "agree: $nq answers, the same as the C's"
  exit 0
fi
echo "agree: the answers differ from the C's (- C, + $1); the first lines:"
diff -u "$work/c.txt" "$work/lang.txt" | head -n 40 || true
echo "agree: the whole dumps are in $work; the queries in $dir"
exit 1
