/* SPDX-License-Identifier: MIT */
/*
 * pipeline.c - load a spec, produce the outputs (see pipeline.h, model.h).
 */
#include "pipeline.h"

#include "alloc.h"
#include "emit.h"
#include "node.h"
#include "overlay.h"

#include <stdio.h>
#include <string.h>

/* struct spec_reader's read for files. */
static int read_spec_file(void *arg, const char *path, char **data,
                          size_t *len, struct diag_list *dl)
{
    (void)arg;
    return spec_read_file(path, data, len, dl);
}

static const struct spec_reader file_reader = {read_spec_file, NULL, 0};

int spec_load(const char *path, struct spec *spec, struct diag_list *dl)
{
    char *data = NULL;
    size_t len = 0;

    memset(spec, 0, sizeof *spec);
    spec->path = path;
    if (spec_read_file(path, &data, &len, dl) != 0)
        return -1;
    return spec_load_from(path, data, len, &file_reader, spec, dl);
}

int spec_load_text(const char *path, char *data, size_t len,
                   struct spec *spec, struct diag_list *dl)
{
    return spec_load_from(path, data, len, &file_reader, spec, dl);
}

/* The codes stream in, unless the spec extends another: then the merge
 * needs them in the tree (spec_stream_begin's contract otherwise). */
static int begin_unless_extends(void *arg, const struct node *root)
{
    if (node_get(root, "extends") != NULL)
        return 0;
    return spec_stream_begin(arg, root);
}

/* Builds and validates the merged tree of an overlay (see overlay.h);
 * takes root over.  Returns 0 or -1. */
static int load_overlay(const char *path, int lines, struct node *root,
                        const struct spec_reader *rd, struct spec *spec,
                        struct diag_list *dl)
{
    struct overlay ov;
    size_t errors_before = dl->errors;

    overlay_init(&ov);
    if (overlay_merge(&ov, path, lines, &root, rd, spec, dl) == 0) {
        spec_build(root, spec, dl);
        spec_validate(spec, dl);
    }
    overlay_free(&ov);
    return dl->errors > errors_before ? -1 : 0;
}

int spec_load_from(const char *path, char *data, size_t len,
                   const struct spec_reader *rd, struct spec *spec,
                   struct diag_list *dl)
{
    struct node *root = NULL;
    struct spec_stream st;
    struct node_stream codes;
    int rc = -1, parsed, overlay = 0;

    memset(spec, 0, sizeof *spec);
    spec->path = path;
    if (strcmp(path, "-") != 0 && spec_add_input(spec, path) != 0) {
        sg_free(data);
        diag_oom(dl);
        return -1;
    }
    /* The codes are built as they are read, so the tree holds one code
     * at a time. */
    spec_stream_init(&st, spec, dl->file);
    codes.key = "codes";
    codes.begin = begin_unless_extends;
    codes.item = spec_stream_item;
    codes.arg = &st;
    parsed = spec_parse_stream(data, len, dl, &codes, &root);
    if (parsed == 0 && node_get(root, "extends") != NULL) {
        const struct node *c = node_get(root, "codes");

        if (c && c->streamed) {
            /* 'extends' after the codes: read again, keeping them */
            node_free(root);
            root = NULL;
            spec_stream_free(&st);
            spec_stream_init(&st, spec, dl->file);
            spec_free(spec);
            spec->path = path;
            if (strcmp(path, "-") != 0 && spec_add_input(spec, path) != 0)
                diag_oom(dl);
            parsed = spec_parse_at(data, len, 0, dl, NULL, &root);
        }
        if (parsed == 0) {
            int lines = text_lines(data, len);

            sg_free(data);
            data = NULL;
            overlay = 1;
            rc = load_overlay(path, lines, root, rd, spec, dl);
            root = NULL;
        }
    }
    sg_free(data);
    if (parsed != 0) {
        /* as when nothing is built after a syntax error */
        spec_free(spec);
        spec->path = path;
    } else if (!overlay) {
        /* A spec that built with errors is still validated (validate
         * copes with absent values), so that one run reports every
         * problem. */
        int built = spec_build_stream(root, &st, dl);

        node_free(root);
        root = NULL;
        if (spec_validate(spec, dl) == 0 && built == 0)
            rc = 0;
    }
    node_free(root);
    spec_stream_free(&st);
    return rc;
}

void outputs_free(struct output *outs, size_t n)
{
    size_t i;

    for (i = 0; outs && i < n; i++)
        sg_free(outs[i].name);
    sg_free(outs);
}

/* Names output o "<stem><suffix>"; returns 0 or -1. */
static int name_output(struct output *o, const char *stem, const char *suffix)
{
    struct sbuf name;

    sbuf_init(&name);
    sbuf_puts(&name, stem);
    sbuf_puts(&name, suffix);
    if (sbuf_failed(&name)) {
        sbuf_free(&name);
        return -1;
    }
    o->name = name.data;
    return 0;
}

/* struct output's producer: arg is the struct emit_ctx; which is the row
 * of output_kinds plus output_nkinds times the language. */
static void produce_output(const void *arg, size_t which, struct sbuf *out)
{
    const struct emit_ctx *ctx = (const struct emit_ctx *)arg;
    const struct output_kind *k = &output_kinds[which % output_nkinds];

    if (k->emit)
        k->emit(ctx, out);
    else
        k->emit_lang(ctx, which / output_nkinds, out);
}

int outputs_plan(const struct spec *spec, const char *spec_name,
                 unsigned kinds, struct output **outs, size_t *n)
{
    return outputs_plan_opts(spec, spec_name, kinds, NULL, outs, n);
}

int outputs_plan_opts(const struct spec *spec, const char *spec_name,
                      unsigned kinds, const struct emit_opts *opts,
                      struct output **outs, size_t *n)
{
    struct emit_ctx *ctx;
    struct output *o;
    size_t count = 0, max = output_nkinds * (1 + spec->reg.nlang), i, l;
    const char *stem = spec->reg.name.s;
    char suffix[32];

    *outs = NULL;
    *n = 0;
    /* The producers' context lives behind the array, so outputs_free
     * frees it with the array. */
    o = (struct output *)sg_calloc(1, max * sizeof *o + sizeof *ctx);
    if (o == NULL)
        return -1;
    ctx = (struct emit_ctx *)(void *)(o + max);
    ctx->spec = spec;
    ctx->spec_name = spec_name;
    if (opts)
        ctx->opts = *opts;
    spec_identity(spec, ctx->spec_id); /* a walk over the whole model */
    for (i = 0; i < max; i++) {
        o[i].produce = produce_output;
        o[i].arg = ctx;
    }
    for (i = 0; i < output_nkinds; i++) {
        const struct output_kind *k = &output_kinds[i];

        if (!(kinds & (1u << i)))
            continue;
        if (k->emit) {
            if (name_output(&o[count], stem, k->suffix) != 0)
                goto fail;
            o[count++].which = i;
            continue;
        }
        /* No descriptions, no per-language files. */
        for (l = 0; !spec->reg.no_descriptions && l < spec->reg.nlang;
             l++) {
            /* languages are 2 to 8 letters (validated) */
            sprintf(suffix, ".%.8s%.16s", spec->reg.languages[l].s,
                    k->suffix);
            if (name_output(&o[count], stem, suffix) != 0)
                goto fail;
            o[count++].which = i + output_nkinds * l;
        }
    }
    *outs = o;
    *n = count;
    return 0;
fail:
    outputs_free(o, max);
    return -1;
}
