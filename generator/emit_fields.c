/* SPDX-License-Identifier: MIT */
/*
 * emit_fields.c - the declared fields (the spec's 'fields': per-code
 * attributes such as HTTP's grpc) in the generated C and docs.
 *
 * For a field <field> of registry <name> / <MACRO>:
 *   - header: enum <name>_<field> for an enum field (its values in
 *     declaration order from 0, and <MACRO>_<FIELD>_NONE = -1 when the
 *     field has no default), <MACRO>_<FIELD>_LIST(X) with X(NAME, code,
 *     value) for every known code that has a value (its own, or the
 *     default), and the accessor's prototype;
 *   - source: the accessor, one switch over the codes whose value is not
 *     the default; every other code, known or not, gets the default (or
 *     -1, NULL, 0 or <MACRO>_<FIELD>_NONE when there is none).  A text
 *     field's accessor takes a language as <name>_description() does.
 *     Texts are returned as string literals;
 *   - docs: a list of the fields with their docs, and a line per field in
 *     each code's section.
 * The <MACRO>_LIST X-macro stays as it is: a field never changes it.
 */
#include "emit_source.h"

#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The C type an accessor returns, before its name. */
static void put_return_type(const struct spec *spec,
                            const struct spec_field *f, struct sbuf *out)
{
    switch (f->type) {
    case FIELD_STRING:
    case FIELD_TEXT:
        sbuf_puts(out, "const char *");
        return;
    case FIELD_ENUM:
        sbuf_printf(out, "enum %s_%s ", spec->reg.name.s, f->name.s);
        return;
    case FIELD_INT:
    case FIELD_BOOL:
    case FIELD_TYPE_COUNT_:
        break;
    }
    sbuf_puts(out, "int ");
}

/* "<MACRO>_<FIELD>_" */
static void put_field_macro(const struct spec *spec,
                            const struct spec_field *f, struct sbuf *out)
{
    sbuf_puts(out, spec->reg.macro.s);
    sbuf_putc(out, '_');
    sbuf_puts_case(out, f->name.s, 1);
    sbuf_putc(out, '_');
}

/* A value as a C expression: its text in language lang for a text
 * field; v NULL for "no value". */
static void put_c_value(const struct spec *spec, const struct spec_field *f,
                        const struct field_value *v, size_t lang,
                        struct sbuf *out)
{
    const char *s;

    switch (f->type) {
    case FIELD_INT:
        sbuf_put_long(out, v ? v->num : -1L);
        return;
    case FIELD_BOOL:
        sbuf_putc(out, v && v->num ? '1' : '0');
        return;
    case FIELD_ENUM:
        put_field_macro(spec, f, out);
        sbuf_puts(out, v ? f->values[v->num].s : "NONE");
        return;
    case FIELD_STRING:
    case FIELD_TEXT:
        s = v == NULL ? NULL
            : f->type == FIELD_STRING ? v->str.s : spec_text(v->text, lang);
        if (s == NULL) {
            sbuf_printf(out, "%s_NULL", spec->reg.macro.s);
            return;
        }
        sbuf_putc(out, '"');
        sbuf_c_escape(out, s, strlen(s));
        sbuf_putc(out, '"');
        return;
    case FIELD_TYPE_COUNT_:
        break;
    }
}

/* What the accessor gives a code without a value, in words. */
static void put_default_words(const struct spec *spec,
                              const struct spec_field *f, struct sbuf *out)
{
    if (f->has_default && f->type == FIELD_TEXT) {
        sbuf_puts(out, "the default text");
        return;
    }
    if (f->has_default || f->type != FIELD_STRING) {
        struct sbuf v;

        sbuf_init(&v);
        put_c_value(spec, f, f->has_default ? &f->def : NULL, 0, &v);
        sbuf_c_comment(out, sbuf_str(&v));
        if (sbuf_failed(&v))
            out->failed = 1;
        sbuf_free(&v);
        return;
    }
    sbuf_puts(out, "NULL");
}

/* The enum of an enum field's values. */
static void emit_field_enum(const struct spec *spec,
                            const struct spec_field *f, struct sbuf *out)
{
    size_t i;

    sbuf_printf(out, "/* The values of the field %s (%s_%s). */\nenum %s_%s "
                     "{\n", f->name.s, spec->reg.name.s, f->name.s,
                spec->reg.name.s, f->name.s);
    if (!f->has_default) {
        sbuf_puts(out, "    ");
        put_field_macro(spec, f, out);
        sbuf_puts(out, "NONE = -1, /* no value */\n");
    }
    for (i = 0; i < f->nvalues; i++) {
        sbuf_puts(out, "    ");
        put_field_macro(spec, f, out);
        sbuf_printf(out, "%s = %lu%s\n", f->values[i].s, (unsigned long)i,
                    i + 1 < f->nvalues ? "," : "");
    }
    sbuf_puts(out, "};\n\n");
}

/* One "defined(X)" term of the clash check of the fields' names. */
static void clash(struct sbuf *out, int *first, const struct spec *spec,
                  const struct spec_field *f, const char *tail)
{
    sbuf_puts(out, *first ? "#if defined(" : " || \\\n    defined(");
    put_field_macro(spec, f, out);
    sbuf_puts(out, tail);
    sbuf_putc(out, ')');
    *first = 0;
}

/* As the header's clash check does for the other names: a field's name
 * that is already a macro stops the build with a message. */
static void emit_field_clash_check(const struct spec *spec, struct sbuf *out)
{
    size_t i, j;
    int first = 1;

    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];

        clash(out, &first, spec, f, "LIST");
        if (f->type != FIELD_ENUM)
            continue;
        if (!f->has_default)
            clash(out, &first, spec, f, "NONE");
        for (j = 0; j < f->nvalues; j++)
            clash(out, &first, spec, f, f->values[j].s);
    }
    sbuf_printf(out, "\n#error \"a field's name in %s.h is already a macro: "
                     "see the comment above the first check\"\n#endif\n\n",
                spec->reg.name.s);
}

/* <MACRO>_<FIELD>_LIST(X_): X_(NAME, code, value) per code with a value
 * (its own or the default), ascending. */
static void emit_field_list(const struct spec *spec,
                            const struct spec_field *f, struct sbuf *out)
{
    size_t i;

    sbuf_printf(out, "/* X(NAME, code, value) for every known code with a "
                     "value of %s (its own\n * or the default), ascending%s."
                     " */\n#define ", f->name.s,
                f->type == FIELD_TEXT ? "; the text in the first language"
                                      : "");
    put_field_macro(spec, f, out);
    sbuf_puts(out, "LIST(X_)");
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];
        const struct field_value *v = spec_field_value(f, spec->order[i]);

        if (v == NULL)
            continue;
        sbuf_printf(out, " \\\n    X_(%s, ", c->name.s);
        sbuf_put_long(out, c->code);
        sbuf_puts(out, ", ");
        put_c_value(spec, f, v, 0, out);
        sbuf_putc(out, ')');
    }
    sbuf_puts(out, "\n\n");
}

/*
 * Appends text to a block comment whose current line has col columns,
 * wrapped at spaces before column 78 into lines that start " * ".
 * Returns the column the last line ends at.
 */
static int put_wrapped(struct sbuf *out, const char *text, int col)
{
    struct sbuf esc;
    const char *p;

    sbuf_init(&esc);
    sbuf_c_comment(&esc, text);
    for (p = sbuf_str(&esc); *p;) {
        size_t word = strcspn(p, " ");

        if (col > 3 && col + 1 + (int)word > 78) {
            sbuf_puts(out, "\n *");
            col = 2;
        }
        if (col > 3 || (col == 2 && word)) {
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
    return col;
}

/* The accessor's prototype, with its doc. */
static void emit_field_prototype(const struct spec *spec,
                                 const struct spec_field *f,
                                 struct sbuf *out)
{
    const char *doc = f->doc ? f->doc[0].s : NULL;
    struct sbuf head;
    int col;

    sbuf_init(&head);
    sbuf_printf(&head, "The field %s (%s) of code%s", f->name.s,
                field_type_keyword(f->type), doc ? ":" : ".");
    sbuf_puts(out, "/*");
    col = put_wrapped(out, sbuf_str(&head), 2);
    if (doc)
        put_wrapped(out, doc, col);
    if (sbuf_failed(&head))
        out->failed = 1;
    sbuf_free(&head);
    sbuf_puts(out, "\n * A code without a value, or not known, gives ");
    put_default_words(spec, f, out);
    sbuf_puts(out, ".");
    if (f->type == FIELD_TEXT)
        sbuf_puts(out, "\n * lang: as for the description.  The text is "
                       "UTF-8.");
    sbuf_puts(out, " */\n");
    sbuf_printf(out, "%s_API ", spec->reg.macro.s);
    put_return_type(spec, f, out);
    sbuf_printf(out, "%s_%s(int code%s);\n\n", spec->reg.name.s, f->name.s,
                f->type == FIELD_TEXT ? ", const char *lang" : "");
}

void emit_fields_header(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    size_t i;

    if (spec->nfields == 0)
        return;
    sbuf_puts(out, "\n\n/* The fields: per-code attributes the spec "
                   "declares. */\n\n");
    emit_field_clash_check(spec, out);
    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];

        if (f->type == FIELD_ENUM)
            emit_field_enum(spec, f, out);
        emit_field_list(spec, f, out);
        emit_field_prototype(spec, f, out);
    }
    /* The header goes on with a blank line of its own. */
    if (out->len >= 2 && out->data[out->len - 1] == '\n' &&
        out->data[out->len - 2] == '\n')
        out->data[--out->len] = '\0';
}

/* A code of an accessor's switch and its value there (NULL: break). */
struct field_case {
    long code;
    const struct field_value *v;
    int done;                /* emit_cases: first of its value's group */
};

/* Whether two values give the same C expression in language lang. */
static int same_value(const struct spec_field *f, const struct field_value *a,
                      const struct field_value *b, size_t lang)
{
    const char *x, *y;

    if (a == NULL || b == NULL)
        return a == b;
    switch (f->type) {
    case FIELD_INT:
    case FIELD_BOOL:
    case FIELD_ENUM:
        return a->num == b->num;
    case FIELD_STRING:
        x = a->str.s;
        y = b->str.s;
        break;
    case FIELD_TEXT:
        x = spec_text(a->text, lang);
        y = spec_text(b->text, lang);
        break;
    case FIELD_TYPE_COUNT_:
    default:
        return 0;
    }
    if (x == NULL || y == NULL)
        return x == y;
    return strcmp(x, y) == 0;
}

/* What order_cases sorts by: the field and language of the switch. */
static const struct spec_field *order_field;
static size_t order_lang;

/* Orders two values (NULL first) as same_value tells them apart. */
static int value_cmp(const struct field_value *a, const struct field_value *b)
{
    const char *x, *y;

    if (a == NULL || b == NULL)
        return (a != NULL) - (b != NULL);
    switch (order_field->type) {
    case FIELD_STRING:
        x = a->str.s;
        y = b->str.s;
        break;
    case FIELD_TEXT:
        x = spec_text(a->text, order_lang);
        y = spec_text(b->text, order_lang);
        break;
    case FIELD_INT:
    case FIELD_BOOL:
    case FIELD_ENUM:
    case FIELD_TYPE_COUNT_:
    default:
        return (a->num > b->num) - (a->num < b->num);
    }
    if (x == NULL || y == NULL)
        return (x != NULL) - (y != NULL);
    return strcmp(x, y);
}

/* qsort: cases by value, then by code (the order they came in). */
static int case_cmp(const void *pa, const void *pb)
{
    const struct field_case *a = (const struct field_case *)pa;
    const struct field_case *b = (const struct field_case *)pb;
    int c = value_cmp(a->v, b->v);

    if (c)
        return c;
    return (a->code > b->code) - (a->code < b->code);
}

/* qsort: groups by their first code. */
static int group_cmp(const void *pa, const void *pb)
{
    const struct field_case *a = *(const struct field_case *const *)pa;
    const struct field_case *b = *(const struct field_case *const *)pb;

    return (a->code > b->code) - (a->code < b->code);
}

/*
 * The cases of one switch over the codes cases[0..n) (ascending codes):
 * for each distinct value, in the order of its first code, its "case c:"
 * labels (a few to a line), then a return of the value, or a break for
 * NULL.  Sorted by value to group them, so a registry of many codes
 * costs n log n.
 */
static void emit_cases(const struct spec *spec, const struct spec_field *f,
                       struct field_case *cases, size_t n, size_t lang,
                       struct sbuf *out)
{
    const struct field_case **groups;
    size_t i, j, ngroups = 0;

    if (n == 0)
        return;
    groups = (const struct field_case **)sg_calloc(n, sizeof *groups);
    if (groups == NULL) {
        out->failed = 1;
        return;
    }
    order_field = f;
    order_lang = lang;
    qsort(cases, n, sizeof *cases, case_cmp);
    for (i = 0; i < n; i++) {
        cases[i].done = i == 0 || value_cmp(cases[i - 1].v, cases[i].v) != 0;
        if (cases[i].done)
            groups[ngroups++] = &cases[i];
    }
    qsort(groups, ngroups, sizeof *groups, group_cmp);
    for (i = 0; i < ngroups; i++) {
        const struct field_case *g = groups[i];
        int col = 4;

        sbuf_puts(out, "    ");
        for (j = (size_t)(g - cases); j < n; j++) {
            char label[32];
            int len;

            if (j > (size_t)(g - cases) && cases[j].done)
                break; /* the next value's group */
            len = sprintf(label, "case %ld:", cases[j].code);
            if (col > 4 && col + 1 + len > 79) {
                sbuf_puts(out, "\n    ");
                col = 4;
            } else if (col > 4) {
                sbuf_putc(out, ' ');
                col++;
            }
            sbuf_puts(out, label);
            col += len;
        }
        if (g->v == NULL) {
            sbuf_puts(out, "\n        break;\n");
            continue;
        }
        sbuf_puts(out, "\n        return ");
        put_c_value(spec, f, g->v, lang, out);
        sbuf_puts(out, ";\n");
    }
    sg_free(groups);
}

/* The language matcher of the text fields: as <name>_description()'s. */
static void emit_field_lang(const struct spec *spec, struct sbuf *out)
{
    sbuf_puts(out, "/* The index of lang among the registry's languages, "
                   "matched as for the\n * descriptions: its letters up to "
                   "'-', '_', '.', '@' or the end, ignoring\n * case; 0 (the "
                   "first language) when lang is NULL or another language. "
                   "*/\n");
    emit_lang_matcher(spec, "field_lang", NULL, out);
}

/* Whether language lang has a text anywhere in field f (a text field). */
static int lang_used(const struct spec_field *f, size_t lang)
{
    size_t i;

    if (f->has_default && f->def.text && f->def.text[lang].s)
        return 1;
    for (i = 0; i < f->nvals; i++)
        if (f->vals[i].text && f->vals[i].text[lang].s)
            return 1;
    return 0;
}

/*
 * A text field's accessor: for each other language that has texts, a
 * switch that returns a code's text in it, or breaks for a code whose
 * value has none (to the first language's switch below); then the first
 * language's switch.  A code without a value gets the default's text.
 */
static void emit_text_accessor(const struct spec *spec,
                               const struct spec_field *f,
                               struct field_case *cases, struct sbuf *out)
{
    const char *n = spec->reg.name.s;
    size_t l, i, k, nl = spec->reg.nlang;
    int any = 0;

    for (l = 1; l < nl; l++)
        any |= lang_used(f, l);
    sbuf_printf(out, "const char *%s_%s(int code, const char *lang)\n{\n",
                n, f->name.s);
    if (!any) {
        sbuf_puts(out, "    (void)lang; /* texts in the first language "
                       "only */\n");
    } else {
        sbuf_printf(out, "    switch (%s_field_lang(lang)) {\n", n);
        for (l = 1; l < nl; l++) {
            const struct sg_str *dt = f->has_default ? f->def.text : NULL;

            if (!lang_used(f, l))
                continue;
            sbuf_printf(out, "    case %lu:\n        switch (code) {\n",
                        (unsigned long)l);
            for (i = 0, k = 0; i < spec->ncodes; i++) {
                const struct field_value *v =
                    spec_field_own(f, spec->order[i]);

                if (v == NULL || v->text == NULL)
                    continue;
                /* A text in this language returns; a value without one
                 * breaks to the first language, unless the default would
                 * catch it. */
                if (v->text[l].s == NULL && !(dt && dt[l].s))
                    continue;
                cases[k].code = spec->codes[spec->order[i]].code;
                cases[k].v = v->text[l].s ? v : NULL;
                k++;
            }
            {
                struct sbuf inner;

                sbuf_init(&inner);
                emit_cases(spec, f, cases, k, l, &inner);
                /* indent the cases one level more */
                for (i = 0; i < inner.len; i++) {
                    if (i == 0 || inner.data[i - 1] == '\n')
                        sbuf_puts(out, "    ");
                    sbuf_putc(out, inner.data[i]);
                }
                if (sbuf_failed(&inner))
                    out->failed = 1;
                sbuf_free(&inner);
            }
            if (dt && dt[l].s) {
                sbuf_puts(out, "        default:\n            return \"");
                sbuf_c_escape(out, dt[l].s, strlen(dt[l].s));
                sbuf_puts(out, "\";\n        }\n        break;\n");
            } else {
                sbuf_puts(out, "        default:\n            break;\n"
                               "        }\n        break;\n");
            }
        }
        sbuf_puts(out, "    default:\n        break;\n    }\n");
    }
    for (i = 0, k = 0; i < spec->ncodes; i++) {
        const struct field_value *v = spec_field_own(f, spec->order[i]);

        if (v == NULL || v->text == NULL ||
            same_value(f, v, f->has_default ? &f->def : NULL, 0))
            continue;
        cases[k].code = spec->codes[spec->order[i]].code;
        cases[k].v = v;
        k++;
    }
    sbuf_puts(out, "    switch (code) {\n");
    emit_cases(spec, f, cases, k, 0, out);
    sbuf_puts(out, "    default:\n        return ");
    put_c_value(spec, f, f->has_default ? &f->def : NULL, 0, out);
    sbuf_puts(out, ";\n    }\n}\n\n");
}

/* The accessor of a field that is not text: one switch. */
static void emit_accessor(const struct spec *spec, const struct spec_field *f,
                          struct field_case *cases, struct sbuf *out)
{
    const struct field_value *def = f->has_default ? &f->def : NULL;
    size_t i, k;

    for (i = 0, k = 0; i < spec->ncodes; i++) {
        const struct field_value *v = spec_field_own(f, spec->order[i]);

        if (v == NULL || same_value(f, v, def, 0))
            continue;
        cases[k].code = spec->codes[spec->order[i]].code;
        cases[k].v = v;
        k++;
    }
    put_return_type(spec, f, out);
    sbuf_printf(out, "%s_%s(int code)\n{\n", spec->reg.name.s, f->name.s);
    if (k == 0) {
        sbuf_puts(out, "    (void)code; /* every code has the default */\n"
                       "    return ");
        put_c_value(spec, f, def, 0, out);
        sbuf_puts(out, ";\n}\n\n");
        return;
    }
    sbuf_puts(out, "    switch (code) {\n");
    emit_cases(spec, f, cases, k, 0, out);
    sbuf_puts(out, "    default:\n        return ");
    put_c_value(spec, f, def, 0, out);
    sbuf_puts(out, ";\n    }\n}\n\n");
}

void emit_fields_source(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    struct field_case *cases;
    size_t i;
    int texts = 0;

    if (spec->nfields == 0)
        return;
    cases = (struct field_case *)sg_calloc(spec->ncodes + 1, sizeof *cases);
    if (cases == NULL) {
        out->failed = 1;
        return;
    }
    for (i = 0; i < spec->nfields; i++)
        if (spec->fields[i].type == FIELD_TEXT && spec->reg.nlang > 1) {
            size_t l;

            for (l = 1; l < spec->reg.nlang; l++)
                texts |= lang_used(&spec->fields[i], l);
        }
    if (texts)
        emit_field_lang(spec, out);
    for (i = 0; i < spec->nfields; i++) {
        if (spec->fields[i].type == FIELD_TEXT)
            emit_text_accessor(spec, &spec->fields[i], cases, out);
        else
            emit_accessor(spec, &spec->fields[i], cases, out);
    }
    sg_free(cases);
}

/* --- docs ------------------------------------------------------------ */

/* The docs' words for the fields, in the languages emit_docs knows. */
struct field_words {
    const char *lang;
    const char *fields, *default_, *required, *colon, *sep, *lparen;
    const char *rparen, *yes, *no;
};

static const struct field_words field_words[] = {
    {"en", "Fields", "default ", "required", ": ", ", ", " (", ")", "true",
     "false"},
    {"zh", "\xe5\xad\x97\xe6\xae\xb5",
     "\xe9\xbb\x98\xe8\xae\xa4\xe5\x80\xbc ",
     "\xe5\xbf\x85\xe5\xa1\xab",
     "\xef\xbc\x9a", "\xe3\x80\x81", "\xef\xbc\x88", "\xef\xbc\x89",
     "true", "false"},
    {"ru", "\xd0\x9f\xd0\xbe\xd0\xbb\xd1\x8f",
     "\xd0\xbf\xd0\xbe \xd1\x83\xd0\xbc\xd0\xbe\xd0\xbb\xd1\x87\xd0\xb0\xd0"
     "\xbd\xd0\xb8\xd1\x8e ",
     "\xd0\xbe\xd0\xb1\xd1\x8f\xd0\xb7\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1"
     "\x8c\xd0\xbd\xd0\xbe\xd0\xb5",
     ": ", ", ", " (", ")", "true", "false"},
};

static const struct field_words *words_for(const char *lang)
{
    size_t i;

    for (i = 0; i < sizeof field_words / sizeof field_words[0]; i++)
        if (strcmp(field_words[i].lang, lang) == 0)
            return &field_words[i];
    return &field_words[0];
}

/* A value as the docs show it, in language lang. */
static void put_doc_value(const struct spec_field *f,
                          const struct field_value *v, size_t lang,
                          const struct field_words *w, struct sbuf *out)
{
    switch (f->type) {
    case FIELD_INT:
        sbuf_put_long(out, v->num);
        return;
    case FIELD_BOOL:
        sbuf_puts(out, v->num ? w->yes : w->no);
        return;
    case FIELD_ENUM:
        sbuf_putc(out, '`');
        sbuf_puts(out, f->values[v->num].s);
        sbuf_putc(out, '`');
        return;
    case FIELD_STRING:
        sbuf_markdown(out, v->str.s, 1);
        return;
    case FIELD_TEXT:
        sbuf_markdown(out, spec_text(v->text, lang), 1);
        return;
    case FIELD_TYPE_COUNT_:
        break;
    }
}

void emit_fields_docs_list(const struct emit_ctx *ctx, size_t lang,
                           struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const struct field_words *w = words_for(spec->reg.languages[lang].s);
    size_t i, j;

    if (spec->nfields == 0)
        return;
    sbuf_printf(out, "## %s\n\n", w->fields);
    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];

        sbuf_printf(out, "- `%s_%s()`%s%s", spec->reg.name.s, f->name.s,
                    w->lparen, field_type_keyword(f->type));
        if (f->type == FIELD_ENUM) {
            sbuf_puts(out, w->colon);
            for (j = 0; j < f->nvalues; j++)
                sbuf_printf(out, "%s`%s`", j ? w->sep : "", f->values[j].s);
        }
        if (f->has_default) {
            sbuf_puts(out, w->sep);
            sbuf_puts(out, w->default_);
            put_doc_value(f, &f->def, lang, w, out);
        }
        if (f->required) {
            sbuf_puts(out, w->sep);
            sbuf_puts(out, w->required);
        }
        sbuf_puts(out, w->rparen);
        if (f->doc) {
            sbuf_puts(out, w->colon);
            sbuf_markdown(out, spec_text(f->doc, lang), 1);
        }
        sbuf_putc(out, '\n');
    }
    sbuf_putc(out, '\n');
}

void emit_fields_docs_code(const struct emit_ctx *ctx, size_t lang,
                           size_t ci, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const struct field_words *w = words_for(spec->reg.languages[lang].s);
    size_t i;

    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        const struct field_value *v = spec_field_value(f, ci);

        if (v == NULL)
            continue;
        sbuf_printf(out, "- `%s`%s", f->name.s, w->colon);
        put_doc_value(f, v, lang, w, out);
        sbuf_putc(out, '\n');
    }
}
