/*
 * main.c - checks the generated Gemini registry (single-header form, its
 * definitions in gemini_impl.c) and the HTTP library built alongside.
 * Exits 0 when every check passes.
 */
#include "gemini_status_single.h" /* declarations only here */
#include "http_status.h"          /* from statusgen::http_status */

#include <stdio.h>
#include <string.h>

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "gemini_example: FAILED: %s\n", what);
        failures++;
    }
}

static int same(const char *a, const char *b)
{
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

int main(void)
{
    int i;

    check(same(gemini_status_reason(GEMINI_SLOW_DOWN), "Slow down"),
          "reason of 44");
    check(same(gemini_status_name(51), "NOT_FOUND"), "name of 51");
    check(gemini_status_class_of(31) == GEMINI_CLASS_REDIRECT, "class of 31");
    check(gemini_status_class_of(7) == GEMINI_CLASS_NONE,
          "class outside the range");
    check((gemini_status_traits(40) & GEMINI_TRAIT_RETRY) != 0,
          "40 may be retried");
    check(gemini_status_from_reason("CLIENT CERTIFICATE REQUIRED") == 60,
          "from_reason");
    check(gemini_status_is_known(21) == 0, "21 is not registered");
    for (i = 1; i < GEMINI_COUNT; i++)
        check(gemini_status_codes[i - 1] < gemini_status_codes[i],
              "codes ascending");

    /* The same name means different codes in the two registries. */
    check(gemini_status_from_name("NOT_FOUND") == 51, "Gemini NOT_FOUND");
    check(http_status_from_name("NOT_FOUND") == 404, "HTTP NOT_FOUND");

    if (failures == 0)
        printf("gemini_example: %d Gemini codes, all checks passed\n",
               GEMINI_COUNT);
    return failures == 0 ? 0 : 1;
}
