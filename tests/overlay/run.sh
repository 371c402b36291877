#!/bin/sh
# The command line over examples/overlay (an overlay of the shipped HTTP
# spec): --list-inputs and --depfile name both files, the output has the
# overlay's codes, compat finds the additions compatible, and compat and
# the diagnostics name the file a finding is in, also with --against.
#
#   run.sh STATUSGEN SOURCE_DIR WORKDIR
set -eu
sg=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cd "$src"
overlay=examples/overlay/overlay.yaml
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$sg" --list-inputs "$overlay" >"$work/inputs"
printf '%s\n%s\n' "$overlay" spec/http_status.yaml | cmp -s - "$work/inputs" ||
  { fail "--list-inputs:"; cat "$work/inputs"; }

"$sg" --emit header,source -o "$work/out" --depfile "$work/deps/overlay.d" \
  "$overlay"
printf '%s/out/http_status.h %s/out/http_status.c: %s spec/http_status.yaml\n\n%s:\n\nspec/http_status.yaml:\n' \
  "$work" "$work" "$overlay" "$overlay" | cmp -s - "$work/deps/overlay.d" ||
  { fail "--depfile:"; cat "$work/deps/overlay.d"; }
grep -q "HTTP_STATUS_ENHANCE_YOUR_CALM = 420" "$work/out/http_status.h" ||
  fail "the header has no 420"
grep -q "#define HTTP_STATUS_COUNT 69" "$work/out/http_status.h" ||
  fail "the header does not count 69 codes"
if "$sg" --check --depfile "$work/x.d" -o "$work/out" "$overlay" \
     2>"$work/err"; then
  fail "--depfile with --check was accepted"
fi
grep -q "depfile goes with a run that writes" "$work/err" ||
  fail "--depfile with --check: $(cat "$work/err")"

# Adding unofficial codes breaks nothing; dropping one of the base's
# does, and the finding names the overlay's file and the base's.
"$sg" compat spec/http_status.yaml "$overlay" >"$work/compat.out" 2>&1 ||
  { fail "compat of the base and its overlay:"; cat "$work/compat.out"; }
mkdir -p "$work/tree/examples/overlay" "$work/tree/spec"
cp spec/http_status.yaml "$work/tree/spec/"
sed 's/^codes:$/remove: [418]\ncodes:/' "$overlay" \
  >"$work/tree/examples/overlay/overlay.yaml"
(cd "$work/tree" && "$sg" compat "$src/$overlay" examples/overlay/overlay.yaml) \
  >"$work/compat2.out" 2>&1 && fail "compat: a removed code passed"
grep -q "^examples/overlay/overlay.yaml: error: code 418 IM_A_TEAPOT was removed" \
  "$work/compat2.out" &&
  grep -q "^$src/spec/http_status.yaml:[0-9]*:[0-9]*: note: code 418 was defined here" \
    "$work/compat2.out" ||
  { fail "compat does not name the files:"; cat "$work/compat2.out"; }

# --against reads the overlay's base from the same revision.
if git -C "$src" cat-file -e "HEAD:$overlay" 2>/dev/null; then
  "$sg" compat --against "HEAD:$overlay" "$overlay" >"$work/git.out" 2>&1 ||
    { fail "compat --against HEAD: of the overlay:"; cat "$work/git.out"; }
  "$sg" compat --against "HEAD:$overlay" \
    "$work/tree/examples/overlay/overlay.yaml" >"$work/git2.out" 2>&1 &&
    fail "compat --against: a removed code passed"
  grep -q "^HEAD:spec/http_status.yaml:[0-9]*:[0-9]*: note: code 418 was defined here" \
    "$work/git2.out" ||
    { fail "compat --against does not name the base:"; cat "$work/git2.out"; }
else
  echo "skipped: compat --against (not a git checkout, or $overlay not committed)"
fi

[ $failures -eq 0 ] && echo "overlay command line: all checks passed"
[ $failures -eq 0 ]
