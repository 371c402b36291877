/*
 * check_lookups.c - checks lk_from_name() and lk_from_reason() of a
 * generated lk registry against a linear scan of LK_LIST: every key, its
 * phrases in other cases, every prefix, extensions and one-byte changes
 * (including the non-letters that differ from a key's byte only in bit
 * 0x20), "" and NULL.  Each input sits at the very end of a buffer of its
 * own size, so a lookup that reads past the NUL trips AddressSanitizer.
 * Exits 1 and names each mismatch.
 */
#include "lk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct key {
    const char *name;
    int code;
    const char *phrase;
};

#define ROW(N, c, ph) {#N, c, ph},
static const struct key keys[] = {LK_LIST(ROW)};
#define NKEYS (sizeof keys / sizeof keys[0])

static unsigned long failures, checked;

static int fold(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int same_nocase(const char *a, const char *b)
{
    for (; *a && fold((unsigned char)*a) == fold((unsigned char)*b); a++, b++)
        ;
    return fold((unsigned char)*a) == fold((unsigned char)*b);
}

/* What a lookup must answer for s: the code of the key it equals. */
static int oracle(const char *s, int phrase)
{
    size_t i;

    for (i = 0; i < NKEYS; i++) {
        if (phrase ? same_nocase(s, keys[i].phrase)
                   : strcmp(s, keys[i].name) == 0)
            return keys[i].code;
    }
    return -1;
}

static void check(const char *s, size_t n, int phrase)
{
    char *copy = (char *)malloc(n + 1);
    int got, want;

    if (copy == NULL) {
        printf("FAIL: out of memory\n");
        exit(1);
    }
    memcpy(copy, s, n);
    copy[n] = '\0';
    got = phrase ? lk_from_reason(copy) : lk_from_name(copy);
    want = oracle(copy, phrase);
    checked++;
    if (got != want) {
        size_t i;

        failures++;
        printf("FAIL lk_from_%s(\"", phrase ? "reason" : "name");
        for (i = 0; i < n; i++)
            printf((unsigned char)copy[i] < 0x20 ||
                   (unsigned char)copy[i] >= 0x7f ? "\\x%02X" : "%c",
                   (unsigned)(unsigned char)copy[i]);
        printf("\") = %d, want %d\n", got, want);
    }
    free(copy);
}

/* The key, its prefixes, extensions and one-byte changes. */
static void variants(const char *k, int phrase)
{
    static const unsigned char bytes[] = {
        0x01, 0x09, 0x0D, 0x20, 0x2D, 0x30, 0x40, 0x5B, 0x5F, 0x60, 0x7B,
        0x7E, 0x7F, 0x80, 0xFF, 'A', 'a', 'Z', 'z'
    };
    char buf[256];
    size_t n = strlen(k), i, j;

    if (n + 2 > sizeof buf)
        return;
    check(k, n, phrase);
    for (i = 0; i < n; i++)
        check(k, i, phrase);
    memcpy(buf, k, n);
    for (j = 0; j < sizeof bytes; j++) {
        buf[n] = (char)bytes[j];
        check(buf, n + 1, phrase);
    }
    for (i = 0; i < n; i++) {
        int c = (unsigned char)k[i];

        memcpy(buf, k, n);
        for (j = 0; j < sizeof bytes; j++) {
            buf[i] = (char)bytes[j];
            check(buf, n, phrase);
        }
        buf[i] = (char)(c ^ 0x20);
        check(buf, n, phrase);
        buf[i] = (char)(c + 1);
        check(buf, n, phrase);
    }
}

int main(void)
{
    size_t i;

    if (lk_from_name(NULL) != -1 || lk_from_reason(NULL) != -1) {
        printf("FAIL: NULL is not -1\n");
        failures++;
    }
    check("", 0, 0);
    check("", 0, 1);
    for (i = 0; i < NKEYS; i++) {
        char up[256], low[256];
        size_t j, n = strlen(keys[i].phrase);

        if (lk_from_name(keys[i].name) != keys[i].code) {
            printf("FAIL: the name %s is not found\n", keys[i].name);
            failures++;
        }
        variants(keys[i].name, 0);
        variants(keys[i].phrase, 1);
        if (n < sizeof up) {
            for (j = 0; j <= n; j++) {
                int c = (unsigned char)keys[i].phrase[j];

                up[j] = (char)(c >= 'a' && c <= 'z' ? c - 0x20 : c);
                low[j] = (char)fold(c);
            }
            if (lk_from_reason(up) != keys[i].code ||
                lk_from_reason(low) != keys[i].code) {
                printf("FAIL: \"%s\" in upper or lower case is not found\n",
                       keys[i].phrase);
                failures++;
            }
        }
    }
    printf("%lu lookups of %lu keys checked, %lu failures\n", checked,
           (unsigned long)NKEYS, failures);
    return failures ? 1 : 0;
}
