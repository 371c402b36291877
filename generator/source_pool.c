/* SPDX-License-Identifier: MIT */
/*
 * source_pool.c - the generated source's string pools and tables of
 * numbers (see emit_source.h).
 *
 * Every text the generated functions return lives in a pool of its kind:
 * the strings NUL-separated, each once, in a struct of char arrays (each
 * no longer than a C compiler must accept), so that tables and switches
 * hold small offsets instead of pointers and need no relocation.
 */
#include "emit_source.h"

#include "alloc.h"

#include <stdio.h>
#include <string.h>

/* Bytes of one piece of a pool: C90 requires compilers to accept string
 * literals of 509 characters (after concatenation), and the literal's
 * NUL ends the piece. */
#define POOL_PIECE 510

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
void pool_init(struct pool *p, size_t expect)
{
    memset(p, 0, sizeof *p);
    sbuf_init(&p->bytes);
    sbuf_putc(&p->bytes, '\0'); /* offset 0: "", meaning "absent" */
    if (expect && pool_rehash(p, expect) != 0)
        p->failed = 1;
}

/* Frees what the pool holds. */
void pool_free(struct pool *p)
{
    sbuf_free(&p->bytes);
    sg_free(p->slots);
    sg_free(p->piece_end);
}

/* Frees the dedup set once every string has been added. */
void pool_seal(struct pool *p)
{
    sg_free(p->slots);
    p->slots = NULL;
    p->nslots = 0;
}

/* Ends the current piece at offset end (nothing when it would be
 * empty); returns 0 or -1. */
static int pool_cut(struct pool *p, size_t end)
{
    size_t start = p->npieces ? p->piece_end[p->npieces - 1] : 0;

    if (end == start)
        return 0;
    if (sg_grow((void **)&p->piece_end, &p->piece_cap, p->npieces + 1,
                sizeof *p->piece_end) != 0)
        return -1;
    p->piece_end[p->npieces++] = end;
    return 0;
}

/* Adds s to the pool (once); returns its offset, 0 for NULL or failure. */
unsigned long pool_add(struct pool *p, const char *s)
{
    size_t len, h, piece_start, at;
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
     * one, so that a string is cut only when it is longer than a piece;
     * then the pieces before its last hold no NUL (see emit_pool_piece). */
    piece_start = p->npieces ? p->piece_end[p->npieces - 1] : 0;
    if (p->bytes.len - piece_start + len + 1 > POOL_PIECE &&
        pool_cut(p, p->bytes.len) != 0)
        goto oom;
    off = (unsigned long)p->bytes.len;
    if (len + 1 > POOL_PIECE) {
        /* Its last POOL_PIECE bytes make a literal; the head before them,
         * as short as that leaves it, lists of character constants. */
        size_t head = len + 1 - POOL_PIECE, first = head % POOL_PIECE;

        for (at = off + (first ? first : POOL_PIECE); at <= off + head;
             at += POOL_PIECE)
            if (pool_cut(p, at) != 0)
                goto oom;
    }
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

/* A byte as a C character constant: itself when printable, else octal. */
static void char_constant(struct sbuf *out, unsigned char c)
{
    sbuf_putc(out, '\'');
    if (c == '\'' || c == '\\') {
        sbuf_putc(out, '\\');
        sbuf_putc(out, (char)c);
    } else if (c >= 0x20 && c < 0x7f) {
        sbuf_putc(out, (char)c);
    } else {
        sbuf_putc(out, '\\');
        sbuf_putc(out, (char)('0' + (c >> 6)));
        sbuf_putc(out, (char)('0' + ((c >> 3) & 7)));
        sbuf_putc(out, (char)('0' + (c & 7)));
    }
    sbuf_putc(out, '\'');
}

void emit_pool_piece(struct sbuf *out, const char *bytes, size_t len)
{
    size_t i, before;
    int col = 5;

    if (len && bytes[len - 1] == '\0') {
        /* The literal's own terminating NUL is the piece's last byte. */
        sbuf_c_literal(out, bytes, len - 1, 4);
        return;
    }
    sbuf_putc(out, '{');
    for (i = 0; i < len; i++) {
        if (i) {
            sbuf_putc(out, ',');
            if (col + 8 > 78) {
                sbuf_puts(out, "\n     ");
                col = 5;
            } else {
                sbuf_putc(out, ' ');
                col += 2;
            }
        }
        before = out->len;
        char_constant(out, (unsigned char)bytes[i]);
        col += (int)(out->len - before);
    }
    sbuf_putc(out, '}');
}

/* Smallest unsigned type for values up to max ("unsigned char", ...);
 * past 16 bits, the <name>_u32 type the source defines. */
const char *uint_type(const char *n, unsigned long max)
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
unsigned uint_size(unsigned long max)
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
void unpad(unsigned long *max, size_t n)
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
unsigned long max_of(const unsigned long *v, size_t n)
{
    unsigned long m = 0;
    size_t i;

    for (i = 0; i < n; i++)
        if (v[i] > m)
            m = v[i];
    return m;
}

/* Starts a table (see struct table in emit_source.h). */
void table_begin(struct table *t, struct sbuf *out, const char *type,
                        const char *prefix, const char *name,
                        const char *dims)
{
    t->out = out;
    t->col = 4;
    t->n = 0;
    sbuf_printf(out, "static const %s %s_%s%s = {\n    ", type, prefix, name,
                dims);
}

/* Appends one value, breaking the line before column 78. */
void table_put(struct table *t, unsigned long v)
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

/* Closes the table. */
void table_end(struct table *t)
{
    sbuf_puts(t->out, "\n};\n\n");
}

/* The emitted pool of one kind of text ("phrase", "name", "desc"): a
 * struct of pieces, each one string literal, and its accessor. */
void emit_pool(const char *n, const char *m, const char *kind,
               const char *what, const struct pool *p, int with_text,
               struct sbuf *out)
{
    size_t i, start = 0, total = p->bytes.len;

    emit_commentf(out, "", "Every %s, NUL-separated; offset 0 is \"\".  A "
                  "struct of pieces keeps each literal within what C "
                  "compilers must accept; the tables hold offsets into it, "
                  "so they need no relocation.", what);
    sbuf_printf(out, "static const struct %s_%s_pool {\n", n, kind);
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
        emit_pool_piece(out, p->bytes.data + start, end - start);
        sbuf_puts(out, i < p->npieces ? ",\n" : "\n");
        start = end;
    }
    sbuf_printf(out, "};\n\n"
        "/* The offsets below assume the pieces are contiguous. */\n"
        "typedef char %s_%s_pool_is_contiguous[\n"
        "    sizeof(struct %s_%s_pool) == %lu ? 1 : -1];\n\n",
        n, kind, n, kind, (unsigned long)total);
    if (with_text)
        sbuf_printf(out,
            "static const char *%s_%s_text(unsigned long off)\n"
            "{\n"
            "    return %s_PUN(const char *, &%s_%s_pool) + off;\n"
            "}\n\n", n, kind, m, n, kind);
}

/* 1 for an ASCII lower-case letter. */
int is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

/* 1 for an ASCII letter, either case. */
int is_letter(int c)
{
    return is_lower(c) || (c >= 'A' && c <= 'Z');
}
