/* SPDX-License-Identifier: MIT */
/*
 * alloc.h - the generator's allocator.
 *
 * Every allocation of the generator goes through these functions.  They
 * return NULL on failure and never abort: callers report "out of memory" and
 * unwind.  A build with STATUSGEN_FAULT_INJECTION defined can make the n-th
 * allocation fail (see sg_alloc_fail_at), which the allocation-failure tests
 * use to walk every allocation of a real run.
 */
#ifndef STATUSGEN_ALLOC_H
#define STATUSGEN_ALLOC_H

#include <stddef.h>

void *sg_malloc(size_t size);
void *sg_calloc(size_t count, size_t size);
void *sg_realloc(void *ptr, size_t size);
void sg_free(void *ptr);

/* Copies len bytes of s into a new NUL-terminated string; NULL on failure. */
char *sg_strndup(const char *s, size_t len);
/* Copies a NUL-terminated string; NULL on failure (or when s is NULL). */
char *sg_strdup(const char *s);

/*
 * Grows *items (each of elem_size bytes) so that it holds at least need
 * elements; *cap is the current capacity.  Returns 0 or -1 (out of memory,
 * nothing changed).
 */
int sg_grow(void **items, size_t *cap, size_t need, size_t elem_size);

/*
 * An arena: many small blocks taken from a few large chunks and freed all
 * at once.  Chunks come from sg_malloc, so an allocation failure in an
 * arena is an ordinary one (NULL, and the fault-injection walk sees it).
 * A mark and release give the memory taken after the mark back for reuse.
 */
struct sg_arena_chunk;

struct sg_arena {
    struct sg_arena_chunk *chunk;  /* the current chunk, newest first */
    struct sg_arena_chunk *spare;  /* one released chunk, kept for reuse */
    size_t used;                   /* bytes used in the current chunk */
};

struct sg_arena_mark {
    struct sg_arena_chunk *chunk;
    size_t used;
};

void sg_arena_init(struct sg_arena *a);
/* Frees every chunk; the arena is empty and usable again. */
void sg_arena_free(struct sg_arena *a);
/* size bytes aligned for any object; NULL when memory runs out. */
void *sg_arena_alloc(struct sg_arena *a, size_t size);
/* size zeroed bytes, aligned; NULL when memory runs out. */
void *sg_arena_calloc(struct sg_arena *a, size_t size);
/* A NUL-terminated copy of len bytes of s; NULL when memory runs out. */
char *sg_arena_strndup(struct sg_arena *a, const char *s, size_t len);
/* Remembers how much of the arena is in use ... */
struct sg_arena_mark sg_arena_mark(const struct sg_arena *a);
/* ... and frees what was taken since (blocks from before stay valid). */
void sg_arena_release(struct sg_arena *a, struct sg_arena_mark m);

/*
 * Fault injection (only in a STATUSGEN_FAULT_INJECTION build; a no-op
 * otherwise): the n-th allocation from now on (1-based) fails, and every one
 * after it too; 0 turns it off.  sg_alloc_count() tells how many allocations
 * were made since the last call of sg_alloc_fail_at().
 */
void sg_alloc_fail_at(unsigned long n);
unsigned long sg_alloc_count(void);

/* Hook for the fault-injection build: returns 1 when this allocation fails. */
int sg_alloc_should_fail(void);

#endif
