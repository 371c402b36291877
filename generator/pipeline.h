/* SPDX-License-Identifier: MIT */
/*
 * pipeline.h - the stages in order: load a spec, produce the outputs.
 */
#ifndef STATUSGEN_PIPELINE_H
#define STATUSGEN_PIPELINE_H

#include "model.h"
#include "outputs.h"
#include "writer.h"

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

/* The same with the C outputs' options (--functions, --lookup); NULL
 * opts: the defaults, as the two above. */
int outputs_plan_opts(const struct spec *spec, const char *spec_name,
                      unsigned kinds, const struct emit_opts *opts,
                      struct output **outs, size_t *n);
int outputs_build_opts(const struct spec *spec, const char *spec_name,
                       unsigned kinds, const struct emit_opts *opts,
                       struct output **outs, size_t *n);

void outputs_free(struct output *outs, size_t n);

#endif
