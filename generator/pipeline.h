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
 * Names every output of kinds for a validated spec, each with its producer
 * (see struct output), for write_outputs, check_outputs or output_collect
 * to run when and as often as they need; spec_name is the spec's path as
 * the banners show it.  The spec and spec_name must outlive the outputs.
 * Returns 0 with *outs (n entries, owned by the caller: outputs_free), or
 * -1 when memory ran out.
 */
int outputs_plan(const struct spec *spec, const char *spec_name,
                 unsigned kinds, struct output **outs, size_t *n);

/* The same with the C outputs' options (--functions, --lookup); NULL
 * opts: the defaults, as outputs_plan. */
int outputs_plan_opts(const struct spec *spec, const char *spec_name,
                      unsigned kinds, const struct emit_opts *opts,
                      struct output **outs, size_t *n);

void outputs_free(struct output *outs, size_t n);

#endif
