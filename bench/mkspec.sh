#!/bin/sh
# SPDX-License-Identifier: MIT
# mkspec.sh N - writes a valid synthetic statusgen spec of N codes to stdout.
#
# Codes 100, 107, 114, ... (a stride of 7, so the code switch is sparse, as
# real registries are), names C_000123, unique phrases "Phrase 123", a short
# English description, two classes and one trait on every tenth code.
# POSIX sh + awk only.
set -eu
n=${1:?usage: mkspec.sh N}
awk -v n="$n" 'BEGIN {
    hi = 100 + 7 * (n - 1)
    if (hi < 999999) top = 999999; else top = hi
    print "statusgen: 1"
    print "registry:"
    print "  name: synth"
    print "  macro: SYNTH"
    print "  title: Synthetic registry of " n " codes"
    print "  range: [0, " top "]"
    print "  languages: [en]"
    print "classes:"
    print "  - {name: LOW, range: [0, 499999], title: {en: Low}}"
    print "  - {name: HIGH, range: [500000, " top "], title: {en: High}}"
    print "traits:"
    print "  - {name: TENTH, doc: \"Every tenth code.\"}"
    print "codes:"
    for (i = 0; i < n; i++) {
        code = 100 + 7 * i
        printf "  - code: %d\n", code
        printf "    name: C_%06d\n", code
        printf "    phrase: Phrase %d\n", code
        if (i % 10 == 0)
            print "    traits: [TENTH]"
        printf "    description: {en: \"Synthetic code %d, for the benchmark.\"}\n", code
    }
}'
