/*
 * pipeline.h - the stages in order: load a spec, produce the outputs.
 */
#ifndef STATUSGEN_PIPELINE_H
#define STATUSGEN_PIPELINE_H

#include "model.h"
#include "writer.h"

/* Which outputs to produce (bits). */
enum emit_kind {
    EMIT_HEADER = 1,
    EMIT_SOURCE = 2,
    EMIT_DOCS = 4,
    EMIT_SINGLE = 8,
    EMIT_JSON = 16
};
#define EMIT_DEFAULT (EMIT_HEADER | EMIT_SOURCE | EMIT_DOCS)

/*
 * Parses a comma-separated list of kinds ("header,source,docs,single,json").
 * Returns the bit set, or 0 when a word is not a kind.
 */
unsigned emit_parse_kinds(const char *list);

/*
 * Produces every output of kinds for a validated spec; spec_name is the
 * spec's path as the banners show it.  Returns 0 with *outs (n entries,
 * owned by the caller: outputs_free), or -1 when memory ran out.
 */
/*
 * The same outputs, named but not made: each has a producer instead of its
 * text (see struct output), for write_outputs to run when and as often as
 * it needs, so that no output is ever whole in memory.  The spec and
 * spec_name must outlive the outputs.
 */
int outputs_plan(const struct spec *spec, const char *spec_name,
                 unsigned kinds, struct output **outs, size_t *n);

int outputs_build(const struct spec *spec, const char *spec_name,
                  unsigned kinds, struct output **outs, size_t *n);

void outputs_free(struct output *outs, size_t n);

#endif
