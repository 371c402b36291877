/*
 * emit_header.c - the generated header: <name>.h.
 */
#include "emit.h"

#include <string.h>

/* Appends one enumerator line; *first tracks the comma between items
 * (C89 and C++98 allow no comma after the last). */
static void enumerator(struct sbuf *out, int *first, const char *comment)
{
    if (!*first)
        sbuf_puts(out, ",\n");
    *first = 0;
    if (comment) {
        sbuf_puts(out, "    /* ");
        sbuf_c_comment(out, comment);
        sbuf_puts(out, " */\n");
    }
}

/* The code enum, aliases right after the code they stand for. */
static void emit_code_enum(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *m = spec->reg.macro.s;
    struct sbuf doc;
    int first = 1;
    size_t i, j;

    sbuf_init(&doc);
    sbuf_puts(out, "/* ");
    sbuf_c_comment(out, spec->reg.title ? spec->reg.title[0].s
                                        : spec->reg.name.s);
    if (spec->reg.updated.s) {
        sbuf_puts(out, ", registry state of ");
        sbuf_c_comment(out, spec->reg.updated.s);
    }
    sbuf_printf(out, ". */\nenum %s {\n", spec->reg.name.s);
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        sbuf_reset(&doc);
        sbuf_put_long(&doc, c->code);
        sbuf_putc(&doc, ' ');
        sbuf_puts(&doc, spec_reason(c));
        if (c->reference.s) {
            sbuf_puts(&doc, " (");
            sbuf_puts(&doc, c->reference.s);
            sbuf_putc(&doc, ')');
        }
        if (c->status == STATUS_DEPRECATED)
            sbuf_puts(&doc, ".  Deprecated: registered, but its use is "
                            "discouraged");
        else if (c->status == STATUS_OBSOLETE)
            sbuf_puts(&doc, ".  Obsolete: registered as no longer in use");
        else if (c->status != STATUS_STANDARD)
            sbuf_printf(&doc, " [%s]", status_keyword(c->status));
        enumerator(out, &first, sbuf_str(&doc));
        sbuf_puts(out, "    ");
        sbuf_puts(out, m);
        sbuf_putc(out, '_');
        sbuf_puts(out, c->name.s);
        sbuf_puts(out, " = ");
        sbuf_put_long(out, c->code);
        for (j = 0; j < c->naliases; j++) {
            sbuf_reset(&doc);
            sbuf_printf(&doc, "Former name of %s_%s", m, c->name.s);
            enumerator(out, &first, sbuf_str(&doc));
            sbuf_printf(out, "    %s_%s %s_DEPRECATED = %ld", m,
                        c->aliases[j].s, m, c->code);
        }
    }
    sbuf_puts(out, "\n};\n\n");
    if (sbuf_failed(&doc))
        out->failed = 1;
    sbuf_free(&doc);
}

/* The class enum: NONE first, then the classes in spec order. */
static void emit_class_enum(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *m = spec->reg.macro.s;
    size_t i;

    sbuf_printf(out, "/* Classes of codes, by range (%s_class_of). */\n"
                     "enum %s_class {\n    %s_CLASS_NONE = 0",
                spec->reg.name.s, spec->reg.name.s, m);
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_printf(out, ",\n    %s_CLASS_%s /* %ld-%ld", m, c->name.s,
                    c->lo, c->hi);
        if (c->title && c->title[0].s) {
            sbuf_putc(out, ' ');
            sbuf_c_comment(out, c->title[0].s);
        }
        sbuf_puts(out, " */");
    }
    sbuf_puts(out, "\n};\n\n");
}

/* What each enumerator of enum <name>_lifecycle means, in enum
 * code_status order after NONE. */
static const char *const lifecycle_docs[STATUS_COUNT_] = {
    "registered and in use",
    "registered for a limited time",
    "registered, but its use is discouraged",
    "registered as unused: not to be sent",
    "registered as no longer in use",
    "known, but not in the upstream registry",
};

/* The lifecycle enum (<name>_status_of): NONE, then the status words. */
static void emit_lifecycle_enum(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *m = spec->reg.macro.s;
    int st;

    sbuf_printf(out, "/* The status of a code in its registry (%s_status_of)."
                     " */\nenum %s_lifecycle {\n"
                     "    %s_LIFECYCLE_NONE = 0 /* not a known code */",
                spec->reg.name.s, spec->reg.name.s, m);
    for (st = 0; st < STATUS_COUNT_; st++) {
        sbuf_printf(out, ",\n    %s_LIFECYCLE_", m);
        sbuf_puts_case(out, status_keyword((enum code_status)st), 1);
        sbuf_printf(out, " /* %s */", lifecycle_docs[st]);
    }
    sbuf_puts(out, "\n};\n\n");
}

/* One "defined(X)" term of the clash check, one to a line (a name added
 * to the spec changes one line of the header, not the rest of a paragraph). */
static void clash(const struct emit_ctx *ctx, struct sbuf *out, int *first,
                  const char *name)
{
    sbuf_puts(out, *first ? "#if defined(" : " || \\\n    defined(");
    sbuf_puts(out, ctx->spec->reg.macro.s);
    sbuf_putc(out, '_');
    sbuf_puts(out, name);
    sbuf_putc(out, ')');
    *first = 0;
}

/*
 * Stops the build when a name the header declares is already a macro (as
 * Windows' <winhttp.h> defines HTTP_STATUS_OK): the enumerator would be
 * replaced by the macro's text.  One #if over every name and one #error,
 * so the check costs a line per name, after the enums so that they
 * come first in the header: the compiler's error in the enum names the
 * macro ("in expansion of macro ..."), and the comment says how to list
 * the culprits.
 */
static void emit_clash_check(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    struct sbuf name;
    int first = 1;
    size_t i, j;

    sbuf_init(&name);
    sbuf_printf(out, "/* Every name of this header must be free.  If another "
                     "header has made one\n"
                     " * a macro, the enums above do not compile (the error "
                     "says \"in expansion of\n"
                     " * macro\" and names it) and the build stops here; "
                     "list them with\n"
                     " * cc -E -dM file.c | grep '%s_'.  #undef it, include "
                     "this header\n"
                     " * where the other is not, or regenerate with --macro. "
                     "*/\n", spec->reg.macro.s);
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        clash(ctx, out, &first, c->name.s);
        for (j = 0; j < c->naliases; j++)
            clash(ctx, out, &first, c->aliases[j].s);
    }
    for (i = 0; i < spec->nclasses; i++) {
        sbuf_reset(&name);
        sbuf_printf(&name, "CLASS_%s", spec->classes[i].name.s);
        clash(ctx, out, &first, sbuf_str(&name));
    }
    for (i = 0; i < spec->ntraits; i++) {
        sbuf_reset(&name);
        sbuf_printf(&name, "TRAIT_%s", spec->traits[i].name.s);
        clash(ctx, out, &first, sbuf_str(&name));
    }
    clash(ctx, out, &first, "CLASS_NONE");
    for (i = 0; i <= STATUS_COUNT_; i++) {
        sbuf_reset(&name);
        sbuf_puts(&name, "LIFECYCLE_");
        sbuf_puts_case(&name,
                       i ? status_keyword((enum code_status)(i - 1)) : "none",
                       1);
        clash(ctx, out, &first, sbuf_str(&name));
    }
    clash(ctx, out, &first, "COUNT");
    clash(ctx, out, &first, "LIST");
    sbuf_printf(out, "\n#error \"a name in %s.h is already a macro: "
                     "see the comment above\"\n#endif\n\n",
                spec->reg.name.s);
    if (sbuf_failed(&name))
        out->failed = 1;
    sbuf_free(&name);
}

/* Appends "lo-hi", or "lo" for a class of one code. */
static void put_range(struct sbuf *out, const struct spec_class *c)
{
    if (c->lo == c->hi)
        sbuf_printf(out, "%ld", c->lo);
    else
        sbuf_printf(out, "%ld-%ld", c->lo, c->hi);
}

/* The by-range predicates: <name>_is_<class>() and <name>_is_error(). */
static void emit_class_prototypes(const struct emit_ctx *ctx,
                                  struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *n = spec->reg.name.s;
    size_t i, nerr = 0;

    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_puts(out, "/* 1 when code is in the range of class ");
        sbuf_puts(out, c->name.s);
        sbuf_puts(out, " (");
        put_range(out, c);
        sbuf_printf(out, "),\n * known or not; else 0. */\nint %s_is_", n);
        sbuf_puts_case(out, c->name.s, 0);
        sbuf_puts(out, "(int code);\n\n");
        if (c->error)
            nerr++;
    }
    if (nerr == 0) {
        sbuf_printf(out, "/* 1 when code is in the range of a class marked "
                         "as errors; no class is, so\n * always 0. */\n"
                         "int %s_is_error(int code);\n\n", n);
        return;
    }
    sbuf_puts(out, "/* 1 when code is in the range of a class marked as "
                   "errors (");
    for (i = 0; i < spec->nclasses; i++) {
        if (!spec->classes[i].error)
            continue;
        put_range(out, &spec->classes[i]);
        if (--nerr)
            sbuf_puts(out, ", ");
    }
    sbuf_printf(out, "),\n * known or not; else 0. */\n"
                     "int %s_is_error(int code);\n\n", n);
}

static void emit_prototypes(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *n = spec->reg.name.s, *m = spec->reg.macro.s;
    const char *first_lang = spec->reg.languages[0].s;
    const struct spec_code *ex = &spec->codes[spec->order[0]];
    const struct spec_code *ref = NULL;
    size_t i;

    for (i = 0; i < spec->ncodes && ref == NULL; i++)
        if (spec->codes[spec->order[i]].reference.s)
            ref = &spec->codes[spec->order[i]];
    /* The examples name the registry's own first code. */
    if (spec->reg.no_phrases) {
        sbuf_printf(out, "/* The label of code: its phrase when it has one "
                         "(the registry has no\n * wire phrases), else its "
                         "description in the first language, else\n * its "
                         "name; NULL when code is not known. */\n"
                         "const char *%s_reason(int code);\n\n", n);
    } else {
        sbuf_puts(out, "/* The phrase of code (\"");
        sbuf_c_comment(out, ex->phrase.s);
        sbuf_printf(out, "\" for %ld), or NULL when code is not\n"
                         " * known. */\nconst char *%s_reason(int code);"
                         "\n\n", ex->code, n);
    }
    sbuf_printf(out, "/* The name of code without the prefix (\"%s\" for "
                     "%ld), or NULL when\n * code is not known. */\n"
                     "const char *%s_name(int code);\n\n",
                ex->name.s, ex->code, n);
    if (spec->reg.no_descriptions) {
        sbuf_printf(out,
            "/* NULL: this file was generated without descriptions "
            "(statusgen\n * --languages none). */\n"
            "const char *%s_description(int code, const char *lang);\n\n",
            n);
    } else {
        sbuf_puts(out, "/* The description of code in language lang, a "
                       "language code or locale\n * name (");
        for (i = 0; i < spec->reg.nlang; i++)
            sbuf_printf(out, "%s\"%s\"", i ? ", " : "",
                        spec->reg.languages[i].s);
        sbuf_printf(out,
            "; \"%s-XX\" and \"%s_XX.UTF-8\" too); NULL or an\n"
            " * unknown language gives the first language, \"%s\".  NULL "
            "when code is\n * not known.  The text is UTF-8. */\n"
            "const char *%s_description(int code, const char *lang);\n\n",
            first_lang, first_lang, first_lang, n);
    }
    sbuf_printf(out,
        "/* The class whose range holds code, known or not; "
        "%s_CLASS_NONE when\n * none does. */\n"
        "enum %s_class %s_class_of(int code);\n\n", m, n, n);
    emit_class_prototypes(ctx, out);
    sbuf_printf(out,
        "/* The traits of code as a bit set of %s_TRAIT_*; 0 when code is "
        "not\n * known. */\n"
        "unsigned %s_traits(int code);\n\n", m, n);
    sbuf_printf(out,
        "/* 1 when code is known (in the spec, registered or not: see\n"
        " * %s_status_of), else 0. */\n"
        "int %s_is_known(int code);\n\n", n, n);
    sbuf_printf(out,
        "/* The status of code: %s_LIFECYCLE_STANDARD, _TEMPORARY,\n"
        " * _DEPRECATED, _UNUSED or _OBSOLETE for a registered code, "
        "_UNOFFICIAL for\n * a code known but not registered, "
        "%s_LIFECYCLE_NONE when code is not\n * known. */\n"
        "enum %s_lifecycle %s_status_of(int code);\n\n", m, m, n, n);
    if (ref) {
        sbuf_puts(out, "/* Where code is defined (\"");
        sbuf_c_comment(out, ref->reference.s);
        sbuf_printf(out, "\" for %ld), or NULL\n * when code is not known "
                         "or the spec names no reference. */\n", ref->code);
    } else {
        sbuf_puts(out, "/* Where code is defined, or NULL when code is not "
                       "known or the spec\n * names no reference (this spec "
                       "names none). */\n");
    }
    sbuf_printf(out, "const char *%s_reference(int code);\n\n", n);
    sbuf_printf(out,
        "/* The code named name (\"%s\", or one of its former names), "
        "compared\n * exactly; -1 when there is none or name is NULL. */\n"
        "int %s_from_name(const char *name);\n\n", ex->name.s, n);
    if (!spec->reg.no_phrases)
        sbuf_printf(out,
            "/* The code whose phrase or one of its former phrases is phrase, "
            "ignoring\n * ASCII case; -1 when there is none or phrase is "
            "NULL. */\n"
            "int %s_from_reason(const char *phrase);\n\n", n);
    sbuf_printf(out,
        "/* Every known code, ascending. */\n"
        "extern const int %s_codes[%s_COUNT];\n", n, m);
}

/* The whole header except its banner and closing guard. */
void emit_header_body(const struct emit_ctx *ctx, struct sbuf *out,
                             const char *guard)
{
    const struct spec *spec = ctx->spec;
    const char *m = spec->reg.macro.s;
    size_t i;

    sbuf_printf(out, "#ifndef %s\n#define %s\n\n", guard, guard);
    sbuf_printf(out,
        "/* Marks the former names of codes.  Define it empty before "
        "including this\n * header to use them without a warning. */\n"
        "#ifndef %s_DEPRECATED\n"
        "#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 6)\n"
        "#define %s_DEPRECATED __attribute__((deprecated))\n"
        "#else\n"
        "#define %s_DEPRECATED\n"
        "#endif\n"
        "#endif\n\n", m, m, m);
    sbuf_puts(out, "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
    emit_code_enum(ctx, out);
    emit_class_enum(ctx, out);
    emit_clash_check(ctx, out);
    emit_lifecycle_enum(ctx, out);
    if (spec->ntraits) {
        sbuf_printf(out, "/* Trait bits (%s_traits). */\n", spec->reg.name.s);
        for (i = 0; i < spec->ntraits; i++) {
            const struct spec_trait *t = &spec->traits[i];

            if (t->doc) {
                sbuf_puts(out, "/* ");
                sbuf_c_comment(out, t->doc[0].s);
                sbuf_puts(out, " */\n");
            }
            sbuf_printf(out, "#define %s_TRAIT_%s (1u << %lu)\n", m,
                        t->name.s, (unsigned long)i);
        }
        sbuf_putc(out, '\n');
    }
    sbuf_printf(out, "/* The identity of the spec model behind this header "
                     "(see the banner); the\n * generated definitions stop "
                     "with #error under a header of another one. */\n"
                     "#define %s_SPEC_ID \"%s\"\n"
                     "#define %s_SPEC_ID_%s 1\n\n",
                m, ctx->spec_id, m, ctx->spec_id);
    sbuf_printf(out, "/* Number of known codes. */\n#define %s_COUNT %lu"
                     "\n\n", m, (unsigned long)spec->ncodes);
    /* The parameter is X_, which no code can be named (no trailing
     * underscore), so that a code named X expands right. */
    sbuf_printf(out, "/* X(NAME, code, \"Phrase\") for every known code, "
                     "ascending. */\n#define %s_LIST(X_)", m);
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        sbuf_puts(out, " \\\n    X_(");
        sbuf_puts(out, c->name.s);
        sbuf_puts(out, ", ");
        sbuf_put_long(out, c->code);
        sbuf_puts(out, ", \"");
        sbuf_c_escape(out, spec_reason(c), strlen(spec_reason(c)));
        sbuf_puts(out, "\")");
    }
    sbuf_puts(out, "\n\n");
    emit_prototypes(ctx, out);
    emit_fields_header(ctx, out);
    sbuf_puts(out, "\n#ifdef __cplusplus\n}\n#endif\n\n");
}

void emit_header(const struct emit_ctx *ctx, struct sbuf *out)
{
    struct sbuf file;
    const char *m = ctx->spec->reg.macro.s;

    sbuf_init(&file);
    sbuf_printf(&file, "%s.h", ctx->spec->reg.name.s);
    emit_banner_c(ctx, sbuf_str(&file), out);
    sbuf_reset(&file);
    sbuf_printf(&file, "%s_H", m);
    sbuf_putc(out, '\n');
    emit_header_body(ctx, out, sbuf_str(&file));
    sbuf_printf(out, "#endif /* %s */\n", sbuf_str(&file));
    if (sbuf_failed(&file))
        out->failed = 1;
    sbuf_free(&file);
}
