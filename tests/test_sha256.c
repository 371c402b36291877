/* SPDX-License-Identifier: MIT */
/*
 * test_sha256.c - the spec identity's hash against FIPS 180-4's examples.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "sha256.h"

#include <stdio.h>
#include <string.h>

/* The digest of len bytes of data, fed in pieces of step bytes, as hex. */
static void hex_digest(const char *data, size_t len, size_t step,
                       char hex[2 * SHA256_DIGEST + 1])
{
    struct sha256 h;
    unsigned char d[SHA256_DIGEST];
    size_t i;

    sha256_init(&h);
    for (i = 0; i < len; i += step)
        sha256_update(&h, data + i, len - i < step ? len - i : step);
    sha256_final(&h, d);
    for (i = 0; i < SHA256_DIGEST; i++)
        sprintf(hex + 2 * i, "%02x", d[i]);
}

static void test_sha256_fips_examples(void **state)
{
    static const char two_blocks[] =
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    char hex[2 * SHA256_DIGEST + 1];
    size_t step;

    (void)state;
    hex_digest("", 0, 1, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
                             "27ae41e4649b934ca495991b7852b855");
    hex_digest("abc", 3, 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
                             "b00361a396177a9cb410ff61f20015ad");
    /* the same digest however the input is cut */
    for (step = 1; step <= 64; step++) {
        hex_digest(two_blocks, strlen(two_blocks), step, hex);
        assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039"
                                 "a33ce45964ff2167f6ecedd419db06c1");
    }
}

static void test_sha256_million_a(void **state)
{
    static char a[1000];
    struct sha256 h;
    unsigned char d[SHA256_DIGEST];
    char hex[2 * SHA256_DIGEST + 1];
    size_t i;

    (void)state;
    memset(a, 'a', sizeof a);
    sha256_init(&h);
    for (i = 0; i < 1000; i++)
        sha256_update(&h, a, sizeof a);
    sha256_final(&h, d);
    for (i = 0; i < SHA256_DIGEST; i++)
        sprintf(hex + 2 * i, "%02x", d[i]);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
                             "f1809a48a497200e046d39ccc7112cd0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_fips_examples),
        cmocka_unit_test(test_sha256_million_a),
    };

    return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
