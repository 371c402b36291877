#!/bin/sh
# SPDX-License-Identifier: MIT
# mkspec.sh - a spec whose texts are longer than a pool's piece (C90's
# 509 characters of a literal): descriptions of 1,200 ASCII characters
# and of 700 Cyrillic letters (1,400 bytes of UTF-8), a phrase of 198
# characters, and short ones between them.  check_long.c rebuilds the
# same texts.  POSIX sh + awk.
set -eu
awk 'function rep(s, n,    r) { r = ""; while (n-- > 0) r = r s; return r }
BEGIN {
    print "statusgen: 1"
    print "registry: {name: lt, macro: LT, range: [1, 99], languages: [en, ru]}"
    print "codes:"
    print "  - {code: 1, name: SHORT, phrase: Short, description: {en: One., ru: \"\320\236\"}}"
    printf "  - {code: 2, name: LONG, phrase: \"%sEnd\",\n", rep("Long ", 39)
    printf "     description: {en: \"%s\", ru: \"%s\"}}\n", rep("abcdefghij", 120), rep("\320\226", 700)
    print "  - {code: 3, name: AFTER, phrase: After, description: {en: Three., ru: \"\320\242\"}}"
}'
