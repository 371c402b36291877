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
