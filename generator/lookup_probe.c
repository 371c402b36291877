/* SPDX-License-Identifier: MIT */
/*
 * lookup_probe.c - from_name/from_reason as an open-addressing table of
 * FNV-1a hashes with linear probing: the form that works for any keys,
 * used when neither the trie nor the perfect hash fits them.
 */
#include "emit_source.h"

#include "alloc.h"

#include <stdio.h>
#include <string.h>

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

/* The probing function over the tables of what (source_text_probe_lookup):
 * mask is their size - 1; fold for the phrases, ignoring case. */
static void emit_probe_function(const char *n, const char *m,
                                const char *what, size_t mask, int fold,
                                struct sbuf *out)
{
    const char *arg = fold ? "phrase" : "name";
    char mask_text[24], equal[128];
    const char *vars[] = {
        "n", n, "m", m, "fn", fold ? "reason" : "name", "arg", arg,
        "kind", arg, "what", what, "mask", mask_text,
        "byte", fold ? "*p | 0x20U" : "*p",
        "equal", fold ? equal : "memcmp",
        "equal_end", fold ? "" : " == 0", NULL};

    sprintf(mask_text, "%lu", (unsigned long)mask);
    sprintf(equal, "%.80s_equal_nocase", n);
    emit_template(out, source_text_probe_lookup, vars);
}

/* Emits one hash table over keys[0..nkeys) and its probing function. */
void emit_hash_lookup(const struct emit_ctx *ctx, struct sbuf *out,
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
    emit_commentf(out, "", "%s lookup: open addressing over FNV-1a "
                  "hashes%s, linear probing; slot values are entry + 1, 0 "
                  "is empty; a key's length is compared before its bytes.",
                  what, fold ? " of the bytes | 0x20 (letters folded)" : "");
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

    emit_probe_function(n, m, what, size - 1, fold, out);
}

/* The probing phrase lookup's compare (source_text_equal_nocase). */
void emit_equal_nocase(const char *n, struct sbuf *out)
{
    const char *vars[] = {"n", n, NULL};

    emit_template(out, source_text_equal_nocase, vars);
}
