#!/bin/sh
# Hostile input: a spec path with "-->" and bidi controls in Markdown, control
# characters in diagnostics (spec and audit), --help/--version into a full
# device, a dangling -o symlink.
#
#   hostile.sh STATUSGEN SOURCE_DIR WORKDIR
set -u
sg=$1 src=$2 work=$3
failures=0
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
cd "$work" || exit 2
esc=$(printf '\033') bel=$(printf '\007')

# "-->" in the spec's path cannot end the Markdown banner's comment.
mkdir -p 'x-->y'
cp "$src/tests/fixtures/mini.yaml" 'x-->y/mini.yaml'
"$sg" -o md 'x-->y/mini.yaml' || fail "generate from x-->y"
banner=$(head -1 md/mini.en.md)
case $banner in
  *'-->'*'-->') fail "the banner's comment ends early: $banner" ;;
  '<!--'*'-->') ok "a path with --> stays inside the banner's comment" ;;
  *) fail "no banner comment: $banner" ;;
esac
printf '%s' "$banner" | sed 's/^<!--//; s/-->$//' | grep -q -- '--' &&
  fail "the banner's comment holds --" || ok "the banner's comment holds no --"

# Bidi controls in a text become character references in Markdown.
cat >bidi.yaml <<'YAML'
statusgen: 1
registry: {name: bidi, macro: BIDI, range: [1, 9], languages: [en]}
codes:
  - {code: 1, name: ONE, phrase: One, description: {en: "safe \u202Egnirts\u202C end \u2066x\u2069"}}
YAML
"$sg" -o bd bidi.yaml || fail "generate bidi"
if LC_ALL=C grep -q "$(printf '\342\200\256')" bd/bidi.en.md; then
  fail "a raw U+202E reached the Markdown"
elif grep -q '&#x202E;gnirts&#x202C; end &#x2066;x&#x2069;' bd/bidi.en.md; then
  ok "bidi controls become &#x...; in Markdown"
else
  fail "bidi controls not found as references"; grep safe bd/bidi.en.md
fi

# Control characters in a spec's keys are escaped in the messages.
printf 'statusgen: 1\n"\\e]0;X\\a": 1\n"a\\nb.yaml:1:1: error: fake": 2\nregistry: {name: x, macro: X, range: [1, 9], languages: [en]}\ncodes: [{code: 1, name: A, phrase: A, description: {en: a}}]\n' >ctl.yaml
"$sg" -o ctl ctl.yaml 2>err
[ $? -eq 2 ] || fail "a spec with unknown keys did not fail"
if grep -q "$esc\|$bel" err; then
  fail "a raw ESC or BEL reached standard error"
elif grep -q "^b.yaml:1:1" err; then
  fail "a forged diagnostic line reached standard error"
elif grep -qF "unknown key '\\033]0;X\\007'" err &&
     grep -qF "unknown key 'a\\012b.yaml:1:1: error: fake'" err; then
  ok "control characters in spec diagnostics are escaped"
else
  fail "escaped keys not found"; cat err
fi

# ... and in audit's messages and report.
printf 'Value,Description,Reference\n\033]0;X\007,Fine,[X]\n' >bad.csv
"$sg" audit --iana bad.csv "$src/tests/fixtures/mini.yaml" >out 2>err
[ $? -eq 2 ] && ! grep -q "$esc\|$bel" err && grep -qF "'\\033]0;X\\007'" err &&
  ok "control characters in audit's messages are escaped" ||
  { fail "audit message not escaped"; cat err; }
printf 'Value,Description,Reference\n1,"Fi\033]0;X\007ne",[Spec A]\n10,Broken (OBSOLETED),"[Spec A, Section 1]"\n' >phrase.csv
"$sg" audit --iana phrase.csv "$src/tests/fixtures/mini.yaml" >out 2>err
[ $? -eq 1 ] && ! grep -q "$esc\|$bel" out && grep -qF 'registry "Fi\033]0;X\007ne"' out &&
  ok "control characters in audit's report are escaped" ||
  { fail "audit report not escaped"; cat out err; }

# ... and in the command line's own messages.
"$sg" "--x${esc}]0;T${bel}" ctl.yaml 2>err
[ $? -eq 2 ] && ! grep -q "$esc\|$bel" err && grep -qF "unknown option '--x\033]0;T\007'" err &&
  ok "control characters in a bad option are escaped" ||
  { fail "bad option not escaped"; cat err; }

# --help and --version that cannot be written fail.
if [ -w /dev/full ]; then
  "$sg" --help >/dev/full 2>err; rc=$?
  [ $rc -eq 2 ] && grep -q "cannot write to standard output" err &&
    ok "--help into /dev/full exits 2" || fail "--help into /dev/full: exit $rc"
  "$sg" --version >/dev/full 2>err; rc=$?
  [ $rc -eq 2 ] && ok "--version into /dev/full exits 2" ||
    fail "--version into /dev/full: exit $rc"
else
  echo "skip: no /dev/full"
fi

# A dangling -o symlink is named as such.
ln -s nowhere/at/all dangling
"$sg" -o dangling "$src/tests/fixtures/mini.yaml" 2>err
[ $? -eq 2 ] && grep -qF "dangling: output directory is a symbolic link to 'nowhere/at/all', which does not exist" err &&
  ok "a dangling -o symlink is explained" || { fail "dangling symlink"; cat err; }

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all hostile-input checks passed"
