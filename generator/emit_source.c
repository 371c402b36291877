/*
 * emit_source.c - the generated source: <name>.c.
 *
 * Layout of what it emits:
 *   - one string pool holding every text the functions return, as a struct
 *     of char arrays (each no longer than a C compiler must accept), so
 *     tables hold small offsets instead of pointers: no relocations;
 *   - <name>_index(code): the switch that maps a code to its row;
 *   - per-row tables (phrase, name, traits, descriptions per language);
 *   - open-addressing hash tables (FNV-1a, linear probing, built here at
 *     generation time) for the name and phrase lookups.
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

/* FNV-1a over the bytes of s, folded to lower case when fold; the same
 * function is emitted for the generated lookups. */
static unsigned long name_hash(const char *s, int fold)
{
    unsigned long h = 2166136261UL;

    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (fold && c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + ('a' - 'A'));
        h ^= c;
        h = (h * 16777619UL) & 0xffffffffUL;
    }
    return h;
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
    sbuf_printf(t->out, "%lu", v);
    t->col += len;
    t->n++;
}

static void table_end(struct table *t)
{
    sbuf_puts(t->out, "\n};\n\n");
}

/* The emitted pool: a struct of pieces, each one string literal. */
static void emit_pool(const char *n, struct pool *p, struct sbuf *out)
{
    size_t i, start = 0, total = p->bytes.len;

    sbuf_printf(out,
        "/* Every text the functions return, NUL-separated.  A struct of "
        "pieces keeps\n * each literal within what C compilers must accept; "
        "the tables hold offsets\n * into it, so they need no relocation. */\n"
        "static const struct %s_pool {\n", n);
    for (i = 0; i <= p->npieces; i++) {
        size_t end = i < p->npieces ? p->piece_end[i] : total;

        sbuf_printf(out, "    char p%lu[%lu];\n", (unsigned long)i,
                    (unsigned long)(end - start));
        start = end;
    }
    sbuf_printf(out, "} %s_pool = {\n", n);
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
        "typedef char %s_pool_is_contiguous[sizeof(struct %s_pool) == %lu "
        "? 1 : -1];\n\n"
        "static const char *%s_text(unsigned long off)\n"
        "{\n"
        "    return (const char *)&%s_pool + off;\n"
        "}\n\n",
        n, n, (unsigned long)total, n, n);
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
    size_t size = 8, i, maxoff = 0;
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
    }
    sbuf_printf(out, "/* %s lookup: open addressing over FNV-1a hashes%s, "
                     "linear probing;\n * slot values are entry + 1, 0 is "
                     "empty. */\n", what,
                fold ? " of the lower-cased text" : "");
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
        "\n"
        "    if (%s == NULL)\n"
        "        return -1;\n"
        "    for (p = (const unsigned char *)%s; *p; p++) {\n",
        n, fold ? "reason" : "name", fold ? "phrase" : "name",
        fold ? "phrase" : "name", fold ? "phrase" : "name");
    if (fold)
        sbuf_puts(out, "        h ^= (unsigned long)(*p >= 'A' && *p <= 'Z'"
                       " ? *p + ('a' - 'A') : *p);\n");
    else
        sbuf_puts(out, "        h ^= *p;\n");
    sbuf_printf(out,
        "        h *= 16777619UL;\n"
        "    }\n"
        "    for (i = h & %luUL;; i = (i + 1) & %luUL) {\n"
        "        unsigned long e = %s_%s_slot[i];\n"
        "\n"
        "        if (e == 0)\n"
        "            return -1;\n"
        "        if (%s_%s(%s_text(%s_%s_key[e - 1]), %s))\n"
        "            return (int)%s_%s_code[e - 1];\n"
        "    }\n"
        "}\n\n",
        (unsigned long)(size - 1), (unsigned long)(size - 1), n, what,
        n, fold ? "equal_nocase" : "equal", n, n, what,
        fold ? "phrase" : "name", n, what);
}

/* Helpers used by the lookups: exact and ASCII case-insensitive equality
 * (locale-independent, unlike strcasecmp). */
static void emit_compare_helpers(const char *n, struct sbuf *out)
{
    sbuf_printf(out,
        "static int %s_equal(const char *a, const char *b)\n"
        "{\n"
        "    while (*a && *a == *b) {\n"
        "        a++;\n"
        "        b++;\n"
        "    }\n"
        "    return *a == *b;\n"
        "}\n\n"
        "static int %s_equal_nocase(const char *a, const char *b)\n"
        "{\n"
        "    for (;; a++, b++) {\n"
        "        int x = (unsigned char)*a, y = (unsigned char)*b;\n"
        "\n"
        "        if (x >= 'A' && x <= 'Z')\n"
        "            x += 'a' - 'A';\n"
        "        if (y >= 'A' && y <= 'Z')\n"
        "            y += 'a' - 'A';\n"
        "        if (x != y)\n"
        "            return 0;\n"
        "        if (x == 0)\n"
        "            return 1;\n"
        "    }\n"
        "}\n\n", n, n);
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

void emit_source_body(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *n = spec->reg.name.s;
    const char *m = spec->reg.macro.s;
    size_t nc = spec->ncodes, nl = spec->reg.nlang, i, j, k, nnames;
    unsigned long *phrase_off, *name_off, *desc_off;
    unsigned long *key_off = NULL;
    long *key_code = NULL;
    const char **keys = NULL;
    struct pool pool;
    struct table t;
    unsigned maxbits = 0;

    pool_init(&pool);
    phrase_off = (unsigned long *)sg_calloc(nc * (2 + nl), sizeof(long));
    nnames = nc;
    for (i = 0; i < nc; i++)
        nnames += spec->codes[i].naliases;
    keys = (const char **)sg_calloc(nnames, sizeof *keys);
    key_off = (unsigned long *)sg_calloc(nnames, sizeof *key_off);
    key_code = (long *)sg_calloc(nnames, sizeof *key_code);
    if (phrase_off == NULL || keys == NULL || key_off == NULL ||
        key_code == NULL) {
        out->failed = 1;
        goto done;
    }
    name_off = phrase_off + nc;
    desc_off = name_off + nc;

    /* Pool order: phrases, names, then descriptions language by language,
     * so the hot phrase text sits together. */
    for (i = 0; i < nc; i++)
        phrase_off[i] = pool_add(&pool, spec->codes[spec->order[i]].phrase.s);
    for (i = 0, k = 0; i < nc; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        name_off[i] = pool_add(&pool, c->name.s);
        keys[k] = c->name.s;
        key_off[k] = name_off[i];
        key_code[k++] = c->code;
        for (j = 0; j < c->naliases; j++) {
            keys[k] = c->aliases[j].s;
            key_off[k] = pool_add(&pool, c->aliases[j].s);
            key_code[k++] = c->code;
        }
    }
    for (j = 0; j < nl; j++)
        for (i = 0; i < nc; i++)
            desc_off[i * nl + j] =
                pool_add(&pool, spec->codes[spec->order[i]].desc[j].s);
    if (pool.failed || sbuf_failed(&pool.bytes)) {
        out->failed = 1;
        goto done;
    }

    sbuf_printf(out,
        "#include <limits.h>\n#include <stddef.h>\n\n"
        "/* At least 32 bits, for offsets past 65535. */\n"
        "#if UINT_MAX >= 4294967295u\n"
        "typedef unsigned int %s_u32;\n"
        "#else\n"
        "typedef unsigned long %s_u32;\n"
        "#endif\n\n", n, n);
    emit_pool(n, &pool, out);

    sbuf_printf(out,
        "/* Row of code in the tables below, or -1 when it is not "
        "registered. */\n"
        "static long %s_index(int code)\n{\n    switch (code) {\n", n);
    for (i = 0; i < nc; i++)
        sbuf_printf(out, "    case %ld: return %lu;\n",
                    spec->codes[spec->order[i]].code, (unsigned long)i);
    sbuf_puts(out, "    default: return -1;\n    }\n}\n\n");

    sbuf_printf(out, "const int %s_codes[%s_COUNT] = {\n    ", n, m);
    for (i = 0; i < nc; i++)
        sbuf_printf(out, "%ld%s", spec->codes[spec->order[i]].code,
                    i + 1 < nc ? (i % 10 == 9 ? ",\n    " : ", ") : "\n");
    sbuf_puts(out, "};\n\n");

    table_begin(&t, out, uint_type(n, max_of(phrase_off, nc)), n, "phrase",
                "[]");
    for (i = 0; i < nc; i++)
        table_put(&t, phrase_off[i]);
    table_end(&t);
    table_begin(&t, out, uint_type(n, max_of(name_off, nc)), n, "name_of",
                "[]");
    for (i = 0; i < nc; i++)
        table_put(&t, name_off[i]);
    table_end(&t);
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

    emit_compare_helpers(n, out);
    emit_lang(spec, out);

    sbuf_printf(out,
        "const char *%s_reason(int code)\n"
        "{\n"
        "    long i = %s_index(code);\n"
        "\n"
        "    return i < 0 ? NULL : %s_text(%s_phrase[i]);\n"
        "}\n\n", n, n, n, n);
    sbuf_printf(out,
        "const char *%s_name(int code)\n"
        "{\n"
        "    long i = %s_index(code);\n"
        "\n"
        "    return i < 0 ? NULL : %s_text(%s_name_of[i]);\n"
        "}\n\n", n, n, n, n);
    sbuf_printf(out,
        "const char *%s_description(int code, const char *lang)\n"
        "{\n"
        "    long i = %s_index(code);\n"
        "    unsigned long off;\n"
        "\n"
        "    if (i < 0)\n"
        "        return NULL;\n"
        "    off = %s_desc[i][%s_lang(lang)];\n"
        "    return %s_text(off ? off : %s_desc[i][0]);\n"
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

    emit_hash_lookup(ctx, out, "name", keys, key_off, key_code, nnames, 0);
    /* Phrases: one key per code (validation made them unique). */
    for (i = 0; i < nc; i++) {
        keys[i] = spec->codes[spec->order[i]].phrase.s;
        key_off[i] = phrase_off[i];
        key_code[i] = spec->codes[spec->order[i]].code;
    }
    emit_hash_lookup(ctx, out, "reason", keys, key_off, key_code, nc, 1);
    /* The last function ends with a blank line; drop it. */
    if (out->len >= 2 && out->data[out->len - 1] == '\n' &&
        out->data[out->len - 2] == '\n')
        out->data[--out->len] = '\0';
done:
    sg_free(phrase_off);
    sg_free(keys);
    sg_free(key_off);
    sg_free(key_code);
    pool_free(&pool);
}

void emit_source(const struct emit_ctx *ctx, struct sbuf *out)
{
    struct sbuf file;

    sbuf_init(&file);
    sbuf_printf(&file, "%s.c", ctx->spec->reg.name.s);
    emit_banner_c(ctx, sbuf_str(&file), out);
    if (sbuf_failed(&file))
        out->failed = 1;
    sbuf_free(&file);
    sbuf_printf(out, "\n#include \"%s.h\"\n\n", ctx->spec->reg.name.s);
    emit_source_body(ctx, out);
}
