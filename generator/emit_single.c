/* SPDX-License-Identifier: MIT */
/*
 * emit_single.c - the single-file form: <name>_single.h, the header and,
 * behind <MACRO>_IMPLEMENTATION, the source (stb style).
 *
 * It composes the header's and the source's emitters; neither calls it.
 */
#include "emit.h"

void emit_single(const struct emit_ctx *ctx, struct sbuf *out)
{
    struct emit_ctx single = *ctx;
    struct sbuf file;
    const char *m = ctx->spec->reg.macro.s;

    single.single = 1;
    sbuf_init(&file);
    sbuf_printf(&file, "%s_single.h", ctx->spec->reg.name.s);
    emit_banner_c(&single, sbuf_str(&file), out);
    sbuf_putc(out, '\n');
    emit_commentf(out, "", "Single-file form: include it anywhere for the "
                  "declarations; in exactly one C or C++ file, #define "
                  "%s_IMPLEMENTATION before including it for the "
                  "definitions.  Or #define %s_STATIC before including it "
                  "in every file that uses it: each gets its own static "
                  "copy of what it calls.", m, m);
    sbuf_putc(out, '\n');
    sbuf_reset(&file);
    sbuf_printf(&file, "%s_H", m);
    emit_header_body(&single, out, sbuf_str(&file));
    sbuf_printf(out, "#endif /* %s */\n\n", sbuf_str(&file));
    sbuf_reset(&file);
    sbuf_printf(&file, "the implementation in %s_single.h",
                ctx->spec->reg.name.s);
    sbuf_printf(out, "#if (defined(%s_IMPLEMENTATION) || defined(%s_STATIC)) "
                     "&& \\\n    !defined(%s_IMPLEMENTED)\n"
                     "#define %s_IMPLEMENTED\n\n", m, m, m, m);
    emit_identity_check(&single, sbuf_str(&file), out);
    sbuf_putc(out, '\n');
    emit_source_body(&single, out);
    sbuf_printf(out, "\n#endif /* %s_IMPLEMENTATION */\n", m);
    if (sbuf_failed(&file))
        out->failed = 1;
    sbuf_free(&file);
}
