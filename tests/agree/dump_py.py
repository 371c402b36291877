#!/usr/bin/env python3
"""The Python dumper of the agreement test (README.md here).

usage: dump_py.py MODULE.py [CLASS...] < queries > answers

Imports the module statusgen --emit python made and answers each query with
its module functions.  For a known code it also asks the member
(from_name(name(code))) and marks the answer when the member's properties
say something else, so that the comparison with the C fails then.
CLASS...: the registry's class names in lower case (is_<class>).

A field F is asked of the function the module names after it (F, or F_
when F is a keyword or a name of the builtins, of int or of enum members),
and of a known code's member likewise.  The module has from_reason exactly
when the queries ask it (not for a registry with phrases: false).
"""
import builtins
import enum
import importlib.util
import keyword
import os
import sys

# The attributes an IntEnum member has besides int's, and soft keywords
# (keyword.softkwlist is 3.9 and later).
MEMBER_NAMES = ("name", "value", "mro", "code_class", "phrase",
                "description", "traits", "status", "reference")
SOFT_KEYWORDS = ("match", "case", "type", "_")


def unescape(field):
    out = bytearray()
    i = 0
    while i < len(field):
        c = field[i:i + 1]
        nxt = field[i + 1:i + 2]
        if c == b"\\" and nxt == b"\\":
            out += b"\\"
            i += 2
        elif c == b"\\" and nxt == b"t":
            out += b"\t"
            i += 2
        elif c == b"\\" and nxt == b"n":
            out += b"\n"
            i += 2
        elif c == b"\\" and nxt == b"x":
            out.append(int(field[i + 2:i + 4], 16))
            i += 4
        else:
            out += c
            i += 1
    return bytes(out).decode("utf-8", "surrogateescape")


def answer_str(s):
    if s is None:
        return b"null"
    out = bytearray(b'"')
    for b in s.encode("utf-8"):
        if b == 0x5C:
            out += b"\\\\"
        elif b == 0x22:
            out += b'\\"'
        elif b == 0x0A:
            out += b"\\n"
        elif b == 0x09:
            out += b"\\t"
        elif b < 0x20 or b == 0x7F:
            out += b"\\x%02X" % b
        else:
            out.append(b)
    out += b'"'
    return bytes(out)


def answer_code(mod, classes, n):
    known = mod.is_known(n)
    answer = b"known=%d reason=%s name=%s class=%d traits=%d status=%d " \
        b"reference=%s error=%d is=%s" % (
            known, answer_str(mod.reason(n)), answer_str(mod.name(n)),
            mod.class_of(n), mod.traits(n), mod.status_of(n),
            answer_str(mod.reference(n)), mod.is_error(n),
            b",".join(b"%d" % getattr(mod, "is_" + c)(n) for c in classes))
    if not known:
        return answer
    m = mod.from_name(mod.name(n))
    member = (m == n and m.phrase == mod.reason(n) and
              m.code_class is mod.class_of(n) and
              m.traits == mod.traits(n) and m.status is mod.status_of(n) and
              m.reference == mod.reference(n) and
              m.is_error == mod.is_error(n) and
              all(getattr(m, "is_" + c) == getattr(mod, "is_" + c)(n)
                  for c in classes))
    return answer if member else answer + b" (the member says otherwise)"


def field_accessor(mod, field):
    """The name of field's function and member property, by the module's
    rule; stops when the module does not export it."""
    name = field
    if (keyword.iskeyword(field) or field in SOFT_KEYWORDS or
            hasattr(builtins, field) or hasattr(int, field) or
            field in MEMBER_NAMES):
        name = field + "_"
    if name not in mod.__all__ or not callable(getattr(mod, name, None)):
        raise SystemExit("dump_py: the module does not export %s for the "
                         "field %s" % (name, field))
    return name


def answer_value(value):
    if value is None or isinstance(value, str):
        return answer_str(value)
    if isinstance(value, bool):
        return b"%d" % value
    if isinstance(value, int):
        # an enum field's member answers its number, as the C enum
        return b"%d" % value
    return b"%r (not a str, bool or int)" % value


def answer_field(mod, fields):
    """field<TAB>F<TAB>N[<TAB>LANG], through the function and, for a known
    code, the member."""
    acc = field_accessor(mod, fields[1].decode())
    n = int(fields[2])
    fn = getattr(mod, acc)
    lang = unescape(fields[3]) if len(fields) > 3 else None
    args = () if lang is None or lang == "-" else (lang,)
    value = fn(n, *args)
    answer = answer_value(value)
    if mod.is_known(n):
        m = mod.from_name(mod.name(n))
        via_member = getattr(m, acc)
        if len(fields) > 3:
            via_member = via_member(*args)
        if via_member != value or type(via_member) is not type(value):
            answer += b" (the member says otherwise)"
    return answer


def main(argv):
    path = argv[1]
    classes = argv[2:]
    stem = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = sys.stdout.buffer
    asked_reason = False
    for raw in sys.stdin.buffer:
        line = raw[:-1] if raw.endswith(b"\n") else raw
        fields = line.split(b"\t")
        kind = fields[0]
        if kind == b"code":
            answer = answer_code(mod, classes, int(fields[1]))
        elif kind == b"desc":
            n = int(fields[1])
            lang = unescape(fields[2])
            if lang == "-":
                text = mod.description(n)
                via_member = (mod.from_name(mod.name(n)).description()
                              if mod.is_known(n) else text)
            else:
                text = mod.description(n, lang)
                via_member = (mod.from_name(mod.name(n)).description(lang)
                              if mod.is_known(n) else text)
            answer = answer_str(text)
            if via_member != text:
                answer += b" (the member says otherwise)"
        elif kind in (b"from_name", b"from_reason"):
            asked_reason = asked_reason or kind == b"from_reason"
            found = getattr(mod, kind.decode())(unescape(fields[1]))
            if found is None:
                answer = b"-1"
            elif isinstance(found, enum.IntEnum):
                answer = b"%d" % found
            else:
                answer = b"%r (not a member)" % found
        elif kind == b"field":
            answer = answer_field(mod, fields)
        else:
            sys.stderr.write("dump_py: an unknown query: %r\n" % line)
            return 2
        out.write(line + b"\t" + answer + b"\n")
    # A registry without wire phrases is asked no from_reason, and has none,
    # as in C; every other is asked.
    if asked_reason != hasattr(mod, "from_reason"):
        sys.stderr.write("dump_py: from_reason is %s, but the queries %s\n" %
                         ("there" if hasattr(mod, "from_reason") else
                          "missing", "ask it" if asked_reason else
                          "do not (phrases: false)"))
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
