#!/bin/sh
# audit and the spec's registry_phrase: a phrase the spec keeps on purpose
# where the registry writes something else is printed as a known, intended
# difference and not counted; the knowledge is the spec's data, not the
# generator's.
#
#   audit_known.sh STATUSGEN SOURCE_DIR WORKDIR
set -u
sg=$1 src=$2 work=$3
spec=$src/spec/http_status.yaml
csv=$src/spec/sources/http-status-codes-1.csv
failures=0
rm -rf "$work" && mkdir -p "$work"

fail() {
  echo "FAIL: $1"
  sed 's/^/  | /' "$work/out" "$work/err" | head -20
  failures=$((failures + 1))
}

# audit SPEC CSV WANT_STATUS DESCRIPTION: runs audit, checks the status.
audit() {
  "$sg" audit --iana "$2" "$1" >"$work/out" 2>"$work/err"
  got=$?
  if [ "$got" -ne "$3" ]; then
    fail "$4: exit $got, expected $3"
    return 1
  fi
  echo "ok: $4"
}

# 1. The shipped spec and registry export: 306 and 418, "(Unused)" in the
# registry, are the only differences, both known; exit 0.
cat >"$work/want" <<'END'
known 306: spec "Switch Proxy", registry "(Unused)" (intended, as the spec's registry_phrase says)
known 418: spec "I'm a teapot", registry "(Unused)" (intended, as the spec's registry_phrase says)
END
if audit "$spec" "$csv" 0 "the shipped spec agrees with the shipped registry"; then
  cmp -s "$work/want" "$work/out" ||
    fail "audit does not print exactly the two known differences"
  [ ! -s "$work/err" ] || fail "audit wrote to standard error"
fi

# 2. Without registry_phrase the spec says nothing: no known line (an
# unused code's phrase is the spec's choice), still exit 0.
sed '/^    registry_phrase:/d' "$spec" >"$work/plain.yaml"
if audit "$work/plain.yaml" "$csv" 0 "a spec without registry_phrase"; then
  [ ! -s "$work/out" ] || fail "known lines without registry_phrase"
fi

# 3. A registry_phrase the registry no longer writes is a difference.
sed 's/^306,(Unused),/306,Switch Proxy,/' "$csv" >"$work/assigned.csv"
if audit "$spec" "$work/assigned.csv" 1 "a stale registry_phrase"; then
  grep -qF "phrase 306: spec's registry_phrase \"(Unused)\", registry \"Switch Proxy\"" \
    "$work/out" || fail "the stale registry_phrase is not named"
  grep -qF 'known 418: ' "$work/out" || fail "418 no longer known"
fi

# 4. Any code and any registry text: a spec that keeps "Not Found" where a
# registry writes "Not Found Here" says so, and audit agrees.
sed 's/^404,Not Found,/404,Not Found Here,/' "$csv" >"$work/renamed.csv"
sed 's/^    phrase: Not Found$/&\n    registry_phrase: Not Found Here/' "$spec" \
  >"$work/kept.yaml"
if audit "$work/kept.yaml" "$work/renamed.csv" 0 "a phrase kept on purpose"; then
  grep -qF 'known 404: spec "Not Found", registry "Not Found Here"' \
    "$work/out" || fail "404 is not reported as known"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures failed"
  exit 1
fi
