#!/bin/sh
# statusgen compat: each breaking change is an error (exit 1), each
# softer change a warning (exit 0, 1 with --strict), with positions in
# both files; and the committed history of spec/http_status.yaml passes.
#
#   compat.sh STATUSGEN SOURCE_DIR WORKDIR
set -u
sg=$1 src=$2 work=$3
failures=0
rm -rf "$work" && mkdir -p "$work" && work=$(cd "$work" && pwd)
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
cd "$work" || exit 2

cat >old.yaml <<'YAML'
statusgen: 1
registry: {name: demo, macro: DEMO, range: [1, 99], languages: [en, de]}
classes:
  - {name: GOOD, range: [1, 9]}
  - {name: BAD, range: [10, 19]}
traits:
  - {name: FINAL}
  - {name: LOUD}
codes:
  - code: 1
    name: FINE
    phrase: Fine
    aliases: [OKAY]
    description: {en: All fine., de: Alles gut.}
  - code: 10
    name: BROKEN
    phrase: Broken
    status: deprecated
    traits: [FINAL]
    description: {en: It broke.}
  - code: 42
    name: ANSWER
    phrase: The Answer
    description: {en: Outside every class.}
YAML

# case EXIT TEXT DESCRIPTION SED [--strict]: new.yaml is old.yaml through
# the sed script; compat must exit EXIT and, when TEXT is not empty, say it.
case_() {
  want=$1 text=$2 what=$3 script=$4
  shift 4
  sed "$script" old.yaml >new.yaml
  "$sg" compat "$@" old.yaml new.yaml >out 2>err
  got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$what: exit $got, expected $want"; sed 's/^/  | /' err
  elif [ -n "$text" ] && ! grep -qF -- "$text" err; then
    fail "$what: '$text' not said"; sed 's/^/  | /' err
  else
    echo "ok: $what"
  fi
}

case_ 0 "0 breaking changes, 0 warnings" "the same spec" ''
case_ 0 "" "a new code at the end" '$a\
  - {code: 50, name: NEW_ONE, phrase: New One, description: {en: New.}}'
case_ 1 "new.yaml: error: code 42 ANSWER was removed; list it in reserved:" \
  "a code removed" '/code: 42/,$d'
case_ 1 "old.yaml:21:11: note: code 42 was defined here" \
  "a removed code points at the old definition" '/code: 42/,$d'
case_ 1 "name ANSWER of 42 is gone with its code" \
  "a code retired without its name" '/code: 42/,$c\
reserved: [42]'
case_ 0 "0 breaking changes" "a code retired with reserved: and reserved_names:" \
  '/code: 42/,$c\
reserved: [42]\
reserved_names: [ANSWER]'
case_ 1 "new.yaml:11:11: error: code 1 renamed FINE -> ALL_FINE, and FINE is gone; keep it in ALL_FINE's aliases" \
  "a name renamed without an alias" 's/name: FINE/name: ALL_FINE/'
case_ 0 "new.yaml:11:11: warning: code 1 renamed FINE -> ALL_FINE; FINE stays as an alias" \
  "a name renamed, the old one kept as an alias" \
  's/name: FINE/name: ALL_FINE/; s/aliases: \[OKAY\]/aliases: [OKAY, FINE]/'
case_ 1 "" "--strict: a rename keeping the old name breaks" \
  's/name: FINE/name: ALL_FINE/; s/aliases: \[OKAY\]/aliases: [OKAY, FINE]/' --strict
case_ 1 "error: code 10 lost trait FINAL" "a trait taken from a code" \
  '/traits: \[FINAL\]/d'
case_ 0 "warning: class BAD became an error class: is_error() is now true for its codes (the old spec marks no class as an error" \
  "the first class marked as an error" \
  's/{name: BAD, range: \[10, 19\]}/{name: BAD, range: [10, 19], error: true}/'
case_ 0 "warning: the fallback language changed from 'en' to 'de'" \
  "another first language" 's/languages: \[en, de\]/languages: [de, en]/; s/{en: \([^,}]*\)}$/{en: \1, de: x}/'
case_ 1 "ANSWER moved 42 -> 10: DEMO_ANSWER and from_name() now give 10, not 42" "two codes swap their names" \
  's/name: BROKEN/name: XTMP/; s/name: ANSWER$/name: BROKEN/; s/name: XTMP/name: ANSWER/'
case_ 1 "alias OKAY of 1 is gone" "an alias removed" '/aliases: \[OKAY\]/d'
case_ 1 "class BAD range changed from [10, 19] to [10, 29]" \
  "a class range moved" 's/range: \[10, 19\]/range: [10, 29]/'
case_ 1 "class GOOD moved from position 1 to 2" "classes reordered" \
  's/{name: GOOD, range: \[1, 9\]}/{name: BAD, range: [10, 19]}/; 5s/.*/  - {name: GOOD, range: [1, 9]}/'
case_ 1 "class BAD was removed" "a class removed" '/name: BAD, range/d'
case_ 0 "" "a class added at the end" '/name: BAD, range/a\
  - {name: UGLY, range: [20, 29]}'
case_ 1 "trait FINAL moved from bit 0 to bit 1" "traits reordered" \
  's/{name: FINAL}/{name: LOUD}/; 8s/.*/  - {name: FINAL}/'
case_ 1 "trait LOUD was removed" "a trait removed" '/{name: LOUD}/d'
case_ 1 "registry macro changed from 'DEMO' to 'DMO'" "another macro" \
  's/macro: DEMO/macro: DMO/'
case_ 0 "new.yaml:12:13: warning: phrase of 1 changed from \"Fine\" to \"All Fine\"" \
  "a phrase change warns" 's/phrase: Fine/phrase: All Fine/'
case_ 1 "new.yaml:12:13: error: phrase of 1 changed" \
  "--strict makes the warning an error" 's/phrase: Fine/phrase: All Fine/' --strict
case_ 0 "0 breaking changes, 0 warnings" "a phrase kept in former_phrases" \
  's/phrase: Fine/phrase: All Fine\n    former_phrases: [Fine]/'
case_ 0 "warning: status of 10 changed from deprecated to obsolete" \
  "a status change warns" 's/status: deprecated/status: obsolete/'
case_ 0 "warning: code 1 lost its description in 'de'" \
  "a lost description warns" 's/, de: Alles gut.//'
case_ 2 "" "an invalid NEW" 's/name: FINE/name: fine/'

# Reserved entries stay reserved (old: 42 retired, before the codes).
cp old.yaml base.yaml
sed '/code: 42/,$d; /^codes:/i\
reserved: [42]\
reserved_names: [ANSWER]' base.yaml >old.yaml
case_ 1 "code 42 was reserved and is used again (as REUSED)" "a reserved code reused" \
  '/^reserved: \[42\]$/d; $a\
  - {code: 42, name: REUSED, phrase: Reused, description: {en: Again.}}'
case_ 1 "name ANSWER was reserved and is used again (for 10)" "a reserved name reused" \
  's/name: BROKEN/name: ANSWER/; /^reserved_names/d'
case_ 1 "code 42 is no longer reserved" "a reservation dropped" '/^reserved: \[42\]$/d'
cp base.yaml old.yaml

# A spec may not use what it reserves.
{ cat old.yaml; echo "reserved: [42]"; } >bad.yaml
"$sg" compat old.yaml bad.yaml >out 2>err
[ $? -eq 2 ] && grep -q "code 42 is reserved and also defined" err &&
  echo "ok: a reserved code that is defined is a spec error" ||
  { fail "reserved and defined accepted"; cat err; }

# Usage.
"$sg" compat old.yaml >out 2>err
[ $? -eq 2 ] && echo "ok: compat needs two specs" || fail "compat with one spec"

# --against's argument is a revision, never an option to git: this one
# would make `git show` write a file.
"$sg" compat --against "--output=$work/x:y" old.yaml >out 2>err
rc=$?
if [ $rc -eq 2 ] && [ ! -e "$work/x" ] && [ ! -e "$work/x:y" ] &&
   grep -q "the revision may not start with '-'" err; then
  echo "ok: --against refuses a revision that git would take for an option"
else
  fail "--against --output=...: exit $rc, files: $(ls "$work")"; cat err
fi

# The committed history of spec/http_status.yaml: every consecutive pair.
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  revs=$(git -C "$src" log --reverse --format=%H -- spec/http_status.yaml)
  prev="" pairs=0
  for r in $revs; do
    if [ -n "$prev" ]; then
      git -C "$src" show "$r:spec/http_status.yaml" >hist.yaml
      if (cd "$src" && "$sg" compat --against "$prev:spec/http_status.yaml" \
            "$work/hist.yaml") >out 2>err; then
        pairs=$((pairs + 1))
      else
        fail "history: $prev -> $r is reported as breaking"; cat err
      fi
    fi
    prev=$r
  done
  echo "ok: $pairs consecutive committed versions of spec/http_status.yaml are compatible"
  (cd "$src" && "$sg" compat --against "no-such-rev:spec/http_status.yaml" \
     spec/http_status.yaml) >out 2>err
  [ $? -eq 2 ] && grep -q "git show no-such-rev:spec/http_status.yaml failed" err &&
    echo "ok: a bad revision is bad input" || { fail "bad revision"; cat err; }
else
  echo "skip: $src is not a git checkout: history not checked"
fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all compat checks passed"
