/* SPDX-License-Identifier: MIT */
/*
 * emit_source.c - the generated source: <name>.c, in two passes: a plan
 * (struct source_plan: the pools, each code's offsets and numbers, the
 * form of each string lookup, who reads what), then the parts, one per
 * generated function or table, which only print the plan
 * (source_parts[]).  The pools, the string lookups and the invariant C
 * text (as templates) are in the files emit_source.h names.
 *
 * Layout of what it emits:
 *   - four string pools (phrases, names, references, descriptions) holding
 *     every text the functions return, each a struct of char arrays (each no longer
 *     than a C compiler must accept), so tables hold small offsets instead
 *     of pointers: no relocations.  Separate pools let a linker that drops
 *     unused sections (-ffunction-sections -fdata-sections -Wl,--gc-sections)
 *     keep only the texts of the functions a program calls;
 *   - one switch per lookup by code (emit_code_switch): the text lookups
 *     return the text itself from each case (a jump table, no pointer
 *     table), the number lookups a dense switch of constants (a table
 *     load, or a distinct value per code and a shift: traits, status_of);
 *     <name>_desc_row(code) maps a code to its row of the
 *     description table, for languages other than the first;
 *   - the name lookup (names and aliases) and the phrase lookup (phrases
 *     and former phrases, ignoring case), in the first of three forms that
 *     fits the keys: a trie of switches over the key's bytes, no strlen
 *     (emit_trie_lookup: up to 256 keys); a perfect hash of a fingerprint
 *     of four bytes and the length, found here at generation time
 *     (emit_perfect_lookup); an open-addressing table of FNV-1a hashes
 *     with linear probing (emit_hash_lookup);
 *   - the by-range tests: is_<class>() and is_error();
 *   - around it all, the C and C++ spellings of the few conversions and
 *     null pointers (emit_cxx_spellings), #undef'd at the end.
 */
#include "emit_source.h"

#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The language matcher of description() (only for a registry of several
 * languages), and the exact compare it uses. */
static void emit_lang(const struct spec *spec, struct sbuf *out)
{
    const char *n = spec->reg.name.s;
    const char *vars[] = {"n", n, NULL};
    char equal[96];

    emit_template(out, source_text_equal, vars);
    sbuf_puts(out, "/* Row of lang in the description table: its letters "
                   "up to '-', '_', '.',\n * '@' or the end, compared "
                   "ignoring case; 0 (the first language) when\n * lang is "
                   "NULL or not a language of the registry. */\n");
    sprintf(equal, "%.80s_equal", n);
    emit_lang_matcher(spec, "lang", equal, out);
}

/* One entry of a lookup by code: the code and its result, and for a
 * lookup of texts the text, quoted in a comment beside its case. */
struct code_value {
    long code;
    unsigned long value;
    const char *text;
};

#define DENSE_SPAN_MAX 4096UL /* codes a dense switch may list */

/*
 * Whether a switch over ncases codes between lo and hi may list every code
 * of the span, the holes as labels of the default: a switch of constants
 * without holes is what both gcc and clang lower to one table load (clang
 * wants a switch at least 40% full for that).  Past a few thousand codes,
 * or when the codes are spread thin, the listing would dwarf the table.
 */
static int dense_ok(long lo, long hi, size_t ncases)
{
    unsigned long span = (unsigned long)(hi - lo) + 1UL;

    return span <= DENSE_SPAN_MAX && span <= 8UL * (unsigned long)ncases;
}

/* Digits of v in decimal, with a '-' when negative. */
static int dec_width(long v)
{
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    int w = v < 0 ? 2 : 1;

    while (u >= 10) {
        u /= 10;
        w++;
    }
    return w;
}

/* Appends "case c:" labels for the codes lo..hi, a few to a line. */
static void hole_labels(struct sbuf *out, long lo, long hi, int *col)
{
    long c;

    for (c = lo; c <= hi; c++) {
        int len = dec_width(c) + 7; /* " case " c ":" */

        if (*col + len > 79) {
            sbuf_puts(out, "\n   ");
            *col = 3;
        }
        sbuf_puts(out, " case ");
        sbuf_put_long(out, c);
        sbuf_putc(out, ':');
        *col += len;
    }
}

/*
 * Emits the body of a lookup by code, "{ switch (code) { ... } }", after a
 * head the caller wrote ("const char *x_reason(int code)\n"): one case per
 * entry of cv[0..ncv) (ascending codes, at least one); every other code
 * gives 0 (NULL for a text).  Every lookup by code is made
 * here, so all get the same shape:
 *
 *   - kind NULL: the values are numbers, each entry a case even when its
 *     value is 0 (gcc counts only the cases that do not go to the default
 *     when it weighs a table against branches).  When dense_ok, every code
 *     between the first and the last gets a label (the holes return 0),
 *     so clang too makes the switch one load from a table of the values
 *     (it wants 40% of the span);
 *   - kind "phrase", "name", ...: the values are offsets into that pool and
 *     each case returns the text itself (<name>_<kind>_text(off), a constant
 *     address), 0 meaning NULL.  Compilers lower that to a jump table of
 *     relative offsets whose cases are one lea and a ret: no NULL test, no
 *     pointer table, no relocation.  A switch at least 30% full and with
 *     holes would be turned by clang into a table of pointers (relocations,
 *     as NULL cannot be relative), so it gets a table of offsets and a NULL
 *     test instead.
 */
static void emit_code_switch(const struct spec *spec, struct sbuf *out,
                             const struct code_value *cv, size_t ncv,
                             const char *kind)
{
    const char *n = spec->reg.name.s, *m = spec->reg.macro.s;
    long lo = cv[0].code, hi = cv[ncv - 1].code;
    unsigned long span = (unsigned long)(hi - lo) + 1UL;
    int dense = kind == NULL && dense_ok(lo, hi, ncv);
    int offsets = 0, col;
    size_t i;
    char ret[128]; /* "return <name>_<kind>_text(", made once */

    if (kind != NULL)
        sprintf(ret, "return %.80s_%.20s_text(", n, kind);

    if (kind != NULL && span != ncv && ncv * 10 >= span * 3) {
        offsets = 1;
        dense = dense_ok(lo, hi, ncv);
        sbuf_puts(out, "{\n    unsigned long off;\n\n    switch (code) {\n");
    } else {
        sbuf_puts(out, "{\n    switch (code) {\n");
    }
    for (i = 0; i < ncv; i++) {
        if (cv[i].value == 0 && kind != NULL)
            continue; /* no text: the default, NULL */
        if (kind == NULL && i + 1 < ncv && cv[i + 1].value == cv[i].value) {
            /* A run of one value: its labels, then one return. */
            size_t j = i;

            sbuf_puts(out, "   ");
            col = 3;
            for (; j < ncv && cv[j].value == cv[i].value; j++)
                hole_labels(out, cv[j].code, cv[j].code, &col);
            sbuf_puts(out, "\n        return ");
            sbuf_put_ulong(out, cv[i].value);
            sbuf_puts(out, ";\n");
            i = j - 1;
            continue;
        }
        sbuf_puts(out, "    case ");
        sbuf_put_long(out, cv[i].code);
        if (kind != NULL) {
            /* The text, so that a reader can check the case by eye. */
            sbuf_puts(out, ": ");
            emit_quote_comment(out, cv[i].text ? cv[i].text : "",
                               79 - 11 - dec_width(cv[i].code));
            sbuf_puts(out, "\n        ");
        }
        if (offsets) {
            sbuf_puts(out, "off = ");
            sbuf_put_ulong(out, cv[i].value);
            sbuf_puts(out, "; break;\n");
        } else if (kind != NULL) {
            sbuf_puts(out, ret);
            sbuf_put_ulong(out, cv[i].value);
            sbuf_puts(out, ");\n");
        } else {
            sbuf_puts(out, ": return ");
            sbuf_put_ulong(out, cv[i].value);
            sbuf_puts(out, ";\n");
        }
    }
    if (dense && span > ncv) {
        /* The holes (and the codes without a text). */
        sbuf_puts(out, "   ");
        col = 3;
        for (i = 0; i < ncv; i++) {
            long from = i ? cv[i - 1].code + 1 : lo;

            if (from < cv[i].code)
                hole_labels(out, from, cv[i].code - 1, &col);
            if (cv[i].value == 0 && kind != NULL)
                hole_labels(out, cv[i].code, cv[i].code, &col);
        }
        sbuf_putc(out, '\n');
    }
    if (offsets)
        sbuf_printf(out, "    default: off = 0; break;\n    }\n"
                         "    return off ? %s_%s_text(off) : %s_NULL;\n}\n\n",
                    n, kind, m);
    else if (kind != NULL)
        sbuf_printf(out, "    default: return %s_NULL;\n    }\n}\n\n", m);
    else
        sbuf_puts(out, "    default: return 0;\n    }\n}\n\n");
}

/* The span of codes lo..hi the classes cover; 1 when class_of is a dense
 * switch over it (and then needs <MACRO>_CAST). */
static int class_span(const struct spec *spec, long *lo, long *hi)
{
    size_t i;

    *lo = 0;
    *hi = -1;
    for (i = 0; i < spec->nclasses; i++) {
        if (i == 0 || spec->classes[i].lo < *lo)
            *lo = spec->classes[i].lo;
        if (i == 0 || spec->classes[i].hi > *hi)
            *hi = spec->classes[i].hi;
    }
    return spec->nclasses && dense_ok(*lo, *hi, (size_t)(*hi - *lo + 1));
}

/*
 * class_of: by range, for unregistered codes too.  A switch over every code
 * of the classes' span when that is small (one table load), else one range
 * test per class.
 */
static void emit_class_of(const struct spec *spec, struct sbuf *out)
{
    const char *n = spec->reg.name.s, *m = spec->reg.macro.s;
    const char *vars[] = {"n", n, "m", m, NULL};
    struct code_value *cv;
    long lo, hi, c;
    size_t i;

    if (class_span(spec, &lo, &hi)) {
        cv = (struct code_value *)sg_calloc((size_t)(hi - lo + 1),
                                            sizeof *cv);
        if (cv == NULL) {
            out->failed = 1;
            return;
        }
        for (c = lo; c <= hi; c++) {
            cv[c - lo].code = c;
            for (i = 0; i < spec->nclasses; i++)
                if (c >= spec->classes[i].lo && c <= spec->classes[i].hi)
                    break;
            cv[c - lo].value = i < spec->nclasses ? (unsigned long)i + 1 : 0;
        }
        sbuf_printf(out, "/* The class of code as its enum value. */\n"
                         "static %s %s_class_index(int code)\n",
                    uint_type(n, (unsigned long)spec->nclasses), n);
        emit_code_switch(spec, out, cv, (size_t)(hi - lo + 1), NULL);
        sg_free(cv);
        emit_template(out, source_text_class_of_dense, vars);
        return;
    }
    sbuf_printf(out, "enum %s_class %s_class_of(int code)\n{\n", n, n);
    if (spec->nclasses == 0)
        sbuf_puts(out, "    (void)code;\n");
    for (i = 0; i < spec->nclasses; i++)
        sbuf_printf(out, "    if (code >= %ld && code <= %ld)\n"
                         "        return %s_CLASS_%s;\n",
                    spec->classes[i].lo, spec->classes[i].hi, m,
                    spec->classes[i].name.s);
    sbuf_printf(out, "    return %s_CLASS_NONE;\n}\n\n", m);
}

/* Appends "code >= lo && code <= hi", or "code == lo" for one code. */
static void put_range_test(struct sbuf *out, long lo, long hi)
{
    sbuf_puts(out, "code ");
    if (lo == hi) {
        sbuf_puts(out, "== ");
        sbuf_put_long(out, lo);
        return;
    }
    sbuf_puts(out, ">= ");
    sbuf_put_long(out, lo);
    sbuf_puts(out, " && code <= ");
    sbuf_put_long(out, hi);
}

/* <name>_is_<class>(code) for every class and <name>_is_error(code): by
 * range, like class_of(), so for known and unknown codes alike. */
static void emit_class_tests(const struct spec *spec, struct sbuf *out)
{
    const char *n = spec->reg.name.s;
    size_t i, nerr = 0, left;

    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_printf(out, "int %s_is_", n);
        sbuf_puts_case(out, c->name.s, 0);
        sbuf_puts(out, "(int code)\n{\n    return ");
        put_range_test(out, c->lo, c->hi);
        sbuf_puts(out, ";\n}\n\n");
        if (c->error)
            nerr++;
    }
    sbuf_printf(out, "int %s_is_error(int code)\n{\n", n);
    if (nerr == 0) {
        sbuf_puts(out, "    (void)code;\n"
                       "    return 0; /* no class is marked error: true */\n"
                       "}\n\n");
        return;
    }
    sbuf_puts(out, "    return ");
    for (i = 0, left = nerr; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        if (!c->error)
            continue;
        if (nerr > 1)
            sbuf_putc(out, '(');
        put_range_test(out, c->lo, c->hi);
        if (nerr > 1)
            sbuf_putc(out, ')');
        if (--left)
            sbuf_puts(out, " ||\n           ");
    }
    sbuf_puts(out, ";\n}\n\n");
}

/*
 * A lookup by code of a small number per code (traits, lifecycle): the
 * switch in a helper "static <type> <name>_<helper>(int code)" with one
 * caller (clang does not inline a large switch with two), then
 * "<ret> <name>_<fn>(int code)" returning helper(code) >> rowbits, as enum
 * <name>_<enum_of> when that is not NULL.  When the switch
 * is dense, each value carries the code's row plus one in its low bits, so
 * that every registered code has a value of its own: gcc merges
 * neighbouring cases of one value into a range and then finds too few
 * cases for a table.  value[row] is the number (0 for unregistered codes).
 */
static void emit_small_lookup(const struct spec *spec, struct sbuf *out,
                              struct code_value *cv,
                              const unsigned long *value, const char *helper,
                              const char *doc, const char *ret,
                              const char *fn, const char *enum_of)
{
    const char *n = spec->reg.name.s, *m = spec->reg.macro.s;
    size_t nc = spec->ncodes, i;
    unsigned long max = 0;
    unsigned rowbits = 0;

    for (i = 0; i < nc; i++)
        if (value[i] > max)
            max = value[i];
    /* At most 13 bits of row (DENSE_SPAN_MAX) above which 16 of value. */
    if (dense_ok(cv[0].code, cv[nc - 1].code, nc))
        while ((1UL << rowbits) <= (unsigned long)nc)
            rowbits++;
    for (i = 0; i < nc; i++)
        cv[i].value = value[i] << rowbits | (rowbits ? (unsigned long)i + 1
                                                     : 0UL);
    sbuf_printf(out, "/* %s", doc);
    if (rowbits)
        sbuf_printf(out, ", above the row plus\n * one (%u bits)", rowbits);
    sbuf_printf(out, "; 0 when code is not known. */\nstatic %s %s_%s(int "
                     "code)\n", uint_type(n, max << rowbits |
                                             ((1UL << rowbits) - 1)),
                n, helper);
    emit_code_switch(spec, out, cv, nc, NULL);
    sbuf_printf(out, "%s %s_%s(int code)\n{\n", ret, n, fn);
    sbuf_puts(out, enum_of ? "    unsigned v = " : "    return ");
    sbuf_printf(out, "%s_%s(code)", n, helper);
    if (rowbits)
        sbuf_printf(out, " >> %u", rowbits);
    sbuf_puts(out, ";\n");
    if (enum_of)
        sbuf_printf(out, "\n    return %s_CAST(enum %s_%s, v);\n", m, n,
                    enum_of);
    sbuf_puts(out, "}\n\n");
}

/*
 * The spellings of a conversion, a view of an object's bytes and a null
 * pointer in the language the file is compiled as (source_text_spellings):
 * C++ compilers warn about C's casts (-Wold-style-cast), and clang++ from
 * C++11 on about NULL (-Wzero-as-null-pointer-constant: it is __null
 * there).  Types that need no conversion come first; these are for the
 * few places left.  Only the ones used are defined (clang's
 * -Wunused-macros), and the end of the body #undefs them
 * (emit_cxx_undefs), so the single header leaks none.
 */
static void emit_cxx_spellings(const char *m, unsigned use, struct sbuf *out)
{
    const char *vars[] = {"m", m, NULL};
    const struct source_spelling *sp;

    if (use == 0)
        return;
    emit_template(out, source_text_spellings_head, vars);
    for (sp = source_text_spellings; sp->use; sp++)
        if (use & sp->use)
            emit_template(out, sp->cxx, vars);
    sbuf_puts(out, "#else\n");
    for (sp = source_text_spellings; sp->use; sp++)
        if (use & sp->use)
            emit_template(out, sp->c, vars);
    sbuf_puts(out, "#endif\n\n");
}

/* The #undefs of the spellings emit_cxx_spellings defined. */
static void emit_cxx_undefs(const char *m, unsigned use, struct sbuf *out)
{
    const struct source_spelling *sp;

    for (sp = source_text_spellings; sp->use; sp++)
        if (use & sp->use)
            sbuf_printf(out, "#undef %s_%s\n", m, sp->name);
}

/* The form chosen for from_name or from_reason. */
enum string_form {
    FORM_NONE,      /* not asked for */
    FORM_TRIE,      /* emit_trie_lookup; its text is made while planning */
    FORM_PERFECT,   /* emit_perfect_lookup */
    FORM_PROBE      /* emit_hash_lookup */
};

/* A string lookup being planned, then emitted. */
struct string_lookup {
    enum string_form form;
    struct sbuf trie;       /* the whole function, for FORM_TRIE */
    struct ph_plan ph;      /* for FORM_PERFECT */
    unsigned long *more_off; /* pool offsets of the aliases or former
                             * phrases, for the forms that read the pool */
};

/*
 * The keys of a string lookup in key order: per code in code order its
 * name and its aliases; or every code's phrase, then the former phrases.
 * With key_off, first_off[i] is the pool offset of code i's name or
 * phrase, more_off those of the others in key order (planning needs no
 * offsets).  Returns the number of keys.
 */
static size_t lookup_keys(const struct spec *spec, int phrases,
                          const unsigned long *first_off,
                          const unsigned long *more_off, const char **keys,
                          unsigned long *key_off, long *key_code)
{
    size_t i, j, k = 0, more = 0;

    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        keys[k] = phrases ? c->phrase.s : c->name.s;
        if (key_off)
            key_off[k] = first_off[i];
        key_code[k++] = c->code;
        if (phrases)
            continue;
        for (j = 0; j < c->naliases; j++) {
            keys[k] = c->aliases[j].s;
            if (key_off)
                key_off[k] = more_off[more++];
            key_code[k++] = c->code;
        }
    }
    /* Phrases: one key per code, then the former phrases (validation made
     * them all unique, ignoring case). */
    for (i = 0; phrases && i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        for (j = 0; j < c->nformer; j++) {
            keys[k] = c->former[j].s;
            if (key_off)
                key_off[k] = more_off[more++];
            key_code[k++] = c->code;
        }
    }
    return k;
}

/*
 * Chooses the form of from_name (phrases 0) or from_reason (1): the trie
 * (made here) unless --lookup compact or the keys do not suit it, else
 * the perfect hash, else the probing table.  The last two read the pool:
 * then the aliases or former phrases are added to it (after every name or
 * phrase, so that a program without the lookup does not carry them).
 * Returns 0 or -1 (out of memory).
 */
static int plan_string_lookup(const struct emit_ctx *ctx, int phrases,
                              struct pool *pool, const char **keys,
                              long *key_code, struct string_lookup *sl)
{
    const struct spec *spec = ctx->spec;
    size_t nkeys, nmore = 0, i, j;

    nkeys = lookup_keys(spec, phrases, NULL, NULL, keys, NULL, key_code);
    if (ctx->opts.lookup == LOOKUP_FAST &&
        emit_trie_lookup(spec, &sl->trie, phrases ? "reason" : "name",
                         phrases ? "phrase" : "name", keys, key_code, nkeys,
                         phrases) == 0) {
        sl->form = FORM_TRIE;
        return sbuf_failed(&sl->trie) ? -1 : 0;
    }
    sbuf_free(&sl->trie);
    sl->more_off = (unsigned long *)sg_calloc(nkeys - spec->ncodes + 1,
                                              sizeof *sl->more_off);
    if (sl->more_off == NULL)
        return -1;
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];
        size_t nm = phrases ? c->nformer : c->naliases;

        for (j = 0; j < nm; j++)
            sl->more_off[nmore++] = pool_add(pool, phrases ? c->former[j].s
                                                           : c->aliases[j].s);
    }
    sl->form = perfect_plan(keys, key_code, nkeys, phrases, &sl->ph) == 0
                   ? FORM_PERFECT : FORM_PROBE;
    return pool->failed ? -1 : 0;
}

/* Emits a planned string lookup (first_off: the codes' names or phrases
 * in the pool). */
static void emit_string_lookup(const struct emit_ctx *ctx, struct sbuf *out,
                               int phrases, const struct pool *pool,
                               const unsigned long *first_off,
                               const char **keys, unsigned long *key_off,
                               long *key_code,
                               const struct string_lookup *sl)
{
    const char *fn = phrases ? "reason" : "name";
    const char *kind = phrases ? "phrase" : "name";
    size_t nkeys;

    if (sl->form == FORM_NONE)
        return;
    if (sl->form == FORM_TRIE) {
        sbuf_putn(out, sl->trie.data, sl->trie.len);
        return;
    }
    nkeys = lookup_keys(ctx->spec, phrases, first_off, sl->more_off, keys,
                        key_off, key_code);
    if (sl->form == FORM_PERFECT) {
        emit_perfect_lookup(ctx->spec, out, fn, kind, phrases ? "phrase"
                                                              : "name",
                            pool, keys, key_off, key_code, nkeys, phrases,
                            &sl->ph);
        return;
    }
    if (phrases)
        emit_equal_nocase(ctx->spec->reg.name.s, out);
    emit_hash_lookup(ctx, out, fn, keys, key_off, key_code, nkeys, phrases);
}

/* The uses of the spellings (USE_*) by what the plan emits. */
static unsigned spellings_used(const struct spec *spec, unsigned fns,
                               int with_text,
                               const struct string_lookup *sl)
{
    unsigned use = 0;
    long lo, hi;
    int i;

    if (fns & (FN_REASON | FN_NAME | FN_DESCRIPTION | FN_REFERENCE))
        use |= USE_NULL;
    if (with_text || (fns & (FN_FROM_NAME | FN_FROM_REASON)))
        use |= USE_PUN;
    if (((fns & FN_CLASS) && class_span(spec, &lo, &hi)) ||
        (fns & FN_STATUS))
        use |= USE_CAST;
    for (i = 0; i < 2; i++)
        if (sl[i].form == FORM_PERFECT || sl[i].form == FORM_PROBE)
            use |= USE_CAST;
    /* The field accessors (always emitted): a string or text field gives
     * a null pointer for a code without a value. */
    for (i = 0; (size_t)i < spec->nfields; i++)
        if (spec->fields[i].type == FIELD_STRING ||
            spec->fields[i].type == FIELD_TEXT)
            use |= USE_NULL;
    return use;
}

/*
 * What the source holds, decided before any of it is printed (the first
 * pass): the pools and each row's offsets into them, the numbers of the
 * small lookups, the form of each string lookup, and who reads what.  The
 * parts (the second pass) only print it.  Rows are the codes in ascending
 * order.
 */
struct source_plan {
    unsigned fns;             /* the FN_* bits asked for */
    struct pool phrases, names, refs, descs;
    unsigned long *phrase_off; /* per row: its reason() text in phrases */
    unsigned long *name_off;  /* per row: its name in names */
    unsigned long *ref_off;   /* per row: its reference in refs */
    unsigned long *life;      /* per row: enum <name>_lifecycle's value */
    unsigned long *bits;      /* per row: its trait bits */
    unsigned long *desc_off;  /* per row and language (row * nlang + j) */
    struct string_lookup sl[2]; /* from_name, from_reason */
    const char **keys;        /* room for either string lookup's keys */
    unsigned long *key_off;
    long *key_code;
    struct code_value *cv;    /* a switch's cases, filled per lookup */
    int have_desc;            /* some code has a description */
    int have_ref;             /* some code has a reference */
    int phrase_text;          /* <name>_phrase_text() is read */
    int name_text;            /* <name>_name_text() is read */
    int rows;                 /* <name>_row() is needed */
    unsigned use;             /* the spellings used (USE_*) */
};

/* Frees what plan holds (also a plan source_plan_make gave up on). */
static void source_plan_free(struct source_plan *plan)
{
    int k;

    for (k = 0; k < 2; k++) {
        sbuf_free(&plan->sl[k].trie);
        sg_free(plan->sl[k].more_off);
    }
    sg_free(plan->cv);
    sg_free(plan->phrase_off);
    sg_free(plan->keys);
    sg_free(plan->key_off);
    sg_free(plan->key_code);
    pool_free(&plan->phrases);
    pool_free(&plan->names);
    pool_free(&plan->refs);
    pool_free(&plan->descs);
}

/* Plans the source of ctx; returns 0, or -1 when memory ran out (then
 * source_plan_free still frees what was made). */
static int source_plan_make(const struct emit_ctx *ctx,
                            struct source_plan *plan)
{
    const struct spec *spec = ctx->spec;
    size_t nc = spec->ncodes, nl = spec->reg.nlang, i, j, nkeys;
    unsigned fns = emit_functions(ctx);
    struct string_lookup *sl = plan->sl;
    int failed = 0;

    memset(plan, 0, sizeof *plan);
    plan->fns = fns;
    sbuf_init(&sl[0].trie);
    sbuf_init(&sl[1].trie);
    for (i = 0, nkeys = nc; i < nc; i++) {
        size_t more = spec->codes[i].naliases > spec->codes[i].nformer
                          ? spec->codes[i].naliases : spec->codes[i].nformer;

        nkeys += more; /* enough for either lookup's keys */
    }
    pool_init(&plan->phrases, nc);
    pool_init(&plan->names, nc);
    pool_init(&plan->refs, 0);
    pool_init(&plan->descs, (fns & FN_DESCRIPTION) ? nc * nl : 0);
    plan->phrase_off = (unsigned long *)sg_calloc(nc * (5 + nl),
                                                  sizeof(long));
    plan->keys = (const char **)sg_calloc(nkeys, sizeof *plan->keys);
    plan->key_off = (unsigned long *)sg_calloc(nkeys, sizeof *plan->key_off);
    plan->key_code = (long *)sg_calloc(nkeys, sizeof *plan->key_code);
    plan->cv = (struct code_value *)sg_calloc(nc, sizeof *plan->cv);
    if (plan->phrase_off == NULL || plan->keys == NULL ||
        plan->key_off == NULL || plan->key_code == NULL || plan->cv == NULL)
        return -1;
    plan->name_off = plan->phrase_off + nc;
    plan->ref_off = plan->name_off + nc;
    plan->life = plan->ref_off + nc;
    plan->bits = plan->life + nc;
    plan->desc_off = plan->bits + nc;

    /* One pool per kind of text, in row order; descriptions language by
     * language; only the texts of the functions asked for. */
    for (i = 0; i < nc; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        /* without a phrase (phrases: false), reason() gives the label */
        plan->phrase_off[i] = pool_add(&plan->phrases, spec_reason(c));
        plan->name_off[i] = pool_add(&plan->names, c->name.s);
        if (fns & FN_REFERENCE)
            plan->ref_off[i] = pool_add(&plan->refs, c->reference.s);
        /* enum <name>_lifecycle: NONE is 0, then the statuses in order */
        plan->life[i] = (unsigned long)c->status + 1;
        plan->bits[i] = c->trait_bits;
        plan->cv[i].code = c->code;
    }
    for (j = 0; (fns & FN_DESCRIPTION) && j < nl; j++)
        for (i = 0; i < nc; i++)
            plan->desc_off[i * nl + j] = pool_add(
                &plan->descs, spec->codes[spec->order[i]].desc[j].s);
    /* The string lookups' forms, and the aliases and former phrases in the
     * pools when their forms read them. */
    if ((fns & FN_FROM_NAME) &&
        plan_string_lookup(ctx, 0, &plan->names, plan->keys,
                           plan->key_code, &sl[0]) != 0)
        failed = 1;
    if ((fns & FN_FROM_REASON) &&
        plan_string_lookup(ctx, 1, &plan->phrases, plan->keys,
                           plan->key_code, &sl[1]) != 0)
        failed = 1;
    if (failed || plan->phrases.failed || plan->names.failed ||
        plan->refs.failed || plan->descs.failed ||
        sbuf_failed(&plan->phrases.bytes) || sbuf_failed(&plan->names.bytes) ||
        sbuf_failed(&plan->refs.bytes) || sbuf_failed(&plan->descs.bytes))
        return -1;
    plan->have_desc = plan->descs.bytes.len > 1;
    plan->have_ref = plan->refs.bytes.len > 1;
    /* Every text is in: the dedup sets (2 MB each at 100,000 codes) are
     * not needed while the rest is emitted. */
    pool_seal(&plan->phrases);
    pool_seal(&plan->names);
    pool_seal(&plan->refs);
    pool_seal(&plan->descs);
    /* Who reads the phrase and name pools through <name>_<kind>_text(). */
    plan->phrase_text = (fns & FN_REASON) || sl[1].form == FORM_PROBE;
    plan->name_text = (fns & FN_NAME) || sl[0].form == FORM_PROBE;
    /* <name>_row(code): is_known() and description() in a language other
     * than the first. */
    plan->rows = (fns & FN_IS_KNOWN) ||
                 ((fns & FN_DESCRIPTION) && plan->have_desc && nl > 1);
    plan->use = spellings_used(
        spec, fns,
        plan->phrase_text || plan->name_text ||
            ((fns & FN_DESCRIPTION) && plan->have_desc) ||
            ((fns & FN_REFERENCE) && plan->have_ref),
        sl);
    return 0;
}

/*
 * The parts of the source, in the order they are printed.  Each prints
 * what the plan says of one generated function or table, or nothing when
 * the plan leaves it out.  vars holds the insertion points every template
 * takes: n (the registry's name) and m (its macro).
 */
struct source_part_args {
    const struct emit_ctx *ctx;
    struct source_plan *plan;
    const char *const *vars;
    struct sbuf *out;
};
typedef void source_part(const struct source_part_args *a);

/* The includes, <name>_u32 and the spellings. */
static void part_prelude(const struct source_part_args *a)
{
    emit_template(a->out, source_text_prelude, a->vars);
    emit_cxx_spellings(a->ctx->spec->reg.macro.s, a->plan->use, a->out);
}

/* One pool per kind of text some lookup reads (none for a kind no code
 * has: its lookup returns NULL). */
static void part_pools(const struct source_part_args *a)
{
    const struct source_plan *p = a->plan;
    const char *n = a->ctx->spec->reg.name.s, *m = a->ctx->spec->reg.macro.s;

    if (p->phrase_text)
        emit_pool(n, m, "phrase", "wire phrase", &p->phrases, 1, a->out);
    if (p->name_text || p->sl[0].form == FORM_PERFECT)
        emit_pool(n, m, "name", "name and alias", &p->names, p->name_text,
                  a->out);
    if ((p->fns & FN_REFERENCE) && p->have_ref)
        emit_pool(n, m, "ref", "reference", &p->refs, 1, a->out);
    if ((p->fns & FN_DESCRIPTION) && p->have_desc)
        emit_pool(n, m, "desc", "description, language by language",
                  &p->descs, 1, a->out);
}

/* The array <name>_codes[]. */
static void part_codes(const struct source_part_args *a)
{
    const struct spec *spec = a->ctx->spec;
    const char *n = spec->reg.name.s, *m = spec->reg.macro.s;
    size_t nc = spec->ncodes, i;

    if (!(a->plan->fns & FN_CODES))
        return;
    if (a->ctx->single)
        sbuf_printf(a->out, "#ifdef %s_STATIC\n%s_API\n#endif\n", m, m);
    sbuf_printf(a->out, "const int %s_codes[%s_COUNT] = {\n    ", n, m);
    for (i = 0; i < nc; i++) {
        sbuf_put_long(a->out, spec->codes[spec->order[i]].code);
        sbuf_puts(a->out, i + 1 < nc ? (i % 10 == 9 ? ",\n    " : ", ")
                                     : "\n");
    }
    sbuf_puts(a->out, "};\n\n");
}

/* Several languages: the table of each row's description offsets per
 * language, and the language matcher. */
static void part_desc_table(const struct source_part_args *a)
{
    const struct spec *spec = a->ctx->spec;
    const struct source_plan *p = a->plan;
    size_t nc = spec->ncodes, nl = spec->reg.nlang, i, j;
    struct table t;
    char dims[32];

    if (!(p->fns & FN_DESCRIPTION) || nl < 2 || !p->have_desc)
        return;
    sprintf(dims, "[][%lu]", (unsigned long)nl);
    sbuf_puts(a->out, "/* Per code, the description's offset in each "
                      "language; 0: none. */\n");
    table_begin(&t, a->out, uint_type(spec->reg.name.s,
                                      max_of(p->desc_off, nc * nl)),
                spec->reg.name.s, "desc", dims);
    for (i = 0; i < nc; i++) {
        sbuf_puts(a->out, i ? ",\n    {" : "{");
        t.n = 0;
        t.col = 5;
        for (j = 0; j < nl; j++)
            table_put(&t, p->desc_off[i * nl + j]);
        sbuf_putc(a->out, '}');
    }
    table_end(&t);
    emit_lang(spec, a->out);
}

/* A lookup of a text by code: its head, then a switch over the rows'
 * offsets into the pool of kind, each case quoting texts[row] (the
 * texts of one language when stride > 1: texts[row * stride]). */
static void text_switch(const struct source_part_args *a, const char *head,
                        const unsigned long *off, size_t stride,
                        const char *kind,
                        const char *(*text)(const struct spec_code *c))
{
    const struct spec *spec = a->ctx->spec;
    struct code_value *cv = a->plan->cv;
    size_t i;

    sbuf_puts(a->out, head);
    for (i = 0; i < spec->ncodes; i++) {
        cv[i].value = off[i * stride];
        cv[i].text = text(&spec->codes[spec->order[i]]);
    }
    emit_code_switch(spec, a->out, cv, spec->ncodes, kind);
}

static const char *text_phrase(const struct spec_code *c)
{
    return c->phrase.s;
}

static const char *text_name(const struct spec_code *c)
{
    return c->name.s;
}

static const char *text_desc(const struct spec_code *c)
{
    return c->desc[0].s;
}

static const char *text_ref(const struct spec_code *c)
{
    return c->reference.s;
}

/* <name>_reason() and <name>_name(). */
static void part_reason_name(const struct source_part_args *a)
{
    const struct source_plan *p = a->plan;
    struct sbuf head;

    sbuf_init(&head);
    if (p->fns & FN_REASON) {
        sbuf_printf(&head, "const char *%s_reason(int code)\n",
                    a->ctx->spec->reg.name.s);
        text_switch(a, sbuf_str(&head), p->phrase_off, 1, "phrase",
                    text_phrase);
    }
    if (p->fns & FN_NAME) {
        head.len = 0;
        sbuf_printf(&head, "const char *%s_name(int code)\n",
                    a->ctx->spec->reg.name.s);
        text_switch(a, sbuf_str(&head), p->name_off, 1, "name", text_name);
    }
    if (sbuf_failed(&head))
        a->out->failed = 1;
    sbuf_free(&head);
}

/* <name>_row(code): the row plus one, 0 when not known.  Rows rather than
 * 1s: gcc makes a switch of two values bit tests. */
static void part_row(const struct source_part_args *a)
{
    const struct spec *spec = a->ctx->spec;
    const char *n = spec->reg.name.s;
    struct code_value *cv = a->plan->cv;
    size_t i;

    if (!a->plan->rows)
        return;
    emit_commentf(a->out, "", "The row of code (in %s_codes and the "
                  "tables here) plus one; 0 when code is not known.", n);
    sbuf_printf(a->out, "static %s %s_row(int code)\n",
                uint_type(n, (unsigned long)spec->ncodes), n);
    for (i = 0; i < spec->ncodes; i++) {
        cv[i].value = (unsigned long)i + 1;
        cv[i].text = NULL;
    }
    emit_code_switch(spec, a->out, cv, spec->ncodes, NULL);
}

/* <name>_description(): the first language's switch, and the function
 * for no, one or several languages. */
static void part_description(const struct source_part_args *a)
{
    const struct source_plan *p = a->plan;
    struct sbuf head;

    if (!(p->fns & FN_DESCRIPTION))
        return;
    if (!p->have_desc) {
        emit_template(a->out, source_text_description_none, a->vars);
        return;
    }
    sbuf_init(&head);
    sbuf_printf(&head, "/* The description in the first language (the "
                       "comments show its start). */\n"
                       "static const char *%s_desc_first(int code)\n",
                a->ctx->spec->reg.name.s);
    text_switch(a, sbuf_str(&head), p->desc_off, a->ctx->spec->reg.nlang,
                "desc", text_desc);
    if (sbuf_failed(&head))
        a->out->failed = 1;
    sbuf_free(&head);
    emit_template(a->out, a->ctx->spec->reg.nlang > 1
                              ? source_text_description_many
                              : source_text_description_one, a->vars);
}

/* <name>_class_of(), <name>_is_<class>() and <name>_is_error(). */
static void part_class(const struct source_part_args *a)
{
    if (!(a->plan->fns & FN_CLASS))
        return;
    emit_class_of(a->ctx->spec, a->out);
    emit_class_tests(a->ctx->spec, a->out);
}

/* <name>_traits(). */
static void part_traits(const struct source_part_args *a)
{
    if (!(a->plan->fns & FN_TRAITS))
        return;
    if (a->ctx->spec->ntraits == 0) {
        emit_template(a->out, source_text_traits_none, a->vars);
        return;
    }
    emit_small_lookup(a->ctx->spec, a->out, a->plan->cv, a->plan->bits,
                      "traits_of", "The traits of code", "unsigned",
                      "traits", NULL);
}

/* <name>_is_known(). */
static void part_is_known(const struct source_part_args *a)
{
    if (a->plan->fns & FN_IS_KNOWN)
        emit_template(a->out, source_text_is_known, a->vars);
}

/* <name>_status_of(). */
static void part_status(const struct source_part_args *a)
{
    char ret[80];

    if (!(a->plan->fns & FN_STATUS))
        return;
    sprintf(ret, "enum %.60s_lifecycle", a->ctx->spec->reg.name.s);
    emit_small_lookup(a->ctx->spec, a->out, a->plan->cv, a->plan->life,
                      "lifecycle_of",
                      "The lifecycle of code (its enumerator)", ret,
                      "status_of", "lifecycle");
}

/* <name>_reference(). */
static void part_reference(const struct source_part_args *a)
{
    const struct source_plan *p = a->plan;
    struct sbuf head;

    if (!(p->fns & FN_REFERENCE))
        return;
    sbuf_init(&head);
    sbuf_printf(&head, "const char *%s_reference(int code)\n",
                a->ctx->spec->reg.name.s);
    if (p->have_ref) {
        text_switch(a, sbuf_str(&head), p->ref_off, 1, "ref", text_ref);
    } else {
        sbuf_puts(a->out, sbuf_str(&head));
        emit_template(a->out, source_text_reference_none, a->vars);
    }
    if (sbuf_failed(&head))
        a->out->failed = 1;
    sbuf_free(&head);
}

/* <name>_from_name() and <name>_from_reason(), in their planned forms. */
static void part_string_lookups(const struct source_part_args *a)
{
    struct source_plan *p = a->plan;

    emit_string_lookup(a->ctx, a->out, 0, &p->names, p->name_off, p->keys,
                       p->key_off, p->key_code, &p->sl[0]);
    emit_string_lookup(a->ctx, a->out, 1, &p->phrases, p->phrase_off,
                       p->keys, p->key_off, p->key_code, &p->sl[1]);
}

/* The declared fields' accessors (emit_fields.c). */
static void part_fields(const struct source_part_args *a)
{
    emit_fields_source(a->ctx, a->out);
}

/* The #undefs of the spellings, and no blank line at the end. */
static void part_end(const struct source_part_args *a)
{
    struct sbuf *out = a->out;

    emit_cxx_undefs(a->ctx->spec->reg.macro.s, a->plan->use, out);
    /* The last function ends with a blank line; drop it. */
    if (out->len >= 2 && out->data[out->len - 1] == '\n' &&
        out->data[out->len - 2] == '\n')
        out->data[--out->len] = '\0';
}

static source_part *const source_parts[] = {
    part_prelude, part_pools, part_codes, part_desc_table,
    part_reason_name, part_row, part_description, part_class, part_traits,
    part_is_known, part_status, part_reference, part_string_lookups,
    part_fields, part_end
};

void emit_source_body(const struct emit_ctx *ctx, struct sbuf *out)
{
    struct source_plan plan;
    const char *vars[] = {"n", ctx->spec->reg.name.s,
                          "m", ctx->spec->reg.macro.s, NULL};
    struct source_part_args args;
    size_t i;

    if (source_plan_make(ctx, &plan) != 0) {
        out->failed = 1;
    } else {
        args.ctx = ctx;
        args.plan = &plan;
        args.vars = vars;
        args.out = out;
        for (i = 0; i < sizeof source_parts / sizeof source_parts[0]; i++)
            source_parts[i](&args);
    }
    source_plan_free(&plan);
}

void emit_source(const struct emit_ctx *ctx, struct sbuf *out)
{
    struct sbuf file;

    sbuf_init(&file);
    sbuf_printf(&file, "%s.c", ctx->spec->reg.name.s);
    emit_banner_c(ctx, sbuf_str(&file), out);
    sbuf_printf(out, "\n#include \"%s.h\"\n\n", ctx->spec->reg.name.s);
    emit_identity_check(ctx, sbuf_str(&file), out);
    sbuf_putc(out, '\n');
    if (sbuf_failed(&file))
        out->failed = 1;
    sbuf_free(&file);
    emit_source_body(ctx, out);
}
