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

/* ASCII case-insensitive equality of n bytes, for the probing phrase
 * lookup (locale-independent, unlike strncasecmp): bytes that differ must
 * be the two cases of one letter. */
void emit_equal_nocase(const char *n, struct sbuf *out)
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
