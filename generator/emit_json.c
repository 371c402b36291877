/* SPDX-License-Identifier: MIT */
/*
 * emit_json.c - the whole model as one JSON document: <name>.json.
 *
 * For programs in other languages that share the registry.  The shape is
 * documented (spec/SCHEMA.md, "The JSON output") and versioned by its
 * "format" member; a change that could break a reader raises it.  Output
 * is deterministic: members in a fixed order, codes ascending, languages
 * in registry order, two-space indentation, "\n" line endings.  Texts are
 * UTF-8 as in the spec (the loader checked it); JSON's special characters
 * and every control character are escaped.
 */
#include "emit.h"

#include <string.h>

#define JSON_FORMAT 1

/* Appends s as a JSON string, or null for NULL. */
static void json_str(struct sbuf *out, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const char *run;

    if (s == NULL) {
        sbuf_puts(out, "null");
        return;
    }
    sbuf_putc(out, '"');
    for (run = s; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        sbuf_putn(out, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': sbuf_puts(out, "\\\""); break;
        case '\\': sbuf_puts(out, "\\\\"); break;
        case '\n': sbuf_puts(out, "\\n"); break;
        case '\r': sbuf_puts(out, "\\r"); break;
        case '\t': sbuf_puts(out, "\\t"); break;
        default:
            sbuf_puts(out, "\\u00");
            sbuf_putc(out, hex[c >> 4]);
            sbuf_putc(out, hex[c & 15]);
            break;
        }
    }
    sbuf_putn(out, run, (size_t)(s - run));
    sbuf_putc(out, '"');
}

/* Starts a member: newline, indentation, "key": . */
static void json_key(struct sbuf *out, int indent, int *first,
                     const char *key)
{
    sbuf_puts(out, *first ? "\n" : ",\n");
    *first = 0;
    while (indent-- > 0)
        sbuf_puts(out, "  ");
    json_str(out, key);
    sbuf_puts(out, ": ");
}

/* Closes an object or array opened at depth indent - 1. */
static void json_close(struct sbuf *out, int indent, int first, char c)
{
    if (!first) {
        sbuf_putc(out, '\n');
        while (indent-- > 1)
            sbuf_puts(out, "  ");
    }
    sbuf_putc(out, c);
}

/* A language map: {"en": ..., "zh": ...} with the languages that have a
 * text, in registry order; null when the spec gives none. */
static void json_lang_map(struct sbuf *out, const struct spec *spec,
                          const struct sg_str *texts)
{
    size_t l;
    int first = 1;

    if (texts == NULL) {
        sbuf_puts(out, "null");
        return;
    }
    sbuf_putc(out, '{');
    for (l = 0; l < spec->reg.nlang; l++) {
        if (texts[l].s == NULL)
            continue;
        sbuf_puts(out, first ? "" : ", ");
        first = 0;
        json_str(out, spec->reg.languages[l].s);
        sbuf_puts(out, ": ");
        json_str(out, texts[l].s);
    }
    sbuf_putc(out, '}');
}

/* A list of texts on one line: ["A", "B"]. */
static void json_str_list(struct sbuf *out, const struct sg_str *v, size_t n)
{
    size_t i;

    sbuf_putc(out, '[');
    for (i = 0; i < n; i++) {
        sbuf_puts(out, i ? ", " : "");
        json_str(out, v[i].s);
    }
    sbuf_putc(out, ']');
}

static void json_range(struct sbuf *out, long lo, long hi)
{
    sbuf_putc(out, '[');
    sbuf_put_long(out, lo);
    sbuf_puts(out, ", ");
    sbuf_put_long(out, hi);
    sbuf_putc(out, ']');
}

/* A field's value: a number, true or false, a string (an enum value's
 * name), a language map (text); null for none. */
static void json_field_value(struct sbuf *out, const struct spec *spec,
                             const struct spec_field *f,
                             const struct field_value *v)
{
    if (v == NULL) {
        sbuf_puts(out, "null");
        return;
    }
    switch (f->type) {
    case FIELD_INT:
        sbuf_put_long(out, v->num);
        return;
    case FIELD_BOOL:
        sbuf_puts(out, v->num ? "true" : "false");
        return;
    case FIELD_STRING:
        json_str(out, v->str.s);
        return;
    case FIELD_ENUM:
        json_str(out, f->values[v->num].s);
        return;
    case FIELD_TEXT:
        json_lang_map(out, spec, v->text);
        return;
    case FIELD_TYPE_COUNT_:
        break;
    }
    sbuf_puts(out, "null");
}

/* The declared fields: [{"name", "type", "values", "doc", "default",
 * "required"}]. */
static void json_fields(struct sbuf *out, const struct spec *spec)
{
    size_t i;
    int sub, item;

    sbuf_putc(out, '[');
    for (i = 0, sub = 1; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];

        sbuf_puts(out, sub ? "\n    {" : ",\n    {");
        sub = 0;
        item = 1;
        json_key(out, 3, &item, "name");
        json_str(out, f->name.s);
        json_key(out, 3, &item, "type");
        json_str(out, field_type_keyword(f->type));
        json_key(out, 3, &item, "values");
        json_str_list(out, f->values, f->nvalues);
        json_key(out, 3, &item, "doc");
        json_lang_map(out, spec, f->doc);
        json_key(out, 3, &item, "default");
        json_field_value(out, spec, f, f->has_default ? &f->def : NULL);
        json_key(out, 3, &item, "required");
        sbuf_puts(out, f->required ? "true" : "false");
        json_close(out, 3, item, '}');
    }
    json_close(out, 2, sub, ']');
}

static void json_code(struct sbuf *out, const struct spec *spec,
                      const struct spec_code *c)
{
    int first = 1;
    size_t i;
    int n;

    sbuf_putc(out, '{');
    json_key(out, 3, &first, "code");
    sbuf_put_long(out, c->code);
    json_key(out, 3, &first, "name");
    json_str(out, c->name.s);
    json_key(out, 3, &first, "aliases");
    json_str_list(out, c->aliases, c->naliases);
    json_key(out, 3, &first, "phrase");
    json_str(out, c->phrase.s);
    json_key(out, 3, &first, "former_phrases");
    json_str_list(out, c->former, c->nformer);
    json_key(out, 3, &first, "status");
    json_str(out, status_keyword(c->status));
    json_key(out, 3, &first, "registered");
    sbuf_puts(out, c->status == STATUS_UNOFFICIAL ? "false" : "true");
    json_key(out, 3, &first, "reference");
    json_str(out, c->reference.s);
    json_key(out, 3, &first, "class");
    json_str(out, c->class_index >= 0
                      ? spec->classes[c->class_index].name.s : NULL);
    json_key(out, 3, &first, "traits");
    sbuf_putc(out, '[');
    for (i = 0, n = 0; i < spec->ntraits; i++) {
        if (!(c->trait_bits & (1u << i)))
            continue;
        sbuf_puts(out, n++ ? ", " : "");
        json_str(out, spec->traits[i].name.s);
    }
    sbuf_putc(out, ']');
    json_key(out, 3, &first, "description");
    json_lang_map(out, spec, spec->reg.no_descriptions ? NULL : c->desc);
    json_key(out, 3, &first, "note");
    json_lang_map(out, spec, c->note);
    json_key(out, 3, &first, "sources");
    json_str_list(out, c->sources, c->nsources);
    json_key(out, 3, &first, "fields");
    sbuf_putc(out, '{');
    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];

        sbuf_puts(out, i ? ", " : "");
        json_str(out, f->name.s);
        sbuf_puts(out, ": ");
        json_field_value(out, spec, f,
                         spec_field_value(f, (size_t)(c - spec->codes)));
    }
    sbuf_putc(out, '}');
    json_close(out, 3, first, '}');
}

void emit_json(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const struct spec_registry *reg = &spec->reg;
    int top = 1, sub, item;
    size_t i;

    sbuf_putc(out, '{');
    json_key(out, 1, &top, "format");
    sbuf_put_long(out, JSON_FORMAT);
    json_key(out, 1, &top, "generator");
    json_str(out, "statusgen " STATUSGEN_VERSION);
    json_key(out, 1, &top, "spec_id");
    json_str(out, ctx->spec_id);

    json_key(out, 1, &top, "registry");
    sbuf_putc(out, '{');
    sub = 1;
    json_key(out, 2, &sub, "name");
    json_str(out, reg->name.s);
    json_key(out, 2, &sub, "macro");
    json_str(out, reg->macro.s);
    json_key(out, 2, &sub, "title");
    json_lang_map(out, spec, reg->title);
    json_key(out, 2, &sub, "range");
    json_range(out, reg->lo, reg->hi);
    json_key(out, 2, &sub, "languages");
    json_str_list(out, reg->languages, reg->nlang);
    json_key(out, 2, &sub, "updated");
    json_str(out, reg->updated.s);
    json_key(out, 2, &sub, "phrases");
    sbuf_puts(out, reg->no_phrases ? "false" : "true");
    json_close(out, 2, sub, '}');

    json_key(out, 1, &top, "classes");
    sbuf_putc(out, '[');
    for (i = 0, sub = 1; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_puts(out, sub ? "\n    {" : ",\n    {");
        sub = 0;
        item = 1;
        json_key(out, 3, &item, "name");
        json_str(out, c->name.s);
        json_key(out, 3, &item, "range");
        json_range(out, c->lo, c->hi);
        json_key(out, 3, &item, "title");
        json_lang_map(out, spec, c->title);
        json_key(out, 3, &item, "error");
        sbuf_puts(out, c->error ? "true" : "false");
        json_close(out, 3, item, '}');
    }
    json_close(out, 2, sub, ']');

    json_key(out, 1, &top, "traits");
    sbuf_putc(out, '[');
    for (i = 0, sub = 1; i < spec->ntraits; i++) {
        const struct spec_trait *t = &spec->traits[i];

        sbuf_puts(out, sub ? "\n    {" : ",\n    {");
        sub = 0;
        item = 1;
        json_key(out, 3, &item, "name");
        json_str(out, t->name.s);
        json_key(out, 3, &item, "bit");
        sbuf_put_long(out, (long)i);
        json_key(out, 3, &item, "doc");
        json_lang_map(out, spec, t->doc);
        json_close(out, 3, item, '}');
    }
    json_close(out, 2, sub, ']');

    json_key(out, 1, &top, "sources");
    sbuf_putc(out, '[');
    for (i = 0, sub = 1; i < spec->nsources; i++) {
        const struct spec_source *s = &spec->sources[i];

        sbuf_puts(out, sub ? "\n    {" : ",\n    {");
        sub = 0;
        item = 1;
        json_key(out, 3, &item, "id");
        json_str(out, s->id.s);
        json_key(out, 3, &item, "file");
        json_str(out, s->file.s);
        json_key(out, 3, &item, "language");
        json_str(out, s->language.s);
        json_key(out, 3, &item, "doc");
        json_lang_map(out, spec, s->doc);
        json_close(out, 3, item, '}');
    }
    json_close(out, 2, sub, ']');

    json_key(out, 1, &top, "fields");
    json_fields(out, spec);

    json_key(out, 1, &top, "codes");
    sbuf_putc(out, '[');
    for (i = 0, sub = 1; i < spec->ncodes; i++) {
        sbuf_puts(out, sub ? "\n    " : ",\n    ");
        sub = 0;
        json_code(out, spec, &spec->codes[spec->order[i]]);
    }
    json_close(out, 2, sub, ']');
    json_close(out, 1, top, '}');
    sbuf_putc(out, '\n');
}
