/* SPDX-License-Identifier: MIT */
/*
 * emit_cxx.c - the C++17 companion of the C header: <name>.hpp.
 *
 * Header-only, for C++17 and later, and usable beside <name>.h and
 * <name>.c in one program: its names live in namespace statusgen::<name>
 * (the C header's enum <name> takes the registry's own name at global
 * scope), or in <MACRO>_NAMESPACE when the includer defines it; it
 * defines no macro but its include guard, which no C name can be.
 * Every lookup is constexpr: one table of the known codes, ascending,
 * searched by code, and two tables of the names and the phrases, sorted
 * here, searched by key.
 *
 * A declared field <field> is <field>(int) and <field>(code), returning
 * int, bool, ::std::optional<::std::string_view> (string and text: ""
 * is a value) or enum class <name>_<field> (numbered as the C enum, with
 * none = -1 when the field has no default); a text field's takes a
 * language as description() does.  A field name that is a reserved word,
 * a name the header declares (cxx_taken) or starts with "<name>_" takes
 * a trailing '_', which no field name has.
 *
 * Inside the namespace, the standard library is ::std (a registry may be
 * named std).  Enumerators are the spec's names in lower case; one that is a C++
 * keyword or alternative token, or a lower-case macro of the C library,
 * of GNU compilers or of Windows headers, takes a trailing '_' (delete_,
 * errno_, linux_), which no other name can have.
 */
#include "emit.h"

#include <string.h>

/* Words that cannot be an enumerator: C++ keywords and alternative
 * tokens, GNU modes' keywords (typeof), and object-like macros in lower
 * case: C's errno and standard streams, what GNU modes predefine (unix,
 * linux, i386...), what Windows headers define (interface, small,
 * near...). */
static const char *const cxx_reserved[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand",
    "bitor", "bool", "break", "case", "catch", "char", "char8_t",
    "char16_t", "char32_t", "class", "compl", "concept", "const",
    "consteval", "constexpr", "constinit", "const_cast", "continue",
    "co_await", "co_return", "co_yield", "decltype", "default", "delete",
    "do", "double", "dynamic_cast", "else", "enum", "explicit", "export",
    "extern", "false", "float", "for", "friend", "goto", "if", "inline",
    "int", "long", "mutable", "namespace", "new", "noexcept", "not",
    "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected",
    "public", "register", "reinterpret_cast", "requires", "return",
    "short", "signed", "sizeof", "static", "static_assert", "static_cast",
    "struct", "switch", "template", "this", "thread_local", "throw",
    "true", "try", "typedef", "typeid", "typename", "union", "unsigned",
    "using", "virtual", "void", "volatile", "wchar_t", "while", "xor",
    "xor_eq",
    "typeof", "typeof_unqual", "restrict",
    "errno", "stdin", "stdout", "stderr",
    "unix", "linux", "i386", "sun", "sparc", "mips", "vax",
    "interface", "small", "hyper", "near", "far", "pascal", "cdecl",
    NULL};

static const char *const lifecycle_docs[STATUS_COUNT_] = {
    "registered and in use",
    "registered for a limited time",
    "registered, but its use is discouraged",
    "registered as unused: not to be sent",
    "registered as no longer in use",
    "known, but not in the upstream registry",
};

/* Appends the spec name s (UPPER_SNAKE) in lower case, with a trailing
 * '_' when that is a reserved word. */
static void put_ident(struct sbuf *out, const char *s)
{
    const char *const *k;
    char low[64];
    size_t i;

    for (i = 0; s[i] && i < sizeof low - 1; i++)
        low[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a')
                                            : s[i];
    low[i] = '\0';
    sbuf_puts_case(out, s, 0);
    for (k = cxx_reserved; *k; k++)
        if (strcmp(*k, low) == 0) {
            sbuf_putc(out, '_');
            break;
        }
}

/* Appends a string literal of s (as the C emitters make them: plain
 * ASCII, octal escapes), or {} for an absent or empty text (the C
 * lookups answer NULL for both). */
static void put_text(struct sbuf *out, const char *s, int indent)
{
    if (s == NULL || *s == '\0') {
        sbuf_puts(out, "{}");
        return;
    }
    sbuf_c_literal(out, s, strlen(s), indent);
}

/* --- declared fields ------------------------------------------------- */

/* Names a field's accessor may not take besides cxx_reserved: what the
 * header declares in its namespace (the enums, namespaces trait and
 * detail, the lookups), std, and the function-like macros of the C
 * library, of glibc's <sys/types.h> and of <windows.h> that a name
 * followed by '(' would call. */
static const char *const cxx_taken[] = {
    "code", "code_class", "lifecycle", "trait", "detail", "spec_id",
    "to_string", "reason", "name", "description", "traits", "status_of",
    "reference", "is_known", "class_of", "is_error", "from_name",
    "from_reason", "std",
    "assert", "offsetof", "setjmp", "va_arg", "va_copy", "va_end",
    "va_start", "major", "minor", "makedev", "max", "min", NULL};

/* Appends the name of field f's accessor: its name, with a trailing '_'
 * when that is a reserved word (cxx_reserved), one of cxx_taken, or
 * starts with "<name>_" (the enums' names). */
static void put_field_fn(struct sbuf *out, const struct spec *spec,
                         const struct spec_field *f)
{
    const char *const *lists[2];
    const char *const *k;
    size_t n = strlen(spec->reg.name.s), i;

    lists[0] = cxx_reserved;
    lists[1] = cxx_taken;
    sbuf_puts(out, f->name.s);
    if (strncmp(f->name.s, spec->reg.name.s, n) == 0 && f->name.s[n] == '_') {
        sbuf_putc(out, '_');
        return;
    }
    for (i = 0; i < 2; i++)
        for (k = lists[i]; *k; k++)
            if (strcmp(*k, f->name.s) == 0) {
                sbuf_putc(out, '_');
                return;
            }
}

/* Appends a string literal of s, "" included. */
static void put_literal(struct sbuf *out, const char *s, int indent)
{
    if (*s == '\0')
        sbuf_puts(out, "\"\"");
    else
        sbuf_c_literal(out, s, strlen(s), indent);
}

/* Appends the type field f's accessor returns. */
static void put_field_ret(struct sbuf *out, const struct spec *spec,
                          const struct spec_field *f)
{
    switch (f->type) {
    case FIELD_INT:
        sbuf_puts(out, "int");
        return;
    case FIELD_BOOL:
        sbuf_puts(out, "bool");
        return;
    case FIELD_ENUM:
        sbuf_printf(out, "%s_%s", spec->reg.name.s, f->name.s);
        return;
    case FIELD_STRING:
    case FIELD_TEXT:
    case FIELD_TYPE_COUNT_:
        break;
    }
    sbuf_puts(out, "::std::optional<::std::string_view>");
}

/* Appends value v (NULL: none) of a field that is not a text. */
static void put_field_value(struct sbuf *out, const struct spec *spec,
                            const struct spec_field *f,
                            const struct field_value *v)
{
    switch (f->type) {
    case FIELD_INT:
        sbuf_put_long(out, v ? v->num : -1L);
        return;
    case FIELD_BOOL:
        sbuf_puts(out, v && v->num ? "true" : "false");
        return;
    case FIELD_ENUM:
        sbuf_printf(out, "%s_%s::", spec->reg.name.s, f->name.s);
        if (v)
            put_ident(out, f->values[v->num].s);
        else
            sbuf_puts(out, "none");
        return;
    case FIELD_STRING:
        if (v)
            put_literal(out, v->str.s, 15);
        else
            sbuf_puts(out, "::std::nullopt");
        return;
    case FIELD_TEXT:
    case FIELD_TYPE_COUNT_:
        break;
    }
}

/* Appends a text value's texts by language: {{"a", nullptr}}. */
static void put_field_texts(struct sbuf *out, const struct spec *spec,
                            const struct field_value *v)
{
    size_t l;

    sbuf_puts(out, "{{");
    for (l = 0; l < spec->reg.nlang; l++) {
        const char *s = v && v->text ? v->text[l].s : NULL;

        if (l)
            sbuf_puts(out, ", ");
        if (s)
            put_literal(out, s, 16);
        else
            sbuf_puts(out, "nullptr");
    }
    sbuf_puts(out, "}}");
}

/* Whether two values of field f are the same (NULL: none). */
static int same_field_value(const struct spec *spec,
                            const struct spec_field *f,
                            const struct field_value *a,
                            const struct field_value *b)
{
    size_t l;

    if (a == NULL || b == NULL)
        return a == b;
    switch (f->type) {
    case FIELD_INT:
    case FIELD_BOOL:
    case FIELD_ENUM:
        return a->num == b->num;
    case FIELD_STRING:
        return strcmp(a->str.s, b->str.s) == 0;
    case FIELD_TEXT:
        for (l = 0; l < spec->reg.nlang; l++) {
            const char *x = a->text ? a->text[l].s : NULL;
            const char *y = b->text ? b->text[l].s : NULL;

            if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0))
                return 0;
        }
        return 1;
    case FIELD_TYPE_COUNT_:
        break;
    }
    return 0;
}

/* The number of codes whose value of f is their own and not the
 * default: the cases of the accessor's switch. */
static size_t count_cases(const struct spec *spec, const struct spec_field *f)
{
    const struct field_value *def = f->has_default ? &f->def : NULL;
    size_t i, n = 0;

    for (i = 0; i < spec->ncodes; i++) {
        const struct field_value *v = spec_field_own(f, i);

        if (v && !same_field_value(spec, f, v, def))
            n++;
    }
    return n;
}

/* The enums of the enum fields, numbered as the C's. */
static void emit_field_enums(const struct spec *spec, struct sbuf *out)
{
    size_t i, j;

    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];

        if (f->type != FIELD_ENUM)
            continue;
        sbuf_printf(out, "/* The values of the field %s (the C enum %s_%s's "
                         "numbers). */\nenum class %s_%s : int {\n",
                    f->name.s, spec->reg.name.s, f->name.s, spec->reg.name.s,
                    f->name.s);
        if (!f->has_default)
            sbuf_puts(out, "    none = -1, /* no value */\n");
        for (j = 0; j < f->nvalues; j++) {
            sbuf_puts(out, "    ");
            put_ident(out, f->values[j].s);
            sbuf_printf(out, " = %lu,\n", (unsigned long)j);
        }
        sbuf_puts(out, "};\n\n");
    }
}

/* Whether the header has a text field and more than one language. */
static int has_text_fields(const struct spec *spec)
{
    size_t i;

    for (i = 0; i < spec->nfields; i++)
        if (spec->fields[i].type == FIELD_TEXT)
            return spec->reg.nlang > 1;
    return 0;
}

/* In namespace detail: each text field's texts by code. */
static void emit_field_texts(const struct spec *spec, struct sbuf *out)
{
    size_t i, k;
    int first = 1;

    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        const struct field_value *def = f->has_default ? &f->def : NULL;

        if (f->type != FIELD_TEXT)
            continue;
        if (first)
            sbuf_printf(out, "/* A text field's value: its text in each "
                             "language, nullptr where it has\n * none. */\n"
                             "struct field_text {\n"
                             "    const char *text[%lu];\n};\n\n",
                        (unsigned long)spec->reg.nlang);
        first = 0;
        sbuf_printf(out, "/* The texts of the field %s for code c. */\n"
                         "constexpr field_text field_%s(int%s) noexcept\n{\n",
                    f->name.s, f->name.s,
                    count_cases(spec, f) ? " c" : "");
        if (count_cases(spec, f)) {
            sbuf_puts(out, "    switch (c) {\n");
            for (k = 0; k < spec->ncodes; k++) {
                size_t ci = spec->order[k];
                const struct field_value *v = spec_field_own(f, ci);

                if (v == NULL || same_field_value(spec, f, v, def))
                    continue;
                sbuf_printf(out, "    case %ld:\n        return ",
                            spec->codes[ci].code);
                put_field_texts(out, spec, v);
                sbuf_puts(out, ";\n");
            }
            sbuf_puts(out, "    default:\n        return ");
            put_field_texts(out, spec, def);
            sbuf_puts(out, ";\n    }\n}\n\n");
        } else {
            sbuf_puts(out, "    return ");
            put_field_texts(out, spec, def);
            sbuf_puts(out, ";\n}\n\n");
        }
    }
}

/* The comment above a field's accessor. */
static void put_field_doc(struct sbuf *out, const struct spec *spec,
                          const struct spec_field *f)
{
    sbuf_printf(out, "/* The field %s (%s) of code c", f->name.s,
                field_type_keyword(f->type));
    if (f->doc && f->doc[0].s) {
        sbuf_puts(out, ": ");
        sbuf_c_comment(out, f->doc[0].s);
    } else {
        sbuf_putc(out, '.');
    }
    sbuf_puts(out, "\n * A code without a value, or not known, gives ");
    if (f->type == FIELD_TEXT)
        sbuf_puts(out, f->has_default ? "the default text" : "nullopt");
    else if (f->type == FIELD_STRING && !f->has_default)
        sbuf_puts(out, "nullopt");
    else
        put_field_value(out, spec, f, f->has_default ? &f->def : NULL);
    sbuf_puts(out, f->type == FIELD_TEXT
                       ? ".\n * lang: as for description().  The text is "
                         "UTF-8. */\n"
                       : ". */\n");
}

/* The accessors of the fields, by int and by code. */
static void emit_field_lookups(const struct spec *spec, struct sbuf *out)
{
    size_t i, k;

    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        const struct field_value *def = f->has_default ? &f->def : NULL;
        size_t ncases = count_cases(spec, f);

        put_field_doc(out, spec, f);
        sbuf_puts(out, "constexpr ");
        put_field_ret(out, spec, f);
        sbuf_putc(out, ' ');
        put_field_fn(out, spec, f);
        if (f->type == FIELD_TEXT) {
            sbuf_puts(out, "(int c, ::std::string_view lang = {}) noexcept\n"
                           "{\n");
            sbuf_printf(out, "    const detail::field_text texts = "
                             "detail::field_%s(c);\n", f->name.s);
            if (spec->reg.nlang > 1)
                sbuf_puts(out, "    const char *text = "
                               "texts.text[detail::lang_row(lang)];\n\n"
                               "    if (!text)\n"
                               "        text = texts.text[0];\n");
            else
                sbuf_puts(out, "    const char *text = texts.text[0];\n\n"
                               "    static_cast<void>(lang); /* one "
                               "language */\n");
            sbuf_puts(out, "    if (!text)\n"
                           "        return ::std::nullopt;\n"
                           "    return ::std::string_view(text);\n}\n\n");
        } else if (ncases == 0) {
            sbuf_puts(out, "(int) noexcept\n{\n    return ");
            put_field_value(out, spec, f, def);
            sbuf_puts(out, ";\n}\n\n");
        } else {
            sbuf_puts(out, "(int c) noexcept\n{\n    switch (c) {\n");
            for (k = 0; k < spec->ncodes; k++) {
                size_t ci = spec->order[k];
                const struct field_value *v = spec_field_own(f, ci);

                if (v == NULL || same_field_value(spec, f, v, def))
                    continue;
                sbuf_printf(out, "    case %ld:\n        return ",
                            spec->codes[ci].code);
                put_field_value(out, spec, f, v);
                sbuf_puts(out, ";\n");
            }
            sbuf_puts(out, "    default:\n        return ");
            put_field_value(out, spec, f, def);
            sbuf_puts(out, ";\n    }\n}\n\n");
        }
    }
    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        int text = f->type == FIELD_TEXT;

        if (i == 0)
            sbuf_puts(out, "/* The fields of a code of the enum. */\n");
        sbuf_puts(out, "constexpr ");
        put_field_ret(out, spec, f);
        sbuf_putc(out, ' ');
        put_field_fn(out, spec, f);
        sbuf_printf(out, "(code c%s) noexcept\n{\n    return ",
                    text ? ", ::std::string_view lang = {}" : "");
        put_field_fn(out, spec, f);
        sbuf_printf(out, "(static_cast<int>(c)%s);\n}\n\n",
                    text ? ", lang" : "");
    }
}

/* The enums, the trait constants and the spec id. */
static void emit_types(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *n = spec->reg.name.s;
    size_t i, j;
    int st;

    sbuf_printf(out,
        "/* The identity of the spec model behind this header: the C header "
        "made from\n * the same model defines it as %s_SPEC_ID. */\n"
        "inline constexpr ::std::string_view spec_id = \"%s\";\n\n",
        spec->reg.macro.s, ctx->spec_id);

    sbuf_puts(out, "/* ");
    sbuf_c_comment(out, spec->reg.title ? spec->reg.title[0].s : n);
    if (spec->reg.updated.s) {
        sbuf_puts(out, ", registry state of ");
        sbuf_c_comment(out, spec->reg.updated.s);
    }
    sbuf_printf(out, ": every known code.  Former names\n * are deprecated "
                     "enumerators. */\nenum class %s_code : int {\n", n);
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        sbuf_puts(out, "    /* ");
        sbuf_put_long(out, c->code);
        sbuf_putc(out, ' ');
        sbuf_c_comment(out, spec_reason(c));
        if (c->reference.s && *c->reference.s) {
            sbuf_puts(out, " (");
            sbuf_c_comment(out, c->reference.s);
            sbuf_putc(out, ')');
        }
        if (c->status != STATUS_STANDARD) {
            sbuf_puts(out, ": ");
            sbuf_puts(out, lifecycle_docs[c->status]);
        }
        sbuf_puts(out, " */\n    ");
        put_ident(out, c->name.s);
        sbuf_puts(out, " = ");
        sbuf_put_long(out, c->code);
        sbuf_puts(out, ",\n");
        for (j = 0; j < c->naliases; j++) {
            sbuf_puts(out, "    ");
            put_ident(out, c->aliases[j].s);
            sbuf_puts(out, " [[deprecated(\"a former name of ");
            put_ident(out, c->name.s);
            sbuf_puts(out, "\")]] = ");
            sbuf_put_long(out, c->code);
            sbuf_puts(out, ",\n");
        }
    }
    sbuf_printf(out, "};\nusing code = %s_code;\n\n", n);

    sbuf_puts(out, "/* Classes of codes, by range (class_of). */\n"
                   "enum class code_class : int {\n"
                   "    none = 0, /* in no class's range */\n");
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_puts(out, "    ");
        put_ident(out, c->name.s);
        sbuf_printf(out, " = %lu, /* %ld", (unsigned long)i + 1, c->lo);
        if (c->hi != c->lo)
            sbuf_printf(out, "-%ld", c->hi);
        if (c->title && c->title[0].s) {
            sbuf_putc(out, ' ');
            sbuf_c_comment(out, c->title[0].s);
        }
        sbuf_puts(out, " */\n");
    }
    sbuf_puts(out, "};\n\n");

    sbuf_puts(out, "/* The status of a code in its registry (status_of): "
                   "the values are the C\n * enum's. */\n"
                   "enum class lifecycle : int {\n"
                   "    none = 0, /* not a known code */\n");
    for (st = 0; st < STATUS_COUNT_; st++) {
        sbuf_puts(out, "    ");
        sbuf_puts(out, status_keyword((enum code_status)st));
        sbuf_printf(out, " = %d, /* %s */\n", st + 1, lifecycle_docs[st]);
    }
    sbuf_puts(out, "};\n\n");

    sbuf_printf(out, "/* Trait bits (traits()), as the C header's "
                     "%s_TRAIT_*. */\nnamespace trait {\n",
                spec->reg.macro.s);
    for (i = 0; i < spec->ntraits; i++) {
        const struct spec_trait *t = &spec->traits[i];

        if (t->doc && t->doc[0].s) {
            sbuf_puts(out, "/* ");
            sbuf_c_comment(out, t->doc[0].s);
            sbuf_puts(out, " */\n");
        }
        sbuf_puts(out, "inline constexpr unsigned ");
        put_ident(out, t->name.s);
        sbuf_printf(out, " = 1u << %lu;\n", (unsigned long)i);
    }
    sbuf_puts(out, "} // namespace trait\n\n");
    emit_field_enums(spec, out);
}

/* The tables and the searches, in namespace detail. */
static int emit_detail(const struct spec *spec, struct sbuf *out)
{
    size_t nl = spec->reg.no_descriptions ? 0 : spec->reg.nlang, i, j, l;
    struct emit_key *keys;
    size_t nkeys;
    int phrases;

    sbuf_puts(out,
        "namespace detail {\n\n"
        "/* One known code: what every lookup by code answers (an empty "
        "text: none). */\n"
        "struct entry {\n"
        "    int number;\n"
        "    ::std::string_view id;\n"
        "    ::std::string_view phrase;\n"
        "    ::std::string_view line; /* \"404 Not Found\" */\n"
        "    ::std::string_view ref;\n"
        "    unsigned bits;\n"
        "    lifecycle life;\n");
    if (nl)
        sbuf_printf(out, "    ::std::string_view text[%lu]; /* by language */"
                         "\n", (unsigned long)nl);
    sbuf_puts(out, "};\n\n/* Every known code, ascending. */\n"
                   "inline constexpr entry entries[] = {\n");
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];
        int first = 1;

        sbuf_printf(out, "    {%ld, \"%s\", ", c->code, c->name.s);
        put_text(out, spec_reason(c), 8);
        sbuf_printf(out, ",\n     \"%ld ", c->code);
        sbuf_c_escape(out, spec_reason(c), strlen(spec_reason(c)));
        sbuf_puts(out, "\", ");
        put_text(out, c->reference.s, 8);
        sbuf_puts(out, ",\n     ");
        if (!c->trait_bits)
            sbuf_puts(out, "0u");
        for (j = 0; j < spec->ntraits; j++) {
            if (!(c->trait_bits & (1u << j)))
                continue;
            sbuf_puts(out, first ? "trait::" : " | trait::");
            put_ident(out, spec->traits[j].name.s);
            first = 0;
        }
        sbuf_printf(out, ", lifecycle::%s", status_keyword(c->status));
        if (nl) {
            sbuf_puts(out, ",\n     {");
            for (l = 0; l < nl; l++) {
                sbuf_puts(out, l ? ",\n      " : "");
                put_text(out, c->desc[l].s, 6);
            }
            sbuf_putc(out, '}');
        }
        sbuf_puts(out, "},\n");
    }
    sbuf_printf(out, "};\ninline constexpr ::std::size_t count = %lu;\n\n",
                (unsigned long)spec->ncodes);

    sbuf_puts(out,
        "/* The entry of code c, or nullptr. */\n"
        "constexpr const entry *find(int c) noexcept\n{\n"
        "    ::std::size_t lo = 0, hi = count;\n\n"
        "    while (lo < hi) {\n"
        "        ::std::size_t mid = lo + (hi - lo) / 2;\n\n"
        "        if (entries[mid].number < c)\n"
        "            lo = mid + 1;\n"
        "        else\n"
        "            hi = mid;\n"
        "    }\n"
        "    return lo < count && entries[lo].number == c ? &entries[lo] "
        ": nullptr;\n}\n\n"
        "/* A name or a phrase and its code. */\n"
        "struct key {\n"
        "    ::std::string_view text;\n"
        "    int number;\n"
        "};\n\n");
    for (phrases = 0; phrases <= !spec->reg.no_phrases; phrases++) {
        if (emit_sorted_keys(spec, phrases, &keys, &nkeys) != 0)
            return -1;
        sbuf_printf(out, "/* Every %s, sorted by bytes%s. */\n"
                         "inline constexpr key %s[] = {\n",
                    phrases ? "phrase and former phrase"
                            : "name and former name",
                    phrases ? " in ASCII lower case" : "",
                    phrases ? "by_reason" : "by_name");
        for (i = 0; i < nkeys; i++) {
            sbuf_puts(out, "    {");
            put_text(out, keys[i].text, 5);
            sbuf_printf(out, ", %ld},\n", keys[i].code->code);
        }
        /* No key (phrases: false): one entry the count leaves unread, as
         * C++ has no empty array. */
        if (nkeys == 0)
            sbuf_puts(out, "    {::std::string_view(), -1}, /* none */\n");
        sbuf_printf(out, "};\ninline constexpr ::std::size_t %s = %lu;\n\n",
                    phrases ? "nreasons" : "nnames", (unsigned long)nkeys);
        sg_free(keys);
    }

    sbuf_puts(out,
        "/* c in ASCII lower case. */\n"
        "constexpr unsigned char lower(char c) noexcept\n{\n"
        "    unsigned char u = static_cast<unsigned char>(c);\n\n"
        "    return u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u | "
        "0x20u) : u;\n}\n\n"
        "/* <0, 0 or >0 as a sorts before, with or after b; folded: b in "
        "ASCII lower\n * case. */\n"
        "constexpr int compare(::std::string_view a, ::std::string_view b,\n"
        "                      bool folded) noexcept\n{\n"
        "    ::std::size_t n = a.size() < b.size() ? a.size() : b.size();\n\n"
        "    for (::std::size_t i = 0; i < n; ++i) {\n"
        "        unsigned char x = static_cast<unsigned char>(a[i]);\n"
        "        unsigned char y = folded ? lower(b[i]) : "
        "static_cast<unsigned char>(b[i]);\n\n"
        "        if (x != y)\n"
        "            return x < y ? -1 : 1;\n"
        "    }\n"
        "    return a.size() == b.size() ? 0 : a.size() < b.size() ? -1 : "
        "1;\n}\n\n"
        "/* The code of s among the n keys, or -1. */\n"
        "constexpr int search(const key *keys, ::std::size_t n, "
        "::std::string_view s,\n"
        "                     bool folded) noexcept\n{\n"
        "    ::std::size_t lo = 0, hi = n;\n\n"
        "    while (lo < hi) {\n"
        "        ::std::size_t mid = lo + (hi - lo) / 2;\n"
        "        int d = compare(keys[mid].text, s, folded);\n\n"
        "        if (d == 0)\n"
        "            return keys[mid].number;\n"
        "        if (d < 0)\n"
        "            lo = mid + 1;\n"
        "        else\n"
        "            hi = mid;\n"
        "    }\n"
        "    return -1;\n}\n\n");

    if (nl > 1 || has_text_fields(spec)) {
        sbuf_puts(out,
            "/* The row of lang among the languages: its letters up to '-', "
            "'_', '.',\n * '@' or the end, compared ignoring case; 0 (the "
            "first language) when\n * lang is not a language of the "
            "registry. */\n"
            "constexpr ::std::size_t lang_row(::std::string_view lang) noexcept"
            "\n{\n"
            "    ::std::size_t n = 0;\n\n"
            "    while (n < 8 && n < lang.size() && lower(lang[n]) >= 'a' &&"
            "\n           lower(lang[n]) <= 'z')\n"
            "        ++n;\n"
            "    if (n < lang.size() && lang[n] != '\\0' && lang[n] != '-' "
            "&&\n        lang[n] != '_' && lang[n] != '.' && lang[n] != '@')"
            "\n        return 0;\n");
        for (l = 1; l < spec->reg.nlang; l++)
            sbuf_printf(out, "    if (compare(\"%s\", lang.substr(0, n), "
                             "true) == 0)\n        return %lu;\n",
                        spec->reg.languages[l].s, (unsigned long)l);
        sbuf_puts(out, "    return 0;\n}\n\n");
    }
    emit_field_texts(spec, out);
    sbuf_puts(out, "} // namespace detail\n\n");
    return 0;
}

/* The public lookups. */
static void emit_lookups(const struct spec *spec, struct sbuf *out)
{
    const struct spec_code *ex = &spec->codes[spec->order[0]];
    size_t nl = spec->reg.no_descriptions ? 0 : spec->reg.nlang, i, l;
    size_t nerr = 0;

    sbuf_puts(out, spec->reg.no_phrases
                       ? "/* The reason of code c: its phrase, else its "
                         "description in the first\n * language, else its "
                         "name (\""
                       : "/* The phrase of code c (\"");
    sbuf_c_comment(out, spec_reason(ex));
    sbuf_printf(out, "\" for %ld); empty when c is not known. */\n"
        "constexpr ::std::string_view reason(int c) noexcept\n{\n"
        "    const detail::entry *e = detail::find(c);\n\n"
        "    return e ? e->phrase : ::std::string_view();\n}\n\n", ex->code);
    sbuf_printf(out, "/* The name of code c (\"%s\" for %ld), as the spec "
        "writes it; empty when c\n * is not known. */\n"
        "constexpr ::std::string_view name(int c) noexcept\n{\n"
        "    const detail::entry *e = detail::find(c);\n\n"
        "    return e ? e->id : ::std::string_view();\n}\n\n",
        ex->name.s, ex->code);
    sbuf_printf(out, "/* Code c and its phrase (\"%ld ", ex->code);
    sbuf_c_comment(out, spec_reason(ex));
    sbuf_puts(out, "\"); empty when c is not known. */\n"
        "constexpr ::std::string_view to_string(int c) noexcept\n{\n"
        "    const detail::entry *e = detail::find(c);\n\n"
        "    return e ? e->line : ::std::string_view();\n}\n\n");

    if (nl == 0) {
        sbuf_puts(out, "/* Empty: this file was generated without "
                       "descriptions (statusgen\n * --languages none). */\n"
                       "constexpr ::std::string_view description(int, "
                       "::std::string_view = {}) noexcept\n{\n"
                       "    return {};\n}\n\n");
    } else {
        sbuf_puts(out, "/* The description of code c in language lang, a "
                       "language code or locale\n * name (");
        for (l = 0; l < nl; l++)
            sbuf_printf(out, "%s\"%s\"", l ? ", " : "",
                        spec->reg.languages[l].s);
        sbuf_printf(out, "; \"%s-XX\" and \"%s_XX.UTF-8\" too); empty or "
            "an\n * unknown language gives the first language, \"%s\".  "
            "Empty when c is not\n * known.  The text is UTF-8. */\n",
            spec->reg.languages[0].s, spec->reg.languages[0].s,
            spec->reg.languages[0].s);
        if (nl == 1) {
            sbuf_puts(out,
                "constexpr ::std::string_view description(int c, "
                "::std::string_view = {}) noexcept\n{\n"
                "    const detail::entry *e = detail::find(c);\n\n"
                "    return e ? e->text[0] : ::std::string_view();\n}\n\n");
        } else {
            sbuf_puts(out,
                "constexpr ::std::string_view description(int c, "
                "::std::string_view lang = {}) noexcept\n{\n"
                "    const detail::entry *e = detail::find(c);\n\n"
                "    if (!e)\n        return {};\n"
                "    ::std::string_view text = "
                "e->text[detail::lang_row(lang)];\n"
                "    return text.empty() ? e->text[0] : text;\n}\n\n");
        }
    }

    sbuf_puts(out,
        "/* The traits of code c, bits of namespace trait; 0 when c is not "
        "known. */\n"
        "constexpr unsigned traits(int c) noexcept\n{\n"
        "    const detail::entry *e = detail::find(c);\n\n"
        "    return e ? e->bits : 0u;\n}\n\n"
        "/* The status of code c; lifecycle::none when c is not known. */\n"
        "constexpr lifecycle status_of(int c) noexcept\n{\n"
        "    const detail::entry *e = detail::find(c);\n\n"
        "    return e ? e->life : lifecycle::none;\n}\n\n"
        "/* Where code c is defined; empty when c is not known or the spec "
        "names no\n * reference. */\n"
        "constexpr ::std::string_view reference(int c) noexcept\n{\n"
        "    const detail::entry *e = detail::find(c);\n\n"
        "    return e ? e->ref : ::std::string_view();\n}\n\n"
        "/* True when code c is known (in the spec, registered or not). */\n"
        "constexpr bool is_known(int c) noexcept\n{\n"
        "    return detail::find(c) != nullptr;\n}\n\n");

    sbuf_puts(out, "/* The class whose range holds code c, known or not; "
                   "code_class::none when\n * none does. */\n");
    if (spec->nclasses == 0) {
        sbuf_puts(out, "constexpr code_class class_of(int) noexcept\n{\n"
                       "    return code_class::none;\n}\n\n");
    } else {
        sbuf_puts(out, "constexpr code_class class_of(int c) noexcept\n{\n");
        for (i = 0; i < spec->nclasses; i++) {
            const struct spec_class *k = &spec->classes[i];

            sbuf_printf(out, "    if (c >= %ld && c <= %ld)\n"
                             "        return code_class::", k->lo, k->hi);
            put_ident(out, k->name.s);
            sbuf_puts(out, ";\n");
        }
        sbuf_puts(out, "    return code_class::none;\n}\n\n");
    }
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *k = &spec->classes[i];

        sbuf_printf(out, "/* True when code c is in the range of class %s "
                         "(%ld-%ld), known or not. */\n"
                         "constexpr bool is_", k->name.s, k->lo, k->hi);
        sbuf_puts_case(out, k->name.s, 0);
        sbuf_printf(out, "(int c) noexcept\n{\n"
                         "    return c >= %ld && c <= %ld;\n}\n\n",
                    k->lo, k->hi);
        if (k->error)
            nerr++;
    }
    sbuf_puts(out, "/* True when code c is in the range of a class marked "
                   "as errors, known or\n * not. */\n");
    if (nerr == 0) {
        sbuf_puts(out, "constexpr bool is_error(int) noexcept\n{\n"
                       "    return false;\n}\n\n");
    } else {
        sbuf_puts(out, "constexpr bool is_error(int c) noexcept\n{\n"
                       "    return ");
        for (i = 0; i < spec->nclasses; i++) {
            const struct spec_class *k = &spec->classes[i];

            if (!k->error)
                continue;
            sbuf_printf(out, "(c >= %ld && c <= %ld)", k->lo, k->hi);
            if (--nerr)
                sbuf_puts(out, " ||\n           ");
        }
        sbuf_puts(out, ";\n}\n\n");
    }

    sbuf_puts(out,
        "/* The code named s (its name or a former name, compared exactly); "
        "empty when\n * there is none. */\n"
        "constexpr ::std::optional<code> from_name(::std::string_view s) "
        "noexcept\n{\n"
        "    int c = detail::search(detail::by_name, detail::nnames, s, "
        "false);\n\n"
        "    if (c < 0)\n        return ::std::nullopt;\n"
        "    return static_cast<code>(c);\n}\n\n");
    if (!spec->reg.no_phrases)
        sbuf_puts(out,
        "/* The code whose phrase or a former phrase is s, ignoring ASCII "
        "case; empty\n * when there is none. */\n"
        "constexpr ::std::optional<code> from_reason(::std::string_view s) "
        "noexcept\n{\n"
        "    int c = detail::search(detail::by_reason, detail::nreasons, s, "
        "true);\n\n"
        "    if (c < 0)\n        return ::std::nullopt;\n"
        "    return static_cast<code>(c);\n}\n\n");

    /* The same lookups for a code of the enum. */
    sbuf_puts(out,
        "/* The lookups for a code of the enum. */\n"
        "constexpr ::std::string_view reason(code c) noexcept\n"
        "{\n    return reason(static_cast<int>(c));\n}\n\n"
        "constexpr ::std::string_view name(code c) noexcept\n"
        "{\n    return name(static_cast<int>(c));\n}\n\n"
        "constexpr ::std::string_view to_string(code c) noexcept\n"
        "{\n    return to_string(static_cast<int>(c));\n}\n\n"
        "constexpr ::std::string_view description(code c, ::std::string_view "
        "lang = {}) noexcept\n"
        "{\n    return description(static_cast<int>(c), lang);\n}\n\n"
        "constexpr unsigned traits(code c) noexcept\n"
        "{\n    return traits(static_cast<int>(c));\n}\n\n"
        "constexpr lifecycle status_of(code c) noexcept\n"
        "{\n    return status_of(static_cast<int>(c));\n}\n\n"
        "constexpr ::std::string_view reference(code c) noexcept\n"
        "{\n    return reference(static_cast<int>(c));\n}\n\n"
        "constexpr code_class class_of(code c) noexcept\n"
        "{\n    return class_of(static_cast<int>(c));\n}\n\n");
    for (i = 0; i < spec->nclasses; i++) {
        sbuf_puts(out, "constexpr bool is_");
        sbuf_puts_case(out, spec->classes[i].name.s, 0);
        sbuf_puts(out, "(code c) noexcept\n{\n    return is_");
        sbuf_puts_case(out, spec->classes[i].name.s, 0);
        sbuf_puts(out, "(static_cast<int>(c));\n}\n\n");
    }
    sbuf_puts(out, "constexpr bool is_error(code c) noexcept\n"
                   "{\n    return is_error(static_cast<int>(c));\n}\n\n");
    emit_field_lookups(spec, out);
}

void emit_cxx(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *n = spec->reg.name.s, *m = spec->reg.macro.s;
    struct sbuf file;

    sbuf_init(&file);
    sbuf_printf(&file, "%s.hpp", n);
    emit_banner_c(ctx, sbuf_str(&file), out);
    sbuf_printf(out,
        "\n/* For C++17 and later, header-only.  The names are in namespace "
        "statusgen::%s,\n * or in %s_NAMESPACE when it is defined; %s.h and "
        "%s.c may be in the\n * same program.  Every lookup is constexpr. */"
        "\n#ifndef %s_HPP_\n#define %s_HPP_\n\n"
        "#if defined(_MSVC_LANG)\n#if _MSVC_LANG < 201703L\n"
        "#error \"%s.hpp needs C++17 or later\"\n#endif\n"
        "#elif !defined(__cplusplus) || __cplusplus < 201703L\n"
        "#error \"%s.hpp needs C++17 or later\"\n#endif\n\n"
        "#include <cstddef>\n#include <optional>\n#include <string_view>\n\n"
        "#ifdef %s_NAMESPACE\nnamespace %s_NAMESPACE {\n#else\n"
        "namespace statusgen::%s {\n#endif\n\n",
        n, m, n, n, m, m, n, n, m, m, n);
    if (spec->nfields)
        sbuf_printf(out,
            "/* The fields the spec declares are functions over any code "
            "and overloads for\n * the enum, under the field's name; one "
            "that is a C++ keyword, a lower-case\n * macro, a name this "
            "header declares or starts with \"%s_\" (the enums of\n * "
            "the enum fields, enum class %s_<field>) takes a trailing "
            "'_'. */\n\n", n, n);
    emit_types(ctx, out);
    if (emit_detail(spec, out) != 0)
        out->failed = 1;
    emit_lookups(spec, out);
    sbuf_printf(out, "} // namespace\n\n#endif /* %s_HPP_ */\n", m);
    if (sbuf_failed(&file))
        out->failed = 1;
    sbuf_free(&file);
}
