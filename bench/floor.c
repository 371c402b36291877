/* SPDX-License-Identifier: MIT */
/*
 * floor.c - the floor every lookup by code is compared with: what one
 * would write by hand, one array per result indexed by code - 100 over the
 * registry's range 100..599, a bounds check and a load.  The arrays of
 * texts hold pointers (a shared object pays a relocation per entry, which
 * the generated code does not).  Phrases and names come from
 * HTTP_STATUS_LIST; traits, classes and descriptions, which the X-macro
 * does not carry, are copied from the generated functions by floor_init
 * (before anything is counted).  A file of its own, so the compiler cannot
 * inline it into the driver.
 */
#include "floor.h"

#include "http_status.h"

#include <stddef.h>

#define FLOOR_LO 100
#define FLOOR_N 500

#define FLOOR_PHRASE(n, c, p) [c - FLOOR_LO] = p,
#define FLOOR_NAME(n, c, p) [c - FLOOR_LO] = #n,
#define FLOOR_KNOWN(n, c, p) [c - FLOOR_LO] = 1,
static const char *const floor_phrases[FLOOR_N] = {
    HTTP_STATUS_LIST(FLOOR_PHRASE)
};
static const char *const floor_names[FLOOR_N] = {
    HTTP_STATUS_LIST(FLOOR_NAME)
};
static const unsigned char floor_known[FLOOR_N] = {
    HTTP_STATUS_LIST(FLOOR_KNOWN)
};
static unsigned short floor_trait_bits[FLOOR_N];
static unsigned char floor_classes[FLOOR_N];
static const char *floor_descs[FLOOR_N];

void floor_init(void)
{
    int i;

    for (i = 0; i < FLOOR_N; i++) {
        floor_trait_bits[i] = (unsigned short)http_status_traits(FLOOR_LO + i);
        floor_classes[i] = (unsigned char)http_status_class_of(FLOOR_LO + i);
        floor_descs[i] = http_status_description(FLOOR_LO + i, NULL);
    }
}

const char *floor_reason(int code)
{
    unsigned i = (unsigned)code - FLOOR_LO;

    return i < FLOOR_N ? floor_phrases[i] : NULL;
}

const char *floor_name(int code)
{
    unsigned i = (unsigned)code - FLOOR_LO;

    return i < FLOOR_N ? floor_names[i] : NULL;
}

unsigned floor_traits(int code)
{
    unsigned i = (unsigned)code - FLOOR_LO;

    return i < FLOOR_N ? floor_trait_bits[i] : 0u;
}

int floor_is_known(int code)
{
    unsigned i = (unsigned)code - FLOOR_LO;

    return i < FLOOR_N ? floor_known[i] : 0;
}

int floor_class_of(int code)
{
    unsigned i = (unsigned)code - FLOOR_LO;

    return i < FLOOR_N ? floor_classes[i] : 0;
}

const char *floor_description(int code)
{
    unsigned i = (unsigned)code - FLOOR_LO;

    return i < FLOOR_N ? floor_descs[i] : NULL;
}
