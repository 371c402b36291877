/*
 * emit_source.c - the generated source: <name>.c.
 *
 * Layout of what it emits:
 *   - four string pools (phrases, names, references, descriptions) holding
 *     every text
 *     the functions return, each a struct of char arrays (each no longer
 *     than a C compiler must accept), so tables hold small offsets instead
 *     of pointers: no relocations.  Separate pools let a linker that drops
 *     unused sections (-ffunction-sections -fdata-sections -Wl,--gc-sections)
 *     keep only the texts of the functions a program calls;
 *   - <name>_phrase_of(code), <name>_name_of(code) and
 *     <name>_reference_of(code): switches that map a code straight to its
 *     text's offset (0: not known), so reason(), name() and reference() are
 *     one table load after the compiler turns the switch into a table;
 *     <name>_lifecycle_of(code), the same for status_of();
 *   - <name>_index(code): the switch that maps a code to its row, for the
 *     per-row tables (traits, descriptions per language);
 *   - open-addressing hash tables (FNV-1a, linear probing, built here at
 *     generation time) for the name lookup (names and aliases) and the
 *     phrase lookup (phrases and former phrases);
 *   - the by-range functions: class_of(), is_<class>() and is_error().
 */
#include "emit.h"

#include "alloc.h"

#include <stdio.h>
#include <string.h>

#define POOL_PIECE 4000   /* bytes of one pool member, NULs included */

/* A pool under construction: the bytes, with identical strings shared. */
struct pool {
    struct sbuf bytes;
    unsigned long *slots;  /* hash set of offsets + 1; 0 empty */
    size_t nslots;
    size_t used;
    size_t *piece_end;     /* end offset of each piece */
    size_t npieces;
    size_t piece_cap;
    int failed;
};

static void pool_init(struct pool *p)
{
    memset(p, 0, sizeof *p);
    sbuf_init(&p->bytes);
    sbuf_putc(&p->bytes, '\0'); /* offset 0: "", meaning "absent" */
}

static void pool_free(struct pool *p)
{
    sbuf_free(&p->bytes);
    sg_free(p->slots);
    sg_free(p->piece_end);
}

/* Grows the dedup set to keep it at most half full. */
static int pool_rehash(struct pool *p)
{
    size_t n = p->nslots ? p->nslots * 2 : 1024, i;
    unsigned long *s = (unsigned long *)sg_calloc(n, sizeof *s);

    if (s == NULL)
        return -1;
    for (i = 0; i < p->nslots; i++) {
        if (p->slots[i]) {
            const char *str = p->bytes.data + p->slots[i] - 1;
            size_t h = (size_t)sg_hash64(str, strlen(str)) & (n - 1);

            while (s[h])
                h = (h + 1) & (n - 1);
            s[h] = p->slots[i];
        }
    }
    sg_free(p->slots);
    p->slots = s;
    p->nslots = n;
    return 0;
}

/* Adds s to the pool (once); returns its offset, 0 for NULL or failure. */
static unsigned long pool_add(struct pool *p, const char *s)
{
    size_t len, h, piece_start;
    unsigned long off;

    if (s == NULL || p->failed)
        return 0;
    len = strlen(s);
    if (len == 0)
        return 0;
    if ((p->used + 1) * 2 > p->nslots && pool_rehash(p) != 0)
        goto oom;
    h = (size_t)sg_hash64(s, len) & (p->nslots - 1);
    while (p->slots[h]) {
        if (strcmp(p->bytes.data + p->slots[h] - 1, s) == 0)
            return p->slots[h] - 1;
        h = (h + 1) & (p->nslots - 1);
    }
    /* Start a new piece when this string would not fit in the current
     * one; piece boundaries fall between strings. */
    piece_start = p->npieces ? p->piece_end[p->npieces - 1] : 0;
    if (p->bytes.len - piece_start + len + 1 > POOL_PIECE) {
        if (sg_grow((void **)&p->piece_end, &p->piece_cap, p->npieces + 1,
                    sizeof *p->piece_end) != 0)
            goto oom;
        p->piece_end[p->npieces++] = p->bytes.len;
    }
    off = (unsigned long)p->bytes.len;
    sbuf_putn(&p->bytes, s, len + 1);
    if (sbuf_failed(&p->bytes))
        goto oom;
    p->slots[h] = off + 1;
    p->used++;
    return off;
oom:
    p->failed = 1;
    return 0;
}

/* Smallest unsigned type for values up to max ("unsigned char", ...);
 * past 16 bits, the <name>_u32 type the source defines. */
static const char *uint_type(const char *n, unsigned long max)
{
    static char u32[64];

    if (max <= 255UL)
        return "unsigned char";
    if (max <= 65535UL)
        return "unsigned short";
    sprintf(u32, "%.50s_u32", n);
    return u32;
}

/* Largest of n values. */
static unsigned long max_of(const unsigned long *v, size_t n)
{
    unsigned long m = 0;
    size_t i;

    for (i = 0; i < n; i++)
        if (v[i] > m)
            m = v[i];
    return m;
}

/* FNV-1a over the bytes of s; when fold, over each byte | 0x20, which is
 * the same for the upper and lower case of an ASCII letter (it merges
 * some other pairs too, which only costs a probe).  The same function is
 * emitted for the generated lookups. */
static unsigned long name_hash(const char *s, int fold)
{
    unsigned long h = 2166136261UL;

    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (fold)
            c = (unsigned char)(c | 0x20);
        h ^= c;
        h = (h * 16777619UL) & 0xffffffffUL;
    }
    return h;
}

/* Appends v in decimal: the tables and switches of a large registry hold
 * hundreds of thousands of numbers, too many for sbuf_printf. */
static void put_ulong(struct sbuf *out, unsigned long v)
{
    char buf[24];
    size_t i = sizeof buf;

    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    sbuf_putn(out, buf + i, sizeof buf - i);
}

/* Appends v in decimal, with its sign. */
static void put_long(struct sbuf *out, long v)
{
    if (v < 0) {
        sbuf_putc(out, '-');
        put_ulong(out, 0UL - (unsigned long)v);
    } else {
        put_ulong(out, (unsigned long)v);
    }
}

/* Appends a table as "static const <type> <name>[] = { v, v, ... };". */
struct table {
    struct sbuf *out;
    int col;
    size_t n;
};

static void table_begin(struct table *t, struct sbuf *out, const char *type,
                        const char *prefix, const char *name,
                        const char *dims)
{
    t->out = out;
    t->col = 4;
    t->n = 0;
    sbuf_printf(out, "static const %s %s_%s%s = {\n    ", type, prefix, name,
                dims);
}

static void table_put(struct table *t, unsigned long v)
{
    int len = 0;
    unsigned long x = v;

    do {
        len++;
        x /= 10;
    } while (x);
    if (t->n) {
        sbuf_putc(t->out, ',');
        t->col++;
        if (t->col + len + 1 > 78) {
            sbuf_puts(t->out, "\n    ");
            t->col = 4;
        } else {
            sbuf_putc(t->out, ' ');
            t->col++;
        }
    }
    put_ulong(t->out, v);
    t->col += len;
    t->n++;
}

static void table_end(struct table *t)
{
    sbuf_puts(t->out, "\n};\n\n");
}

/* The emitted pool of one kind of text ("phrase", "name", "desc"): a
 * struct of pieces, each one string literal, and its accessor. */
static void emit_pool(const char *n, const char *kind, const char *what,
                      struct pool *p, struct sbuf *out)
{
    size_t i, start = 0, total = p->bytes.len;

    sbuf_printf(out,
        "/* Every %s, NUL-separated; offset 0 is \"\".  A struct of pieces "
        "keeps each\n * literal within what C compilers must accept; the "
        "tables hold offsets into\n * it, so they need no relocation. */\n"
        "static const struct %s_%s_pool {\n", what, n, kind);
    for (i = 0; i <= p->npieces; i++) {
        size_t end = i < p->npieces ? p->piece_end[i] : total;

        sbuf_printf(out, "    char p%lu[%lu];\n", (unsigned long)i,
                    (unsigned long)(end - start));
        start = end;
    }
    sbuf_printf(out, "} %s_%s_pool = {\n", n, kind);
    start = 0;
    for (i = 0; i <= p->npieces; i++) {
        size_t end = i < p->npieces ? p->piece_end[i] : total;

        sbuf_puts(out, "    ");
        /* The literal's own terminating NUL ends the piece's last string. */
        sbuf_c_literal(out, p->bytes.data + start, end - start - 1, 4);
        sbuf_puts(out, i < p->npieces ? ",\n" : "\n");
        start = end;
    }
    sbuf_printf(out, "};\n\n"
        "/* The offsets below assume the pieces are contiguous. */\n"
        "typedef char %s_%s_pool_is_contiguous[sizeof(struct %s_%s_pool) == "
        "%lu ? 1 : -1];\n\n"
        "static const char *%s_%s_text(unsigned long off)\n"
        "{\n"
        "    return (const char *)&%s_%s_pool + off;\n"
        "}\n\n",
        n, kind, n, kind, (unsigned long)total, n, kind, n, kind);
}

/* Emits one hash table over keys[0..nkeys) and its probing function. */
static void emit_hash_lookup(const struct emit_ctx *ctx, struct sbuf *out,
                             const char *what, const char *const *keys,
                             const unsigned long *key_off,
                             const long *key_code, size_t nkeys, int fold)
{
    const struct spec *spec = ctx->spec;
    const char *n = spec->reg.name.s;
    unsigned long *slots;
    size_t size = 8, i, maxoff = 0, maxlen = 0;
    long maxcode = 0;
    struct table t;
    char name[64];

    while (size < nkeys * 2)
        size *= 2;
    slots = (unsigned long *)sg_calloc(size, sizeof *slots);
    if (slots == NULL) {
        out->failed = 1;
        return;
    }
    for (i = 0; i < nkeys; i++) {
        size_t h = name_hash(keys[i], fold) & (size - 1);

        while (slots[h])
            h = (h + 1) & (size - 1);
        slots[h] = (unsigned long)i + 1;
        if (key_off[i] > maxoff)
            maxoff = key_off[i];
        if (key_code[i] > maxcode)
            maxcode = key_code[i];
        if (strlen(keys[i]) > maxlen)
            maxlen = strlen(keys[i]);
    }
    sbuf_printf(out, "/* %s lookup: open addressing over FNV-1a hashes%s, "
                     "linear probing;\n * slot values are entry + 1, 0 is "
                     "empty; a key's length is compared before\n * its "
                     "bytes. */\n", what,
                fold ? " of the bytes | 0x20 (letters\n * folded)" : "");
    sprintf(name, "%s_slot", what);
    table_begin(&t, out, uint_type(n, nkeys), n, name, "[]");
    for (i = 0; i < size; i++)
        table_put(&t, slots[i]);
    table_end(&t);
    sprintf(name, "%s_key", what);
    table_begin(&t, out, uint_type(n, maxoff), n, name, "[]");
    for (i = 0; i < nkeys; i++)
        table_put(&t, key_off[i]);
    table_end(&t);
    sprintf(name, "%s_len", what);
    table_begin(&t, out, uint_type(n, (unsigned long)maxlen), n, name, "[]");
    for (i = 0; i < nkeys; i++)
        table_put(&t, (unsigned long)strlen(keys[i]));
    table_end(&t);
    sprintf(name, "%s_code", what);
    table_begin(&t, out, uint_type(n, (unsigned long)maxcode), n, name, "[]");
    for (i = 0; i < nkeys; i++)
        table_put(&t, (unsigned long)key_code[i]);
    table_end(&t);
    sg_free(slots);

    sbuf_printf(out,
        "int %s_from_%s(const char *%s)\n"
        "{\n"
        "    const unsigned char *p;\n"
        "    unsigned long h = 2166136261UL;\n"
        "    unsigned long i;\n"
        "    size_t len;\n"
        "\n"
        "    if (%s == NULL)\n"
        "        return -1;\n"
        "    for (p = (const unsigned char *)%s; *p; p++) {\n",
        n, fold ? "reason" : "name", fold ? "phrase" : "name",
        fold ? "phrase" : "name", fold ? "phrase" : "name");
    if (fold)
        sbuf_puts(out, "        h ^= (unsigned long)(*p | 0x20);\n");
    else
        sbuf_puts(out, "        h ^= *p;\n");
    sbuf_printf(out,
        "        h *= 16777619UL;\n"
        "    }\n"
        "    len = (size_t)(p - (const unsigned char *)%s);\n"
        "    for (i = h & %luUL;; i = (i + 1) & %luUL) {\n"
        "        unsigned long e = %s_%s_slot[i];\n"
        "\n"
        "        if (e == 0)\n"
        "            return -1;\n"
        "        if (%s_%s_len[e - 1] == len &&\n"
        "            %s%s(%s_%s_text(%s_%s_key[e - 1]), %s, len)%s)\n"
        "            return (int)%s_%s_code[e - 1];\n"
        "    }\n"
        "}\n\n",
        fold ? "phrase" : "name",
        (unsigned long)(size - 1), (unsigned long)(size - 1), n, what,
        n, what,
        fold ? n : "memcmp", fold ? "_equal_nocase" : "",
        n, fold ? "phrase" : "name", n, what,
        fold ? "phrase" : "name", fold ? "" : " == 0", n, what);
}

/* Helpers used by the lookups: exact equality of strings (for the
 * language matcher, so only with more than one language), and ASCII
 * case-insensitive equality of n bytes (locale-independent, unlike
 * strncasecmp): bytes that differ must be the two cases of one letter. */
static void emit_compare_helpers(const char *n, size_t nlang,
                                 struct sbuf *out)
{
    if (nlang > 1)
        sbuf_printf(out,
            "static int %s_equal(const char *a, const char *b)\n"
            "{\n"
            "    while (*a && *a == *b) {\n"
            "        a++;\n"
            "        b++;\n"
            "    }\n"
            "    return *a == *b;\n"
            "}\n\n", n);
    sbuf_printf(out,
        "static int %s_equal_nocase(const char *a, const char *b, size_t n)\n"
        "{\n"
        "    size_t i;\n"
        "\n"
        "    for (i = 0; i < n; i++) {\n"
        "        int x = (unsigned char)a[i], y = (unsigned char)b[i];\n"
        "\n"
        "        if (x != y) {\n"
        "            x |= 0x20;\n"
        "            if (x != (y | 0x20) || x < 'a' || x > 'z')\n"
        "                return 0;\n"
        "        }\n"
        "    }\n"
        "    return 1;\n"
        "}\n\n", n);
}

/* The language matcher: primary subtag of a language tag or locale name. */
static void emit_lang(const struct spec *spec, struct sbuf *out)
{
    const char *n = spec->reg.name.s;
    size_t i;

    if (spec->reg.nlang == 1) {
        sbuf_printf(out,
            "/* Row of lang in the description table: the registry has one "
            "language. */\n"
            "static unsigned %s_lang(const char *lang)\n"
            "{\n"
            "    (void)lang;\n"
            "    return 0;\n"
            "}\n\n", n);
        return;
    }
    sbuf_printf(out,
        "/* Row of lang in the description table: its letters up to '-', "
        "'_', '.',\n * '@' or the end, compared ignoring case; 0 (the first "
        "language) when\n * lang is NULL or not a language of the registry. "
        "*/\n"
        "static unsigned %s_lang(const char *lang)\n"
        "{\n"
        "    char tag[9];\n"
        "    unsigned i = 0;\n"
        "\n"
        "    if (lang == NULL)\n"
        "        return 0;\n"
        "    for (; i < 8; i++) {\n"
        "        int c = (unsigned char)lang[i];\n"
        "\n"
        "        if (c >= 'A' && c <= 'Z')\n"
        "            c += 'a' - 'A';\n"
        "        if (c < 'a' || c > 'z')\n"
        "            break;\n"
        "        tag[i] = (char)c;\n"
        "    }\n"
        "    if (lang[i] != '\\0' && lang[i] != '-' && lang[i] != '_' &&\n"
        "        lang[i] != '.' && lang[i] != '@')\n"
        "        return 0;\n"
        "    tag[i] = '\\0';\n", n);
    for (i = 1; i < spec->reg.nlang; i++)
        sbuf_printf(out, "    if (%s_equal(tag, \"%s\"))\n        return %lu;"
                         "\n", n, spec->reg.languages[i].s, (unsigned long)i);
    sbuf_puts(out, "    return 0;\n}\n\n");
}

/* Appends s in lower case (an UPPER_SNAKE name becomes lower_snake). */
static void put_lower(struct sbuf *out, const char *s)
{
    for (; *s; s++)
        sbuf_putc(out, (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s));
}

/* Appends "code >= lo && code <= hi", or "code == lo" for one code. */
static void put_range_test(struct sbuf *out, long lo, long hi)
{
    sbuf_puts(out, "code ");
    if (lo == hi) {
        sbuf_puts(out, "== ");
        put_long(out, lo);
        return;
    }
    sbuf_puts(out, ">= ");
    put_long(out, lo);
    sbuf_puts(out, " && code <= ");
    put_long(out, hi);
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
        put_lower(out, c->name.s);
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

/* Emits "static <type> <name>_<fn>(int code)": one switch from each code
 * (in row order) to value[row], and dflt for every other code.  Compilers
 * turn a dense switch of constants into a table load. */
static void emit_code_switch(const struct spec *spec, struct sbuf *out,
                             const char *type, const char *fn,
                             const char *doc, const unsigned long *value,
                             const char *dflt)
{
    const char *n = spec->reg.name.s;
    size_t i;

    sbuf_printf(out, "/* %s */\nstatic %s %s_%s(int code)\n{\n"
                     "    switch (code) {\n", doc, type, n, fn);
    for (i = 0; i < spec->ncodes; i++) {
        sbuf_puts(out, "    case ");
        put_long(out, spec->codes[spec->order[i]].code);
        sbuf_puts(out, ": return ");
        if (value)
            put_ulong(out, value[i]);
        else
            put_ulong(out, (unsigned long)i);
        sbuf_puts(out, ";\n");
    }
    sbuf_printf(out, "    default: return %s;\n    }\n}\n\n", dflt);
}

void emit_source_body(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *n = spec->reg.name.s;
    const char *m = spec->reg.macro.s;
    size_t nc = spec->ncodes, nl = spec->reg.nlang, i, j, k, nnames;
    size_t nphrases;
    unsigned long *phrase_off, *name_off, *ref_off, *life, *desc_off;
    unsigned long *key_off = NULL, *former_off = NULL;
    long *key_code = NULL;
    const char **keys = NULL;
    struct pool phrases, names, refs, descs;
    struct table t;
    unsigned maxbits = 0;

    pool_init(&phrases);
    pool_init(&names);
    pool_init(&refs);
    pool_init(&descs);
    phrase_off = (unsigned long *)sg_calloc(nc * (4 + nl), sizeof(long));
    nnames = nphrases = nc;
    for (i = 0; i < nc; i++) {
        nnames += spec->codes[i].naliases;
        nphrases += spec->codes[i].nformer;
    }
    /* the key arrays serve the name lookup, then the phrase lookup */
    k = nnames > nphrases ? nnames : nphrases;
    keys = (const char **)sg_calloc(k, sizeof *keys);
    key_off = (unsigned long *)sg_calloc(k, sizeof *key_off);
    key_code = (long *)sg_calloc(k, sizeof *key_code);
    former_off = (unsigned long *)sg_calloc(nphrases - nc + 1,
                                            sizeof *former_off);
    if (phrase_off == NULL || keys == NULL || key_off == NULL ||
        key_code == NULL || former_off == NULL) {
        out->failed = 1;
        goto done;
    }
    name_off = phrase_off + nc;
    ref_off = name_off + nc;
    life = ref_off + nc;
    desc_off = life + nc;

    /* One pool per kind of text, in row order; descriptions language by
     * language. */
    for (i = 0; i < nc; i++)
        phrase_off[i] =
            pool_add(&phrases, spec->codes[spec->order[i]].phrase.s);
    for (i = 0, k = 0; i < nc; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        name_off[i] = pool_add(&names, c->name.s);
        keys[k] = c->name.s;
        key_off[k] = name_off[i];
        key_code[k++] = c->code;
        for (j = 0; j < c->naliases; j++) {
            keys[k] = c->aliases[j].s;
            key_off[k] = pool_add(&names, c->aliases[j].s);
            key_code[k++] = c->code;
        }
    }
    for (i = 0; i < nc; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        ref_off[i] = pool_add(&refs, c->reference.s);
        /* enum <name>_lifecycle: NONE is 0, then the statuses in order */
        life[i] = (unsigned long)c->status + 1;
    }
    for (j = 0; j < nl; j++)
        for (i = 0; i < nc; i++)
            desc_off[i * nl + j] =
                pool_add(&descs, spec->codes[spec->order[i]].desc[j].s);
    /* Former phrases go after the phrases, for the phrase lookup only. */
    for (i = 0, k = 0; i < nc; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        for (j = 0; j < c->nformer; j++)
            former_off[k++] = pool_add(&phrases, c->former[j].s);
    }
    if (phrases.failed || names.failed || refs.failed || descs.failed ||
        sbuf_failed(&phrases.bytes) || sbuf_failed(&names.bytes) ||
        sbuf_failed(&refs.bytes) || sbuf_failed(&descs.bytes)) {
        out->failed = 1;
        goto done;
    }

    sbuf_printf(out,
        "#include <limits.h>\n#include <stddef.h>\n#include <string.h>\n\n"
        "/* At least 32 bits, for offsets past 65535. */\n"
        "#if UINT_MAX >= 4294967295u\n"
        "typedef unsigned int %s_u32;\n"
        "#else\n"
        "typedef unsigned long %s_u32;\n"
        "#endif\n\n", n, n);
    emit_pool(n, "phrase", "wire phrase", &phrases, out);
    emit_pool(n, "name", "name and alias", &names, out);
    emit_pool(n, "ref", "reference", &refs, out);
    emit_pool(n, "desc", "description, language by language", &descs,
              out);

    emit_code_switch(spec, out, "unsigned long", "phrase_of",
                     "Offset of code's phrase in the phrase pool; 0 when "
                     "code is not known.", phrase_off, "0");
    emit_code_switch(spec, out, "unsigned long", "name_of",
                     "Offset of code's name in the name pool; 0 when code "
                     "is not known.", name_off, "0");
    emit_code_switch(spec, out, "unsigned long", "reference_of",
                     "Offset of code's reference in the reference pool; 0 "
                     "when code\n * is not known or has none.", ref_off, "0");
    emit_code_switch(spec, out, "unsigned", "lifecycle_of",
                     "The lifecycle of code, an enumerator of the lifecycle "
                     "enum; 0 (NONE) when\n * code is not known.",
                     life, "0");
    emit_code_switch(spec, out, "long", "index",
                     "Row of code in the tables below, or -1 when it is not "
                     "known.", NULL, "-1");

    sbuf_printf(out, "const int %s_codes[%s_COUNT] = {\n    ", n, m);
    for (i = 0; i < nc; i++) {
        put_long(out, spec->codes[spec->order[i]].code);
        sbuf_puts(out, i + 1 < nc ? (i % 10 == 9 ? ",\n    " : ", ") : "\n");
    }
    sbuf_puts(out, "};\n\n");

    for (i = 0; i < nc; i++)
        maxbits |= spec->codes[spec->order[i]].trait_bits;
    if (spec->ntraits) {
        table_begin(&t, out, uint_type(n, maxbits), n, "trait_bits", "[]");
        for (i = 0; i < nc; i++)
            table_put(&t, spec->codes[spec->order[i]].trait_bits);
        table_end(&t);
    }
    {
        char dims[32];

        sprintf(dims, "[][%lu]", (unsigned long)nl);
        sbuf_puts(out, "/* Per code, the description's offset in each "
                       "language; 0: none. */\n");
        table_begin(&t, out, uint_type(n, max_of(desc_off, nc * nl)), n,
                    "desc", dims);
        for (i = 0; i < nc; i++) {
            sbuf_puts(out, i ? ",\n    {" : "{");
            t.n = 0;
            t.col = 5;
            for (j = 0; j < nl; j++)
                table_put(&t, desc_off[i * nl + j]);
            sbuf_putc(out, '}');
        }
        table_end(&t);
    }

    emit_compare_helpers(n, nl, out);
    emit_lang(spec, out);

    sbuf_printf(out,
        "const char *%s_reason(int code)\n"
        "{\n"
        "    unsigned long off = %s_phrase_of(code);\n"
        "\n"
        "    return off ? %s_phrase_text(off) : NULL;\n"
        "}\n\n", n, n, n);
    sbuf_printf(out,
        "const char *%s_name(int code)\n"
        "{\n"
        "    unsigned long off = %s_name_of(code);\n"
        "\n"
        "    return off ? %s_name_text(off) : NULL;\n"
        "}\n\n", n, n, n);
    sbuf_printf(out,
        "const char *%s_description(int code, const char *lang)\n"
        "{\n"
        "    long i = %s_index(code);\n"
        "    unsigned long off;\n"
        "\n"
        "    if (i < 0)\n"
        "        return NULL;\n"
        "    off = %s_desc[i][%s_lang(lang)];\n"
        "    if (off == 0)\n"
        "        off = %s_desc[i][0];\n"
        "    return off ? %s_desc_text(off) : NULL;\n"
        "}\n\n", n, n, n, n, n, n);
    sbuf_printf(out, "enum %s_class %s_class_of(int code)\n{\n", n, n);
    if (spec->nclasses == 0)
        sbuf_puts(out, "    (void)code;\n");
    for (i = 0; i < spec->nclasses; i++)
        sbuf_printf(out, "    if (code >= %ld && code <= %ld)\n"
                         "        return %s_CLASS_%s;\n",
                    spec->classes[i].lo, spec->classes[i].hi, m,
                    spec->classes[i].name.s);
    sbuf_printf(out, "    return %s_CLASS_NONE;\n}\n\n", m);
    emit_class_tests(spec, out);
    if (spec->ntraits)
        sbuf_printf(out,
            "unsigned %s_traits(int code)\n"
            "{\n"
            "    long i = %s_index(code);\n"
            "\n"
            "    return i < 0 ? 0u : (unsigned)%s_trait_bits[i];\n"
            "}\n\n", n, n, n);
    else
        sbuf_printf(out,
            "unsigned %s_traits(int code)\n"
            "{\n"
            "    (void)code;\n"
            "    return 0u; /* the registry declares no traits */\n"
            "}\n\n", n);
    sbuf_printf(out,
        "int %s_is_known(int code)\n"
        "{\n"
        "    return %s_index(code) >= 0;\n"
        "}\n\n", n, n);
    sbuf_printf(out,
        "enum %s_lifecycle %s_status_of(int code)\n"
        "{\n"
        "    return (enum %s_lifecycle)%s_lifecycle_of(code);\n"
        "}\n\n", n, n, n, n);
    sbuf_printf(out,
        "const char *%s_reference(int code)\n"
        "{\n"
        "    unsigned long off = %s_reference_of(code);\n"
        "\n"
        "    return off ? %s_ref_text(off) : NULL;\n"
        "}\n\n", n, n, n);

    emit_hash_lookup(ctx, out, "name", keys, key_off, key_code, nnames, 0);
    /* Phrases: one key per code, then the former phrases (validation made
     * them all unique, ignoring case). */
    for (i = 0; i < nc; i++) {
        keys[i] = spec->codes[spec->order[i]].phrase.s;
        key_off[i] = phrase_off[i];
        key_code[i] = spec->codes[spec->order[i]].code;
    }
    for (i = 0, k = nc; i < nc; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        for (j = 0; j < c->nformer; j++) {
            keys[k] = c->former[j].s;
            key_off[k] = former_off[k - nc];
            key_code[k++] = c->code;
        }
    }
    emit_hash_lookup(ctx, out, "reason", keys, key_off, key_code, nphrases,
                     1);
    /* The last function ends with a blank line; drop it. */
    if (out->len >= 2 && out->data[out->len - 1] == '\n' &&
        out->data[out->len - 2] == '\n')
        out->data[--out->len] = '\0';
done:
    sg_free(phrase_off);
    sg_free(former_off);
    sg_free(keys);
    sg_free(key_off);
    sg_free(key_code);
    pool_free(&phrases);
    pool_free(&names);
    pool_free(&refs);
    pool_free(&descs);
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
