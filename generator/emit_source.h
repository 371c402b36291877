/* SPDX-License-Identifier: MIT */
/*
 * emit_source.h - the pieces the generated source is made of, shared by
 * emit_source.c (which orders them) and the files it is split into:
 *
 *   source_pool.c   string pools, tables of numbers, the smallest types
 *   lookup_trie.c   from_name/from_reason as a trie of switches
 *   lookup_phash.c  ... as a perfect hash found at generation time
 *   lookup_probe.c  ... as an open-addressing table with linear probing
 *   source_text.c   the invariant C text, as templates (emit_template)
 *
 * None of them calls another but through this header, and none calls an
 * emitter of another output.
 */
#ifndef STATUSGEN_EMIT_SOURCE_H
#define STATUSGEN_EMIT_SOURCE_H

#include "emit.h"

#include <stddef.h>

/* --- source_pool.c ---------------------------------------------------- */

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

/* An empty pool (offset 0 is "", meaning absent) whose dedup set is made
 * for about expect strings, so that it seldom grows. */
void pool_init(struct pool *p, size_t expect);

/* Frees what the pool holds. */
void pool_free(struct pool *p);

/* Frees the dedup set once every string has been added. */
void pool_seal(struct pool *p);

/* Adds s to the pool (once); returns its offset, 0 for NULL, "" or
 * failure (then p->failed is set). */
unsigned long pool_add(struct pool *p, const char *s);

/* Appends one piece of a pool, len bytes: a string literal when its last
 * byte is a NUL (the literal's own), else a list of character constants
 * (the first pieces of a text longer than a piece, which C++ does not let
 * a literal fill without its NUL).  Either way the piece keeps within
 * C90's 509 characters of a literal. */
void emit_pool_piece(struct sbuf *out, const char *bytes, size_t len);

/* Emits the pool of one kind of text ("phrase", "name", "desc"; what
 * says it in the comment) as a struct of pieces, and with with_text its
 * accessor <n>_<kind>_text(off). */
void emit_pool(const char *n, const char *m, const char *kind,
               const char *what, const struct pool *p, int with_text,
               struct sbuf *out);

/* Smallest unsigned type for values up to max ("unsigned char", ...);
 * past 16 bits, the <n>_u32 type the source defines.  The text lives in
 * a static buffer until the next call. */
const char *uint_type(const char *n, unsigned long max);

/* Bytes of uint_type(n, max). */
unsigned uint_size(unsigned long max);

/* Raises the largest values max[0..n) of struct fields that follow 32-bit
 * ones so that their uint_type()s leave no padding (see source_pool.c). */
void unpad(unsigned long *max, size_t n);

/* Largest of n values. */
unsigned long max_of(const unsigned long *v, size_t n);

/* A table being appended as "static const <type> <name>[] = { v, ... };",
 * a few values to a line. */
struct table {
    struct sbuf *out;
    int col;
    size_t n;
};

/* Starts the table <prefix>_<name><dims> of type. */
void table_begin(struct table *t, struct sbuf *out, const char *type,
                 const char *prefix, const char *name, const char *dims);

/* Appends one value. */
void table_put(struct table *t, unsigned long v);

/* Closes the table. */
void table_end(struct table *t);

/* 1 when c is an ASCII lower-case letter / an ASCII letter. */
int is_lower(int c);
int is_letter(int c);

/* --- the three forms of from_name / from_reason ------------------------ */

/*
 * Each emits <name>_from_<fn>(<arg>) over keys[0..nkeys) (key_code: the
 * results; key_off: offsets into the pool of kind, which the caller
 * emits; fold: compare ignoring ASCII case).
 *
 * The trie needs no pool; it returns -1, emitting nothing, when the keys
 * are too many, too long in all or nest too deep.
 */
int emit_trie_lookup(const struct spec *spec, struct sbuf *out,
                     const char *fn, const char *arg,
                     const char *const *keys, const long *key_code,
                     size_t nkeys, int fold);

/* The perfect hash: the seed and table size perfect_plan found. */
struct ph_plan {
    unsigned long seed;
    unsigned bits;
};

/* Searches a perfect hash of the keys; returns 0, or -1 when there is
 * none within the limits (then the probing table serves). */
int perfect_plan(const char *const *keys, const long *key_code,
                 size_t nkeys, int fold, struct ph_plan *plan);

/* Emits the perfect hash of plan.  It reads the pool of kind itself
 * (<n>_<kind>_pool) when it compares exactly, and emits its own folded
 * copy of it when it ignores case. */
void emit_perfect_lookup(const struct spec *spec, struct sbuf *out,
                         const char *fn, const char *kind, const char *arg,
                         const struct pool *pool, const char *const *keys,
                         const unsigned long *key_off, const long *key_code,
                         size_t nkeys, int fold, const struct ph_plan *plan);

/* The probing table, for any keys: it reads the pool through
 * <n>_<kind>_text(). */
void emit_hash_lookup(const struct emit_ctx *ctx, struct sbuf *out,
                      const char *what, const char *const *keys,
                      const unsigned long *key_off, const long *key_code,
                      size_t nkeys, int fold);

/* The static <name>_equal_nocase(a, b, n) the probing phrase lookup
 * calls; emitted before it. */
void emit_equal_nocase(const char *n, struct sbuf *out);

/* --- source_text.c: the templates of the invariant text ---------------- */

/* Which of the C/C++ spellings of a conversion (CAST), a view of an
 * object's bytes (PUN) and a null pointer (NULL) the source uses. */
enum {
    USE_CAST = 1,
    USE_PUN = 2,
    USE_NULL = 4
};

/* One spelling: its USE_* bit, its name (<MACRO>_<name>), its definition
 * for C++ and for C. */
struct source_spelling {
    unsigned use;
    const char *name;
    const char *cxx;
    const char *c;
};

/* The spellings, ending with a row of zeros, and the comment and #ifdef
 * before them. */
extern const struct source_spelling source_text_spellings[];
extern const char source_text_spellings_head[];

extern const char source_text_prelude[];
extern const char source_text_equal[];
extern const char source_text_lang_head[];
extern const char source_text_lang_case[];
extern const char source_text_lang_tail[];
extern const char source_text_description_none[];
extern const char source_text_description_one[];
extern const char source_text_description_many[];
extern const char source_text_class_of_dense[];
extern const char source_text_traits_none[];
extern const char source_text_is_known[];
extern const char source_text_reference_none[];

/* Appends the language matcher static unsigned <n>_<fn>(const char *lang)
 * from the templates (source_text.c): a row per language of spec but the first, each
 * compared with equal (a function of two strings that is nonzero when they
 * are equal: <n>_equal), or with strcmp when equal is NULL. */
void emit_lang_matcher(const struct spec *spec, const char *fn,
                       const char *equal, struct sbuf *out);
extern const char source_text_equal_nocase[];
extern const char source_text_probe_lookup[];
extern const char source_text_same[];
extern const char source_text_same_nocase[];
extern const char source_text_perfect_lookup[];
extern const char source_text_perfect_compare[];

#endif
