/* SPDX-License-Identifier: MIT */
/*
 * lookup_trie.c - from_name/from_reason as a trie of switch statements
 * over the key's bytes: the fastest form, for registries of a few hundred
 * keys.
 */
#include "emit_source.h"

#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
int emit_trie_lookup(const struct spec *spec, struct sbuf *out,
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
        emit_commentf(out, "", "A trie of switches over the bytes of the "
                      "%s%s: each byte is read only after the ones before "
                      "it matched, so never past the NUL.", arg,
                      fold ? ", letters compared ignoring case" : "");
        sbuf_printf(out,
            "int %s_from_%s(const char *%s)\n"
            "{\n"
            "    const unsigned char *p = %s_PUN(const unsigned char *, %s);\n"
            "\n"
            "    if (!p)\n"
            "        return -1;\n",
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
