#!/bin/sh
# Generates the lk registry in each lookup form (mkspec.sh), checks that
# the generator chose that form, compiles the source with one compiler
# under strict warnings and with AddressSanitizer and UBSan where the
# compiler has them, and runs check_lookups against it.
#   run.sh STATUSGEN gcc|clang|g++|clang++ [MODE...]
# Exits 77 (skipped) when the compiler is not installed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tool=$1 cc=$2
shift 2
modes=${*:-trie perfect probe}
command -v "$cc" >/dev/null 2>&1 || { echo "SKIP: no $cc"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/statusgen-lookups.XXXXXX")
trap 'rm -rf "$work"' EXIT
warn="-Wall -Wextra -Wpedantic -Werror -Wimplicit-fallthrough -Wswitch-default -Wshadow -Wconversion -Wsign-conversion"
case $cc in
g++|clang++)
    lang="-x c++ -std=c++11" old="-x c++ -std=c++98"
    checker=${cc%++}; [ "$checker" = g ] && checker=gcc ;;
*) lang="-std=c99" old="-std=c89 -pedantic-errors" checker=$cc ;;
esac
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
printf 'int main(void) { return 0; }\n' >"$work/t.c"
$checker $san -o "$work/t" "$work/t.c" 2>/dev/null && "$work/t" 2>/dev/null ||
    san=""
for mode in $modes; do
    d="$work/$mode"
    mkdir -p "$d"
    sh "$here/mkspec.sh" "$mode" >"$d/lk.yaml"
    "$tool" --emit header,source -o "$d" "$d/lk.yaml"
    case $mode in
    trie) marker="A trie of switches" ;;
    perfect) marker="the fingerprint of its key" ;;
    probe) marker="open addressing" ;;
    esac
    for fn in name reason; do
        # The comment just before each lookup names its form.
        awk -v fn="lk_from_$fn(" -v m="$marker" '
            index($0, m) { seen = NR }
            index($0, "int " fn) == 1 { found = 1; ok = seen > 0; exit }
            END { exit !(found && ok) }' "$d/lk.c" ||
            { echo "FAIL: $mode: lk_from_$fn is not in the $mode form"; exit 1; }
    done
    $cc $lang $warn -O2 -c -o "$d/lk_strict.o" -I"$d" "$d/lk.c"
    $cc $warn $old -c -o "$d/lk_old.o" -I"$d" "$d/lk.c"
    $cc $lang $san -O1 -g -c -o "$d/lk.o" -I"$d" "$d/lk.c"
    $checker -std=c99 -Wall -Wextra -Werror $san -g -I"$d" -c \
        -o "$d/check.o" "$here/check_lookups.c"
    $cc $san -o "$d/check" "$d/check.o" "$d/lk.o"
    printf '%s: ' "$mode"
    "$d/check"
done
