/*
 * check_emission.c - compares every text the generated lookups of the
 * emission_safety fixture return with the spec's bytes (expected.h, made
 * by expect_gen from the YAML), and the reverse lookups.  Exits 1 and
 * names each mismatch.
 */
#include "tricky.h"
#include "expected.h"

#include <stdio.h>
#include <string.h>

static int failures;

/* Compares one returned text with the expected bytes. */
static void same(const char *what, int code, const char *lang,
                 const char *got, const char *want)
{
    size_t i;

    if (got == NULL && want == NULL)
        return;
    if (got == NULL || want == NULL || strcmp(got, want) != 0) {
        failures++;
        printf("FAIL %s(%d%s%s): ", what, code, lang ? ", " : "",
               lang ? lang : "");
        if (got == NULL || want == NULL) {
            printf("got %s, want %s\n", got ? "text" : "NULL",
                   want ? "text" : "NULL");
            return;
        }
        for (i = 0; got[i] && got[i] == want[i]; i++)
            ;
        printf("differs at byte %lu (got 0x%02X, want 0x%02X)\n",
               (unsigned long)i, (unsigned)(unsigned char)got[i],
               (unsigned)(unsigned char)want[i]);
    }
}

int main(void)
{
    size_t i, j, n = sizeof expect_codes / sizeof expect_codes[0];
    unsigned long checked = 0;

    if (n != TRICKY_COUNT) {
        printf("FAIL: %lu codes in the spec, TRICKY_COUNT is %d\n",
               (unsigned long)n, TRICKY_COUNT);
        return 1;
    }
    for (i = 0; i < n; i++) {
        const struct expect_code *e = &expect_codes[i];

        same("tricky_name", e->code, NULL, tricky_name(e->code), e->name);
        same("tricky_reason", e->code, NULL, tricky_reason(e->code),
             e->phrase);
        for (j = 0; j < EXPECT_NLANG; j++)
            same("tricky_description", e->code, expect_langs[j],
                 tricky_description(e->code, expect_langs[j]), e->desc[j]);
        same("tricky_description", e->code, "NULL",
             tricky_description(e->code, NULL), e->desc[0]);
        if (tricky_from_name(e->name) != e->code) {
            failures++;
            printf("FAIL tricky_from_name(%s) = %d, want %d\n", e->name,
                   tricky_from_name(e->name), e->code);
        }
        if (tricky_from_reason(e->phrase) != e->code) {
            failures++;
            printf("FAIL tricky_from_reason of code %d's phrase = %d\n",
                   e->code, tricky_from_reason(e->phrase));
        }
        if (!tricky_is_known(e->code)) {
            failures++;
            printf("FAIL tricky_is_known(%d) = 0\n", e->code);
        }
        checked += 5 + EXPECT_NLANG;
    }
    for (i = 0; expect_aliases[i]; i++) {
        if (tricky_from_name(expect_aliases[i]) != expect_alias_codes[i]) {
            failures++;
            printf("FAIL tricky_from_name(alias %s) = %d, want %d\n",
                   expect_aliases[i], tricky_from_name(expect_aliases[i]),
                   expect_alias_codes[i]);
        }
        checked++;
    }
    printf("%lu checks, %d failure%s\n", checked, failures,
           failures == 1 ? "" : "s");
    return failures != 0;
}
