/* SPDX-License-Identifier: MIT */
/*
 * emit.h - the emitters: spec model in, text out.
 *
 * Each emitter reads a validated spec and appends one output file to a
 * string buffer; none touches the disk.  Output is deterministic: no
 * timestamps, no absolute paths, "\n" line endings, codes in ascending
 * order.  Emitted C is plain ASCII.
 */
#ifndef STATUSGEN_EMIT_H
#define STATUSGEN_EMIT_H

#include "model.h"
#include "sbuf.h"

#define STATUSGEN_VERSION "0.1.0"

/* The licence every generated file states (SPDX), matching its banner's
 * "use it under any terms": 0BSD grants every use without conditions. */
#define GENERATED_SPDX "0BSD"

/* Hex digits of a spec id: 128 bits, so that the token
 * <MACRO>_SPEC_ID_<id> stays within C99's 63 significant characters of a
 * macro name for any macro up to 30 characters. */
#define SPEC_ID_HEX 32

/*
 * The lookups of the generated C API, one bit each, as --functions names
 * them (emit_parse_functions).  The header declares, and the source
 * defines, only those asked for; the enums, <MACRO>_COUNT and <MACRO>_LIST
 * are always there.
 */
enum emit_function {
    FN_REASON = 1 << 0,       /* <name>_reason() */
    FN_NAME = 1 << 1,         /* <name>_name() */
    FN_DESCRIPTION = 1 << 2,  /* <name>_description() */
    FN_CLASS = 1 << 3,        /* _class_of(), _is_<class>(), _is_error() */
    FN_TRAITS = 1 << 4,       /* <name>_traits() */
    FN_IS_KNOWN = 1 << 5,     /* <name>_is_known() */
    FN_STATUS = 1 << 6,       /* <name>_status_of() */
    FN_REFERENCE = 1 << 7,    /* <name>_reference() */
    FN_FROM_NAME = 1 << 8,    /* <name>_from_name() */
    FN_FROM_REASON = 1 << 9,  /* <name>_from_reason() */
    FN_CODES = 1 << 10        /* the array <name>_codes[] */
};
#define FN_ALL 0x7ffu

/* The form of from_name() and from_reason() (--lookup). */
enum emit_lookup {
    LOOKUP_FAST,     /* a trie of switches when the keys are few enough,
                      * else a perfect hash, else a probing table */
    LOOKUP_COMPACT   /* the perfect hash, else the probing table */
};

/* The command line's choices for the C outputs; all zero: every lookup,
 * the fast forms. */
struct emit_opts {
    unsigned omit;             /* FN_* bits left out (--functions) */
    enum emit_lookup lookup;   /* --lookup */
};

/* What every emitter needs besides the spec.  A zeroed struct with spec,
 * spec_name and spec_id filled in is the default. */
struct emit_ctx {
    const struct spec *spec;
    const char *spec_name;  /* the spec's path as the banner shows it */
    char spec_id[SPEC_ID_HEX + 1]; /* spec_identity(spec), computed once */
    struct emit_opts opts;
    int single;             /* 1 while emit_single composes the header and
                             * the source into one file */
};

/* The emitter of each kind of output, declared from its row of
 * outputs.def (which says what its file holds). */
#define OUTPUT(word, suffix, emitter, by_default, help)                  \
    void emitter(const struct emit_ctx *ctx, struct sbuf *out);
#define OUTPUT_PER_LANG(word, suffix, emitter, by_default, help)         \
    void emitter(const struct emit_ctx *ctx, size_t lang, struct sbuf *out);
#include "outputs.def"
#undef OUTPUT
#undef OUTPUT_PER_LANG

/* The definitions of <name>.c without banner and #include: shared by the
 * source and the single-header output. */
void emit_source_body(const struct emit_ctx *ctx, struct sbuf *out);

/* The declarations of <name>.h from "#ifndef guard" on, without banner
 * and without the closing #endif: shared by the header and the single
 * header. */
void emit_header_body(const struct emit_ctx *ctx, struct sbuf *out,
                      const char *guard);

/*
 * The identity of a validated model: SHA-256 of a canonical serialisation
 * of every value that reaches an output, and of the generator's version,
 * but not of the spec's bytes (comments and layout do not count); its
 * first SPEC_ID_HEX hex digits go into id (NUL-terminated).  The banners
 * show it and the header defines it as <MACRO>_SPEC_ID, so that a .c never
 * builds against a header made from another model, by chance or on
 * purpose.
 */
void spec_identity(const struct spec *spec, char id[SPEC_ID_HEX + 1]);

/* --- emit_fields.c: the declared fields (struct spec_field) ----------- */

/* The header's part: enums of enum fields, <MACRO>_<FIELD>_LIST(X) and
 * the accessors' prototypes; nothing when the spec declares no field. */
void emit_fields_header(const struct emit_ctx *ctx, struct sbuf *out);

/* The source's part: the accessors <name>_<field>(). */
void emit_fields_source(const struct emit_ctx *ctx, struct sbuf *out);

/* The docs' list of the fields in language lang (after the traits), and
 * the lines of one code's section (ci: index into spec->codes). */
void emit_fields_docs_list(const struct emit_ctx *ctx, size_t lang,
                           struct sbuf *out);
void emit_fields_docs_code(const struct emit_ctx *ctx, size_t lang,
                           size_t ci, struct sbuf *out);

/* --- emit_common.c: what the emitters share -------------------------- */

/* Appends the banner: the file and the registry's title, the generator,
 * the spec and its id, the licence note and DO NOT EDIT, as lines that
 * each start with lead ("# ", "// ", " * "); the comment text is ASCII
 * and holds no line break, no end of a C comment and no trigraph. */
void emit_banner_lines(const struct emit_ctx *ctx, const char *file,
                       const char *lead, struct sbuf *out);

/* Appends the #error that stops a build when the header in effect is not
 * the one made with this file (what names this file in the message). */
void emit_identity_check(const struct emit_ctx *ctx, const char *what,
                         struct sbuf *out);

/* Appends the banner as the lines of a C block comment. */
void emit_banner_c(const struct emit_ctx *ctx, const char *file,
                   struct sbuf *out);

/* 1 when some code of spec has a description that is not empty (none
 * has one in a registry generated with --languages none). */
int emit_has_descriptions(const struct spec *spec);

/*
 * Appends the table of codes the Python and TypeScript modules share in
 * shape: a line per code, indent, the code, open, then "NAME", its
 * reason() text, its reference (none when it has none), its trait bits
 * and its lifecycle (the C enum's int), then close; strings quoted in
 * style.
 */
void emit_script_rows(const struct spec *spec, enum quote_style style,
                      const char *indent, const char *open,
                      const char *close, const char *none,
                      struct sbuf *out);

/* The FN_* bits the C outputs of ctx define. */
unsigned emit_functions(const struct emit_ctx *ctx);

/*
 * Parses a --functions list ("reason,name", or "all") into FN_* bits;
 * returns 0, or -1 when a word is not a function (or the list is empty).
 */
int emit_parse_functions(const char *list, unsigned *fns);

/* Appends the --functions words, comma-separated. */
void emit_function_words(struct sbuf *out);

/* Appends the words of the bits fns, comma-separated ("reason, name"). */
void emit_function_list(struct sbuf *out, unsigned fns);

/*
 * Appends text as a C block comment, its words wrapped so that no line
 * passes 79 columns (a longer word gets a line of its own), every line
 * starting with indent: "indent/" "* text", "indent * more", " *" "/".
 * The text goes through sbuf_c_comment (ASCII, cannot end the comment or
 * form a trigraph), and no line ends in a backslash.
 */
void emit_comment(struct sbuf *out, const char *indent, const char *text);

/* emit_comment of a printf-style text. */
void emit_commentf(struct sbuf *out, const char *indent, const char *fmt,
                   ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/*
 * Appends a template: text with each insertion point @name@ replaced by
 * the value of name in vars, a list of names and values in turn that ends
 * with NULL ("n", "http_status", "m", "HTTP_STATUS", NULL); "@@" is one
 * '@'.  The generated code's invariant text lives in templates (the
 * templates of the C source are in source_text.c).  A point that vars
 * does not name, or one left open, is the generator's mistake: it marks
 * out failed, so that no file is written.
 */
void emit_template(struct sbuf *out, const char *text,
                   const char *const *vars);

/*
 * Appends a short comment quoting text: the quote marks, then the text as
 * a C string literal would spell it (escapes, octal for non-ASCII), cut
 * after whole characters with "..." when the comment would pass width
 * columns (at least the opening and "..." are always written), so that
 * no text can end the comment or form a trigraph.
 */
void emit_quote_comment(struct sbuf *out, const char *text, int width);
/* A name or a phrase and its code, for a table searched by bytes. */
struct emit_key {
    const char *text;
    const struct spec_code *code;
};

/*
 * Every name and former name (phrases 0), or every phrase and former
 * phrase in ASCII lower case (phrases 1), with its code, sorted by their
 * bytes as strcmp orders them.  Returns 0 with *keys (*n entries, one
 * block with their texts: sg_free(*keys) frees it), or -1 when memory
 * ran out.
 */
int emit_sorted_keys(const struct spec *spec, int phrases,
                     struct emit_key **keys, size_t *n);

#endif
