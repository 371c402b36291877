/* SPDX-License-Identifier: MIT */
/*
 * sha256.h - SHA-256 (FIPS 180-4) over a stream of bytes.
 *
 *     struct sha256 h;
 *     sha256_init(&h);
 *     sha256_update(&h, data, len);   (any number of times)
 *     sha256_final(&h, digest);       (32 bytes)
 */
#ifndef STATUSGEN_SHA256_H
#define STATUSGEN_SHA256_H

#include <stddef.h>

#define SHA256_DIGEST 32

struct sha256 {
    unsigned long state[8];    /* the chaining value, 32 bits in each */
    unsigned char block[64];   /* the bytes of a partial block */
    size_t fill;               /* how many of block are in use */
    unsigned long long length; /* bytes hashed so far */
};

void sha256_init(struct sha256 *h);
void sha256_update(struct sha256 *h, const void *data, size_t len);

/* Pads, and writes the digest; h must be initialised again to be reused. */
void sha256_final(struct sha256 *h, unsigned char digest[SHA256_DIGEST]);

#endif
