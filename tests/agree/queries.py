#!/usr/bin/env python3
"""The queries of the cross-language agreement test (see README.md here).

usage: queries.py [-o FILE] SPEC.json            the queries, one a line
       queries.py [-o FILE] --classes SPEC.json  the class names in spec
                                                 order, lower case, one a
                                                 line (is_<class>)
       queries.py [-o FILE] --c-header SPEC.json what dump_c.c includes:
                                                 the registry's prefix,
                                                 header, class tests,
                                                 fields and whether it
                                                 has phrases
       queries.py --all DIR SPEC.json            the three as DIR/queries.txt,
                                                 DIR/classes.txt and
                                                 DIR/agree_spec.h

SPEC.json is what statusgen --emit json made from the spec.  Standard
library only; the output is the same bytes for the same JSON.
"""
import json
import os
import sys


def escape(raw):
    """A query field: raw bytes, with backslash, TAB, newline and the
    other control bytes escaped."""
    out = bytearray()
    for b in raw:
        if b == 0x5C:
            out += b"\\\\"
        elif b == 0x09:
            out += b"\\t"
        elif b == 0x0A:
            out += b"\\n"
        elif b < 0x20 or b == 0x7F:
            out += b"\\x%02X" % b
        else:
            out.append(b)
    return bytes(out)


def line(*fields):
    return b"\t".join(escape(f) if isinstance(f, bytes) else
                      escape(str(f).encode("utf-8")) for f in fields) + b"\n"


def queries(doc):
    reg = doc["registry"]
    lo, hi = reg["range"]
    langs = [l.encode("utf-8") for l in reg["languages"]]
    codes = doc["codes"]
    out = []

    first = max(0, lo - 10)
    for n in range(first, hi + 11):
        out.append(line("code", n))

    variants = [b"-"]
    for l in langs:
        variants += [l, l + b"-XX", l + b"_XX.UTF-8", l.upper()]
    variants += [b"xx", b""]
    desc_codes = [c["code"] for c in codes if first <= c["code"] <= hi + 10]
    desc_codes += [n for n in (lo - 1, hi + 1) if n >= 0]
    for n in desc_codes:
        for v in variants:
            out.append(line("desc", n, v))

    for c in codes:
        for name in [c["name"]] + c["aliases"]:
            s = name.encode("utf-8")
            for q in (s, s.lower(), s + b"X"):
                out.append(line("from_name", q))
    for q in (b"", b"-1", b" "):
        out.append(line("from_name", q))

    # Declared fields: every code of the range, and for a text field every
    # language variant of the desc queries.
    for f in doc.get("fields", []):
        for n in range(first, hi + 11):
            if f["type"] == "text":
                for v in variants:
                    out.append(line("field", f["name"], n, v))
            else:
                out.append(line("field", f["name"], n))

    # A registry without wire phrases has no from_reason.
    if reg.get("phrases", True) is False:
        return b"".join(out)
    for c in codes:
        for phrase in [c["phrase"]] + c["former_phrases"]:
            s = phrase.encode("utf-8")
            # bytes.upper()/lower() change ASCII letters only
            for q in (s, s.upper(), s.lower(), s + b" "):
                out.append(line("from_reason", q))
            # U+212A KELVIN SIGN for the first k: Unicode case folding
            # makes it k, the C's ASCII folding does not
            k = s.lower().find(b"k")
            if k >= 0:
                out.append(line("from_reason",
                                s[:k] + "\u212a".encode("utf-8") + s[k + 1:]))
    for q in (b"", b"x"):
        out.append(line("from_reason", q))
    return b"".join(out)


def classes(doc):
    return "".join(c["name"].lower() + "\n" for c in doc["classes"]
                   ).encode("ascii")


def c_header(doc):
    reg = doc["registry"]
    tests = " ".join("X(%s)" % c["name"].lower() for c in doc["classes"])
    fields = " ".join("X(%s, %s)" % (f["type"].upper(), f["name"])
                      for f in doc.get("fields", []))
    return ("/* made by queries.py --c-header from the registry's JSON */\n"
            "#define SG_PREFIX %s\n"
            "#define SG_MACRO %s\n"
            "#define SG_HEADER \"%s.h\"\n"
            "#define SG_CLASS_TESTS(X) %s\n"
            "#define SG_FIELDS(X) %s\n"
            "#define SG_PHRASES %d\n"
            % (reg["name"], reg["macro"], reg["name"], tests, fields,
               0 if reg.get("phrases", True) is False else 1)
            ).encode("ascii")


def main(argv):
    out_path = None
    all_dir = None
    mode = queries
    args = argv[1:]
    while args and args[0].startswith("-"):
        if args[0] == "-o" and len(args) > 1:
            out_path = args[1]
            args = args[2:]
        elif args[0] == "--all" and len(args) > 1:
            all_dir = args[1]
            args = args[2:]
        elif args[0] == "--classes":
            mode = classes
            args = args[1:]
        elif args[0] == "--c-header":
            mode = c_header
            args = args[1:]
        else:
            break
    if len(args) != 1:
        sys.stderr.write(__doc__)
        return 2
    with open(args[0], "rb") as f:
        doc = json.loads(f.read().decode("utf-8"))
    if all_dir is not None:
        for name, make in (("queries.txt", queries),
                           ("classes.txt", classes),
                           ("agree_spec.h", c_header)):
            with open(os.path.join(all_dir, name), "wb") as f:
                f.write(make(doc))
        return 0
    data = mode(doc)
    if out_path is None:
        sys.stdout.buffer.write(data)
    else:
        with open(out_path, "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
