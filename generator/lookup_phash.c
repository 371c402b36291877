/* SPDX-License-Identifier: MIT */
/*
 * lookup_phash.c - from_name/from_reason as a perfect hash of a
 * fingerprint of the key, its seed searched at generation time.
 */
#include "emit_source.h"

#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    char mask_text[24];
    const char *vars[] = {"n", n, "mask", mask_text, NULL};

    sprintf(mask_text, "%lu", mask);
    if (fold)
        emit_commentf(out, "", "1 when the n > 4 bytes at a are those of "
                      "the key whose folded bytes are at k, ignoring the "
                      "case of letters: its letter mask (0x20 in each byte "
                      "that is a letter) is %lu bytes after k.", mask);
    emit_template(out, fold ? source_text_same_nocase : source_text_same,
                  vars);
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
    emit_commentf(out, "", "The %s pool with letters in lower case (f), "
                  "then the mask of its letters (m: 0x20 in each byte that "
                  "is one), for the compare that ignores case.", kind);
    sbuf_printf(out, "static const struct %s_%s_fold {\n", n, kind);
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
            emit_pool_piece(out, fold + start, end - start);
            sbuf_puts(out, half && i == pool->npieces ? "\n" : ",\n");
            start = end;
        }
    }
    sbuf_printf(out, "};\n\n"
        "typedef char %s_%s_fold_is_contiguous[\n"
        "    sizeof(struct %s_%s_fold) == %lu ? 1 : -1];\n\n",
        n, kind, n, kind, (unsigned long)total * 2);
    sg_free(fold);
}

int perfect_plan(const char *const *keys, const long *key_code,
                 size_t nkeys, int fold, struct ph_plan *plan)
{
    size_t *lens, i;
    int rc = -1;

    for (i = 0; i < nkeys; i++)
        if (key_code[i] < 0)
            return -1; /* the table holds codes unsigned */
    if (nkeys == 0)
        return -1;
    lens = (size_t *)sg_calloc(nkeys, sizeof *lens);
    if (lens == NULL)
        return -1;
    for (i = 0; i < nkeys; i++)
        lens[i] = strlen(keys[i]);
    if (ph_search(keys, lens, nkeys, fold, &plan->seed, &plan->bits) == 0)
        rc = 0;
    sg_free(lens);
    return rc;
}

/* The lookup function over the table name of a perfect hash (keys of
 * minlen to maxlen bytes), from source_text_perfect_lookup. */
static void emit_perfect_function(const struct spec *spec, const char *fn,
                                  const char *kind, const char *arg,
                                  const char *name, size_t minlen,
                                  size_t maxlen, int fold,
                                  const struct ph_plan *plan,
                                  struct sbuf *out)
{
    const char *n = spec->reg.name.s, *m = spec->reg.macro.s;
    const char *cmp_vars[] = {
        "n", n, "m", m, "guard", minlen <= 4 ? "n > 4 && " : "",
        "nocase", fold ? "_nocase" : "", "kind", kind,
        "store", fold ? "fold" : "pool", NULL};
    struct sbuf compare;

    sbuf_init(&compare);
    if (maxlen > 4)
        emit_template(&compare, source_text_perfect_compare, cmp_vars);
    if (sbuf_failed(&compare)) {
        out->failed = 1;
    } else {
        char minlen_text[24], span_text[24], mult[24], shift[8];
        const char *vars[] = {
            "n", n, "m", m, "fn", fn, "arg", arg, "table", name,
            "minlen", minlen_text, "span", span_text,
            "print", fold ? "(a | 0x20202020U)" : "a", "mult", mult,
            "shift", shift, "seen", fold ? "(a | e->letters)" : "a",
            "compare", sbuf_str(&compare), NULL};

        sprintf(minlen_text, "%lu", (unsigned long)minlen);
        sprintf(span_text, "%lu", (unsigned long)(maxlen - minlen));
        sprintf(mult, "0x%lX", ph_mult(plan->seed));
        sprintf(shift, "%u", 32 - plan->bits);
        emit_template(out, source_text_perfect_lookup, vars);
    }
    sbuf_free(&compare);
}

void emit_perfect_lookup(const struct spec *spec, struct sbuf *out,
                         const char *fn, const char *kind, const char *arg,
                         const struct pool *pool, const char *const *keys,
                         const unsigned long *key_off, const long *key_code,
                         size_t nkeys, int fold, const struct ph_plan *plan)
{
    const char *n = spec->reg.name.s;
    size_t *lens, i, size, minlen = (size_t)-1, maxlen = 0;
    unsigned long seed = plan->seed, maxoff = 0, *slot, tail[3];
    long maxcode = 0;
    unsigned bits = plan->bits;
    char name[64];

    lens = (size_t *)sg_calloc(nkeys ? nkeys : 1, sizeof *lens);
    if (lens == NULL) {
        out->failed = 1;
        return;
    }
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
    size = (size_t)1 << bits;
    slot = (unsigned long *)sg_calloc(size, sizeof *slot);
    if (slot == NULL) {
        sg_free(lens);
        out->failed = 1;
        return;
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
    emit_commentf(out, "", "Per slot: the fingerprint of its key (bytes 0, "
                  "1, n / 2 and n - 1, lowest first%s), its offset in the "
                  "%s pool, its code and its length; 0s for a free slot.  "
                  "Seed %lu, %u bits.",
                  fold ? ", letters in lower case), the mask of its letters"
                       : "",
                  kind, seed, bits);
    sbuf_printf(out, "static const struct %s_%s {\n"
                     "    %s_u32 print;\n", n, name, n);
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
    emit_perfect_function(spec, fn, kind, arg, name, minlen, maxlen, fold,
                          plan, out);
    sg_free(slot);
    sg_free(lens);
}
