#!/bin/sh
# run.sh PYTHON DIR JSON DUMP_C WORK DUMPER [ARG...]
#
# One agreement test (README.md here): makes the queries from JSON (the
# registry's --emit json) with DIR/queries.py, answers them with DUMP_C
# (the C reference) and with DUMPER ARG... followed by the registry's class
# names (lower case, spec order), each reading the queries on standard
# input, and compares the two dumps byte for byte.  The files stay in WORK
# for a look after a failure.
set -eu
python=$1 dir=$2 json=$3 dump_c=$4 work=$5
shift 5
mkdir -p "$work"
rm -f "$work/queries.txt" "$work/c.txt" "$work/lang.txt"

"$python" "$dir/queries.py" -o "$work/queries.txt" "$json"
classes=$("$python" "$dir/queries.py" --classes "$json")
"$dump_c" < "$work/queries.txt" > "$work/c.txt"
# shellcheck disable=SC2086 # class names are lower_snake words
"$@" $classes < "$work/queries.txt" > "$work/lang.txt"

nq=$(wc -l < "$work/queries.txt")
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
echo "agree: the whole dumps are in $work"
exit 1
