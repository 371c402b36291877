#!/bin/sh
# SPDX-License-Identifier: MIT
# The numbers README.md states, against where they come from: the codes
# the HTTP spec knows and registers, its unofficial codes (output/), its
# source documents and registry date (spec/http_status.yaml), the
# limits it quotes from the generator's sources, and the version in its
# examples (CMakeLists.txt).  The size figures have their own test
# (bench/sizes.sh --check-readme).
#
#   readme_facts.sh SOURCE_DIR
set -eu
src=$1
readme=$src/README.md
h=$src/output/http_status.h
spec=$src/spec/http_status.yaml
fails=0

# expect <what> <fixed string README.md must contain>
expect() {
    if ! tr '\n' ' ' < "$readme" | tr -s ' ' | grep -qF -- "$2"; then
        echo "README.md: $1: expected \"$2\"" >&2
        fails=$((fails + 1))
    fi
}

count=$(awk '/^#define HTTP_STATUS_COUNT / { print $3 }' "$h")
# The JSON has one "code" and one "registered" line per code.
unofficial=$(awk '/^      "code": / { code = $2; sub(",", "", code) }
                  /^      "registered": false/ { print code }' \
                  "$src/output/http_status.json")
nunofficial=$(echo "$unofficial" | wc -w | tr -d ' ')
registered=$((count - nunofficial))
expect "codes known and registered" \
    "The HTTP spec knows $count codes, $registered of them registered."
expect "the unofficial codes" \
    "\`status: unofficial\` ($(echo $unofficial | sed 's/ /, /g'))"

# The source documents: the spec's sources but the registry's own export.
nsources=$(awk '/^sources:/ { on = 1; next } /^[^ #]/ { on = 0 }
                on && /^    file:/ && !/\.csv$/ { n++ } END { print n + 0 }' \
                "$spec")
set -- zero one two three four five six seven eight nine ten
shift "$nsources"
expect "source documents" "merged from $1 source documents"
updated=$(awk '/^  updated:/ { print $2; exit }' "$spec")
expect "registry date" "IANA registry (state of $updated)"

trie=$(awk '/^#define TRIE_MAX_KEYS/ { print $3 }' "$src/generator/lookup_trie.c")
expect "the trie's limit" "registries of up to $trie keys"
expect "the trie's limit (--lookup)" "key's bytes for up to $trie keys"
lines=$(awk '/^#define CHECK_MAX_LINES/ { print $3 }' "$src/generator/writer.c")
expect "--check's diff limit" "at most $lines lines per file"
digits=$(awk '/^#define TEMP_DIGITS/ { print $3 }' "$src/generator/writer.c")
expect "temporary names" "FILE.tmp-<$digits random hex digits>"

version=$(sed -n 's/^project(statusgen VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
expect "the release tag" "(\`v$version\` for this one)"
expect "the pinned tag" "rev: v$version"
expect "find_package's version" "find_package(statusgen ${version%.*} REQUIRED)"

if [ "$fails" != 0 ]; then
    echo "readme_facts: $fails number(s) of README.md out of step" >&2
    exit 1
fi
echo "readme_facts: every number checked is what its source says"
