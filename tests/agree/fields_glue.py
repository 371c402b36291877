#!/usr/bin/env python3
"""The per-registry glue of the compiled dumpers (README.md here).

usage: fields_glue.py --rust SPEC.json > glue.rs
       fields_glue.py --cxx SPEC.json > glue.hpp

Rust and C++ find no function by name at run time, so dump_rs.rs and
dump_cxx.cpp include what this writes from the registry's JSON: for each
declared field, a branch that answers `field<TAB>F<TAB>N[<TAB>LANG]`
through the field's accessors, under the names the emitters give them
(a field named like a keyword or a name the file already uses takes a
trailing '_'; the lists below are the rules the generated files state,
written again here so that a name the emitter fails to escape, or
escapes where it need not, stops the build), and whether the registry
has from_reason.  Standard library only.
"""
import json
import sys

# emit_rust.c, rust_taken: Rust keywords, the module's and the code enum's
# names, the standard traits' methods.
RUST_TAKEN = set("""
abstract as async await become box break const continue crate do dyn else
enum extern false final fn for gen if impl in let loop macro match mod move
mut override priv pub ref return self static struct super trait true try
type typeof unsafe unsized use virtual where while yield
reason name description traits status_of reference is_known from_name
from_reason class_of is_error lang_row all code from_code phrase class
status
add as_mut as_ref bitand bitor bitxor borrow borrow_mut clamp clone
clone_from clone_into cmp default deref deref_mut div drop eq fmt from
from_iter from_str ge gt hash index index_mut into into_iter le lt max min
mul ne neg new next not partial_cmp rem shl shr sub to_owned to_string
try_from try_into type_id
""".split())

# emit_cxx.c, cxx_reserved and cxx_taken: C++ keywords and alternative
# tokens, lower-case macros, and the names the header declares.
CXX_TAKEN = set("""
alignas alignof and and_eq asm auto bitand bitor bool break case catch char
char8_t char16_t char32_t class compl concept const consteval constexpr
constinit const_cast continue co_await co_return co_yield decltype default
delete do double dynamic_cast else enum explicit export extern false float
for friend goto if inline int long mutable namespace new noexcept not
not_eq nullptr operator or or_eq private protected public register
reinterpret_cast requires return short signed sizeof static static_assert
static_cast struct switch template this thread_local throw true try
typedef typeid typename union unsigned using virtual void volatile wchar_t
while xor xor_eq typeof typeof_unqual restrict errno stdin stdout stderr
unix linux i386 sun sparc mips vax interface small hyper near far pascal
cdecl
assert offsetof setjmp va_arg va_copy va_end va_start major minor makedev
max min
code code_class lifecycle trait detail spec_id to_string reason name
description traits status_of reference is_known class_of is_error
from_name from_reason std
""".split())


def rust_name(field):
    return field + "_" if field in RUST_TAKEN else field


def cxx_name(reg, field):
    if field in CXX_TAKEN or field.startswith(reg + "_"):
        return field + "_"
    return field


def rust(doc):
    reg = doc["registry"]
    out = ["// made by fields_glue.py --rust: the fields of %s\n" %
           reg["name"]]
    wide = reg["range"][1] > 65535
    codes = set(c["code"] for c in doc["codes"])
    # A code the u16 API cannot be asked about is not known: it gets
    # what an unknown code gets, which the first unknown u16 code shows.
    spare = next((n for n in range(0, 65536) if n not in codes), 0)
    if reg.get("phrases", True) is False:
        out.append("fn from_reason(_s: &str) -> i64 {\n"
                   "    eprintln!(\"dump_rs: no from_reason here\");\n"
                   "    std::process::exit(2);\n}\n")
    else:
        out.append("fn from_reason(s: &str) -> i64 {\n"
                   "    reg::from_reason(s).map_or(-1, |c| "
                   "i64::from(c.code()))\n}\n")
    out.append("/// Answers a field query; false when there is no such "
               "field.\n")
    out.append("fn answer_field(out: &mut Vec<u8>, field: &str, n: i64, "
               "lang: Option<&str>) -> bool {\n")
    if not doc.get("fields"):
        out.append("    let _ = (out, field, n, lang);\n    false\n}\n")
        return "".join(out)
    out.append("    let _ = lang; // read by text fields only\n")
    if wide:
        out.append("    let c = n as u32;\n")
    else:
        out.append("    let c = u16::try_from(n).unwrap_or(%d);\n" % spare)
    out.append("    let known = reg::name(c).and_then(reg::from_name);\n")
    out.append("    match field {\n")
    for f in doc.get("fields", []):
        fn = rust_name(f["name"])
        t = f["type"]
        if t == "text":
            value = "reg::%s(c, lang)" % fn
            method = "k.%s(lang)" % fn
        else:
            value = "reg::%s(c)" % fn
            method = "k.%s()" % fn
        out.append("        %s => {\n" % json.dumps(f["name"]))
        out.append("            let v = %s;\n" % value)
        out.append("            if let Some(k) = known {\n"
                   "                if %s != v {\n"
                   "                    inconsistent(\"the method %s\", "
                   "&n);\n                }\n            }\n" % (method, fn))
        if t in ("int", "enum"):
            out.append("            out.extend_from_slice((v as i32)"
                       ".to_string().as_bytes());\n")
        elif t == "bool":
            out.append("            out.extend_from_slice((v as i32)"
                       ".to_string().as_bytes());\n")
        else:
            out.append("            put_str(out, v);\n")
        out.append("        }\n")
    out.append("        _ => return false,\n    }\n    true\n}\n")
    return "".join(out)


def cxx(doc):
    reg = doc["registry"]
    name = reg["name"]
    out = ["/* made by fields_glue.py --cxx: the fields of %s */\n" % name,
           "/* Answers a field query (lang: nullptr for none); false when "
           "there is no\n * such field. */\n"
           "bool answer_field(std::string &out, std::string_view field, "
           "int n,\n                  const std::string *lang)\n{\n"]
    for f in doc.get("fields", []):
        fn = cxx_name(name, f["name"])
        t = f["type"]
        out.append("    if (field == %s) {\n" % json.dumps(f["name"]))
        if t == "text":
            out.append("        auto v = lang ? reg::%s(n, *lang) : "
                       "reg::%s(n);\n" % (fn, fn))
            out.append("        if (reg::is_known(n) && "
                       "(lang ? reg::%s(static_cast<reg::code>(n), *lang)\n"
                       "                                : "
                       "reg::%s(static_cast<reg::code>(n))) != v)\n"
                       "            inconsistent(\"an overload for the enum\","
                       " n);\n" % (fn, fn))
        else:
            out.append("        auto v = reg::%s(n);\n" % fn)
            out.append("        if (reg::is_known(n) && "
                       "reg::%s(static_cast<reg::code>(n)) != v)\n"
                       "            inconsistent(\"an overload for the enum\","
                       " n);\n" % fn)
        if t in ("int", "bool", "enum"):
            out.append("        out += std::to_string(static_cast<int>(v));\n")
        else:
            out.append("        put_opt(out, v);\n")
        out.append("        return true;\n    }\n")
    out.append("    static_cast<void>(out);\n    static_cast<void>(field);\n"
               "    static_cast<void>(n);\n    static_cast<void>(lang);\n"
               "    return false;\n}\n")
    return "".join(out)


def main(argv):
    if len(argv) != 3 or argv[1] not in ("--rust", "--cxx"):
        sys.stderr.write(__doc__)
        return 2
    with open(argv[2], "rb") as f:
        doc = json.loads(f.read().decode("utf-8"))
    text = rust(doc) if argv[1] == "--rust" else cxx(doc)
    sys.stdout.buffer.write(text.encode("ascii"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
