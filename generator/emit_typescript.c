/* SPDX-License-Identifier: MIT */
/*
 * emit_typescript.c - the registry as a TypeScript module: <name>.ts.
 *
 * An ES module without imports or run-time dependencies that compiles
 * under tsc --strict (with noUncheckedIndexedAccess,
 * exactOptionalPropertyTypes, noImplicitReturns, noUnusedLocals and
 * noUnusedParameters) and uses only syntax a type stripper can erase (no
 * enum, no namespace).  export const <Name> = {NAME: code, ...} as const
 * maps names and former names to codes, and the functions answer for any
 * number what the C lookups answer (undefined where the C returns NULL or
 * -1).
 *
 * Names: the spec's names are object keys (any string may be one) or reach
 * identifiers as PascalCase (<Name>, is<Class>) or as <MACRO>_SPEC_ID, and
 * no JavaScript or TypeScript reserved word is PascalCase or UPPER_SNAKE.
 * The module refers to no global by name but undefined (no Object, Map or
 * String, which a registry named object, map or string would shadow), and
 * looks strings up with switch statements, so no inherited key of an
 * object (constructor, __proto__) can answer.  Texts are plain ASCII
 * string literals (\uXXXX, surrogate pairs past U+FFFF).
 *
 * A declared field <field> gives the function <field> in camelCase
 * (next_hop: nextHop), reading a table _field_<field> of the codes' own
 * values, and an enum field the object and type <Name><Field> (as const).
 * A field's camelCase name gets a trailing '_' when it is a reserved word
 * of JavaScript (strict mode and modules included: new, default, static,
 * await...) or of TypeScript (enum), or arguments, eval or undefined,
 * which the module cannot bind or uses itself.
 */
#include "emit.h"

#include <string.h>

/* Appends s as a JavaScript string literal in double quotes: printable
 * ASCII as itself but '"' and '\', \n \t \r by name, other control
 * characters as \xHH, every other character as \uXXXX (two, a surrogate
 * pair, past U+FFFF). */
static void ts_str(struct sbuf *out, const char *s)
{
    sbuf_put_quoted(out, s, QUOTE_JS);
}

/* The words a field's function cannot be named, or would shadow what the
 * module uses (undefined): JavaScript's reserved words in strict mode
 * code and modules, TypeScript's enum, and arguments and eval. */
static const char *const ts_reserved[] = {
    "arguments", "await", "break", "case", "catch", "class", "const",
    "continue", "debugger", "default", "delete", "do", "else", "enum",
    "eval", "export", "extends", "false", "finally", "for", "function",
    "if", "implements", "import", "in", "instanceof", "interface", "let",
    "new", "null", "package", "private", "protected", "public", "return",
    "static", "super", "switch", "this", "throw", "true", "try", "typeof",
    "undefined", "var", "void", "while", "with", "yield", NULL};

/* Appends the name of field f's function: its name in camelCase, with a
 * trailing '_' when that is a reserved word. */
static void ts_field_name(const struct spec_field *f, struct sbuf *out)
{
    size_t start = out->len;
    const char *const *k;

    sbuf_puts_pascal(out, f->name.s);
    if (sbuf_failed(out))
        return;
    /* lower_snake starts with a lower-case letter */
    out->data[start] = (char)(out->data[start] - 'A' + 'a');
    for (k = ts_reserved; *k; k++)
        if (strcmp(out->data + start, *k) == 0) {
            sbuf_putc(out, '_');
            break;
        }
}

/* Appends the object and type of an enum field: <Name><Field>. */
static void ts_field_enum(const struct spec *spec, const struct spec_field *f,
                          struct sbuf *out)
{
    sbuf_puts_pascal(out, spec->reg.name.s);
    sbuf_puts_pascal(out, f->name.s);
}

/* The type of field f's values in its table. */
static void ts_field_type(const struct spec *spec, const struct spec_field *f,
                          struct sbuf *out)
{
    switch (f->type) {
    case FIELD_INT:
        sbuf_puts(out, "number");
        return;
    case FIELD_BOOL:
        sbuf_puts(out, "boolean");
        return;
    case FIELD_ENUM:
        ts_field_enum(spec, f, out);
        return;
    case FIELD_TEXT:
        sbuf_puts(out, "readonly (string | undefined)[]");
        return;
    case FIELD_STRING:
    case FIELD_TYPE_COUNT_:
        break;
    }
    sbuf_puts(out, "string");
}

/* A value of field f as a TypeScript expression; v NULL for "no value":
 * -1, false, undefined or <Name><Field>.NONE.  A text is an array of its
 * texts, one per language (undefined: none in that language). */
static void ts_field_value(const struct spec *spec,
                           const struct spec_field *f,
                           const struct field_value *v, struct sbuf *out)
{
    size_t l;

    switch (f->type) {
    case FIELD_INT:
        sbuf_put_long(out, v ? v->num : -1L);
        return;
    case FIELD_BOOL:
        sbuf_puts(out, v && v->num ? "true" : "false");
        return;
    case FIELD_ENUM:
        ts_field_enum(spec, f, out);
        sbuf_putc(out, '.');
        sbuf_puts(out, v ? f->values[v->num].s : "NONE");
        return;
    case FIELD_STRING:
        if (v == NULL)
            sbuf_puts(out, "undefined");
        else
            sbuf_put_quoted(out, v->str.s, QUOTE_JS);
        return;
    case FIELD_TEXT:
        if (v == NULL || v->text == NULL) {
            sbuf_puts(out, "undefined");
            return;
        }
        sbuf_putc(out, '[');
        for (l = 0; l < spec->reg.nlang; l++) {
            if (l)
                sbuf_puts(out, ", ");
            if (v->text[l].s)
                sbuf_put_quoted(out, v->text[l].s, QUOTE_JS);
            else
                sbuf_puts(out, "undefined");
        }
        sbuf_putc(out, ']');
        return;
    case FIELD_TYPE_COUNT_:
        break;
    }
}

/* Whether the spec declares a text field. */
static int ts_has_text_field(const struct spec *spec)
{
    size_t i;

    for (i = 0; i < spec->nfields; i++)
        if (spec->fields[i].type == FIELD_TEXT)
            return 1;
    return 0;
}

/* Whether the module matches languages (_language): for the descriptions
 * or the text fields, when there are several. */
static int ts_needs_language(const struct spec *spec, int have_desc)
{
    return spec->reg.nlang > 1 && (have_desc || ts_has_text_field(spec));
}

/* A text the C returns as NULL when absent or empty: undefined then. */
static void ts_opt(struct sbuf *out, const char *s)
{
    if (s == NULL || *s == '\0')
        sbuf_puts(out, "undefined");
    else
        ts_str(out, s);
}

/* The type names, made once. */
struct ts_names {
    struct sbuf code, cls, trait, life;
};

/* "code >= lo && code <= hi", or "code === lo" for a class of one code. */
static void ts_range(struct sbuf *out, long lo, long hi)
{
    if (lo == hi) {
        sbuf_printf(out, "code === %ld", lo);
        return;
    }
    sbuf_printf(out, "code >= %ld && code <= %ld", lo, hi);
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

/* The name-to-code object, its type, and the class, trait and lifecycle
 * objects. */
static void emit_constants(const struct emit_ctx *ctx,
                           const struct ts_names *t, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *N = sbuf_str(&t->code);
    size_t i, j;
    int st;

    sbuf_puts(out, "/**\n * ");
    sbuf_c_comment(out, spec->reg.title ? spec->reg.title[0].s
                                        : spec->reg.name.s);
    if (spec->reg.updated.s) {
        sbuf_puts(out, ", registry state of ");
        sbuf_c_comment(out, spec->reg.updated.s);
    }
    sbuf_printf(out, ".\n * Each name, and each former name (deprecated), "
                     "and its code.\n */\n"
                     "export const %s = {\n", N);
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        sbuf_puts(out, "  ");
        sbuf_puts(out, c->name.s);
        sbuf_puts(out, ": ");
        sbuf_put_long(out, c->code);
        sbuf_puts(out, ", // ");
        sbuf_c_comment(out, spec_reason(c));
        if (c->status != STATUS_STANDARD) {
            sbuf_puts(out, " [");
            sbuf_puts(out, status_keyword(c->status));
            sbuf_putc(out, ']');
        }
        sbuf_putc(out, '\n');
        for (j = 0; j < c->naliases; j++) {
            sbuf_printf(out, "  /** @deprecated Former name of %s. */\n"
                             "  %s: ", c->name.s, c->aliases[j].s);
            sbuf_put_long(out, c->code);
            sbuf_puts(out, ",\n");
        }
    }
    sbuf_printf(out, "} as const;\n"
                     "/** A known code. */\n"
                     "export type %s = (typeof %s)[keyof typeof %s];\n\n",
                N, N, N);

    sbuf_printf(out, "/** Classes of codes, by range (classOf); NONE: in no "
                     "class. */\n"
                     "export const %s = {\n  NONE: 0,\n", sbuf_str(&t->cls));
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_printf(out, "  %s: %lu, // %ld-%ld", c->name.s,
                    (unsigned long)i + 1, c->lo, c->hi);
        if (c->title && c->title[0].s) {
            sbuf_putc(out, ' ');
            sbuf_c_comment(out, c->title[0].s);
        }
        sbuf_puts(out, c->error ? ", errors\n" : "\n");
    }
    sbuf_printf(out, "} as const;\n"
                     "export type %s = (typeof %s)[keyof typeof %s];\n\n",
                sbuf_str(&t->cls), sbuf_str(&t->cls), sbuf_str(&t->cls));

    sbuf_printf(out, "/** Trait bits (traits). */\nexport const %s = {\n",
                sbuf_str(&t->trait));
    for (i = 0; i < spec->ntraits; i++) {
        const struct spec_trait *tr = &spec->traits[i];

        if (tr->doc && tr->doc[0].s) {
            sbuf_puts(out, "  /** ");
            sbuf_c_comment(out, tr->doc[0].s);
            sbuf_puts(out, " */\n");
        }
        sbuf_printf(out, "  %s: %lu,\n", tr->name.s, 1ul << i);
    }
    sbuf_puts(out, "} as const;\n\n");

    sbuf_printf(out, "/** The status of a code in its registry (statusOf). "
                     "*/\nexport const %s = {\n"
                     "  NONE: 0, // not a known code\n", sbuf_str(&t->life));
    for (st = 0; st < STATUS_COUNT_; st++) {
        sbuf_puts(out, "  ");
        sbuf_puts_case(out, status_keyword((enum code_status)st), 1);
        sbuf_printf(out, ": %d, // %s\n", st + 1, lifecycle_docs[st]);
    }
    sbuf_printf(out, "} as const;\n"
                     "export type %s = (typeof %s)[keyof typeof %s];\n",
                sbuf_str(&t->life), sbuf_str(&t->life), sbuf_str(&t->life));
    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        struct sbuf e;

        if (f->type != FIELD_ENUM)
            continue;
        sbuf_init(&e);
        ts_field_enum(spec, f, &e);
        sbuf_printf(out, "\n/** The values of the field %s (", f->name.s);
        ts_field_name(f, out);
        sbuf_printf(out, "). */\nexport const %s = {\n", sbuf_str(&e));
        if (!f->has_default)
            sbuf_puts(out, "  NONE: -1, // no value\n");
        for (j = 0; j < f->nvalues; j++)
            sbuf_printf(out, "  %s: %lu,\n", f->values[j].s,
                        (unsigned long)j);
        sbuf_printf(out, "} as const;\n"
                         "export type %s = (typeof %s)[keyof typeof %s];\n",
                    sbuf_str(&e), sbuf_str(&e), sbuf_str(&e));
        if (sbuf_failed(&e))
            out->failed = 1;
        sbuf_free(&e);
    }
}

/* The tables behind the functions. */
static void emit_tables(const struct emit_ctx *ctx, const struct ts_names *t,
                        int have_desc, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    size_t i, l;

    sbuf_printf(out, "\n/** Per code: name, phrase, reference, trait bits, "
                     "lifecycle. */\n"
                     "type _Row = readonly [string, string, string | "
                     "undefined, number, %s];\n"
                     "const _rows: { readonly [code: number]: _Row } = {\n",
                sbuf_str(&t->life));
    emit_script_rows(spec, QUOTE_JS, "  ", ": [", "],\n", "undefined", out);
    sbuf_puts(out, "};\n");
    if (!have_desc)
        return;
    sbuf_puts(out, "\n/** Per code: its description in each language (");
    for (l = 0; l < spec->reg.nlang; l++)
        sbuf_printf(out, "%s%s", l ? ", " : "", spec->reg.languages[l].s);
    sbuf_puts(out, ");\n * undefined: none in that language. */\n"
                   "const _descriptions: {\n"
                   "  readonly [code: number]: readonly (string | "
                   "undefined)[];\n} = {\n");
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        sbuf_puts(out, "  ");
        sbuf_put_long(out, c->code);
        sbuf_puts(out, ": [\n");
        for (l = 0; l < spec->reg.nlang; l++) {
            sbuf_puts(out, "    ");
            ts_opt(out, c->desc[l].s);
            sbuf_puts(out, ",\n");
        }
        sbuf_puts(out, "  ],\n");
    }
    sbuf_puts(out, "};\n");
}

/* The language matcher (several languages) and description(). */
static void emit_description(const struct emit_ctx *ctx, int have_desc,
                             struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *first = spec->reg.languages[0].s;
    size_t l;

    if (ts_needs_language(spec, have_desc)) {
        sbuf_puts(out,
            "\n/**\n"
            " * The index of lang in the arrays of texts: its letters "
            "up to \"-\", \"_\",\n"
            " * \".\", \"@\" or the end (at most 8), compared ignoring "
            "case; 0 (the first\n"
            " * language) when that is no language of the registry.\n"
            " */\n"
            "function _language(lang: string): number {\n"
            "  let i = 0;\n"
            "  while (i < 8 && i < lang.length) {\n"
            "    const c = lang.charCodeAt(i) | 0x20; // a letter in lower "
            "case\n"
            "    if (c < 0x61 || c > 0x7a) break;\n"
            "    i++;\n"
            "  }\n"
            "  if (i < lang.length && \"-_.@\".indexOf(lang.charAt(i)) < 0) "
            "return 0;\n"
            "  switch (lang.slice(0, i).toLowerCase()) {\n");
        /* languages are distinct (validated) */
        for (l = 1; l < spec->reg.nlang; l++) {
            sbuf_puts(out, "    case ");
            ts_str(out, spec->reg.languages[l].s);
            sbuf_printf(out, ": return %lu;\n", (unsigned long)l);
        }
        sbuf_puts(out, "    default: return 0;\n  }\n}\n");
    }
    if (!have_desc) {
        sbuf_puts(out,
            "\n/** undefined: this module was generated without "
            "descriptions\n"
            " * (statusgen --languages none). */\n"
            "export function description(code: number, lang?: string | "
            "null): string | undefined {\n"
            "  void code;\n  void lang;\n  return undefined;\n}\n");
        return;
    }
    sbuf_puts(out, "\n/**\n * The description of code in language lang, a "
                   "language code or locale name\n * (");
    for (l = 0; l < spec->reg.nlang; l++)
        sbuf_printf(out, "%s\"%s\"", l ? ", " : "", spec->reg.languages[l].s);
    sbuf_printf(out, "; \"%s-XX\" and \"%s_XX.UTF-8\" too); undefined, null "
                     "or an\n * unknown language gives the first language, "
                     "\"%s\".  undefined when code is\n * not known.\n */\n"
                     "export function description(code: number, lang?: "
                     "string | null): string | undefined {\n"
                     "  const texts = _descriptions[code];\n"
                     "  if (texts === undefined) return undefined;\n",
                first, first, first);
    if (spec->reg.nlang > 1)
        sbuf_puts(out, "  if (lang !== undefined && lang !== null) {\n"
                       "    const text = texts[_language(lang)];\n"
                       "    if (text !== undefined) return text;\n"
                       "  }\n");
    else
        sbuf_puts(out, "  void lang; // one language: lang changes "
                       "nothing\n");
    sbuf_puts(out, "  return texts[0];\n}\n");
}

/* The string lookups: a switch each. */
static void emit_string_lookups(const struct emit_ctx *ctx,
                                const struct ts_names *t, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *N = sbuf_str(&t->code);
    struct sbuf low;
    size_t i, j;

    sbuf_printf(out, "\n/** The code named name (a name or a former name, "
                     "compared exactly), or\n * undefined. */\n"
                     "export function fromName(name: string): %s | "
                     "undefined {\n  switch (name) {\n", N);
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        for (j = 0; j <= c->naliases; j++) {
            sbuf_printf(out, "    case \"%s\": return ",
                        j ? c->aliases[j - 1].s : c->name.s);
            sbuf_put_long(out, c->code);
            sbuf_puts(out, ";\n");
        }
    }
    sbuf_puts(out, "    default: return undefined;\n  }\n}\n");
    if (spec->reg.no_phrases)
        return; /* codes without wire phrases: no fromReason */

    sbuf_printf(out, "\n/** The code whose phrase or a former phrase is "
                     "phrase, ignoring ASCII case,\n * or undefined. */\n"
                     "export function fromReason(phrase: string): %s | "
                     "undefined {\n"
                     "  // Phrases are ASCII; toLowerCase() makes some "
                     "other characters ASCII\n"
                     "  // (U+212A KELVIN SIGN becomes k).\n"
                     "  if (!/^[\\x00-\\x7f]*$/.test(phrase)) return "
                     "undefined;\n"
                     "  switch (phrase.toLowerCase()) {\n", N);
    sbuf_init(&low);
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        for (j = 0; j <= c->nformer; j++) {
            if (j == 0 && c->phrase.s == NULL)
                continue; /* phrases: false: no phrase to find */
            sbuf_reset(&low);
            sbuf_puts_case(&low, j ? c->former[j - 1].s : c->phrase.s, 0);
            sbuf_puts(out, "    case ");
            ts_str(out, sbuf_str(&low));
            sbuf_puts(out, ": return ");
            sbuf_put_long(out, c->code);
            sbuf_puts(out, ";\n");
        }
    }
    if (sbuf_failed(&low))
        out->failed = 1;
    sbuf_free(&low);
    sbuf_puts(out, "    default: return undefined;\n  }\n}\n");
}

/* The functions for any number. */
static void ts_functions(const struct emit_ctx *ctx,
                           const struct ts_names *t, int have_desc,
                           struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    size_t i, nerr = 0;

    sbuf_puts(out,
        "\n/** The wire phrase of code, or undefined when code is not "
        "known. */\n"
        "export function reason(code: number): string | undefined {\n"
        "  return _rows[code]?.[1];\n}\n"
        "\n/** The name of code, or undefined when code is not known. */\n"
        "export function nameOf(code: number): string | undefined {\n"
        "  return _rows[code]?.[0];\n}\n");
    emit_description(ctx, have_desc, out);
    sbuf_printf(out,
        "\n/** The trait bits of code (%s); 0 when code is not known. */\n"
        "export function traits(code: number): number {\n"
        "  return _rows[code]?.[3] ?? 0;\n}\n", sbuf_str(&t->trait));
    sbuf_printf(out,
        "\n/** The class whose range holds code, known or not; NONE when "
        "none does. */\n"
        "export function classOf(code: number): %s {\n", sbuf_str(&t->cls));
    if (spec->nclasses == 0)
        sbuf_puts(out, "  void code; // the registry declares no classes\n");
    for (i = 0; i < spec->nclasses; i++) {
        sbuf_puts(out, "  if (");
        ts_range(out, spec->classes[i].lo, spec->classes[i].hi);
        sbuf_printf(out, ") return %s.%s;\n", sbuf_str(&t->cls),
                    spec->classes[i].name.s);
    }
    sbuf_printf(out, "  return %s.NONE;\n}\n", sbuf_str(&t->cls));
    sbuf_printf(out,
        "\n/** The status of code in its registry; NONE when code is not "
        "known. */\n"
        "export function statusOf(code: number): %s {\n"
        "  return _rows[code]?.[4] ?? %s.NONE;\n}\n"
        "\n/** Where code is defined, or undefined when code is not known "
        "or the spec\n * names no reference. */\n"
        "export function reference(code: number): string | undefined {\n"
        "  return _rows[code]?.[2];\n}\n"
        "\n/** true when code is known (in the spec, registered or not). "
        "*/\n"
        "export function isKnown(code: number): boolean {\n"
        "  return _rows[code] !== undefined;\n}\n",
        sbuf_str(&t->life), sbuf_str(&t->life));
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_puts(out, "\n/** true when code is in the range of class ");
        sbuf_puts(out, c->name.s);
        sbuf_puts(out, ", known or not. */\nexport function is");
        sbuf_puts_pascal(out, c->name.s);
        sbuf_puts(out, "(code: number): boolean {\n  return ");
        ts_range(out, c->lo, c->hi);
        sbuf_puts(out, ";\n}\n");
        if (c->error)
            nerr++;
    }
    sbuf_puts(out, "\n/** true when code is in the range of a class marked "
                   "as errors. */\n"
                   "export function isError(code: number): boolean {\n");
    if (nerr == 0)
        sbuf_puts(out, "  void code; // no class is marked error: true\n"
                       "  return false;\n}\n");
    else {
        sbuf_puts(out, "  return ");
        for (i = 0; i < spec->nclasses; i++) {
            if (!spec->classes[i].error)
                continue;
            if (nerr > 1)
                sbuf_putc(out, '(');
            ts_range(out, spec->classes[i].lo, spec->classes[i].hi);
            if (nerr > 1)
                sbuf_putc(out, ')');
            if (--nerr)
                sbuf_puts(out, " ||\n    ");
        }
        sbuf_puts(out, ";\n}\n");
    }
    emit_string_lookups(ctx, t, out);
}

/* Appends text (through sbuf_c_comment) to a doc comment's lines " * ",
 * wrapped at spaces before column 78; a longer word gets a line of its
 * own. */
static void ts_doc_wrapped(struct sbuf *out, const char *text)
{
    struct sbuf plain;
    const char *p;
    int col = 3;

    sbuf_init(&plain);
    sbuf_c_comment(&plain, text);
    sbuf_puts(out, " * ");
    for (p = sbuf_str(&plain); *p;) {
        size_t word = strcspn(p, " ");

        if (col > 3 && col + 1 + (int)word > 78) {
            sbuf_puts(out, "\n * ");
            col = 3;
        } else if (col > 3) {
            sbuf_putc(out, ' ');
            col++;
        }
        sbuf_putn(out, p, word);
        col += (int)word;
        p += word;
        while (*p == ' ')
            p++;
    }
    sbuf_putc(out, '\n');
    if (sbuf_failed(&plain))
        out->failed = 1;
    sbuf_free(&plain);
}

/* What field f's function gives a code without a value, in words (an
 * ASCII expression, or "the default text"). */
static void ts_default_words(const struct spec *spec,
                             const struct spec_field *f, struct sbuf *out)
{
    if (f->type == FIELD_TEXT && f->has_default)
        sbuf_puts(out, "the default text");
    else
        ts_field_value(spec, f, f->has_default ? &f->def : NULL, out);
}

/* The declared fields: a table of the codes' own values and a function
 * each, and the text fields' language lookup. */
static void ts_fields(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    struct sbuf text;
    size_t i, k;

    if (spec->nfields == 0)
        return;
    sbuf_init(&text);
    sbuf_puts(out, "\n// The fields: per-code attributes the spec declares. "
                   "Each table holds the\n// codes' own values; the "
                   "function gives the default to every other number.\n"
                   "// A field's function is its name in camelCase, with a "
                   "trailing \"_\" when\n// that is a reserved word (new_, "
                   "default_).\n");
    if (ts_has_text_field(spec)) {
        sbuf_puts(out, "\n/**\n * The text of texts (one per language) in "
                       "language lang, matched as for\n * description(), "
                       "else in the first language; undefined for no texts."
                       "\n */\nfunction _fieldText(\n"
                       "  texts: readonly (string | undefined)[] | "
                       "undefined,\n"
                       "  lang: string | null | undefined,\n"
                       "): string | undefined {\n"
                       "  if (texts === undefined) return undefined;\n");
        if (spec->reg.nlang > 1)
            sbuf_puts(out, "  if (lang !== undefined && lang !== null) {\n"
                           "    const text = texts[_language(lang)];\n"
                           "    if (text !== undefined) return text;\n"
                           "  }\n");
        else
            sbuf_puts(out, "  void lang; // one language: lang changes "
                           "nothing\n");
        sbuf_puts(out, "  return texts[0];\n}\n");
    }
    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        const char *doc = f->doc ? f->doc[0].s : NULL;

        sbuf_printf(out, "\nconst _field_%s: { readonly [code: number]: ",
                    f->name.s);
        ts_field_type(spec, f, out);
        sbuf_puts(out, " } = {\n");
        for (k = 0; k < spec->ncodes; k++) {
            const struct field_value *v = spec_field_own(f, spec->order[k]);

            if (v == NULL)
                continue;
            sbuf_puts(out, "  ");
            sbuf_put_long(out, spec->codes[spec->order[k]].code);
            sbuf_puts(out, ": ");
            ts_field_value(spec, f, v, out);
            sbuf_puts(out, ",\n");
        }
        sbuf_reset(&text);
        sbuf_printf(&text, "The field %s (%s) of code%s", f->name.s,
                    field_type_keyword(f->type), doc ? ": " : ".");
        if (doc)
            sbuf_puts(&text, doc);
        sbuf_puts(out, "};\n\n/**\n");
        ts_doc_wrapped(out, sbuf_str(&text));
        sbuf_reset(&text);
        sbuf_puts(&text, "A code without a value, or not known, gives ");
        ts_default_words(spec, f, &text);
        sbuf_puts(&text, f->type == FIELD_TEXT
                             ? ". lang: as for description()." : ".");
        ts_doc_wrapped(out, sbuf_str(&text));
        sbuf_puts(out, " */\nexport function ");
        ts_field_name(f, out);
        if (f->type == FIELD_TEXT) {
            sbuf_printf(out, "(code: number, lang?: string | null): string "
                             "| undefined {\n  return _fieldText(_field_%s"
                             "[code]", f->name.s);
            if (f->has_default) {
                sbuf_puts(out, " ?? ");
                ts_field_value(spec, f, &f->def, out);
            }
            sbuf_puts(out, ", lang);\n}\n");
            continue;
        }
        sbuf_puts(out, "(code: number): ");
        ts_field_type(spec, f, out);
        if (f->type == FIELD_STRING)
            sbuf_puts(out, " | undefined");
        sbuf_printf(out, " {\n  return _field_%s[code]", f->name.s);
        if (f->has_default || f->type != FIELD_STRING) {
            sbuf_puts(out, " ?? ");
            ts_field_value(spec, f, f->has_default ? &f->def : NULL, out);
        }
        sbuf_puts(out, ";\n}\n");
    }
    if (sbuf_failed(&text))
        out->failed = 1;
    sbuf_free(&text);
}

void emit_typescript(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    struct ts_names t;
    struct sbuf file;
    int have_desc = emit_has_descriptions(spec);
    sbuf_init(&file);
    sbuf_init(&t.code);
    sbuf_init(&t.cls);
    sbuf_init(&t.trait);
    sbuf_init(&t.life);
    sbuf_puts_pascal(&t.code, spec->reg.name.s);
    sbuf_puts_pascal(&t.cls, spec->reg.name.s);
    sbuf_puts(&t.cls, "Class");
    sbuf_puts_pascal(&t.trait, spec->reg.name.s);
    sbuf_puts(&t.trait, "Trait");
    sbuf_puts_pascal(&t.life, spec->reg.name.s);
    sbuf_puts(&t.life, "Lifecycle");

    sbuf_printf(&file, "%s.ts", spec->reg.name.s);
    emit_banner_lines(ctx, sbuf_str(&file), "// ", out);
    sbuf_puts(out, "\n/**\n * ");
    sbuf_c_comment(out, spec->reg.title ? spec->reg.title[0].s
                                        : spec->reg.name.s);
    sbuf_printf(out, ": the codes of the registry %s.\n *\n"
                     " * %s maps each name to its code; the functions answer "
                     "for any number,\n"
                     " * known or not, as the C functions %s_*() do.  An ES "
                     "module without\n"
                     " * imports; compiles under tsc --strict.\n */\n\n",
                spec->reg.name.s, sbuf_str(&t.code), spec->reg.name.s);
    sbuf_printf(out, "/** The identity of the spec model (the C header's "
                     "%s_SPEC_ID). */\n"
                     "export const %s_SPEC_ID = \"%s\";\n\n",
                spec->reg.macro.s, spec->reg.macro.s, ctx->spec_id);
    emit_constants(ctx, &t, out);
    emit_tables(ctx, &t, have_desc, out);
    ts_functions(ctx, &t, have_desc, out);
    ts_fields(ctx, out);
    if (sbuf_failed(&file) || sbuf_failed(&t.code) || sbuf_failed(&t.cls) ||
        sbuf_failed(&t.trait) || sbuf_failed(&t.life))
        out->failed = 1;
    sbuf_free(&file);
    sbuf_free(&t.code);
    sbuf_free(&t.cls);
    sbuf_free(&t.trait);
    sbuf_free(&t.life);
}
