/*
 * check_long.c - the long texts of mkspec.sh come back whole from the
 * generated lookups (pools cut into pieces of C90's size).  Returns
 * nonzero on the first wrong answer.
 */
#include "lt.h"

#include <stdio.h>
#include <string.h>

static char want[2048];

/* want = s repeated n times. */
static char *repeat(const char *s, int n)
{
    size_t len = strlen(s);
    int i;

    for (i = 0; i < n; i++)
        memcpy(want + len * (size_t)i, s, len);
    want[len * (size_t)n] = '\0';
    return want;
}

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,          \
                    __LINE__, #cond);                                      \
            return 1;                                                      \
        }                                                                  \
    } while (0)

int main(void)
{
    /* "Long " 39 times, then "End". */
    CHECK(strcmp(lt_reason(2), strcat(repeat("Long ", 39), "End")) == 0);
    CHECK(lt_from_reason(strcat(repeat("LONG ", 39), "eND")) == 2);
    CHECK(strcmp(lt_description(2, "en"), repeat("abcdefghij", 120)) == 0);
    CHECK(strcmp(lt_description(2, "ru"), repeat("\320\226", 700)) == 0);
    CHECK(strcmp(lt_description(1, "ru"), "\320\236") == 0);
    CHECK(strcmp(lt_description(3, "en"), "Three.") == 0);
    CHECK(strcmp(lt_reason(3), "After") == 0);
    return 0;
}
