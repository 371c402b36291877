#!/bin/sh
# --check prints a real unified diff (the hunks of diff -u, applicable with
# patch) and checks the files of the --emit set it is given.
#
#   check.sh STATUSGEN SOURCE_DIR WORKDIR
set -u
sg=$1 src=$2 work=$3
failures=0
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
cd "$work" || exit 2

# --emit applies to --check
cp "$src/spec/http_status.yaml" spec.yaml
"$sg" --emit header,source -o hs spec.yaml || fail "generate header,source"
if "$sg" --check --emit header,source -o hs spec.yaml >out 2>err; then
  ok "--check --emit header,source passes on what --emit header,source made"
else
  fail "--check --emit header,source: $(cat out err)"
fi
"$sg" --check -o hs spec.yaml >out 2>err
[ $? -eq 1 ] && grep -q "http_status.en.md: missing" out &&
  ok "--check without --emit checks the default set" ||
  fail "--check without --emit did not report the missing docs"
grep -q "same -o and --emit" err && ok "the advice keeps the options" ||
  fail "the advice does not mention --emit: $(cat err)"

# One alias more, and a longer first phrase (it moves every text after it
# in the pool, so the .c diff is long): the diff of each file is what
# diff -u shows.
"$sg" -o old spec.yaml || fail "generate old"
sed 's/^    name: NOT_FOUND$/    name: NOT_FOUND\n    aliases: [FILE_NOT_FOUND]/
     s/^    phrase: Continue$/    phrase: Continue Now/' \
  spec.yaml >new.yaml
cp new.yaml spec.yaml
"$sg" -o new spec.yaml || fail "generate new"
cp -r old check
"$sg" --check -o check spec.yaml >report 2>err
[ $? -eq 1 ] || fail "--check did not find the alias"
for f in http_status.h http_status.en.md http_status.zh.md; do
  diff -u "check/$f" "new/$f" | tail -n +3 >want
  awk -v f="check/$f: out of date" '
    $0 == f { p = 1; getline; getline; next }
    p && (/: out of date$/ || /: missing$/) { p = 0 }
    p' report >got
  if cmp -s want got; then
    ok "$f: the hunks are diff -u's ($(grep -c '^@@' got) hunks, $(wc -l <got) lines)"
  else
    fail "$f: the hunks differ from diff -u's"; diff want got | head -20
  fi
done
grep -q "^--- check/http_status.h$" report && grep -q "^+++ check/http_status.h$" report &&
  ok "---/+++ name the file" || fail "no ---/+++ names"
grep -q "more lines of this diff not shown" report &&
  ok "the long diff of the .c is cut, with a count" ||
  fail "the .c diff is not cut"

# A small registry: the whole report applies with patch.
if command -v patch >/dev/null 2>&1; then
  cp "$src/tests/fixtures/mini.yaml" mini.yaml
  "$sg" --emit header,source,docs,single -o m mini.yaml || fail "generate mini"
  sed 's/phrase: Fine$/phrase: Quite Fine/; s/name: FINE$/name: QUITE_FINE\n    aliases: [FINE]/' \
    mini.yaml >m2.yaml && mv m2.yaml mini.yaml
  "$sg" --check --emit header,source,docs,single -o m mini.yaml >report 2>err
  [ $? -eq 1 ] || fail "mini: --check found no difference"
  grep -q "not shown" report && fail "mini: the report is cut"
  patch -s -p0 <report >/dev/null 2>&1 || fail "mini: patch refused the report"
  "$sg" --check --emit header,source,docs,single -o m mini.yaml >/dev/null 2>&1 &&
    ok "patch -p0 with --check's report brings the files up to date" ||
    fail "after patch, --check still finds differences"
fi

# A directory with a space in its name: the ---/+++ names are quoted as
# GNU diff quotes them, and patch -p0 applies the report.
if command -v patch >/dev/null 2>&1; then
  cp "$src/tests/fixtures/mini.yaml" sp.yaml
  "$sg" --emit header,source -o 'my out' sp.yaml || fail "generate into 'my out'"
  sed 's/phrase: Fine$/phrase: Quite Fine/' sp.yaml >sp2.yaml && mv sp2.yaml sp.yaml
  "$sg" --check --emit header,source -o 'my out' sp.yaml >report 2>err
  [ $? -eq 1 ] || fail "'my out': --check found no difference"
  grep -q '^--- "my out/mini.h"$' report ||
    fail "'my out': the --- name is not quoted: $(grep '^---' report | head -1)"
  patch -s -p0 <report >/dev/null 2>&1 || fail "'my out': patch refused the report"
  "$sg" --check --emit header,source -o 'my out' sp.yaml >/dev/null 2>&1 &&
    ok "patch -p0 applies the report into a directory with a space" ||
    fail "'my out': after patch, --check still finds differences"
fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all --check checks passed"
