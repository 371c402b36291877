/* SPDX-License-Identifier: MIT */
/*
 * emit_python.c - the registry as a Python module: <name>.py.
 *
 * Python 3.8 or later, standard library only, fully typed (mypy --strict).
 * class <Name>(enum.IntEnum) has one member per code, former names as
 * aliases of it; module functions answer for any int what the C lookups
 * answer (None where the C returns NULL or -1).  The module's own names
 * are fixed or start with '_'; the spec's names reach it as PascalCase
 * (the registry: <Name>, <Name>Class, ...) or UPPER_SNAKE (members), so a
 * Python keyword can only come from the registry's name, and gets a
 * trailing '_' (none -> None_).  Texts are plain ASCII string literals.
 *
 * A declared field <field> gives the function <field>(code) and a member
 * property of that name (a method, taking lang, for a text field), and an
 * enum field the class <Name><Field> (enum.IntEnum).  A field's name is
 * lower_snake and may be anything Python knows: it gets a trailing '_'
 * when it is a keyword or soft keyword, a built-in's name (int, str, len,
 * all...) or an attribute the members have already (those of int and
 * enum, code_class), so that it shadows nothing the module uses.  The
 * accessors read private tables _FIELD_<FIELD> and call nothing public.
 */
#include "emit.h"

#include <string.h>

/* Python's keywords and soft keywords. */
static const char *const py_keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "case", "class", "continue", "def", "del", "elif", "else",
    "except", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "match", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "type", "while", "with", "yield", NULL};

/* The lower-case names of Python's built-ins (3.8 to 3.13), and the
 * attributes of an IntEnum member besides the module's own: a field's
 * accessor named so would hide them, so it gets a trailing '_'. */
static const char *const py_taken[] = {
    "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool",
    "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod",
    "compile", "complex", "copyright", "credits", "delattr", "dict", "dir",
    "divmod", "enumerate", "eval", "exec", "exit", "filter", "float",
    "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help",
    "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len",
    "license", "list", "locals", "map", "max", "memoryview", "min", "next",
    "object", "oct", "open", "ord", "pow", "print", "property", "quit",
    "range", "repr", "reversed", "round", "set", "setattr", "slice",
    "sorted", "staticmethod", "str", "sum", "super", "tuple", "type",
    "vars", "zip",
    /* int's and enum's attributes, and the members' own properties */
    "name", "value", "real", "imag", "numerator", "denominator",
    "conjugate", "bit_length", "bit_count", "to_bytes", "from_bytes",
    "as_integer_ratio", "is_integer", "mro", "code_class", "phrase",
    "description", "traits", "status", "reference", NULL};

/* Appends s as a Python str literal: printable ASCII as itself but '"'
 * and '\', \n \t \r by name, other control characters as \xHH, and every
 * other character as \uXXXX or \UXXXXXXXX.  Valid inside "..." and
 * """...""". */
static void py_str(struct sbuf *out, const char *s)
{
    sbuf_put_quoted(out, s, QUOTE_PYTHON);
}

/* Appends s for a docstring: as sbuf_c_comment (ASCII, one line), with
 * '\' and '"' escaped, so that no escape or end of string can form. */
static void py_doc(struct sbuf *out, const char *s)
{
    struct sbuf plain;
    const char *p;

    sbuf_init(&plain);
    sbuf_c_comment(&plain, s);
    for (p = sbuf_str(&plain); *p; p++) {
        if (*p == '\\' || *p == '"')
            sbuf_putc(out, '\\');
        sbuf_putc(out, *p);
    }
    if (sbuf_failed(&plain))
        out->failed = 1;
    sbuf_free(&plain);
}

/* A text the C returns as NULL when absent or empty: None then. */
static void py_opt(struct sbuf *out, const char *s)
{
    if (s == NULL || *s == '\0')
        sbuf_puts(out, "None");
    else
        py_str(out, s);
}

/* Appends the registry's PascalCase name plus suffix, with a trailing '_'
 * when the result is a Python keyword. */
static void py_type(const struct spec *spec, const char *suffix,
                    struct sbuf *out)
{
    size_t start = out->len;
    const char *const *k;

    sbuf_puts_pascal(out, spec->reg.name.s);
    sbuf_puts(out, suffix);
    if (sbuf_failed(out))
        return;
    for (k = py_keywords; *k; k++)
        if (strcmp(out->data + start, *k) == 0) {
            sbuf_putc(out, '_');
            break;
        }
}

/* Appends the name of field f's function and member: its name, with a
 * trailing '_' when that is a keyword or a taken name. */
static void py_field_name(const struct spec_field *f, struct sbuf *out)
{
    const char *const *lists[2];
    const char *const *k;
    int i;

    lists[0] = py_keywords;
    lists[1] = py_taken;
    sbuf_puts(out, f->name.s);
    for (i = 0; i < 2; i++)
        for (k = lists[i]; *k; k++)
            if (strcmp(f->name.s, *k) == 0) {
                sbuf_putc(out, '_');
                return;
            }
}

/* Appends the class of an enum field: <Name><Field>. */
static void py_field_enum(const struct spec *spec, const struct spec_field *f,
                          struct sbuf *out)
{
    struct sbuf suffix;

    sbuf_init(&suffix);
    sbuf_puts_pascal(&suffix, f->name.s);
    py_type(spec, sbuf_str(&suffix), out);
    if (sbuf_failed(&suffix))
        out->failed = 1;
    sbuf_free(&suffix);
}

/* The type field f's function returns. */
static void py_field_type(const struct spec *spec, const struct spec_field *f,
                          struct sbuf *out)
{
    switch (f->type) {
    case FIELD_INT:
        sbuf_puts(out, "int");
        return;
    case FIELD_BOOL:
        sbuf_puts(out, "bool");
        return;
    case FIELD_ENUM:
        py_field_enum(spec, f, out);
        return;
    case FIELD_STRING:
    case FIELD_TEXT:
    case FIELD_TYPE_COUNT_:
        break;
    }
    sbuf_puts(out, "_typing.Optional[str]");
}

/* A value of field f (not text) as a Python expression; v NULL for "no
 * value": -1, False, None or <Name><Field>.NONE. */
static void py_field_value(const struct spec *spec,
                           const struct spec_field *f,
                           const struct field_value *v, struct sbuf *out)
{
    switch (f->type) {
    case FIELD_INT:
        sbuf_put_long(out, v ? v->num : -1L);
        return;
    case FIELD_BOOL:
        sbuf_puts(out, v && v->num ? "True" : "False");
        return;
    case FIELD_ENUM:
        py_field_enum(spec, f, out);
        sbuf_putc(out, '.');
        sbuf_puts(out, v ? f->values[v->num].s : "NONE");
        return;
    case FIELD_STRING:
        if (v == NULL)
            sbuf_puts(out, "None");
        else
            py_str(out, v->str.s);
        return;
    case FIELD_TEXT:
    case FIELD_TYPE_COUNT_:
        break;
    }
}

/* A text field's value as a tuple of its texts, one per language (None:
 * none in that language), or None for no value. */
static void py_field_texts(const struct spec *spec,
                           const struct field_value *v, struct sbuf *out)
{
    size_t l;

    if (v == NULL || v->text == NULL) {
        sbuf_puts(out, "None");
        return;
    }
    sbuf_putc(out, '(');
    for (l = 0; l < spec->reg.nlang; l++) {
        if (l)
            sbuf_puts(out, ", ");
        if (v->text[l].s)
            py_str(out, v->text[l].s);
        else
            sbuf_puts(out, "None");
    }
    sbuf_puts(out, spec->reg.nlang == 1 ? ",)" : ")");
}

/* The default of field f as its accessor's .get() needs it. */
static void py_field_default(const struct spec *spec,
                             const struct spec_field *f, struct sbuf *out)
{
    const struct field_value *def = f->has_default ? &f->def : NULL;

    if (f->type == FIELD_TEXT)
        py_field_texts(spec, def, out);
    else
        py_field_value(spec, f, def, out);
}

/* Whether the spec declares a text field. */
static int py_has_text_field(const struct spec *spec)
{
    size_t i;

    for (i = 0; i < spec->nfields; i++)
        if (spec->fields[i].type == FIELD_TEXT)
            return 1;
    return 0;
}

/* Whether the module matches languages (_language, _LANGUAGES): for the
 * descriptions or the text fields, when there are several. */
static int py_needs_language(const struct spec *spec, int have_desc)
{
    return spec->reg.nlang > 1 && (have_desc || py_has_text_field(spec));
}

/* The four type names, made once. */
struct py_names {
    struct sbuf code, cls, trait, life;
};

/* "lo <= code <= hi", or "code == lo" for a class of one code. */
static void py_range(struct sbuf *out, const char *code, long lo, long hi)
{
    if (lo == hi) {
        sbuf_printf(out, "%s == %ld", code, lo);
        return;
    }
    sbuf_printf(out, "%ld <= %s <= %ld", lo, code, hi);
}

/* The test of is_error() on code: one range per class marked error. */
static void py_error_test(const struct spec *spec, const char *code,
                          struct sbuf *out)
{
    size_t i;
    int any = 0;

    for (i = 0; i < spec->nclasses; i++) {
        if (!spec->classes[i].error)
            continue;
        sbuf_puts(out, any ? " or " : "");
        py_range(out, code, spec->classes[i].lo, spec->classes[i].hi);
        any = 1;
    }
    if (!any)
        sbuf_puts(out, "False");
}

static void emit_all(const struct spec *spec, const struct py_names *t,
                     struct sbuf *out)
{
    static const char *const fns[] = {
        "reason", "name", "description", "traits", "class_of",
        "status_of", "reference", "is_known", NULL};
    const char *const *f;
    size_t i;

    sbuf_printf(out, "__all__ = [\n    \"SPEC_ID\",\n    \"%s\",\n"
                     "    \"%s\",\n    \"%s\",\n    \"%s\",\n",
                sbuf_str(&t->code), sbuf_str(&t->cls), sbuf_str(&t->trait),
                sbuf_str(&t->life));
    for (i = 0; i < spec->nfields; i++)
        if (spec->fields[i].type == FIELD_ENUM) {
            sbuf_puts(out, "    \"");
            py_field_enum(spec, &spec->fields[i], out);
            sbuf_puts(out, "\",\n");
        }
    for (f = fns; *f; f++)
        sbuf_printf(out, "    \"%s\",\n", *f);
    for (i = 0; i < spec->nclasses; i++) {
        sbuf_puts(out, "    \"is_");
        sbuf_puts_case(out, spec->classes[i].name.s, 0);
        sbuf_puts(out, "\",\n");
    }
    sbuf_puts(out, "    \"is_error\",\n    \"from_name\",\n");
    if (!spec->reg.no_phrases)
        sbuf_puts(out, "    \"from_reason\",\n");
    for (i = 0; i < spec->nfields; i++) {
        sbuf_puts(out, "    \"");
        py_field_name(&spec->fields[i], out);
        sbuf_puts(out, "\",\n");
    }
    sbuf_puts(out, "]\n\n");
}

/* What each lifecycle means, in enum code_status order (as the C
 * header's enum <name>_lifecycle). */
static const char *const lifecycle_docs[STATUS_COUNT_] = {
    "registered and in use",
    "registered for a limited time",
    "registered, but its use is discouraged",
    "registered as unused: not to be sent",
    "registered as no longer in use",
    "known, but not in the upstream registry",
};

/* The trait, class and lifecycle enums. */
static void emit_small_enums(const struct emit_ctx *ctx,
                             const struct py_names *t, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    size_t i;
    int st;

    sbuf_printf(out, "class %s(_enum.IntFlag):\n"
                     "    \"\"\"Trait bits of a code (traits()).\"\"\"\n",
                sbuf_str(&t->trait));
    /* A flag class without members cannot be called, not even for 0. */
    if (spec->ntraits == 0)
        sbuf_puts(out, "\n    NONE = 0  # the registry declares no traits\n");
    for (i = 0; i < spec->ntraits; i++) {
        const struct spec_trait *tr = &spec->traits[i];

        sbuf_putc(out, '\n');
        if (tr->doc && tr->doc[0].s) {
            sbuf_puts(out, "    # ");
            sbuf_c_comment(out, tr->doc[0].s);
            sbuf_putc(out, '\n');
        }
        sbuf_printf(out, "    %s = %lu\n", tr->name.s, 1ul << i);
    }

    sbuf_printf(out, "\n\nclass %s(_enum.IntEnum):\n"
                     "    \"\"\"Classes of codes, by range (class_of()); "
                     "NONE: in no class.\"\"\"\n\n    NONE = 0\n",
                sbuf_str(&t->cls));
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_printf(out, "    %s = %lu  # %ld-%ld", c->name.s,
                    (unsigned long)i + 1, c->lo, c->hi);
        if (c->title && c->title[0].s) {
            sbuf_putc(out, ' ');
            sbuf_c_comment(out, c->title[0].s);
        }
        sbuf_puts(out, c->error ? ", errors\n" : "\n");
    }

    sbuf_printf(out, "\n\nclass %s(_enum.IntEnum):\n"
                     "    \"\"\"The status of a code in its registry "
                     "(status_of()).\"\"\"\n\n"
                     "    NONE = 0  # not a known code\n",
                sbuf_str(&t->life));
    for (st = 0; st < STATUS_COUNT_; st++) {
        sbuf_puts(out, "    ");
        sbuf_puts_case(out, status_keyword((enum code_status)st), 1);
        sbuf_printf(out, " = %d  # %s\n", st + 1, lifecycle_docs[st]);
    }
    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        size_t j;

        if (f->type != FIELD_ENUM)
            continue;
        sbuf_puts(out, "\n\nclass ");
        py_field_enum(spec, f, out);
        sbuf_puts(out, "(_enum.IntEnum):\n    \"\"\"The values of the field ");
        sbuf_puts(out, f->name.s);
        sbuf_puts(out, " (");
        py_field_name(f, out);
        sbuf_puts(out, "()).\"\"\"\n\n");
        if (!f->has_default)
            sbuf_puts(out, "    NONE = -1  # no value\n");
        for (j = 0; j < f->nvalues; j++)
            sbuf_printf(out, "    %s = %lu\n", f->values[j].s,
                        (unsigned long)j);
    }
}

/* The code enum: members, aliases right after their code, and the
 * members' properties. */
static void emit_code_enum(const struct emit_ctx *ctx,
                           const struct py_names *t, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *N = sbuf_str(&t->code);
    size_t i, j;

    sbuf_printf(out, "\n\nclass %s(_enum.IntEnum):\n    \"\"\"", N);
    py_doc(out, spec->reg.title ? spec->reg.title[0].s : spec->reg.name.s);
    if (spec->reg.updated.s) {
        sbuf_puts(out, ", registry state of ");
        py_doc(out, spec->reg.updated.s);
    }
    sbuf_puts(out, ".\n\n    A former name is an alias of its code's "
                   "member.\n    \"\"\"\n\n");
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        sbuf_puts(out, "    ");
        sbuf_puts(out, c->name.s);
        sbuf_puts(out, " = ");
        sbuf_put_long(out, c->code);
        sbuf_puts(out, "  # ");
        sbuf_c_comment(out, spec_reason(c));
        if (c->status != STATUS_STANDARD) {
            sbuf_puts(out, " [");
            sbuf_puts(out, status_keyword(c->status));
            sbuf_putc(out, ']');
        }
        sbuf_putc(out, '\n');
        for (j = 0; j < c->naliases; j++) {
            sbuf_printf(out, "    %s = ", c->aliases[j].s);
            sbuf_put_long(out, c->code);
            sbuf_printf(out, "  # former name of %s\n", c->name.s);
        }
    }
    sbuf_printf(out,
        "\n"
        "    @property\n"
        "    def phrase(self) -> str:\n"
        "        \"\"\"The wire phrase (reason()).\"\"\"\n"
        "        return _CODES[self][1]\n"
        "\n"
        "    # In the methods, description() and class_of() are the "
        "module's functions.\n"
        "    def description(\n"
        "        self, lang: _typing.Optional[str] = None\n"
        "    ) -> _typing.Optional[str]:\n"
        "        \"\"\"The description in language lang "
        "(description()).\"\"\"\n"
        "        return description(self, lang)\n"
        "\n"
        "    @property\n"
        "    def traits(self) -> %s:\n"
        "        \"\"\"The trait bits (traits()).\"\"\"\n"
        "        return %s(_CODES[self][3])\n"
        "\n"
        "    @property\n"
        "    def code_class(self) -> %s:\n"
        "        \"\"\"The class whose range holds the code "
        "(class_of()).\"\"\"\n"
        "        return class_of(self)\n"
        "\n"
        "    @property\n"
        "    def status(self) -> %s:\n"
        "        \"\"\"The status in the registry (status_of()).\"\"\"\n"
        "        return %s(_CODES[self][4])\n"
        "\n"
        "    @property\n"
        "    def reference(self) -> _typing.Optional[str]:\n"
        "        \"\"\"Where the code is defined, or None "
        "(reference()).\"\"\"\n"
        "        return _CODES[self][2]\n",
        sbuf_str(&t->trait), sbuf_str(&t->trait), sbuf_str(&t->cls),
        sbuf_str(&t->life), sbuf_str(&t->life));
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_puts(out, "\n    @property\n    def is_");
        sbuf_puts_case(out, c->name.s, 0);
        sbuf_puts(out, "(self) -> bool:\n        \"\"\"In class ");
        sbuf_puts(out, c->name.s);
        sbuf_puts(out, ".\"\"\"\n        return ");
        py_range(out, "self", c->lo, c->hi);
        sbuf_putc(out, '\n');
    }
    sbuf_puts(out, "\n    @property\n    def is_error(self) -> bool:\n"
                   "        \"\"\"In a class of errors.\"\"\"\n"
                   "        return ");
    py_error_test(spec, "self", out);
    sbuf_putc(out, '\n');
    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];

        /* The table, not the function: a field may be named self. */
        if (f->type == FIELD_TEXT) {
            sbuf_puts(out, "\n    def ");
            py_field_name(f, out);
            sbuf_puts(out, "(\n        self, lang: _typing.Optional[str] = "
                           "None\n    ) -> _typing.Optional[str]:\n"
                           "        \"\"\"The field ");
            sbuf_puts(out, f->name.s);
            sbuf_puts(out, " in language lang (");
            py_field_name(f, out);
            sbuf_puts(out, "()).\"\"\"\n        return _field_text(_FIELD_");
            sbuf_puts_case(out, f->name.s, 1);
            sbuf_puts(out, ".get(self, ");
            py_field_default(spec, f, out);
            sbuf_puts(out, "), lang)\n");
            continue;
        }
        sbuf_puts(out, "\n    @property\n    def ");
        py_field_name(f, out);
        sbuf_puts(out, "(self) -> ");
        py_field_type(spec, f, out);
        sbuf_puts(out, ":\n        \"\"\"The field ");
        sbuf_puts(out, f->name.s);
        sbuf_puts(out, " (");
        py_field_name(f, out);
        sbuf_puts(out, "()).\"\"\"\n        return _FIELD_");
        sbuf_puts_case(out, f->name.s, 1);
        sbuf_puts(out, ".get(self");
        if (f->has_default || f->type != FIELD_STRING) {
            sbuf_puts(out, ", ");
            py_field_default(spec, f, out);
        }
        sbuf_puts(out, ")\n");
    }
}

/* The tables behind the functions: rows, descriptions, languages,
 * phrases. */
static void emit_tables(const struct emit_ctx *ctx, int have_desc,
                        struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    size_t i, j, l;

    sbuf_puts(out, "\n\n# Per code: name, phrase, reference, trait bits, "
                   "lifecycle.\n"
                   "_Row = _typing.Tuple[str, str, _typing.Optional[str], "
                   "int, int]\n"
                   "_CODES: _typing.Dict[int, _Row] = {\n");
    emit_script_rows(spec, QUOTE_PYTHON, "    ", ": (", "),\n", "None", out);
    sbuf_puts(out, "}\n");

    if (have_desc) {
        sbuf_puts(out, "\n# Per code: its description in each language (");
        for (l = 0; l < spec->reg.nlang; l++)
            sbuf_printf(out, "%s%s", l ? ", " : "",
                        spec->reg.languages[l].s);
        sbuf_puts(out, ");\n# None: none in that language.\n"
                       "_Texts = _typing.Tuple[_typing.Optional[str], ...]\n"
                       "_DESCRIPTIONS: _typing.Dict[int, _Texts] = {\n");
        for (i = 0; i < spec->ncodes; i++) {
            const struct spec_code *c = &spec->codes[spec->order[i]];

            sbuf_puts(out, "    ");
            sbuf_put_long(out, c->code);
            sbuf_puts(out, ": (\n");
            for (l = 0; l < spec->reg.nlang; l++) {
                sbuf_puts(out, "        ");
                py_opt(out, c->desc[l].s);
                sbuf_puts(out, ",\n");
            }
            sbuf_puts(out, "    ),\n");
        }
        sbuf_puts(out, "}\n");
    }
    if (py_needs_language(spec, have_desc)) {
        sbuf_puts(out, "\n# The index of each language but the first in "
                       "the tuples of texts.\n"
                       "_LANGUAGES: _typing.Dict[str, int] = {\n");
        /* languages are distinct (validated) */
        for (l = 1; l < spec->reg.nlang; l++) {
            sbuf_puts(out, "    ");
            py_str(out, spec->reg.languages[l].s);
            sbuf_printf(out, ": %lu,\n", (unsigned long)l);
        }
        sbuf_puts(out, "}\n");
    }

    if (spec->reg.no_phrases)
        return; /* no from_reason() */
    sbuf_puts(out, "\n# Every phrase and former phrase in lower case, and "
                   "its code.\n"
                   "_BY_REASON: _typing.Dict[str, int] = {\n");
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];
        struct sbuf low;

        sbuf_init(&low);
        for (j = 0; j <= c->nformer; j++) {
            if (j == 0 && c->phrase.s == NULL)
                continue; /* phrases: false: no phrase to find */
            sbuf_reset(&low);
            sbuf_puts_case(&low, j ? c->former[j - 1].s : c->phrase.s, 0);
            sbuf_puts(out, "    ");
            py_str(out, sbuf_str(&low));
            sbuf_puts(out, ": ");
            sbuf_put_long(out, c->code);
            sbuf_puts(out, ",\n");
        }
        if (sbuf_failed(&low))
            out->failed = 1;
        sbuf_free(&low);
    }
    sbuf_puts(out, "}\n");
}

/* The description lookup and, for several languages, its matcher. */
static void emit_description(const struct emit_ctx *ctx, int have_desc,
                             struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *first = spec->reg.languages[0].s;
    size_t l;

    if (py_needs_language(spec, have_desc))
        sbuf_puts(out,
            "\n\ndef _language(lang: str) -> int:\n"
            "    \"\"\"The index of lang in the tuples of texts: its "
            "letters up to\n"
            "    \"-\", \"_\", \".\", \"@\" or the end (at most 8), "
            "compared ignoring case;\n"
            "    0 (the first language) when that is no language of the "
            "registry.\"\"\"\n"
            "    i = 0\n"
            "    while i < 8 and i < len(lang) and (\n"
            "        \"a\" <= lang[i] <= \"z\" or \"A\" <= lang[i] <= \"Z\"\n"
            "    ):\n"
            "        i += 1\n"
            "    if i < len(lang) and lang[i] not in \"-_.@\":\n"
            "        return 0\n"
            "    return _LANGUAGES.get(lang[:i].lower(), 0)\n");
    sbuf_puts(out, "\n\ndef description(\n"
                   "    code: int, lang: _typing.Optional[str] = None\n"
                   ") -> _typing.Optional[str]:\n");
    if (!have_desc) {
        sbuf_puts(out, "    \"\"\"None: this module was generated without "
                       "descriptions\n    (statusgen --languages none)."
                       "\"\"\"\n    return None\n");
        return;
    }
    sbuf_puts(out, "    \"\"\"The description of code in language lang, a "
                   "language code or locale\n    name (");
    for (l = 0; l < spec->reg.nlang; l++)
        sbuf_printf(out, "%s\"%s\"", l ? ", " : "", spec->reg.languages[l].s);
    sbuf_printf(out, "; \"%s-XX\" and \"%s_XX.UTF-8\" too); None or an "
                     "unknown\n    language gives the first language, "
                     "\"%s\".  None when code is not known.\"\"\"\n"
                     "    texts = _DESCRIPTIONS.get(code)\n"
                     "    if texts is None:\n"
                     "        return None\n", first, first, first);
    if (spec->reg.nlang > 1)
        sbuf_puts(out, "    if lang is not None:\n"
                       "        text = texts[_language(lang)]\n"
                       "        if text is not None:\n"
                       "            return text\n");
    sbuf_puts(out, "    return texts[0]\n");
}

/* The module's functions for any int. */
static void py_functions(const struct emit_ctx *ctx,
                           const struct py_names *t, int have_desc,
                           struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *N = sbuf_str(&t->code);
    size_t i;

    sbuf_puts(out,
        "\n\ndef reason(code: int) -> _typing.Optional[str]:\n"
        "    \"\"\"The wire phrase of code, or None when code is not "
        "known.\"\"\"\n"
        "    row = _CODES.get(code)\n"
        "    return None if row is None else row[1]\n"
        "\n\ndef name(code: int) -> _typing.Optional[str]:\n"
        "    \"\"\"The name of code's member, or None when code is not "
        "known.\"\"\"\n"
        "    row = _CODES.get(code)\n"
        "    return None if row is None else row[0]\n");
    emit_description(ctx, have_desc, out);
    sbuf_printf(out,
        "\n\ndef traits(code: int) -> %s:\n"
        "    \"\"\"The trait bits of code; none when code is not known."
        "\"\"\"\n"
        "    row = _CODES.get(code)\n"
        "    return %s(0 if row is None else row[3])\n",
        sbuf_str(&t->trait), sbuf_str(&t->trait));
    sbuf_printf(out,
        "\n\ndef class_of(code: int) -> %s:\n"
        "    \"\"\"The class whose range holds code, known or not; NONE "
        "when none does.\"\"\"\n", sbuf_str(&t->cls));
    for (i = 0; i < spec->nclasses; i++) {
        sbuf_puts(out, "    if ");
        py_range(out, "code", spec->classes[i].lo, spec->classes[i].hi);
        sbuf_printf(out, ":\n        return %s.%s\n", sbuf_str(&t->cls),
                    spec->classes[i].name.s);
    }
    sbuf_printf(out, "    return %s.NONE\n", sbuf_str(&t->cls));
    sbuf_printf(out,
        "\n\ndef status_of(code: int) -> %s:\n"
        "    \"\"\"The status of code in its registry; NONE when code is "
        "not known.\"\"\"\n"
        "    row = _CODES.get(code)\n"
        "    return %s(0 if row is None else row[4])\n"
        "\n\ndef reference(code: int) -> _typing.Optional[str]:\n"
        "    \"\"\"Where code is defined, or None when code is not known "
        "or the spec\n    names no reference.\"\"\"\n"
        "    row = _CODES.get(code)\n"
        "    return None if row is None else row[2]\n"
        "\n\ndef is_known(code: int) -> bool:\n"
        "    \"\"\"True when code is known (in the spec, registered or "
        "not).\"\"\"\n"
        "    return code in _CODES\n",
        sbuf_str(&t->life), sbuf_str(&t->life));
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_puts(out, "\n\ndef is_");
        sbuf_puts_case(out, c->name.s, 0);
        sbuf_puts(out, "(code: int) -> bool:\n"
                       "    \"\"\"True when code is in the range of class ");
        sbuf_puts(out, c->name.s);
        sbuf_puts(out, ", known or not.\"\"\"\n    return ");
        py_range(out, "code", c->lo, c->hi);
        sbuf_putc(out, '\n');
    }
    sbuf_puts(out, "\n\ndef is_error(code: int) -> bool:\n"
                   "    \"\"\"True when code is in the range of a class "
                   "marked as errors.\"\"\"\n    return ");
    py_error_test(spec, "code", out);
    sbuf_printf(out,
        "\n"
        "\n\ndef from_name(s: str) -> _typing.Optional[%s]:\n"
        "    \"\"\"The member named s (a name or a former name, compared "
        "exactly),\n    or None.\"\"\"\n"
        "    return %s.__members__.get(s)\n", N, N);
    if (spec->reg.no_phrases)
        return; /* codes without wire phrases: no from_reason() */
    sbuf_printf(out,
        "\n\ndef from_reason(s: str) -> _typing.Optional[%s]:\n"
        "    \"\"\"The member whose phrase or a former phrase is s, "
        "ignoring ASCII case,\n    or None.\"\"\"\n"
        "    # Phrases are ASCII; lower() makes some other characters "
        "ASCII\n"
        "    # (U+212A KELVIN SIGN becomes k).\n"
        "    if not s.isascii():\n"
        "        return None\n"
        "    code = _BY_REASON.get(s.lower())\n"
        "    return None if code is None else %s(code)\n", N, N);
}

/* Appends text as py_doc does, wrapped at spaces before column 78 into
 * lines indented by four spaces; col is the column the text starts at.  A
 * longer word gets a line of its own. */
static void py_doc_wrapped(struct sbuf *out, const char *text, int col)
{
    struct sbuf esc;
    const char *p;
    int start = col;

    sbuf_init(&esc);
    py_doc(&esc, text);
    for (p = sbuf_str(&esc); *p;) {
        size_t word = strcspn(p, " ");

        if (col > start && col + 1 + (int)word > 78) {
            sbuf_puts(out, "\n    ");
            col = start = 4;
        } else if (col > start) {
            sbuf_putc(out, ' ');
            col++;
        }
        sbuf_putn(out, p, word);
        col += (int)word;
        p += word;
        while (*p == ' ')
            p++;
    }
    if (sbuf_failed(&esc))
        out->failed = 1;
    sbuf_free(&esc);
}

/* What field f's function gives a code without a value, in words (a
 * Python expression, or "the default text"). */
static void py_default_words(const struct spec *spec,
                             const struct spec_field *f, struct sbuf *out)
{
    if (f->type == FIELD_TEXT)
        sbuf_puts(out, f->has_default ? "the default text" : "None");
    else
        py_field_default(spec, f, out);
}

/* The declared fields: a table of the codes' own values and a function
 * each, and the text fields' language lookup. */
static void py_fields(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    struct sbuf text;
    size_t i, k;

    if (spec->nfields == 0)
        return;
    sbuf_init(&text);
    sbuf_puts(out, "\n\n# The fields: per-code attributes the spec "
                   "declares.  Each table holds the\n# codes' own values; "
                   "the function gives the default to every other int.\n"
                   "# A field named like a keyword, a built-in or an "
                   "attribute of the members\n# has a trailing '_' (int_, "
                   "match_).\n");
    if (py_has_text_field(spec)) {
        sbuf_puts(out, "\n_FieldTexts = _typing.Tuple[_typing.Optional[str], "
                       "...]\n\n\n"
                       "def _field_text(\n"
                       "    texts: _typing.Optional[_FieldTexts], lang: "
                       "_typing.Optional[str]\n"
                       ") -> _typing.Optional[str]:\n"
                       "    \"\"\"The text of texts (one per language) in "
                       "language lang, matched as\n"
                       "    for description(), else in the first language; "
                       "None for no texts.\"\"\"\n"
                       "    if texts is None:\n        return None\n");
        if (spec->reg.nlang > 1)
            sbuf_puts(out, "    if lang is not None:\n"
                           "        text = texts[_language(lang)]\n"
                           "        if text is not None:\n"
                           "            return text\n");
        sbuf_puts(out, "    return texts[0]\n");
    }
    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        const char *doc = f->doc ? f->doc[0].s : NULL;

        sbuf_puts(out, "\n\n_FIELD_");
        sbuf_puts_case(out, f->name.s, 1);
        sbuf_puts(out, ": _typing.Dict[int, ");
        if (f->type == FIELD_TEXT)
            sbuf_puts(out, "_FieldTexts");
        else if (f->type == FIELD_STRING)
            sbuf_puts(out, "str");
        else
            py_field_type(spec, f, out);
        sbuf_puts(out, "] = {\n");
        for (k = 0; k < spec->ncodes; k++) {
            const struct field_value *v = spec_field_own(f, spec->order[k]);

            if (v == NULL)
                continue;
            sbuf_puts(out, "    ");
            sbuf_put_long(out, spec->codes[spec->order[k]].code);
            sbuf_puts(out, ": ");
            if (f->type == FIELD_TEXT)
                py_field_texts(spec, v, out);
            else
                py_field_value(spec, f, v, out);
            sbuf_puts(out, ",\n");
        }
        sbuf_puts(out, "}\n\n\ndef ");
        py_field_name(f, out);
        if (f->type == FIELD_TEXT)
            sbuf_puts(out, "(\n    code: int, lang: _typing.Optional[str] = "
                           "None\n) -> _typing.Optional[str]:\n");
        else {
            sbuf_puts(out, "(code: int) -> ");
            py_field_type(spec, f, out);
            sbuf_puts(out, ":\n");
        }
        sbuf_reset(&text);
        sbuf_printf(&text, "The field %s (%s) of code%s", f->name.s,
                    field_type_keyword(f->type), doc ? ": " : ".");
        if (doc)
            sbuf_puts(&text, doc);
        sbuf_puts(out, "    \"\"\"");
        py_doc_wrapped(out, sbuf_str(&text), 7);
        sbuf_reset(&text);
        sbuf_puts(&text, "A code without a value, or not known, gives ");
        py_default_words(spec, f, &text);
        sbuf_puts(&text, f->type == FIELD_TEXT
                             ? ". lang: as for description()." : ".");
        sbuf_puts(out, "\n    ");
        py_doc_wrapped(out, sbuf_str(&text), 4);
        sbuf_puts(out, "\"\"\"\n    return ");
        if (f->type == FIELD_TEXT)
            sbuf_puts(out, "_field_text(");
        sbuf_puts(out, "_FIELD_");
        sbuf_puts_case(out, f->name.s, 1);
        sbuf_puts(out, ".get(code");
        if (f->has_default || f->type != FIELD_STRING) {
            sbuf_puts(out, ", ");
            py_field_default(spec, f, out);
        }
        sbuf_puts(out, f->type == FIELD_TEXT ? "), lang)\n" : ")\n");
    }
    if (sbuf_failed(&text))
        out->failed = 1;
    sbuf_free(&text);
}

void emit_python(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    struct py_names t;
    struct sbuf file;
    int have_desc = emit_has_descriptions(spec);
    sbuf_init(&file);
    sbuf_init(&t.code);
    sbuf_init(&t.cls);
    sbuf_init(&t.trait);
    sbuf_init(&t.life);
    py_type(spec, "", &t.code);
    py_type(spec, "Class", &t.cls);
    py_type(spec, "Trait", &t.trait);
    py_type(spec, "Lifecycle", &t.life);

    sbuf_printf(&file, "%s.py", spec->reg.name.s);
    emit_banner_lines(ctx, sbuf_str(&file), "# ", out);
    sbuf_puts(out, "\"\"\"");
    py_doc(out, spec->reg.title ? spec->reg.title[0].s : spec->reg.name.s);
    sbuf_printf(out, ": the codes of the registry %s.\n\n"
                     "%s (an enum.IntEnum) has a member per code; the "
                     "functions\nanswer for any int, known or not, as the "
                     "C functions %s_*() do.\n"
                     "Python 3.8 or later, standard library only.\n"
                     "\"\"\"\n"
                     "import enum as _enum\nimport typing as _typing\n\n",
                spec->reg.name.s, sbuf_str(&t.code), spec->reg.name.s);
    emit_all(spec, &t, out);
    sbuf_printf(out, "# The identity of the spec model (the C header's "
                     "%s_SPEC_ID).\n"
                     "SPEC_ID: _typing.Final = \"%s\"\n\n\n",
                spec->reg.macro.s, ctx->spec_id);
    emit_small_enums(ctx, &t, out);
    emit_code_enum(ctx, &t, out);
    emit_tables(ctx, have_desc, out);
    py_functions(ctx, &t, have_desc, out);
    py_fields(ctx, out);
    if (sbuf_failed(&file) || sbuf_failed(&t.code) || sbuf_failed(&t.cls) ||
        sbuf_failed(&t.trait) || sbuf_failed(&t.life))
        out->failed = 1;
    sbuf_free(&file);
    sbuf_free(&t.code);
    sbuf_free(&t.cls);
    sbuf_free(&t.trait);
    sbuf_free(&t.life);
}
