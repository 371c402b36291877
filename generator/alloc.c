/* SPDX-License-Identifier: MIT */
/*
 * alloc.c - the generator's allocator (see alloc.h).
 */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

static unsigned long fail_at;   /* 0: never fail; else the failing call */
static unsigned long calls;     /* allocations since sg_alloc_fail_at() */

int sg_alloc_should_fail(void)
{
#ifdef STATUSGEN_FAULT_INJECTION
    calls++;
    return fail_at != 0 && calls >= fail_at;
#else
    return 0;
#endif
}

void sg_alloc_fail_at(unsigned long n)
{
    fail_at = n;
    calls = 0;
}

unsigned long sg_alloc_count(void)
{
    return calls;
}

void *sg_malloc(size_t size)
{
    if (sg_alloc_should_fail())
        return NULL;
    return malloc(size ? size : 1);
}

void *sg_calloc(size_t count, size_t size)
{
    if (sg_alloc_should_fail())
        return NULL;
    return calloc(count ? count : 1, size ? size : 1);
}

void *sg_realloc(void *ptr, size_t size)
{
    if (sg_alloc_should_fail())
        return NULL;
    return realloc(ptr, size ? size : 1);
}

void sg_free(void *ptr)
{
    free(ptr);
}

char *sg_strndup(const char *s, size_t len)
{
    char *copy = (char *)sg_malloc(len + 1);

    if (copy == NULL)
        return NULL;
    if (len)
        memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

char *sg_strdup(const char *s)
{
    return s ? sg_strndup(s, strlen(s)) : NULL;
}

int sg_grow(void **items, size_t *cap, size_t need, size_t elem_size)
{
    size_t ncap;
    void *p;

    if (need <= *cap)
        return 0;
    ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > ((size_t)-1) / 2 / elem_size)
            return -1;
        ncap *= 2;
    }
    p = sg_realloc(*items, ncap * elem_size);
    if (p == NULL)
        return -1;
    *items = p;
    *cap = ncap;
    return 0;
}

/* A chunk's header; its bytes follow, aligned like the header. */
struct sg_arena_chunk {
    struct sg_arena_chunk *prev;
    size_t size;                   /* bytes after the header */
    union {                        /* aligns what follows */
        long double ld;
        void *p;
        long long ll;
    } align;
};

#define ARENA_CHUNK (64 * 1024 - sizeof(struct sg_arena_chunk))
#define ARENA_ALIGN (sizeof(((struct sg_arena_chunk *)0)->align))

static char *chunk_bytes(struct sg_arena_chunk *c)
{
    return (char *)&c->align;
}

void sg_arena_init(struct sg_arena *a)
{
    a->chunk = NULL;
    a->spare = NULL;
    a->used = 0;
}

void sg_arena_free(struct sg_arena *a)
{
    while (a->chunk) {
        struct sg_arena_chunk *prev = a->chunk->prev;

        sg_free(a->chunk);
        a->chunk = prev;
    }
    sg_free(a->spare);
    sg_arena_init(a);
}

/* Takes size bytes from the arena, aligned to align (a power of 2). */
static void *arena_take(struct sg_arena *a, size_t size, size_t align)
{
    struct sg_arena_chunk *c;
    size_t start = (a->used + align - 1) & ~(align - 1);

    if (a->chunk && start <= a->chunk->size &&
        size <= a->chunk->size - start) {
        a->used = start + size;
        return chunk_bytes(a->chunk) + start;
    }
    if (a->spare && size <= a->spare->size) {
        c = a->spare;
        a->spare = NULL;
    } else {
        /* A block larger than a quarter chunk gets a chunk of its own. */
        size_t bytes = size > ARENA_CHUNK / 4 ? size : ARENA_CHUNK;

        if (bytes > ((size_t)-1) - sizeof *c)
            return NULL;
        c = (struct sg_arena_chunk *)sg_malloc(
            offsetof(struct sg_arena_chunk, align) + bytes);
        if (c == NULL)
            return NULL;
        c->size = bytes;
    }
    c->prev = a->chunk;
    a->chunk = c;
    a->used = size;
    return chunk_bytes(c);
}

void *sg_arena_alloc(struct sg_arena *a, size_t size)
{
    return arena_take(a, size ? size : 1, ARENA_ALIGN);
}

void *sg_arena_calloc(struct sg_arena *a, size_t size)
{
    void *p = sg_arena_alloc(a, size);

    if (p)
        memset(p, 0, size);
    return p;
}

char *sg_arena_strndup(struct sg_arena *a, const char *s, size_t len)
{
    char *copy;

    if (len == (size_t)-1 || (copy = (char *)arena_take(a, len + 1, 1)) == NULL)
        return NULL;
    if (len)
        memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

struct sg_arena_mark sg_arena_mark(const struct sg_arena *a)
{
    struct sg_arena_mark m;

    m.chunk = a->chunk;
    m.used = a->used;
    return m;
}

void sg_arena_release(struct sg_arena *a, struct sg_arena_mark m)
{
    while (a->chunk != m.chunk) {
        struct sg_arena_chunk *c = a->chunk;

        a->chunk = c->prev;
        /* Keep one standard chunk: a block that keeps crossing a chunk
         * boundary would otherwise allocate and free one each time. */
        if (a->spare == NULL && c->size == ARENA_CHUNK)
            a->spare = c;
        else
            sg_free(c);
    }
    a->used = m.used;
}
