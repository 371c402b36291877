/*
 * emit_source.c - the generated source: <name>.c.
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
#include "emit.h"

#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
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

/* Grows the dedup set to keep it at most half full with one more string,
 * or with expect strings (then it is empty yet). */
static int pool_rehash(struct pool *p, size_t expect)
{
    size_t n = p->nslots ? p->nslots * 2 : 1024, i;
    unsigned long *s;

    while (n < expect * 2)
        n *= 2;
    s = (unsigned long *)sg_calloc(n, sizeof *s);
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

/* An empty pool whose dedup set is made for about expect strings, so
 * that it seldom grows. */
static void pool_init(struct pool *p, size_t expect)
{
    memset(p, 0, sizeof *p);
    sbuf_init(&p->bytes);
    sbuf_putc(&p->bytes, '\0'); /* offset 0: "", meaning "absent" */
    if (expect && pool_rehash(p, expect) != 0)
        p->failed = 1;
}

static void pool_free(struct pool *p)
{
    sbuf_free(&p->bytes);
    sg_free(p->slots);
    sg_free(p->piece_end);
}

/* Frees the dedup set once every string has been added. */
static void pool_seal(struct pool *p)
{
    sg_free(p->slots);
    p->slots = NULL;
    p->nslots = 0;
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
    if ((p->used + 1) * 2 > p->nslots && pool_rehash(p, 0) != 0)
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

/* Bytes of uint_type(n, max). */
static unsigned uint_size(unsigned long max)
{
    return max <= 255UL ? 1U : max <= 65535UL ? 2U : 4U;
}

/*
 * Raises the largest values max[0..n) of struct fields that follow 32-bit
 * ones, in order, so that their uint_type()s leave no padding (which
 * -Wpadded reports): a field that would start misaligned widens the one
 * before it, and the last one widens until the struct ends on a 32-bit
 * boundary.  The struct keeps its size: the bytes it gains were padding.
 */
static void unpad(unsigned long *max, size_t n)
{
    size_t i, pos;

    for (;;) {
        for (i = 0, pos = 0; i < n; pos += uint_size(max[i]), i++)
            if (pos % uint_size(max[i]) != 0)
                break;
        if (i < n)
            max[i - 1] = uint_size(max[i - 1]) == 1 ? 65535UL : 0xffffffffUL;
        else if (pos % 4 != 0)
            max[n - 1] = uint_size(max[n - 1]) == 1 ? 65535UL : 0xffffffffUL;
        else
            return;
    }
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
    char num[24], *p = num + sizeof num;
    int len;

    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    len = (int)(num + sizeof num - p);
    if (t->n) {
        t->col++; /* the comma */
        if (t->col + len + 1 > 78) {
            sbuf_putn(t->out, ",\n    ", 6);
            t->col = 4;
        } else {
            sbuf_putn(t->out, ", ", 2);
            t->col++;
        }
    }
    sbuf_putn(t->out, p, (size_t)len);
    t->col += len;
    t->n++;
}

static void table_end(struct table *t)
{
    sbuf_puts(t->out, "\n};\n\n");
}

/* The emitted pool of one kind of text ("phrase", "name", "desc"): a
 * struct of pieces, each one string literal, and its accessor. */
static void emit_pool(const char *n, const char *m, const char *kind,
                      const char *what, struct pool *p, struct sbuf *out)
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
        "    return %s_PUN(const char *, &%s_%s_pool) + off;\n"
        "}\n\n",
        n, kind, n, kind, (unsigned long)total, n, kind, m, n, kind);
}

/* Emits one hash table over keys[0..nkeys) and its probing function. */
static void emit_hash_lookup(const struct emit_ctx *ctx, struct sbuf *out,
                             const char *what, const char *const *keys,
                             const unsigned long *key_off,
                             const long *key_code, size_t nkeys, int fold)
{
    const struct spec *spec = ctx->spec;
    const char *n = spec->reg.name.s, *m = spec->reg.macro.s;
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
        "    const unsigned char *s = %s_PUN(const unsigned char *, %s), *p;\n"
        "    unsigned long h = 2166136261UL;\n"
        "    unsigned long i;\n"
        "    size_t len;\n"
        "\n"
        "    if (!%s)\n"
        "        return -1;\n"
        "    for (p = s; *p; p++) {\n",
        n, fold ? "reason" : "name", fold ? "phrase" : "name",
        m, fold ? "phrase" : "name", fold ? "phrase" : "name");
    if (fold)
        sbuf_puts(out, "        h ^= *p | 0x20U;\n");
    else
        sbuf_puts(out, "        h ^= *p;\n");
    sbuf_printf(out,
        "        h *= 16777619UL;\n"
        "    }\n"
        "    len = %s_CAST(size_t, p - s);\n"
        "    for (i = h & %luUL;; i = (i + 1) & %luUL) {\n"
        "        unsigned long e = %s_%s_slot[i];\n"
        "\n"
        "        if (e == 0)\n"
        "            return -1;\n"
        "        if (%s_%s_len[e - 1] == len &&\n"
        "            %s%s(%s_%s_text(%s_%s_key[e - 1]), %s, len)%s)\n"
        "            return %s_CAST(int, %s_%s_code[e - 1]);\n"
        "    }\n"
        "}\n\n",
        m,
        (unsigned long)(size - 1), (unsigned long)(size - 1), n, what,
        n, what,
        fold ? n : "memcmp", fold ? "_equal_nocase" : "",
        n, fold ? "phrase" : "name", n, what,
        fold ? "phrase" : "name", fold ? "" : " == 0", m, n, what);
}

/* The exact string compare of the language matcher (several languages
 * only). */
static void emit_equal(const char *n, struct sbuf *out)
{
    sbuf_printf(out,
        "static int %s_equal(const char *a, const char *b)\n"
        "{\n"
        "    while (*a && *a == *b) {\n"
        "        a++;\n"
        "        b++;\n"
        "    }\n"
        "    return *a == *b;\n"
        "}\n\n", n);
}

/* ASCII case-insensitive equality of n bytes, for the probing phrase
 * lookup (locale-independent, unlike strncasecmp): bytes that differ must
 * be the two cases of one letter. */
static void emit_equal_nocase(const char *n, struct sbuf *out)
{
    sbuf_printf(out,
        "static int %s_equal_nocase(const char *a, const char *b, size_t n)\n"
        "{\n"
        "    size_t i;\n"
        "\n"
        "    for (i = 0; i < n; i++) {\n"
        "        int x = a[i], y = b[i];\n"
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

/*
 * The switch lookup of a name or phrase: a trie of switch statements over
 * the bytes of the key, emitted when the keys are few (TRIE_MAX_KEYS, and
 * TRIE_MAX_BYTES of them in all).  Each byte is read only after the bytes
 * before it matched a key's, so the input is never read past its NUL and
 * needs no strlen; a run of bytes that all remaining keys share is one
 * chain of compares, a byte where they differ one switch, a single key
 * left one chain up to and including its NUL.  A lookup that ignores case
 * compares a letter as (byte | 0x20) with its lower case (exact for ASCII
 * letters) and lists both cases in a switch.
 */
#define TRIE_MAX_KEYS 256
#define TRIE_MAX_BYTES 4096
#define TRIE_MAX_DEPTH 12  /* nested switches; C89 allows 15 nested blocks */

struct trie_key {
    const char *s;   /* the key, letters in lower case when folding */
    size_t len;
    long code;
};

static int trie_cmp(const void *a, const void *b)
{
    return strcmp(((const struct trie_key *)a)->s,
                  ((const struct trie_key *)b)->s);
}

static int is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

static int is_letter(int c)
{
    return is_lower(c) || (c >= 'A' && c <= 'Z');
}

/* A byte as a C constant: a character literal when printable. */
static void trie_byte(struct sbuf *out, int c)
{
    if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
        sbuf_putc(out, '\'');
        sbuf_putc(out, (char)c);
        sbuf_putc(out, '\'');
    } else {
        sbuf_put_ulong(out, (unsigned long)c);
    }
}

static void trie_indent(struct sbuf *out, unsigned depth)
{
    unsigned i;

    for (i = 0; i < depth; i++)
        sbuf_puts(out, "    ");
}

/* "p[i] == c" for bytes i in [from, to) of key k, joined by &&, or
 * (differ) "p[i] != c" joined by ||; broken before a line passes 79
 * columns. */
static void trie_chain(struct sbuf *out, const struct trie_key *k,
                       size_t from, size_t to, int fold, int differ,
                       unsigned indent)
{
    size_t i, start = indent * 4 + 7, col = start;
    const char *op = differ ? " != " : " == ";
    char idx[32];

    for (i = from; i < to; i++) {
        int c = (unsigned char)k->s[i];
        size_t w;

        sprintf(idx, "p[%lu]", (unsigned long)i);
        w = strlen(idx) + (fold && is_lower(c) ? 14 : 7) + 4;
        if (i > from) {
            sbuf_puts(out, differ ? " ||" : " &&");
            if (col + w > 72) {
                sbuf_putc(out, '\n');
                trie_indent(out, indent);
                sbuf_puts(out, differ ? "    " : "       ");
                col = start;
            } else {
                sbuf_putc(out, ' ');
                col += 4;
            }
        }
        if (fold && is_lower(c)) {
            sbuf_puts(out, "(");
            sbuf_puts(out, idx);
            sbuf_puts(out, " | 0x20)");
        } else {
            sbuf_puts(out, idx);
        }
        sbuf_puts(out, op);
        trie_byte(out, c);
        col += w;
    }
}

/* Keys k[0..nk) share bytes [0, d); emits the statements that finish the
 * lookup from byte d on, at the given indentation; returns how deep the
 * switches it emitted nest. */
static unsigned trie_emit(struct sbuf *out, const struct trie_key *k,
                          size_t nk, size_t d, int fold, unsigned indent)
{
    size_t i, j, run;
    unsigned deepest = 0;

    if (nk == 1) {
        trie_indent(out, indent);
        sbuf_puts(out, "return ");
        trie_chain(out, k, d, k->len + 1, fold, 0, indent);
        sbuf_puts(out, " ? ");
        sbuf_put_long(out, k->code);
        sbuf_puts(out, " : -1;\n");
        return 0;
    }
    /* The bytes every key here shares (none is the NUL: keys differ). */
    for (run = d; k[0].s[run] == k[nk - 1].s[run]; run++)
        ;
    if (run > d) {
        trie_indent(out, indent);
        sbuf_puts(out, "if (");
        trie_chain(out, k, d, run, fold, 1, indent);
        sbuf_puts(out, ")\n");
        trie_indent(out, indent + 1);
        sbuf_puts(out, "return -1;\n");
    }
    trie_indent(out, indent);
    sbuf_printf(out, "switch (p[%lu]) {\n", (unsigned long)run);
    for (i = 0; i < nk; i = j) {
        int c = (unsigned char)k[i].s[run];

        for (j = i + 1; j < nk && (unsigned char)k[j].s[run] == c; j++)
            ;
        trie_indent(out, indent);
        sbuf_puts(out, "case ");
        trie_byte(out, c);
        sbuf_puts(out, ":");
        if (fold && is_lower(c)) {
            sbuf_puts(out, " case ");
            trie_byte(out, c - 0x20);
            sbuf_puts(out, ":");
        }
        sbuf_puts(out, "\n");
        if (c == 0) {
            trie_indent(out, indent + 1);
            sbuf_puts(out, "return ");
            sbuf_put_long(out, k[i].code);
            sbuf_puts(out, ";\n");
        } else {
            unsigned sub = trie_emit(out, k + i, j - i, run + 1, fold,
                                     indent + 1);

            if (sub > deepest)
                deepest = sub;
        }
    }
    trie_indent(out, indent);
    sbuf_puts(out, "default:\n");
    trie_indent(out, indent + 1);
    sbuf_puts(out, "return -1;\n");
    trie_indent(out, indent);
    sbuf_puts(out, "}\n");
    return deepest + 1;
}

/*
 * Emits <name>_from_<fn>(arg) over keys[0..nkeys) as a trie of switches;
 * returns -1, emitting nothing, when the keys are too many, too long in
 * all, or would nest switches too deep (the caller then emits a hash
 * lookup).
 */
static int emit_trie_lookup(const struct spec *spec, struct sbuf *out,
                            const char *fn, const char *arg,
                            const char *const *keys, const long *key_code,
                            size_t nkeys, int fold)
{
    const char *n = spec->reg.name.s, *m = spec->reg.macro.s;
    struct trie_key *k;
    struct sbuf body;
    size_t i, j, bytes = 0;
    char *text;
    int ok = 0;

    if (nkeys == 0 || nkeys > TRIE_MAX_KEYS)
        return -1;
    for (i = 0; i < nkeys; i++)
        bytes += strlen(keys[i]) + 1;
    if (bytes > TRIE_MAX_BYTES)
        return -1;
    k = (struct trie_key *)sg_calloc(nkeys, sizeof *k);
    text = (char *)sg_malloc(bytes);
    if (k == NULL || text == NULL) {
        sg_free(k);
        sg_free(text);
        return -1;
    }
    for (i = 0, bytes = 0; i < nkeys; i++) {
        size_t len = strlen(keys[i]);

        for (j = 0; j <= len; j++) {
            int c = (unsigned char)keys[i][j];

            text[bytes + j] = (char)(fold && is_letter(c) ? c | 0x20 : c);
        }
        k[i].s = text + bytes;
        k[i].len = len;
        k[i].code = key_code[i];
        bytes += len + 1;
    }
    qsort(k, nkeys, sizeof *k, trie_cmp);
    for (i = 1; i < nkeys; i++)
        if (strcmp(k[i - 1].s, k[i].s) == 0)
            break; /* validation keeps keys unique; never trust it here */
    sbuf_init(&body);
    if (i == nkeys && k[0].len > 0 &&
        trie_emit(&body, k, nkeys, 0, fold, 1) <= TRIE_MAX_DEPTH &&
        !sbuf_failed(&body)) {
        sbuf_printf(out,
            "/* A trie of switches over the bytes of the %s%s: each byte "
            "is read only\n * after the ones before it matched, so never "
            "past the NUL. */\n"
            "int %s_from_%s(const char *%s)\n"
            "{\n"
            "    const unsigned char *p = %s_PUN(const unsigned char *, %s);\n"
            "\n"
            "    if (!p)\n"
            "        return -1;\n",
            arg, fold ? ", letters compared ignoring case" : "",
            n, fn, arg, m, arg);
        sbuf_putn(out, body.data, body.len);
        sbuf_puts(out, "}\n\n");
        ok = 1;
    }
    sbuf_free(&body);
    sg_free(k);
    sg_free(text);
    return ok ? 0 : -1;
}

/*
 * The perfect hash of the name and phrase lookups.  A key's fingerprint is
 * its bytes 0, 1, n/2 and n-1 in one 32-bit word (each byte | 0x20 for
 * the hash of a lookup that ignores case); for keys of up to four bytes
 * it is the whole key.  The slot is the top bits of (fingerprint ^
 * length) times an odd constant made from a seed.  The generator searches
 * seeds and table sizes until no two keys share a slot, so a lookup is
 * strlen, one hash, one slot and one compare: the fingerprint and the
 * length from the slot, then a key longer than four bytes in full from
 * the pool, a machine word at a time.
 * When no seed works within the limits (many keys, a key shorter than two
 * bytes, or two keys alike in those four bytes and their length), the
 * lookup falls back to the probing table of emit_hash_lookup.
 */
#define PH_SEEDS 2000UL    /* seeds tried per table size */
#define PH_MAX_BITS 16     /* largest table: 2^16 slots */
#define PH_SPARE_BITS 5    /* tables up to 64 times the keys */

/* The odd 32-bit multiplier of a seed. */
static unsigned long ph_mult(unsigned long seed)
{
    return ((seed * 0x9E3779B1UL + 0x85EBCA77UL) & 0xffffffffUL) | 1UL;
}

/* The fingerprint of a key of len >= 2 bytes, as the emitted lookup
 * builds it: bytes 0, 1, len / 2 and len - 1, lowest first. */
static unsigned long ph_print(const char *key, size_t len)
{
    const unsigned char *p = (const unsigned char *)key;

    return (unsigned long)p[0] | (unsigned long)p[1] << 8 |
           (unsigned long)p[len / 2] << 16 | (unsigned long)p[len - 1] << 24;
}

/* Bits 0x20 of the bytes of the fingerprint that are ASCII letters. */
static unsigned long ph_letters(unsigned long print)
{
    unsigned long m = 0;
    unsigned i;

    for (i = 0; i < 32; i += 8) {
        unsigned c = (unsigned)(print >> i) & 0xffU;

        if (is_letter((int)c))
            m |= 0x20UL << i;
    }
    return m;
}

/* What the hash multiplies: the fingerprint (| 0x20 in each byte when
 * fold) ^ the length. */
static unsigned long ph_input(const char *key, size_t len, int fold)
{
    unsigned long a = ph_print(key, len);

    if (fold)
        a |= 0x20202020UL;
    return a ^ ((unsigned long)len & 0xffffffffUL);
}

static unsigned long ph_slot(unsigned long input, unsigned long seed,
                             unsigned bits)
{
    return ((input * ph_mult(seed)) & 0xffffffffUL) >> (32 - bits);
}

static int cmp_ulong(const void *a, const void *b)
{
    unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

    return x < y ? -1 : x > y;
}

/* Finds a seed and a table size (bits) under which the keys' slots are
 * all different; returns 0, or -1 when none is found within the limits
 * (or memory ran out).  Two keys with the same hash input share a slot
 * under every seed, so those give up at once; a try marks the slots it
 * takes with its number, so no table is cleared between tries. */
static int ph_search(const char *const *keys, const size_t *lens,
                     size_t nkeys, int fold, unsigned long *seed,
                     unsigned *bits)
{
    unsigned b = 1, top;
    unsigned long *in = NULL, *sorted = NULL, *mark = NULL, sd, try_no = 0;
    size_t i;
    int found = -1;

    for (i = 0; i < nkeys; i++)
        if (lens[i] < 2)
            return -1;
    while ((1UL << b) < (unsigned long)nkeys * 2)
        b++;
    top = b + PH_SPARE_BITS < PH_MAX_BITS ? b + PH_SPARE_BITS : PH_MAX_BITS;
    if (nkeys == 0 || b > top)
        return -1;
    in = (unsigned long *)sg_calloc(nkeys, sizeof *in);
    sorted = (unsigned long *)sg_calloc(nkeys, sizeof *sorted);
    mark = (unsigned long *)sg_calloc((size_t)1 << top, sizeof *mark);
    if (in == NULL || sorted == NULL || mark == NULL)
        goto done;
    for (i = 0; i < nkeys; i++)
        in[i] = sorted[i] = ph_input(keys[i], lens[i], fold);
    qsort(sorted, nkeys, sizeof *sorted, cmp_ulong);
    for (i = 1; i < nkeys; i++)
        if (sorted[i] == sorted[i - 1])
            goto done;
    for (; b <= top && found != 0; b++) {
        for (sd = 1; sd <= PH_SEEDS; sd++) {
            try_no++;
            for (i = 0; i < nkeys; i++) {
                unsigned long h = ph_slot(in[i], sd, b);

                if (mark[h] == try_no)
                    break;
                mark[h] = try_no;
            }
            if (i == nkeys) {
                *seed = sd;
                *bits = b;
                found = 0;
                break;
            }
        }
    }
done:
    sg_free(in);
    sg_free(sorted);
    sg_free(mark);
    return found;
}

/* The emitted compare of a whole key of more than four bytes, once per
 * file for each kind: exact (fold 0) against the pool, or ignoring the
 * case of letters (1) against the folded copy of the pool, whose letter
 * mask lies mask bytes after it.  Words are read with memcpy (one load),
 * never past the last byte; equality does not depend on byte order. */
static void emit_ph_helpers(const char *n, int fold, unsigned long mask,
                            struct sbuf *out)
{
    const char *x = fold ? "(x | m)" : "x", *x2 = fold ? "(x2 | m2)" : "x2";

    if (fold)
        sbuf_printf(out,
            "/* 1 when the n > 4 bytes at a are those of the key whose folded "
            "bytes are\n * at k, ignoring the case of letters: its letter "
            "mask (0x20 in each byte\n * that is a letter) is %lu bytes "
            "after k. */\n"
            "static int %s_same_nocase(const unsigned char *a,\n"
            "                          const unsigned char *k, size_t n)\n"
            "{\n"
            "    unsigned long x = 0, y = 0, m = 0, x2 = 0, y2 = 0, m2 = 0;\n",
            mask, n);
    else
        sbuf_printf(out,
            "/* 1 when the n > 4 bytes at a and k are the same. */\n"
            "static int %s_same(const unsigned char *a, const unsigned char "
            "*k, size_t n)\n"
            "{\n"
            "    unsigned long x = 0, y = 0, x2 = 0, y2 = 0;\n", n);
    sbuf_puts(out,
        "    size_t i;\n"
        "\n"
        "    if (n <= 8) {\n"
        "        memcpy(&x, a, 4);\n"
        "        memcpy(&y, k, 4);\n"
        "        memcpy(&x2, a + n - 4, 4);\n"
        "        memcpy(&y2, k + n - 4, 4);\n");
    if (fold)
        sbuf_printf(out,
            "        memcpy(&m, k + %lu, 4);\n"
            "        memcpy(&m2, k + %lu + n - 4, 4);\n", mask, mask);
    sbuf_printf(out,
        "        return %s == y && %s == y2;\n"
        "    }\n"
        "    if (n <= 2 * sizeof x) {\n"
        "        memcpy(&x, a, sizeof x);\n"
        "        memcpy(&y, k, sizeof x);\n"
        "        memcpy(&x2, a + n - sizeof x, sizeof x);\n"
        "        memcpy(&y2, k + n - sizeof x, sizeof x);\n", x, x2);
    if (fold)
        sbuf_printf(out,
            "        memcpy(&m, k + %lu, sizeof x);\n"
            "        memcpy(&m2, k + %lu + n - sizeof x, sizeof x);\n",
            mask, mask);
    sbuf_printf(out,
        "        return %s == y && %s == y2;\n"
        "    }\n"
        "    for (i = 0; i + sizeof x < n; i += sizeof x) {\n"
        "        memcpy(&x, a + i, sizeof x);\n", x, x2);
    if (fold)
        sbuf_printf(out, "        memcpy(&m, k + %lu + i, sizeof x);\n",
                    mask);
    sbuf_printf(out,
        "        memcpy(&y, k + i, sizeof x);\n"
        "        if (%s != y)\n"
        "            return 0;\n"
        "    }\n"
        "    memcpy(&x, a + n - sizeof x, sizeof x);\n", x);
    if (fold)
        sbuf_printf(out,
            "    memcpy(&m, k + %lu + n - sizeof x, sizeof x);\n", mask);
    sbuf_printf(out,
        "    memcpy(&y, k + n - sizeof x, sizeof x);\n"
        "    return %s == y;\n"
        "}\n\n", x);
}

/* The folded copy of a pool for the case-insensitive compare: the pool's
 * bytes with letters in lower case, then as many bytes of letter mask
 * (0x20 where the pool has a letter, else 0), each a struct of the
 * pool's pieces. */
static void emit_fold_pool(const char *n, const char *kind,
                           const struct pool *pool, struct sbuf *out)
{
    size_t i, j, start, total = pool->bytes.len;
    char *fold;
    int half;

    fold = (char *)sg_malloc(total ? total : 1);
    if (fold == NULL) {
        out->failed = 1;
        return;
    }
    sbuf_printf(out,
        "/* The %s pool with letters in lower case (f), then the mask of its "
        "letters\n * (m: 0x20 in each byte that is one), for the compare "
        "that ignores case. */\n"
        "static const struct %s_%s_fold {\n", kind, n, kind);
    for (half = 0; half < 2; half++) {
        start = 0;
        for (i = 0; i <= pool->npieces; i++) {
            size_t end = i < pool->npieces ? pool->piece_end[i] : total;

            sbuf_printf(out, "    char %c%lu[%lu];\n", half ? 'm' : 'f',
                        (unsigned long)i, (unsigned long)(end - start));
            start = end;
        }
    }
    sbuf_printf(out, "} %s_%s_fold = {\n", n, kind);
    for (half = 0; half < 2; half++) {
        for (j = 0; j < total; j++) {
            int c = (unsigned char)pool->bytes.data[j];
            int letter = is_letter(c);

            if (half)
                fold[j] = (char)(letter ? 0x20 : 0);
            else
                fold[j] = (char)(letter ? c | 0x20 : c);
        }
        start = 0;
        for (i = 0; i <= pool->npieces; i++) {
            size_t end = i < pool->npieces ? pool->piece_end[i] : total;

            sbuf_puts(out, "    ");
            sbuf_c_literal(out, fold + start, end - start - 1, 4);
            sbuf_puts(out, half && i == pool->npieces ? "\n" : ",\n");
            start = end;
        }
    }
    sbuf_printf(out, "};\n\n"
        "typedef char %s_%s_fold_is_contiguous[sizeof(struct %s_%s_fold) == "
        "%lu ? 1 : -1];\n\n",
        n, kind, n, kind, (unsigned long)total * 2);
    sg_free(fold);
}

/*
 * Emits the lookup <name>_from_<fn>(key) over keys[0..nkeys) (key_off:
 * offsets into the <kind> pool, key_code: results) as a perfect hash;
 * returns -1, emitting nothing, when ph_search finds none (the caller
 * falls back to the probing table).
 */
static int emit_perfect_lookup(const struct spec *spec, struct sbuf *out,
                               const char *fn, const char *kind,
                               const char *arg, const struct pool *pool,
                               const char *const *keys,
                               const unsigned long *key_off,
                               const long *key_code, size_t nkeys, int fold)
{
    const char *n = spec->reg.name.s;
    size_t *lens, i, size, minlen = (size_t)-1, maxlen = 0;
    unsigned long seed, maxoff = 0, *slot, tail[3];
    long maxcode = 0;
    unsigned bits;
    char name[64];

    lens = (size_t *)sg_calloc(nkeys ? nkeys : 1, sizeof *lens);
    if (lens == NULL)
        return -1;
    for (i = 0; i < nkeys; i++) {
        lens[i] = strlen(keys[i]);
        if (lens[i] > maxlen)
            maxlen = lens[i];
        if (lens[i] < minlen)
            minlen = lens[i];
        if (key_off[i] > maxoff)
            maxoff = key_off[i];
        if (key_code[i] > maxcode)
            maxcode = key_code[i];
    }
    for (i = 0; i < nkeys; i++)
        if (key_code[i] < 0)
            break; /* the table holds codes unsigned */
    if (nkeys == 0 || i < nkeys ||
        ph_search(keys, lens, nkeys, fold, &seed, &bits) != 0) {
        sg_free(lens);
        return -1;
    }
    size = (size_t)1 << bits;
    slot = (unsigned long *)sg_calloc(size, sizeof *slot);
    if (slot == NULL) {
        sg_free(lens);
        return -1;
    }
    for (i = 0; i < nkeys; i++)
        slot[ph_slot(ph_input(keys[i], lens[i], fold), seed, bits)] =
            (unsigned long)i + 1;
    if (fold)
        emit_fold_pool(n, kind, pool, out);
    if (maxlen > 4)
        emit_ph_helpers(n, fold, (unsigned long)pool->bytes.len, out);

    tail[0] = maxoff;
    tail[1] = (unsigned long)maxcode;
    tail[2] = (unsigned long)maxlen;
    unpad(tail, 3);
    sprintf(name, "%s_slot", fn);
    sbuf_printf(out,
        "/* Per slot: the fingerprint of its key (bytes 0, 1, n / 2 and n - 1, "
        "lowest\n * first%s), its offset in the %s pool, its code and its "
        "length; 0s\n * for a free slot.  Seed %lu, %u bits. */\n"
        "static const struct %s_%s {\n"
        "    %s_u32 print;\n",
        fold ? ", letters in lower case), the mask of its letters" : "",
        kind, seed, bits, n, name, n);
    if (fold)
        sbuf_printf(out, "    %s_u32 letters;\n", n);
    sbuf_printf(out, "    %s off;\n", uint_type(n, tail[0]));
    sbuf_printf(out, "    %s code;\n", uint_type(n, tail[1]));
    sbuf_printf(out, "    %s len;\n", uint_type(n, tail[2]));
    sbuf_printf(out, "} %s_%s[] = {\n", n, name);
    for (i = 0; i < size; i++) {
        unsigned long e = slot[i];

        sbuf_puts(out, "    {");
        if (e) {
            unsigned long a = ph_print(keys[e - 1], lens[e - 1]);

            if (fold) {
                unsigned long m = ph_letters(a);

                sbuf_printf(out, "0x%lXUL, 0x%lXUL, ", a | m, m);
            } else {
                sbuf_printf(out, "0x%lXUL, ", a);
            }
            sbuf_put_ulong(out, key_off[e - 1]);
            sbuf_puts(out, ", ");
            sbuf_put_ulong(out, (unsigned long)key_code[e - 1]);
            sbuf_puts(out, ", ");
            sbuf_put_ulong(out, (unsigned long)lens[e - 1]);
        } else {
            sbuf_puts(out, fold ? "0, 0, 0, 0, 0" : "0, 0, 0, 0");
        }
        sbuf_puts(out, i + 1 < size ? "},\n" : "}\n");
    }
    sbuf_puts(out, "};\n\n");
    sbuf_printf(out,
        "int %s_from_%s(const char *%s)\n"
        "{\n"
        "    const unsigned char *p = %s_PUN(const unsigned char *, %s);\n"
        "    const struct %s_%s *e;\n"
        "    %s_u32 a, h;\n"
        "    size_t n;\n"
        "\n"
        "    if (!p)\n"
        "        return -1;\n"
        "    n = strlen(%s);\n"
        "    if (n - %lu > %lu) /* shorter or longer than every key */\n"
        "        return -1;\n"
        "    a = %s_CAST(%s_u32, p[0]) |\n"
        "        %s_CAST(%s_u32, p[1]) << 8 |\n"
        "        %s_CAST(%s_u32, p[n / 2]) << 16 |\n"
        "        %s_CAST(%s_u32, p[n - 1]) << 24;\n",
        n, fn, arg, spec->reg.macro.s, arg, n, name, n, arg,
        (unsigned long)minlen, (unsigned long)(maxlen - minlen),
        spec->reg.macro.s, n, spec->reg.macro.s, n, spec->reg.macro.s, n,
        spec->reg.macro.s, n);
    sbuf_printf(out,
        "    h = %s ^ (n & 0xffffffffU);\n"
        "    e = &%s_%s[(h * 0x%lXU & 0xffffffffU) >> %u];\n",
        fold ? "(a | 0x20202020U)" : "a", n, name, ph_mult(seed), 32 - bits);
    sbuf_printf(out,
        "    /* A free slot's fingerprint, 0, is no input's. */\n"
        "    if (%s != e->print || e->len != n)\n"
        "        return -1;\n",
        fold ? "(a | e->letters)" : "a");
    if (maxlen > 4)
        sbuf_printf(out,
            "    if (%s!%s_same%s(p, %s_PUN(const unsigned char *, &%s_%s_%s) "
            "+ e->off,\n"
            "        n))\n"
            "        return -1;\n",
            minlen <= 4 ? "n > 4 && " : "", n, fold ? "_nocase" : "",
            spec->reg.macro.s, n, kind, fold ? "fold" : "pool");
    sbuf_printf(out, "    return %s_CAST(int, e->code);\n}\n\n",
                spec->reg.macro.s);
    sg_free(slot);
    sg_free(lens);
    return 0;
}

/* The language matcher: primary subtag of a language tag or locale name
 * (only for a registry of several languages). */
static void emit_lang(const struct spec *spec, struct sbuf *out)
{
    const char *n = spec->reg.name.s;
    size_t i;

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
        "    if (!lang)\n"
        "        return 0;\n"
        "    for (; i < 8; i++) {\n"
        "        char c = lang[i] | 0x20; /* a letter in lower case */\n"
        "\n"
        "        if (c < 'a' || c > 'z')\n"
        "            break;\n"
        "        tag[i] = c;\n"
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

/* One entry of a lookup by code: the code and its result. */
struct code_value {
    long code;
    unsigned long value;
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
    char ret[128]; /* ": return <name>_<kind>_text(", made once */

    if (kind != NULL)
        sprintf(ret, ": return %.80s_%.20s_text(", n, kind);

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
        if (offsets) {
            sbuf_puts(out, ": off = ");
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

/*
 * class_of: by range, for unregistered codes too.  A switch over every code
 * of the classes' span when that is small (one table load), else one range
 * test per class.
 */
static void emit_class_of(const struct spec *spec, struct sbuf *out)
{
    const char *n = spec->reg.name.s, *m = spec->reg.macro.s;
    struct code_value *cv = NULL;
    long lo = 0, hi = -1, c;
    size_t i;

    for (i = 0; i < spec->nclasses; i++) {
        if (i == 0 || spec->classes[i].lo < lo)
            lo = spec->classes[i].lo;
        if (i == 0 || spec->classes[i].hi > hi)
            hi = spec->classes[i].hi;
    }
    if (spec->nclasses && dense_ok(lo, hi, (size_t)(hi - lo + 1)))
        cv = (struct code_value *)sg_calloc((size_t)(hi - lo + 1),
                                            sizeof *cv);
    if (cv != NULL) {
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
        sbuf_printf(out, "enum %s_class %s_class_of(int code)\n{\n"
                         "    unsigned i = %s_class_index(code);\n\n"
                         "    return %s_CAST(enum %s_class, i);\n"
                         "}\n\n", n, n, n, m, n);
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
 * pointer in the language the file is compiled as: C++ compilers warn
 * about C's casts (-Wold-style-cast), and clang++ from C++11 on about NULL
 * (-Wzero-as-null-pointer-constant: it is __null there).  Types that need
 * no conversion come first; these are for the few places left.  The end of
 * the body #undefs them, so the single header leaks none.
 */
static void emit_cxx_spellings(const char *m, struct sbuf *out)
{
    sbuf_printf(out,
        "/* C++ compilers warn about C's casts (-Wold-style-cast) and, from "
        "C++11 on,\n * about NULL (-Wzero-as-null-pointer-constant): the few "
        "conversions and null\n * pointers below are spelt in the language "
        "the file is compiled as. */\n"
        "#ifdef __cplusplus\n"
        "#define %s_CAST(T, x) static_cast<T>(x)\n"
        "#define %s_PUN(T, x) reinterpret_cast<T>(x)\n"
        "#if __cplusplus >= 201103L\n"
        "#define %s_NULL nullptr\n"
        "#else\n"
        "#define %s_NULL NULL\n"
        "#endif\n"
        "#else\n"
        "#define %s_CAST(T, x) ((T)(x))\n"
        "#define %s_PUN(T, x) ((T)(x))\n"
        "#define %s_NULL NULL\n"
        "#endif\n\n", m, m, m, m, m, m, m);
}

void emit_source_body(const struct emit_ctx *ctx, struct sbuf *out)
{
    const struct spec *spec = ctx->spec;
    const char *n = spec->reg.name.s;
    const char *m = spec->reg.macro.s;
    size_t nc = spec->ncodes, nl = spec->reg.nlang, i, j, k, nnames;
    size_t nphrases;
    unsigned long *phrase_off, *name_off, *ref_off, *life, *bits, *desc_off;
    unsigned long *key_off = NULL, *former_off = NULL;
    long *key_code = NULL;
    const char **keys = NULL;
    struct pool phrases, names, refs, descs;
    struct code_value *cv = NULL;
    int have_desc, have_ref;
    struct table t;

    nnames = nphrases = nc;
    for (i = 0; i < nc; i++) {
        nnames += spec->codes[i].naliases;
        nphrases += spec->codes[i].nformer;
    }
    pool_init(&phrases, nphrases);
    pool_init(&names, nnames);
    pool_init(&refs, 0);
    pool_init(&descs, nc * nl);
    phrase_off = (unsigned long *)sg_calloc(nc * (5 + nl), sizeof(long));
    /* the key arrays serve the name lookup, then the phrase lookup */
    k = nnames > nphrases ? nnames : nphrases;
    keys = (const char **)sg_calloc(k, sizeof *keys);
    key_off = (unsigned long *)sg_calloc(k, sizeof *key_off);
    key_code = (long *)sg_calloc(k, sizeof *key_code);
    former_off = (unsigned long *)sg_calloc(nphrases - nc + 1,
                                            sizeof *former_off);
    cv = (struct code_value *)sg_calloc(nc, sizeof *cv);
    if (phrase_off == NULL || keys == NULL || key_off == NULL ||
        key_code == NULL || former_off == NULL || cv == NULL) {
        out->failed = 1;
        goto done;
    }
    name_off = phrase_off + nc;
    ref_off = name_off + nc;
    life = ref_off + nc;
    bits = life + nc;
    desc_off = bits + nc;

    /* One pool per kind of text, in row order; descriptions language by
     * language. */
    for (i = 0; i < nc; i++)
        phrase_off[i] =
            pool_add(&phrases, spec_reason(&spec->codes[spec->order[i]]));
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
        bits[i] = c->trait_bits;
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
    have_desc = descs.bytes.len > 1;
    have_ref = refs.bytes.len > 1;
    /* Every text is in: the dedup sets (2 MB each at 100,000 codes) are
     * not needed while the rest is emitted. */
    pool_seal(&phrases);
    pool_seal(&names);
    pool_seal(&refs);
    pool_seal(&descs);

    sbuf_printf(out,
        "#include <limits.h>\n#include <stddef.h>\n#include <string.h>\n\n"
        "/* At least 32 bits, for offsets past 65535. */\n"
        "#if UINT_MAX >= 4294967295u\n"
        "typedef unsigned int %s_u32;\n"
        "#else\n"
        "typedef unsigned long %s_u32;\n"
        "#endif\n\n", n, n);
    emit_cxx_spellings(m, out);
    emit_pool(n, m, "phrase", "wire phrase", &phrases, out);
    emit_pool(n, m, "name", "name and alias", &names, out);
    /* No pool for a kind of text no code has (the lookup returns NULL). */
    if (have_ref)
        emit_pool(n, m, "ref", "reference", &refs, out);
    if (have_desc)
        emit_pool(n, m, "desc", "description, language by language", &descs,
                  out);

    sbuf_printf(out, "const int %s_codes[%s_COUNT] = {\n    ", n, m);
    for (i = 0; i < nc; i++) {
        sbuf_put_long(out, spec->codes[spec->order[i]].code);
        sbuf_puts(out, i + 1 < nc ? (i % 10 == 9 ? ",\n    " : ", ") : "\n");
    }
    sbuf_puts(out, "};\n\n");

    if (nl > 1 && have_desc) {
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
        emit_equal(n, out);
        emit_lang(spec, out);
    }

    /* The lookups by code, each one switch (emit_code_switch). */
    for (i = 0; i < nc; i++)
        cv[i].code = spec->codes[spec->order[i]].code;
    sbuf_printf(out, "const char *%s_reason(int code)\n", n);
    for (i = 0; i < nc; i++)
        cv[i].value = phrase_off[i];
    emit_code_switch(spec, out, cv, nc, "phrase");
    sbuf_printf(out, "const char *%s_name(int code)\n", n);
    for (i = 0; i < nc; i++)
        cv[i].value = name_off[i];
    emit_code_switch(spec, out, cv, nc, "name");

    if (!have_desc) {
        sbuf_printf(out,
            "const char *%s_description(int code, const char *lang)\n"
            "{\n"
            "    (void)code; /* generated without descriptions */\n"
            "    (void)lang;\n"
            "    return %s_NULL;\n"
            "}\n\n", n, m);
    } else {
        sbuf_printf(out, "/* The description in the first language. */\n"
                         "static const char *%s_desc_first(int code)\n", n);
        for (i = 0; i < nc; i++)
            cv[i].value = desc_off[i * nl];
        emit_code_switch(spec, out, cv, nc, "desc");
    }
    if (have_desc && nl > 1) {
        sbuf_printf(out, "/* The row of code in %s_desc, plus one; 0 when "
                         "code is not registered. */\n"
                         "static %s %s_desc_row(int code)\n", n,
                    uint_type(n, (unsigned long)nc), n);
        for (i = 0; i < nc; i++)
            cv[i].value = (unsigned long)i + 1;
        emit_code_switch(spec, out, cv, nc, NULL);
        sbuf_printf(out,
            "const char *%s_description(int code, const char *lang)\n"
            "{\n"
            "    unsigned long row, off;\n"
            "\n"
            "    if (!lang)\n"
            "        return %s_desc_first(code);\n"
            "    row = %s_desc_row(code);\n"
            "    if (row == 0)\n"
            "        return %s_NULL;\n"
            "    off = %s_desc[row - 1][%s_lang(lang)];\n"
            "    if (off == 0)\n"
            "        off = %s_desc[row - 1][0];\n"
            "    return off ? %s_desc_text(off) : %s_NULL;\n"
            "}\n\n", n, n, n, m, n, n, n, n, m);
    } else if (have_desc) {
        sbuf_printf(out,
            "const char *%s_description(int code, const char *lang)\n"
            "{\n"
            "    (void)lang; /* the registry has one language */\n"
            "    return %s_desc_first(code);\n"
            "}\n\n", n, n);
    }

    emit_class_of(spec, out);

    emit_class_tests(spec, out);

    if (spec->ntraits) {
        emit_small_lookup(spec, out, cv, bits, "traits_of",
                          "The traits of code", "unsigned", "traits", NULL);
    } else {
        sbuf_printf(out,
            "unsigned %s_traits(int code)\n"
            "{\n"
            "    (void)code;\n"
            "    return 0u; /* the registry declares no traits */\n"
            "}\n\n", n);
    }
    /* Rows rather than 1s: gcc makes a switch of two values bit tests. */
    sbuf_printf(out, "/* The row of code plus one; 0 when code is not "
                     "registered. */\n"
                     "static %s %s_known(int code)\n",
                uint_type(n, (unsigned long)nc), n);
    for (i = 0; i < nc; i++)
        cv[i].value = (unsigned long)i + 1;
    emit_code_switch(spec, out, cv, nc, NULL);
    sbuf_printf(out,
        "int %s_is_known(int code)\n"
        "{\n"
        "    return %s_known(code) != 0;\n"
        "}\n\n", n, n);
    {
        char ret[80];

        sprintf(ret, "enum %.60s_lifecycle", n);
        emit_small_lookup(spec, out, cv, life, "lifecycle_of",
                          "The lifecycle of code (its enumerator)", ret,
                          "status_of", "lifecycle");
    }
    sbuf_printf(out, "const char *%s_reference(int code)\n", n);
    if (have_ref) {
        for (i = 0; i < nc; i++) {
            cv[i].code = spec->codes[spec->order[i]].code;
            cv[i].value = ref_off[i];
        }
        emit_code_switch(spec, out, cv, nc, "ref");
    } else {
        sbuf_printf(out, "{\n    (void)code; /* no code has a reference */\n"
                         "    return %s_NULL;\n}\n\n", m);
    }

    if (emit_trie_lookup(spec, out, "name", "name", keys, key_code, nnames,
                         0) != 0 &&
        emit_perfect_lookup(spec, out, "name", "name", "name", &names, keys,
                            key_off, key_code, nnames, 0) != 0)
        emit_hash_lookup(ctx, out, "name", keys, key_off, key_code, nnames,
                         0);
    /* Phrases: one key per code, then the former phrases (validation made
     * them all unique, ignoring case).  A registry without wire phrases
     * has no from_reason(). */
    for (i = 0; i < nc && !spec->reg.no_phrases; i++) {
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
    if (!spec->reg.no_phrases &&
        emit_trie_lookup(spec, out, "reason", "phrase", keys, key_code,
                         nphrases, 1) != 0 &&
        emit_perfect_lookup(spec, out, "reason", "phrase", "phrase", &phrases,
                            keys, key_off, key_code, nphrases, 1) != 0) {
        emit_equal_nocase(n, out);
        emit_hash_lookup(ctx, out, "reason", keys, key_off, key_code,
                         nphrases, 1);
    }
    emit_fields_source(ctx, out);
    sbuf_printf(out, "#undef %s_CAST\n#undef %s_PUN\n#undef %s_NULL\n", m, m,
                m);
    /* The last function ends with a blank line; drop it. */
    if (out->len >= 2 && out->data[out->len - 1] == '\n' &&
        out->data[out->len - 2] == '\n')
        out->data[--out->len] = '\0';
done:
    sg_free(cv);
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
