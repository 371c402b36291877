/* SPDX-License-Identifier: MIT */
/*
 * sha256.c - SHA-256 as FIPS 180-4 defines it (see sha256.h).
 *
 * Plain C99, no assumption about the host's byte order or the width of
 * unsigned long beyond 32 bits: every word is masked to 32 bits.
 */
#include "sha256.h"

#include <string.h>

#define M32 0xffffffffUL
#define ROTR(x, n) ((((x) >> (n)) | ((x) << (32 - (n)))) & M32)

static const unsigned long k[64] = {
    0x428a2f98UL, 0x71374491UL, 0xb5c0fbcfUL, 0xe9b5dba5UL, 0x3956c25bUL,
    0x59f111f1UL, 0x923f82a4UL, 0xab1c5ed5UL, 0xd807aa98UL, 0x12835b01UL,
    0x243185beUL, 0x550c7dc3UL, 0x72be5d74UL, 0x80deb1feUL, 0x9bdc06a7UL,
    0xc19bf174UL, 0xe49b69c1UL, 0xefbe4786UL, 0x0fc19dc6UL, 0x240ca1ccUL,
    0x2de92c6fUL, 0x4a7484aaUL, 0x5cb0a9dcUL, 0x76f988daUL, 0x983e5152UL,
    0xa831c66dUL, 0xb00327c8UL, 0xbf597fc7UL, 0xc6e00bf3UL, 0xd5a79147UL,
    0x06ca6351UL, 0x14292967UL, 0x27b70a85UL, 0x2e1b2138UL, 0x4d2c6dfcUL,
    0x53380d13UL, 0x650a7354UL, 0x766a0abbUL, 0x81c2c92eUL, 0x92722c85UL,
    0xa2bfe8a1UL, 0xa81a664bUL, 0xc24b8b70UL, 0xc76c51a3UL, 0xd192e819UL,
    0xd6990624UL, 0xf40e3585UL, 0x106aa070UL, 0x19a4c116UL, 0x1e376c08UL,
    0x2748774cUL, 0x34b0bcb5UL, 0x391c0cb3UL, 0x4ed8aa4aUL, 0x5b9cca4fUL,
    0x682e6ff3UL, 0x748f82eeUL, 0x78a5636fUL, 0x84c87814UL, 0x8cc70208UL,
    0x90befffaUL, 0xa4506cebUL, 0xbef9a3f7UL, 0xc67178f2UL};

void sha256_init(struct sha256 *h)
{
    static const unsigned long iv[8] = {
        0x6a09e667UL, 0xbb67ae85UL, 0x3c6ef372UL, 0xa54ff53aUL,
        0x510e527fUL, 0x9b05688cUL, 0x1f83d9abUL, 0x5be0cd19UL};

    memcpy(h->state, iv, sizeof iv);
    h->fill = 0;
    h->length = 0;
}

/* Mixes one 64-byte block into the state. */
static void sha256_block(struct sha256 *h, const unsigned char *p)
{
    unsigned long w[64], s[8], t1, t2;
    int i;

    for (i = 0; i < 16; i++)
        w[i] = ((unsigned long)p[4 * i] << 24) |
               ((unsigned long)p[4 * i + 1] << 16) |
               ((unsigned long)p[4 * i + 2] << 8) | p[4 * i + 3];
    for (i = 16; i < 64; i++) {
        unsigned long s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^
                           (w[i - 15] >> 3);
        unsigned long s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^
                           (w[i - 2] >> 10);

        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) & M32;
    }
    memcpy(s, h->state, sizeof s);
    for (i = 0; i < 64; i++) {
        t1 = (s[7] + (ROTR(s[4], 6) ^ ROTR(s[4], 11) ^ ROTR(s[4], 25)) +
              ((s[4] & s[5]) ^ (~s[4] & s[6])) + k[i] + w[i]) & M32;
        t2 = ((ROTR(s[0], 2) ^ ROTR(s[0], 13) ^ ROTR(s[0], 22)) +
              ((s[0] & s[1]) ^ (s[0] & s[2]) ^ (s[1] & s[2]))) & M32;
        s[7] = s[6];
        s[6] = s[5];
        s[5] = s[4];
        s[4] = (s[3] + t1) & M32;
        s[3] = s[2];
        s[2] = s[1];
        s[1] = s[0];
        s[0] = (t1 + t2) & M32;
    }
    for (i = 0; i < 8; i++)
        h->state[i] = (h->state[i] + s[i]) & M32;
}

void sha256_update(struct sha256 *h, const void *data, size_t len)
{
    const unsigned char *p = (const unsigned char *)data;

    h->length += len;
    while (len > 0) {
        size_t take = 64 - h->fill;

        if (take > len)
            take = len;
        memcpy(h->block + h->fill, p, take);
        h->fill += take;
        p += take;
        len -= take;
        if (h->fill == 64) {
            sha256_block(h, h->block);
            h->fill = 0;
        }
    }
}

void sha256_final(struct sha256 *h, unsigned char digest[SHA256_DIGEST])
{
    unsigned long long bits = h->length * 8;
    unsigned char pad = 0x80;
    int i;

    sha256_update(h, &pad, 1);
    pad = 0;
    while (h->fill != 56)
        sha256_update(h, &pad, 1);
    for (i = 0; i < 8; i++)
        h->block[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
    sha256_block(h, h->block);
    for (i = 0; i < 8; i++) {
        digest[4 * i] = (unsigned char)(h->state[i] >> 24);
        digest[4 * i + 1] = (unsigned char)(h->state[i] >> 16);
        digest[4 * i + 2] = (unsigned char)(h->state[i] >> 8);
        digest[4 * i + 3] = (unsigned char)h->state[i];
    }
}
