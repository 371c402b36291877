/* SPDX-License-Identifier: MIT */
/*
 * outputs.h - the kinds of output statusgen makes, one row each.
 *
 * Every place that knows the kinds reads the table in outputs.c: the
 * --emit words, the bit sets of kinds, the files' names, the emitter that
 * makes each file and the help text.  Adding a kind is one row there and
 * one emitter file.
 */
#ifndef STATUSGEN_OUTPUTS_H
#define STATUSGEN_OUTPUTS_H

#include "emit.h"

#include <stddef.h>

/* One kind of output. */
struct output_kind {
    const char *word;       /* its --emit word */
    const char *suffix;     /* appended to the registry name; a per-
                             * language kind puts ".<lang>" before it */
    void (*emit)(const struct emit_ctx *ctx, struct sbuf *out);
                            /* makes the file, or NULL when per language */
    void (*emit_lang)(const struct emit_ctx *ctx, size_t lang,
                      struct sbuf *out);
                            /* one file per description language */
    int by_default;         /* made when --emit is not given */
    const char *help;       /* what the file holds, for --help */
};

/* The bits of the rows that code names (the table's first rows, in this
 * order; a test checks them against output_kind_bit). */
enum emit_kind {
    EMIT_HEADER = 1,
    EMIT_SOURCE = 2,
    EMIT_SINGLE = 4,
    EMIT_JSON = 8,
    EMIT_DOCS = 16
};
#define EMIT_DEFAULT (output_default_kinds())

/* The kinds, in the order their files are made and listed. */
extern const struct output_kind output_kinds[];
extern const size_t output_nkinds;

/* The bit of the kind named word in a set of kinds, or 0. */
unsigned output_kind_bit(const char *word);

/* The kinds made when --emit is not given. */
unsigned output_default_kinds(void);

/*
 * Parses a comma-separated list of kinds ("header,source,json").  Returns
 * the bit set, or 0 when a word is not a kind.
 */
unsigned emit_parse_kinds(const char *list);

/* Appends the --emit words, comma-separated ("header, source, ..."). */
void output_kind_words(struct sbuf *out);

/* Appends one help line per kind: "  word  description". */
void output_kind_help(struct sbuf *out);

#endif
