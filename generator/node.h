/* SPDX-License-Identifier: MIT */
/*
 * node.h - the document tree the loader builds from YAML events.
 *
 * A deliberately small tree: scalars, sequences and mappings, each with the
 * 1-based position where it starts.  No anchors, aliases, tags or merge keys
 * exist here: the loader rejects them.  schema.c turns a tree into the spec
 * model.
 */
#ifndef STATUSGEN_NODE_H
#define STATUSGEN_NODE_H

#include "diag.h"

#include <stddef.h>

enum node_kind { NODE_SCALAR, NODE_SEQUENCE, NODE_MAPPING };

struct node {
    enum node_kind kind;
    struct sg_pos pos;
    /* scalar */
    char *text;             /* NUL-terminated; may hold NULs before len */
    size_t len;
    int plain;              /* written without quotes or block style */
    /* sequence: items[0..count); mapping: keys items[2i], values items[2i+1] */
    struct node **items;
    size_t count;           /* sequence items, or mapping pairs */
    size_t cap;             /* allocated slots in items */
    int open_key;           /* mapping being built: a key awaits its value */
    int streamed;           /* sequence whose items went to a node_stream:
                               count says how many, items is NULL */
};

/* Frees a tree that spec_parse returned (NULL is fine).  Every node of a
 * tree lives in one arena, freed at once. */
void node_free(struct node *root);

/* Returns the value for key in a mapping, or NULL. */
const struct node *node_get(const struct node *map, const char *key);

/*
 * Changing a tree (overlays merge trees, see overlay.c).  node_append adds
 * item to the sequence coll, or the key item and its value to the mapping
 * coll, where coll is in the tree whose root is root: new room for its
 * items comes from that tree's arena, so item and value may belong to
 * another tree, which must then live as long as this one.  Returns 0 or
 * -1 (out of memory).  node_remove takes out item i (a sequence) or pair
 * i (a mapping).
 */
int node_append(struct node *root, struct node *coll, struct node *item,
                struct node *value);
void node_remove(struct node *coll, size_t i);

/*
 * Limits that keep any input cheap; each has its own error message.  A
 * registry of 100,000 codes with descriptions in three languages is about
 * 45 MiB and 2.5 million nodes (the HTTP spec has 31 nodes per code); at
 * the node limit the tree takes about 500 MiB and a few seconds.
 */
#define SG_MAX_FILE_SIZE (64UL * 1024 * 1024)  /* bytes of spec */
#define SG_MAX_DEPTH 64                        /* nested collections */
#define SG_MAX_SCALAR (64UL * 1024)            /* bytes of one scalar */
#define SG_MAX_NODES 4000000UL                 /* nodes in one document */

/*
 * Reads the spec at path ("-" for standard input) into a new buffer of at
 * most SG_MAX_FILE_SIZE bytes.  Returns 0, or -1 after adding an error to
 * dl.  The caller frees *data with sg_free.
 */
int spec_read_file(const char *path, char **data, size_t *len,
                   struct diag_list *dl);

/*
 * Parses len bytes of YAML into a tree.  Checks that the text is UTF-8,
 * rejects anchors, aliases, tags, several documents, duplicate keys, keys
 * that are not scalars, and input over the limits above.  Returns 0 with
 * *root set (NULL for an empty document), or -1 with errors in dl; on -1,
 * *root may still hold a partial tree that the caller frees.
 */
int spec_parse(const char *data, size_t len, struct diag_list *dl,
               struct node **root);

/*
 * Hands the items of one long sequence to a consumer as they are read,
 * instead of keeping them in the tree: the sequence that is the value of
 * the first key named key in the top-level mapping.
 */
struct node_stream {
    const char *key;
    /* Called when that sequence starts, with the tree read so far (every
     * earlier top-level value complete); returns nonzero to stream. */
    int (*begin)(void *arg, const struct node *root);
    /* Called with each complete item, which is freed after the call. */
    void (*item)(void *arg, const struct node *item);
    void *arg;
};

/* spec_parse, streaming the sequence stream names (stream may be NULL).
 * Duplicate keys inside an item are reported before item() sees it. */
int spec_parse_stream(const char *data, size_t len, struct diag_list *dl,
                      const struct node_stream *stream, struct node **root);

/* spec_parse_stream for a file whose lines are numbered from base + 1 in
 * positions (a spec that another extends: see diag_add_file). */
int spec_parse_at(const char *data, size_t len, int base,
                  struct diag_list *dl, const struct node_stream *stream,
                  struct node **root);

#endif
