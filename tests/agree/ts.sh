#!/bin/sh
# ts.sh: TypeScript for the tests, with the compiler from the npm registry
# installed into the build tree (never globally).
#
#   ts.sh install NPM DIR            typescript@5 into DIR (once)
#   ts.sh check TSC FILE.ts          FILE.ts under the strict options
#   ts.sh dump TSC NODE WORK MODULE.ts DUMP.ts [ARG...]
#                                    MODULE.ts (as reg.ts) and DUMP.ts
#                                    compiled into WORK under the same
#                                    options, run by NODE as an ES module
#                                    with ARG..., standard input passed on
set -eu
# What the README promises the generated file compiles under.
strict="--strict --noUncheckedIndexedAccess --exactOptionalPropertyTypes
  --noImplicitReturns --noFallthroughCasesInSwitch --noUnusedLocals
  --noUnusedParameters --noImplicitOverride --isolatedModules
  --erasableSyntaxOnly"
mode=$1
shift
case $mode in
install)
  npm=$1 dir=$2
  [ -x "$dir/node_modules/.bin/tsc" ] && exit 0
  mkdir -p "$dir"
  "$npm" install --no-audit --no-fund --prefix "$dir" typescript@5
  "$dir/node_modules/.bin/tsc" --version
  ;;
check)
  tsc=$1 file=$2
  # shellcheck disable=SC2086 # options are words
  "$tsc" --noEmit $strict --target es2015 --module es2015 "$file"
  echo "ts.sh: $file passes tsc $("$tsc" --version) with $(echo $strict)"
  ;;
dump)
  tsc=$1 node=$2 work=$3 module=$4 dump=$5
  shift 5
  rm -rf "$work" && mkdir -p "$work"
  cp "$module" "$work/reg.ts"
  cp "$dump" "$work/dump.ts"
  echo '{"type": "module"}' > "$work/package.json"
  # tsc reports on standard output, which is the dump's: keep it apart
  # shellcheck disable=SC2086
  "$tsc" $strict --target es2020 --module nodenext --outDir "$work/js" \
    "$work/reg.ts" "$work/dump.ts" >&2
  exec "$node" "$work/js/dump.js" "$@"
  ;;
*)
  echo "usage: ts.sh install|check|dump ..." >&2
  exit 2
  ;;
esac
