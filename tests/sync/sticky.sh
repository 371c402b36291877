#!/bin/sh
# A rename refused part-way, for real: in a sticky directory owned by root,
# a run as user nobody may replace the outputs nobody owns (the header and
# the source, renamed first) but not those root owns (the docs).  The run
# must exit 2 with every output as it was (the renames done are undone), no
# temporary, backup or lock file left; a run allowed to write completes the
# set.  Needs root and setpriv; exit 77 (skipped) otherwise.
#
#   sticky.sh STATUSGEN SOURCE_DIR
set -u
sg=$1 src=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1 ||
   ! id nobody >/dev/null 2>&1; then
  echo "skip: needs root, setpriv and a user nobody"
  exit 77
fi
# Everything nobody runs or reads lives in a fresh directory under /tmp.
work=$(mktemp -d /tmp/statusgen-sticky.XXXXXX) || exit 2
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
cp "$sg" "$work/statusgen"
if ! setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups \
     "$work/statusgen" --version >/dev/null 2>&1; then
  echo "skip: user nobody cannot run statusgen from $work (noexec /tmp?)"
  exit 77
fi
cp "$src/tests/fixtures/mini.yaml" "$work/a.yaml"
sed 's/phrase: Fine$/phrase: Quite Fine/' "$work/a.yaml" >"$work/b.yaml"
chmod 644 "$work/a.yaml" "$work/b.yaml"
"$work/statusgen" -o "$work/ref_a" "$work/a.yaml" || fail "reference a"
"$work/statusgen" -o "$work/ref_b" "$work/b.yaml" || fail "reference b"
sum() { cat "$1"/* | cksum; }
[ "$(sum "$work/ref_a")" != "$(sum "$work/ref_b")" ] || fail "a and b are alike"

mkdir "$work/s" && chmod 1777 "$work/s"
cp "$work/ref_a"/* "$work/s/"
chmod 644 "$work/s"/*
chown nobody "$work/s/mini.h" "$work/s/mini.c"
gid=$(id -g nobody)
setpriv --reuid=nobody --regid="$gid" --clear-groups \
  "$work/statusgen" -o "$work/s" "$work/b.yaml" 2>"$work/err"
rc=$?
[ "$rc" -eq 2 ] || fail "the refused run exited $rc, not 2"
grep -q "mini\.en\.md: cannot replace: Operation not permitted" "$work/err" ||
  fail "no 'cannot replace' for the root-owned docs: $(cat "$work/err")"
[ "$(sum "$work/s")" = "$(sum "$work/ref_a")" ] ||
  fail "outputs were replaced by a run that failed: $(cd "$work/s" &&
    for f in *; do cmp -s "$f" "../ref_a/$f" || printf '%s ' "$f"; done)"
left=$(ls -A "$work/s" | grep -v -x -F "$(ls "$work/ref_a")")
[ -z "$left" ] || fail "left behind: $left"
[ "$(stat -c %U "$work/s/mini.h")" = nobody ] ||
  fail "mini.h is no longer nobody's"
[ "$failures" -eq 0 ] &&
  echo "ok: a rename refused part-way (EPERM, sticky directory) left every output as it was"

"$work/statusgen" -o "$work/s" "$work/b.yaml" || fail "the run as root failed"
[ "$(sum "$work/s")" = "$(sum "$work/ref_b")" ] &&
  echo "ok: a run allowed to write completes the set" ||
  fail "the run as root did not complete the set"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all sticky-directory checks passed"
