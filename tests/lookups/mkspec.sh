#!/bin/sh
# mkspec.sh MODE - writes a spec (registry lk) whose name and phrase
# lookups take one of the generator's three forms:
#   trie     a few keys (the trie form takes up to 256), some prefixes of
#            others, one-byte names, phrases with punctuation, digits, a
#            tab and quotes: the switch trie
#   perfect  600 codes whose keys differ in their first two bytes: past the
#            trie's limits, the perfect hash
#   probe    600 codes whose keys share their first, middle and last bytes
#            in groups (C_000123, "Phrase 123"): the probing table
# POSIX sh + awk only.
set -eu
mode=${1:?usage: mkspec.sh trie|perfect|probe}
awk -v mode="$mode" '
function L(i) { return substr("ABCDEFGHIJKLMNOPQRSTUVWXYZ", i % 26 + 1, 1) }
function code(c, name, phrase) {
    printf "  - code: %d\n    name: %s\n    phrase: %s\n    description: {en: Code %d.}\n", c, name, phrase, c
}
BEGIN {
    print "statusgen: 1"
    print "registry:"
    print "  name: lk"
    print "  macro: LK"
    print "  title: Lookup forms"
    print "  range: [0, 99999]"
    print "  languages: [en]"
    print "classes:"
    print "  - {name: ALL, range: [0, 99999], title: {en: All}}"
    print "codes:"
    if (mode == "trie") {
        code(1, "A", "A")
        code(2, "AB", "Ab")
        code(3, "ABC_D", "Abc d")
        code(4, "ABD", "Abd-e")
        code(5, "OK", "OK")
        code(6, "OKAY", "Okay then")
        code(7, "NOT_FOUND", "Not Found")
        code(8, "NOT_FOUNDED", "Not Founded")
        code(9, "NOT_MODIFIED", "Not Modified")
        code(10, "NOT_EXTENDED", "Not Extended")
        code(11, "I_M_A_TEAPOT", "\"I'\''m a teapot\"")
        code(12, "RETRY", "Re-Try")
        code(13, "ODD", "\"[Odd] @chars` {x} ~^_\"")
        code(14, "QUOTED", "\"Say \\\"hi\\\" \\\\ back\"")
        code(15, "TABBED", "\"Tab\\there\"")
        code(16, "DIGITS_2", "Error 404 x2")
        code(17, "X9", "9 lives")
        code(18, "LONG_ONE_WITH_MANY_WORDS_IN_IT", "A rather long phrase with many words in it")
        code(19, "LONG_ONE_WITH_MANY_WORDS_IN_IS", "A rather long phrase with many words in is")
        code(20, "Z", "z-z")
    } else {
        for (i = 0; i < 600; i++) {
            c = 1000 + i * 3
            if (mode == "perfect") {
                tail = substr("QQQQ", 1, i % 5)
                name = L(i) L(int(i / 26)) "_" L(i * 7) L(i * 11) tail
                phrase = L(i) tolower(L(int(i / 26))) " item " i
            } else {
                name = sprintf("C_%06d", c)
                phrase = "Phrase " c
            }
            code(c, name, phrase)
        }
    }
}'
