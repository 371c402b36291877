#!/usr/bin/env python3
"""Loads a <name>.json made by statusgen --emit json with Python's json
module and compares every code with what the generated C lookups answer
(json_lookups, built from the same spec).

usage: check_json.py FILE.json JSON_LOOKUPS
Exits 0 when they agree, 1 with a message per difference."""
import json
import subprocess
import sys

STATUSES = ["standard", "temporary", "deprecated", "unused", "obsolete",
            "unofficial"]


def text(field):
    if field == "-":
        return None
    if field.startswith("="):
        return ""
    return bytes.fromhex(field).decode("utf-8")


def main():
    path, tool = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        raw = f.read()
    doc = json.loads(raw.decode("utf-8"))
    errors = []

    def check(cond, msg):
        if not cond:
            errors.append(msg)

    check(doc["format"] == 1, "format is %r, not 1" % doc.get("format"))
    check(raw.endswith(b"}\n"), "the file does not end with '}\\n'")
    check(b"\r" not in raw, "CR in the file")
    reg = doc["registry"]
    langs = reg["languages"]
    lo, hi = reg["range"]
    classes = [c["name"] for c in doc["classes"]]
    bits = {t["name"]: 1 << t["bit"] for t in doc["traits"]}
    errors_by_class = {c["name"]: c["error"] for c in doc["classes"]}
    codes = {c["code"]: c for c in doc["codes"]}
    order = [c["code"] for c in doc["codes"]]
    check(order == sorted(order), "codes are not ascending")
    check(len(codes) == len(order), "a code is listed twice")

    # every code of the range and a margin around it
    first, last = lo - 50, hi + 50
    out = subprocess.run([tool, str(first), str(last)] + langs,
                         input="".join(
                             "N %s\nR %s\n" % (n, n) for n in ["NOPE"]) +
                         "".join("N %s\n" % n for c in doc["codes"]
                                 for n in [c["name"]] + c["aliases"]) +
                         "".join("R %s\n" % p for c in doc["codes"]
                                 for p in [c["phrase"]] + c["former_phrases"]),
                         capture_output=True, text=True, check=True).stdout
    lines = out.split("\n")
    rows, answers = lines[:last - first + 1], lines[last - first + 1:]
    for row in rows:
        f = row.split(" ")
        code = int(f[0])
        c = codes.get(code)
        known = int(f[1])
        check(known == (c is not None),
              "%d: is_known %d, JSON %s" % (code, known, c is not None))
        if c is None:
            check(f[2:5] == ["-", "-", "-"] and f[5] == "0",
                  "%d: unknown, but answers %s" % (code, f[2:6]))
            continue
        check(text(f[2]) == c["name"], "%d: name" % code)
        check(text(f[3]) == c["phrase"], "%d: phrase" % code)
        check(text(f[4]) == c["reference"], "%d: reference" % code)
        check(int(f[5]) == STATUSES.index(c["status"]) + 1,
              "%d: status_of %s, JSON %s" % (code, f[5], c["status"]))
        check(c["registered"] == (c["status"] != "unofficial"),
              "%d: registered" % code)
        want_class = classes.index(c["class"]) + 1 if c["class"] else 0
        check(int(f[6]) == want_class, "%d: class_of" % code)
        check(int(f[7]) == (1 if c["class"] and errors_by_class[c["class"]]
                            else 0), "%d: is_error" % code)
        check(int(f[8]) == sum(bits[t] for t in c["traits"]),
              "%d: traits %s, JSON %s" % (code, f[8], c["traits"]))
        desc = c["description"]
        for i, lang in enumerate(langs):
            want = desc.get(lang, desc.get(langs[0])) if desc else None
            check(text(f[9 + i]) == want, "%d: description in %s" % (code,
                                                                      lang))
    want = [-1, -1]
    for c in doc["codes"]:
        want += [c["code"]] * (1 + len(c["aliases"]))
    for c in doc["codes"]:
        want += [c["code"]] * (1 + len(c["former_phrases"]))
    got = [int(a) for a in answers if a != ""]
    check(got == want, "from_name/from_reason differ from the JSON's names "
          "and phrases")
    for e in errors[:50]:
        print("check_json: %s: %s" % (path, e))
    print("check_json: %s: %d codes, %d problem(s)" % (path, len(codes),
                                                      len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
