#!/bin/sh
# Paths that once went wrong:
#   - a new output directory written as a/../b or n1/./n2: the banner's
#     spec path is the one --check computes from the directory's real path,
#     so --check passes and the next run rewrites nothing;
#   - an output that is the spec itself (a JSON-syntax spec cx.json, --emit
#     json -o .): refused with exit 2, the spec untouched;
#   - a spec that starts with a UTF-8 byte order mark and a key.
#
#   paths.sh STATUSGEN SOURCE_DIR WORKDIR
set -u
sg=$1 src=$2 work=$3
failures=0
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
cd "$work" || exit 2
cp "$src/tests/fixtures/mini.yaml" mini.yaml

for d in a/../b n1/./n2 x/./y/../z/ q/../../"$(basename "$work")"/r; do
  rm -rf a b n1 x q r
  "$sg" -o "$d" mini.yaml || { fail "generate into $d"; continue; }
  real=$(cd "$d" && pwd)
  if "$sg" --check -o "$real" mini.yaml >out 2>&1; then
    ok "-o $d: the banner's spec path is right ($(sed -n 's/.* from \([^ ]*\)$/\1/p' "$real/mini.h"))"
  else
    fail "-o $d: --check of $real fails:"; head -8 out
  fi
  ino=$(ls -i "$real/mini.h")
  "$sg" -o "$d" mini.yaml || fail "second run into $d"
  [ "$(ls -i "$real/mini.h")" = "$ino" ] || fail "-o $d: the second run rewrote mini.h"
done

# The spec as its own output.
cat >cx.json <<'EOF'
{"statusgen": 1,
 "registry": {"name": "cx", "macro": "CX", "range": [1, 9], "languages": ["en"]},
 "codes": [{"code": 1, "name": "ONE", "phrase": "One", "description": {"en": "one"}}]}
EOF
cp cx.json cx.orig
for mode in "" --check; do
  "$sg" $mode --emit json -o . cx.json >out 2>err
  rc=$?
  [ $rc -eq 2 ] || fail "${mode:-write}: cx.json as its own output: exit $rc, not 2"
  grep -q "this output is the spec cx.json itself" err ||
    fail "${mode:-write}: no clear error: $(cat err)"
  cmp -s cx.json cx.orig || fail "${mode:-write}: the spec was overwritten"
done
ln cx.json linked.json
mkdir j && ln cx.json j/cx.json
"$sg" --emit json -o j linked.json 2>err
[ $? -eq 2 ] && cmp -s cx.json cx.orig && [ "$(ls j)" = cx.json ] ||
  fail "a hard link of the spec as an output was not refused"
[ "$failures" -eq 0 ] && ok "an output that is the spec itself is refused, nothing written"
"$sg" --emit json -o elsewhere cx.json && cmp -s cx.json cx.orig &&
  [ -f elsewhere/cx.json ] ||
  fail "cx.json into another directory"

# A byte order mark, then a key on line 1.
printf '\357\273\277' >bom.yaml
grep -v '^#' mini.yaml | sed '/^$/d' >>bom.yaml
head -c 13 bom.yaml | od -c | head -1 | grep -q '357 273 277   s   t   a' ||
  fail "bom.yaml does not start with a BOM and the key"
if "$sg" -o bom bom.yaml 2>err; then
  ok "a spec starting with a BOM and a key loads"
else
  fail "a BOM before a key on line 1: $(cat err)"
fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all path checks passed"
