#!/bin/sh
# One identity per model: a .c (or the single header's implementation)
# built against a header made from another model stops with #error, and
# a spec edit that changes no value (comments, layout) rewrites no file.
#
#   identity.sh STATUSGEN SOURCE_DIR WORKDIR CC
set -u
sg=$1 src=$2 work=$3 cc=$4
failures=0
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

cp "$src/tests/fixtures/mini.yaml" "$work/a.yaml"
# b: one phrase differs, everything else (file names, API) is the same
sed 's/phrase: Fine$/phrase: Quite Fine/' "$work/a.yaml" >"$work/b.yaml"
cmp -s "$work/a.yaml" "$work/b.yaml" && fail "b.yaml is not different"
for v in a b; do
  "$sg" --emit header,source,single -o "$work/$v" "$work/$v.yaml" ||
    fail "generate $v"
done

# The matching pair compiles; the mixed pair does not, and says why.
if "$cc" -c -Werror -I "$work/a" -o "$work/ok.o" "$work/a/mini.c" \
     2>"$work/err"; then
  ok "a matching pair compiles"
else
  fail "a matching pair does not compile"; cat "$work/err"
fi
# The mixed set a failed run could leave: the .c of a beside the .h of b.
mkdir -p "$work/mixed"
cp "$work/a/mini.c" "$work/b/mini.h" "$work/mixed/"
if "$cc" -c -o "$work/mixed.o" "$work/mixed/mini.c" 2>"$work/err"
then
  fail "mini.c of a compiles against mini.h of b"
elif grep -q "mini.c and the mini.h in effect were generated from different" \
       "$work/err"; then
  ok "a mixed pair fails with an #error naming both files"
else
  fail "a mixed pair fails, but not with the identity #error"
  cat "$work/err"
fi

# The single header's implementation part meets another header.
for v in a b; do
  printf '#include "%s/mini.h"\n#define MINI_IMPLEMENTATION\n#include "%s/a/mini_single.h"\n' \
    "$work/$v" "$work" >"$work/single_$v.c"
done
if "$cc" -c -Werror -o "$work/s.o" "$work/single_a.c" 2>"$work/err"; then
  ok "the single header's implementation under its own header compiles"
else
  fail "single header under its own header"; cat "$work/err"
fi
if "$cc" -c -o "$work/s.o" "$work/single_b.c" 2>"$work/err"; then
  fail "the single header's implementation compiles under another header"
elif grep -q "implementation in mini_single.h and the mini.h in effect" \
       "$work/err"; then
  ok "the single header's implementation stops under another header"
else
  fail "single header under another header fails, but not with #error"
  cat "$work/err"
fi

# A comment-only and layout-only edit rewrites no file.
for spec in "$src/tests/fixtures/mini.yaml" "$src/spec/http_status.yaml"; do
  name=$(basename "$spec" .yaml)
  cp "$spec" "$work/e.yaml"
  "$sg" --emit header,source,docs,single -o "$work/e" "$work/e.yaml" ||
    fail "generate $name"
  before=$(cd "$work/e" && stat -c '%n %i %Y %s' * | sort)
  { echo "# a comment at the top"; sed 's/^\( *\)\(phrase: \)\([A-Za-z][A-Za-z ]*\)$/\1\2"\3"   # quoted now/' "$spec"; echo "# the end"; } >"$work/e.yaml"
  cmp -s "$spec" "$work/e.yaml" && fail "the edit changed nothing"
  sleep 1 # a rewrite would show in the mtime too, not only the inode
  "$sg" --emit header,source,docs,single -o "$work/e" "$work/e.yaml" ||
    fail "regenerate $name"
  after=$(cd "$work/e" && stat -c '%n %i %Y %s' * | sort)
  if [ "$before" = "$after" ]; then
    ok "$name: a comment and quoting edit rewrites no file"
  else
    fail "$name: a comment-only edit rewrote files"
    echo "$before" >"$work/before"; echo "$after" >"$work/after"
    diff "$work/before" "$work/after"
  fi
  # and a real change does rewrite
  sed 's/phrase: "\{0,1\}Fine"\{0,1\}.*$/phrase: Very Fine/; s/phrase: "\{0,1\}Not Found"\{0,1\}.*$/phrase: Not There/' \
    "$work/e.yaml" >"$work/e2.yaml" && mv "$work/e2.yaml" "$work/e.yaml"
  "$sg" --emit header,source,docs,single -o "$work/e" "$work/e.yaml" ||
    fail "regenerate $name after a change"
  after2=$(cd "$work/e" && stat -c '%n %i %Y %s' * | sort)
  [ "$after" != "$after2" ] && ok "$name: a phrase change rewrites" ||
    fail "$name: a phrase change rewrote nothing"
  rm -rf "$work/e"
done

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all identity checks passed"
