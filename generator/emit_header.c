/* SPDX-License-Identifier: MIT */
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
    if (comment)
        emit_comment(out, "    ", comment);
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
    struct sbuf doc;
    size_t i;

    sbuf_init(&doc);
    emit_commentf(out, "", "Classes of codes, by range (%s_class_of).",
                  spec->reg.name.s);
    sbuf_printf(out, "enum %s_class {\n"
                     "    /* in no class's range */\n"
                     "    %s_CLASS_NONE = 0",
                spec->reg.name.s, m);
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_puts(out, ",\n");
        sbuf_reset(&doc);
        sbuf_printf(&doc, "%ld-%ld", c->lo, c->hi);
        if (c->title && c->title[0].s) {
            sbuf_putc(&doc, ' ');
            sbuf_puts(&doc, c->title[0].s);
        }
        emit_comment(out, "    ", sbuf_str(&doc));
        sbuf_printf(out, "    %s_CLASS_%s", m, c->name.s);
    }
    sbuf_puts(out, "\n};\n\n");
    if (sbuf_failed(&doc))
        out->failed = 1;
    sbuf_free(&doc);
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

    emit_commentf(out, "", "The status of a code in its registry "
                           "(%s_status_of).", spec->reg.name.s);
    sbuf_printf(out, "enum %s_lifecycle {\n"
                     "    /* not a known code */\n"
                     "    %s_LIFECYCLE_NONE = 0", spec->reg.name.s, m);
    for (st = 0; st < STATUS_COUNT_; st++) {
        sbuf_printf(out, ",\n    /* %s */\n    %s_LIFECYCLE_",
                    lifecycle_docs[st], m);
        sbuf_puts_case(out, status_keyword((enum code_status)st), 1);
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
    emit_commentf(out, "", "Every name of this header must be free.  If "
                  "another header has made one a macro, the enums above do "
                  "not compile (the error says \"in expansion of macro\" and "
                  "names it) and the build stops here; list them with cc -E "
                  "-dM file.c | grep '%s_'.  #undef it, include this header "
                  "where the other is not, or regenerate with --macro.",
                  spec->reg.macro.s);
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

/* One declaration: its comment (doc, wrapped), then "<MACRO>_API decl;".
 * Empties doc. */
static void declare(const struct emit_ctx *ctx, struct sbuf *out,
                    struct sbuf *doc, const char *decl)
{
    emit_comment(out, "", sbuf_str(doc));
    sbuf_puts(out, ctx->spec->reg.macro.s);
    sbuf_puts(out, "_API ");
    sbuf_puts(out, decl);
    sbuf_puts(out, ";\n\n");
    if (sbuf_failed(doc))
        out->failed = 1;
    sbuf_reset(doc);
}

/* The by-range predicates: <name>_is_<class>() and <name>_is_error(). */
static void emit_class_prototypes(const struct emit_ctx *ctx,
                                  struct sbuf *out, struct sbuf *doc,
                                  struct sbuf *decl)
{
    const struct spec *spec = ctx->spec;
    const char *n = spec->reg.name.s;
    size_t i, nerr = 0;

    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_puts(doc, "1 when code is in the range of class ");
        sbuf_puts(doc, c->name.s);
        sbuf_puts(doc, " (");
        put_range(doc, c);
        sbuf_puts(doc, "), known or not; else 0.");
        sbuf_reset(decl);
        sbuf_printf(decl, "int %s_is_", n);
        sbuf_puts_case(decl, c->name.s, 0);
        sbuf_puts(decl, "(int code)");
        declare(ctx, out, doc, sbuf_str(decl));
        if (c->error)
            nerr++;
    }
    sbuf_reset(decl);
    sbuf_printf(decl, "int %s_is_error(int code)", n);
    if (nerr == 0) {
        sbuf_puts(doc, "1 when code is in the range of a class marked as "
                       "errors; no class is, so always 0.");
        declare(ctx, out, doc, sbuf_str(decl));
        return;
    }
    sbuf_puts(doc, "1 when code is in the range of a class marked as "
                   "errors (");
    for (i = 0; i < spec->nclasses; i++) {
        if (!spec->classes[i].error)
            continue;
        put_range(doc, &spec->classes[i]);
        if (--nerr)
            sbuf_puts(doc, ", ");
    }
    sbuf_puts(doc, "), known or not; else 0.");
    declare(ctx, out, doc, sbuf_str(decl));
}

/* The declarations of the lookups --functions asks for. */
static void emit_prototypes(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *n = spec->reg.name.s, *m = spec->reg.macro.s;
    const char *first_lang = spec->reg.languages[0].s;
    const struct spec_code *ex = &spec->codes[spec->order[0]];
    const struct spec_code *ref = NULL;
    unsigned fns = emit_functions(ctx);
    struct sbuf doc, decl;
    size_t i;

    sbuf_init(&doc);
    sbuf_init(&decl);
    for (i = 0; i < spec->ncodes && ref == NULL; i++)
        if (spec->codes[spec->order[i]].reference.s)
            ref = &spec->codes[spec->order[i]];
    /* The examples name the registry's own first code. */
    if ((fns & FN_REASON) && spec->reg.no_phrases) {
        sbuf_puts(&doc, "The label of code: its phrase when it has one (the "
                        "registry has no wire phrases), else its description "
                        "in the first language, else its name; NULL when "
                        "code is not known.");
        sbuf_printf(&decl, "const char *%s_reason(int code)", n);
        declare(ctx, out, &doc, sbuf_str(&decl));
    } else if (fns & FN_REASON) {
        sbuf_printf(&doc, "The phrase of code (\"%s\" for %ld), or NULL when "
                          "code is not known.", ex->phrase.s, ex->code);
        sbuf_printf(&decl, "const char *%s_reason(int code)", n);
        declare(ctx, out, &doc, sbuf_str(&decl));
    }
    if (fns & FN_NAME) {
        sbuf_printf(&doc, "The name of code without the prefix (\"%s\" for "
                          "%ld), or NULL when code is not known.",
                    ex->name.s, ex->code);
        sbuf_reset(&decl);
        sbuf_printf(&decl, "const char *%s_name(int code)", n);
        declare(ctx, out, &doc, sbuf_str(&decl));
    }
    if (fns & FN_DESCRIPTION) {
        if (spec->reg.no_descriptions) {
            sbuf_puts(&doc, "NULL: this file was generated without "
                            "descriptions (statusgen --languages none).");
        } else {
            sbuf_puts(&doc, "The description of code in language lang, a "
                            "language code or locale name (");
            for (i = 0; i < spec->reg.nlang; i++)
                sbuf_printf(&doc, "%s\"%s\"", i ? ", " : "",
                            spec->reg.languages[i].s);
            sbuf_printf(&doc, "; \"%s-XX\" and \"%s_XX.UTF-8\" too); NULL "
                              "or an unknown language gives the first "
                              "language, \"%s\".  NULL when code is not "
                              "known.  The text is UTF-8.",
                        first_lang, first_lang, first_lang);
        }
        sbuf_reset(&decl);
        sbuf_printf(&decl, "const char *%s_description(int code, "
                           "const char *lang)", n);
        declare(ctx, out, &doc, sbuf_str(&decl));
    }
    if (fns & FN_CLASS) {
        sbuf_printf(&doc, "The class whose range holds code, known or not; "
                          "%s_CLASS_NONE when none does.", m);
        sbuf_reset(&decl);
        sbuf_printf(&decl, "enum %s_class %s_class_of(int code)", n, n);
        declare(ctx, out, &doc, sbuf_str(&decl));
        emit_class_prototypes(ctx, out, &doc, &decl);
    }
    if (fns & FN_TRAITS) {
        sbuf_printf(&doc, "The traits of code as a bit set of %s_TRAIT_*; 0 "
                          "when code is not known.", m);
        sbuf_reset(&decl);
        sbuf_printf(&decl, "unsigned %s_traits(int code)", n);
        declare(ctx, out, &doc, sbuf_str(&decl));
    }
    if (fns & FN_IS_KNOWN) {
        sbuf_printf(&doc, "1 when code is known (in the spec, registered or "
                          "not: see %s_status_of), else 0.", n);
        sbuf_reset(&decl);
        sbuf_printf(&decl, "int %s_is_known(int code)", n);
        declare(ctx, out, &doc, sbuf_str(&decl));
    }
    if (fns & FN_STATUS) {
        sbuf_printf(&doc, "The status of code: %s_LIFECYCLE_STANDARD, "
                          "_TEMPORARY, _DEPRECATED, _UNUSED or _OBSOLETE for "
                          "a registered code, _UNOFFICIAL for a code known "
                          "but not registered, %s_LIFECYCLE_NONE when code "
                          "is not known.", m, m);
        sbuf_reset(&decl);
        sbuf_printf(&decl, "enum %s_lifecycle %s_status_of(int code)", n, n);
        declare(ctx, out, &doc, sbuf_str(&decl));
    }
    if (fns & FN_REFERENCE) {
        if (ref)
            sbuf_printf(&doc, "Where code is defined (\"%s\" for %ld), or "
                              "NULL when code is not known or the spec names "
                              "no reference.", ref->reference.s, ref->code);
        else
            sbuf_puts(&doc, "Where code is defined, or NULL when code is not "
                            "known or the spec names no reference (this "
                            "spec names none).");
        sbuf_reset(&decl);
        sbuf_printf(&decl, "const char *%s_reference(int code)", n);
        declare(ctx, out, &doc, sbuf_str(&decl));
    }
    if (fns & FN_FROM_NAME) {
        sbuf_printf(&doc, "The code named name (\"%s\", or one of its former "
                          "names), compared exactly; -1 when there is none "
                          "or name is NULL.", ex->name.s);
        sbuf_reset(&decl);
        sbuf_printf(&decl, "int %s_from_name(const char *name)", n);
        declare(ctx, out, &doc, sbuf_str(&decl));
    }
    if (fns & FN_FROM_REASON) {
        sbuf_puts(&doc, "The code whose phrase or one of its former phrases "
                        "is phrase, ignoring ASCII case; -1 when there is "
                        "none or phrase is NULL.");
        sbuf_reset(&decl);
        sbuf_printf(&decl, "int %s_from_reason(const char *phrase)", n);
        declare(ctx, out, &doc, sbuf_str(&decl));
    }
    if (fns & FN_CODES) {
        sbuf_puts(&doc, "Every known code, ascending.");
        if (ctx->single)
            sbuf_printf(&doc, "  (With %s_STATIC the definition below "
                              "declares it.)", m);
        sbuf_reset(&decl);
        sbuf_printf(&decl, "const int %s_codes[%s_COUNT]", n, m);
        if (ctx->single) {
            emit_comment(out, "", sbuf_str(&doc));
            sbuf_printf(out, "#ifndef %s_STATIC\n%s_API %s;\n#endif\n\n", m,
                        m, sbuf_str(&decl));
        } else {
            declare(ctx, out, &doc, sbuf_str(&decl));
        }
    }
    /* The last declaration's blank line goes. */
    if (out->len >= 2 && out->data[out->len - 1] == '\n' &&
        out->data[out->len - 2] == '\n')
        out->data[--out->len] = '\0';
    if (sbuf_failed(&doc) || sbuf_failed(&decl))
        out->failed = 1;
    sbuf_free(&doc);
    sbuf_free(&decl);
}

/*
 * The decoration of every declaration, <MACRO>_API (stb style): extern
 * unless the includer defines it first.  In the single header
 * <MACRO>_STATIC makes it static, marked unused under GNU compilers so
 * that a file calling only some of the lookups builds without a warning,
 * and brings the definitions into the including file.
 */
static void emit_api_macro(const struct emit_ctx *ctx, struct sbuf *out)
{
    const char *m = ctx->spec->reg.macro.s;

    if (!ctx->single) {
        emit_commentf(out, "", "Put before every declaration of this "
                      "header: extern, unless %s_API is defined before it "
                      "is included (as extern __declspec(dllimport), say).",
                      m);
        sbuf_printf(out, "#ifndef %s_API\n#define %s_API extern\n#endif\n\n",
                    m, m);
        return;
    }
    emit_commentf(out, "", "Put before every declaration of this header "
                  "(stb style): extern, or, with %s_STATIC defined before "
                  "the include, static: every function and table private "
                  "to the including file, which then gets the definitions "
                  "too.  Define %s_API first for another decoration.", m, m);
    sbuf_printf(out,
        "#ifndef %s_API\n"
        "#ifdef %s_STATIC\n"
        "#if defined(__GNUC__)\n"
        "#define %s_API static __attribute__((unused))\n"
        "#else\n"
        "#define %s_API static\n"
        "#endif\n"
        "#else\n"
        "#define %s_API extern\n"
        "#endif\n"
        "#endif\n\n", m, m, m, m, m);
}

/* The whole header except its banner and closing guard. */
void emit_header_body(const struct emit_ctx *ctx, struct sbuf *out,
                      const char *guard)
{
    const struct spec *spec = ctx->spec;
    const char *m = spec->reg.macro.s;
    struct sbuf doc;
    size_t i;

    sbuf_init(&doc);
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
    emit_api_macro(ctx, out);
    sbuf_puts(out, "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
    sbuf_puts(out, "/* --- codes and classes --- */\n\n");
    emit_code_enum(ctx, out);
    emit_class_enum(ctx, out);
    emit_clash_check(ctx, out);
    sbuf_puts(out, "/* --- status and traits --- */\n\n");
    emit_lifecycle_enum(ctx, out);
    if (spec->ntraits) {
        emit_commentf(out, "", "Trait bits (%s_traits).", spec->reg.name.s);
        for (i = 0; i < spec->ntraits; i++) {
            const struct spec_trait *t = &spec->traits[i];

            if (t->doc)
                emit_comment(out, "", t->doc[0].s);
            sbuf_printf(out, "#define %s_TRAIT_%s (1u << %lu)\n", m,
                        t->name.s, (unsigned long)i);
        }
        sbuf_putc(out, '\n');
    }
    sbuf_puts(out, "/* --- identity, count and list --- */\n\n");
    sbuf_printf(out, "/* The identity of the spec model behind this header "
                     "(see the banner); the\n * generated definitions stop "
                     "with #error under a header of another one. */\n"
                     "#define %s_SPEC_ID \"%s\"\n"
                     "#define %s_SPEC_ID_%s 1\n\n",
                m, ctx->spec_id, m, ctx->spec_id);
    sbuf_puts(&doc, "The lookups declared below (statusgen --functions): ");
    emit_function_list(&doc, emit_functions(ctx));
    sbuf_puts(&doc, ".  The generated definitions stop with #error under a "
                    "header made for another set.");
    emit_comment(out, "", sbuf_str(&doc));
    sbuf_printf(out, "#define %s_FUNCTIONS_%x 1\n\n", m,
                emit_functions(ctx));
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
    sbuf_puts(out, "\n\n/* --- lookups --- */\n\n");
    emit_prototypes(ctx, out);
    emit_fields_header(ctx, out);
    sbuf_puts(out, "\n#ifdef __cplusplus\n}\n#endif\n\n");
    if (sbuf_failed(&doc))
        out->failed = 1;
    sbuf_free(&doc);
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
