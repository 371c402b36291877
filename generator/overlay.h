/* SPDX-License-Identifier: MIT */
/*
 * overlay.h - specs that extend other specs ('extends: base.yaml').
 *
 * An overlay names the spec it builds on, and says only what differs:
 * codes added, changed or removed ('remove'), registry values replaced,
 * languages, classes, traits, sources and fields added or changed.  The
 * files are read into document trees and merged into one tree, which
 * schema.c then builds as if it were one spec: every value keeps the
 * position it was read from (see struct sg_pos), so every diagnostic
 * names the file and line the value came from.
 */
#ifndef STATUSGEN_OVERLAY_H
#define STATUSGEN_OVERLAY_H

#include "alloc.h"
#include "diag.h"
#include "model.h"
#include "node.h"

#define SG_MAX_EXTENDS 8  /* specs one spec may build on, in a chain */

/* How the specs an overlay names are read. */
struct spec_reader {
    /* Reads the spec named path into a new buffer, with spec_read_file's
     * contract (errors without a position in dl). */
    int (*read)(void *arg, const char *path, char **data, size_t *len,
                struct diag_list *dl);
    void *arg;
    /* Paths are git's REV:PATH: a base named beside a spec at the top of
     * the tree keeps the REV: of the spec that names it. */
    int rev_paths;
};

/* The trees an overlay's merged tree is made of, and its own nodes. */
struct overlay {
    struct node **trees;
    size_t ntrees, cap;
    struct sg_arena arena;
};

void overlay_init(struct overlay *ov);
/* Frees every tree (the merged tree too). */
void overlay_free(struct overlay *ov);

/*
 * *root is the tree of the spec read from path, whose lines end at line
 * lines, and it has 'extends'.  Reads the spec it extends (relative to
 * path's directory), and that one's, up to SG_MAX_EXTENDS, with rd; then
 * merges each spec into the one it extends, the last first, and sets
 * *root to the result.  ov takes *root over, and owns every tree (free
 * them with overlay_free after the spec is built).  Each file read is
 * added to spec->inputs and to dl's files (its lines numbered after the
 * previous file's).  Returns 0 with a merged tree, which may come with
 * errors in dl (a removed code that the base does not have), or -1 with
 * errors in dl and no tree (a cycle, a chain too long, a file that cannot
 * be read or parsed).
 */
int overlay_merge(struct overlay *ov, const char *path, int lines,
                  struct node **root, const struct spec_reader *rd,
                  struct spec *spec, struct diag_list *dl);

/*
 * spec_load_text with the specs it extends read by rd: loads the spec in
 * data (len bytes, which it takes and frees) that path names.
 */
int spec_load_from(const char *path, char *data, size_t len,
                   const struct spec_reader *rd, struct spec *spec,
                   struct diag_list *dl);

/* Adds name to spec->inputs (a copy in the spec's texts); 0 or -1. */
int spec_add_input(struct spec *spec, const char *name);

/* The number of lines of len bytes of text (as the loader counts them). */
int text_lines(const char *data, size_t len);

#endif
