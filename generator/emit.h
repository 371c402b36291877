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

/* Hex digits of a spec id: 128 bits, so that the token
 * <MACRO>_SPEC_ID_<id> stays within C99's 63 significant characters of a
 * macro name for any macro up to 30 characters. */
#define SPEC_ID_HEX 32

/* What every emitter needs besides the spec. */
struct emit_ctx {
    const struct spec *spec;
    const char *spec_name;  /* the spec's path as the banner shows it */
    char spec_id[SPEC_ID_HEX + 1]; /* spec_identity(spec), computed once */
};

/* <name>.h: enums, trait bits, <MACRO>_COUNT, <MACRO>_LIST, prototypes. */
void emit_header(const struct emit_ctx *ctx, struct sbuf *out);

/* <name>.c: the lookup functions and their tables. */
void emit_source(const struct emit_ctx *ctx, struct sbuf *out);

/* The definitions of <name>.c without banner and #include: shared by the
 * source and the single-header output. */
void emit_source_body(const struct emit_ctx *ctx, struct sbuf *out);

/* The declarations of <name>.h from "#ifndef guard" on, without banner
 * and without the closing #endif: shared by the header and the single
 * header. */
void emit_header_body(const struct emit_ctx *ctx, struct sbuf *out,
                      const char *guard);

/* <name>_single.h: the header, and the source behind
 * <MACRO>_IMPLEMENTATION (stb style). */
void emit_single(const struct emit_ctx *ctx, struct sbuf *out);

/* <name>.<lang>.md: the registry documented in language lang (an index
 * into spec->reg.languages). */
void emit_docs(const struct emit_ctx *ctx, size_t lang, struct sbuf *out);

/* <name>.json: the whole model for programs in other languages (format
 * documented in spec/SCHEMA.md, "The JSON output"). */
void emit_json(const struct emit_ctx *ctx, struct sbuf *out);

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

/* --- emit_common.c: what every C emitter shares ---------------------- */

/* Appends the #error that stops a build when the header in effect is not
 * the one made with this file (what names this file in the message). */
void emit_identity_check(const struct emit_ctx *ctx, const char *what,
                         struct sbuf *out);

/* Appends the banner as the lines of a C block comment. */
void emit_banner_c(const struct emit_ctx *ctx, const char *file,
                   struct sbuf *out);

#endif
