#!/usr/bin/env python3
"""synth.py N: writes a valid statusgen spec of N codes (registry 'synth')
to standard output, for the agreement test.

Unlike bench/mkspec.sh (one language, no aliases, a wide range) it has
what the lookups branch on, spread over the codes: three languages with
gaps (a missing translation falls back to the first), aliases, former
phrases, every lifecycle status, references on some codes, three traits,
classes with gaps between them, a one-code class and error classes, and
descriptions with quotes, backslashes, tabs, newlines, non-ASCII and
4-byte UTF-8.  The range stays small (3 N + 40), so the queries cover
every code of it.  Deterministic: the same N gives the same bytes.
"""
import sys

STATUSES = ["standard", "temporary", "deprecated", "unused", "obsolete",
            "unofficial"]
WORDS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf",
         "Hotel", "India", "Juliett", "Kilo", "Lima", "Mike"]


def quote(s):
    """A YAML double-quoted scalar."""
    return '"' + (s.replace("\\", "\\\\").replace('"', '\\"')
                  .replace("\n", "\\n").replace("\t", "\\t")) + '"'


def main(argv):
    n = int(argv[1])
    hi = 20 + 3 * n + 19
    third = hi // 3
    out = []
    w = out.append
    w("# made by tests/agree/synth.py %d" % n)
    w("statusgen: 1")
    w("registry:")
    w("  name: synth")
    w("  macro: SYNTH")
    w("  title: {en: Synthetic registry, de: Synthetisches Register, "
      "ja: \u5408\u6210\u30ec\u30b8\u30b9\u30c8\u30ea}")
    w("  range: [0, %d]" % hi)
    w("  languages: [en, de, ja]")
    w("classes:")
    w("  - {name: FIRST, range: [10, %d], title: {en: First}}" % third)
    w("  - {name: LONE, range: [%d, %d], title: {en: Lone}}"
      % (third + 2, third + 2))
    w("  - {name: MIDDLE, range: [%d, %d], title: {en: Middle}, "
      "error: true}" % (third + 5, 2 * third))
    w("  - {name: LAST, range: [%d, %d], error: true}"
      % (2 * third + 1, hi - 5))
    w("traits:")
    w("  - {name: EVEN, doc: Even codes.}")
    w("  - {name: TENTH, doc: Every tenth code.}")
    w("  - {name: ODD_ONE, doc: Some others.}")
    w("codes:")
    for i in range(n):
        code = 20 + 3 * i
        word = WORDS[i % len(WORDS)]
        w("  - code: %d" % code)
        w("    name: %s_%d" % (word.upper(), code))
        w("    phrase: %s %d Thing" % (word, code))
        if i % 7 == 3:
            w("    aliases: [OLD_%d, FORMER_%s_%d]" % (code, word.upper(), code))
        if i % 11 == 5:
            w("    former_phrases: [%s %d Former, Old %s-%d]"
              % (word, code, word.lower(), code))
        w("    status: %s" % STATUSES[i % len(STATUSES)])
        if i % 2 == 0:
            w("    reference: %s" % quote("Doc %d, Section %d" % (i // 5, i)))
        traits = []
        if code % 2 == 0:
            traits.append("EVEN")
        if i % 10 == 0:
            traits.append("TENTH")
        if i % 13 == 4:
            traits.append("ODD_ONE")
        if traits:
            w("    traits: [%s]" % ", ".join(traits))
        en = 'Code %d: says "%s" \\ and a tab\there.' % (code, word)
        if i % 9 == 2:
            en += "\nA second line."
        desc = ["en: " + quote(en)]
        if i % 3 != 1:
            desc.append("de: " + quote("Kode %d: \u00e4\u00f6\u00fc \u00df." %
                                       code))
        if i % 2 == 0:
            ja = "\u30b3\u30fc\u30c9 %d" % code
            if i % 4 == 0:
                ja += " \U0001F600 \U0001D11E"
            desc.append("ja: " + quote(ja))
        w("    description: {%s}" % ", ".join(desc))
    sys.stdout.buffer.write(("\n".join(out) + "\n").encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
