/* SPDX-License-Identifier: MIT */
/*
 * naive.c - the baseline every lookup is compared with: one array of
 * {code, name, phrase} rows scanned from the start, strcmp for names and
 * an ASCII case-insensitive compare for phrases.  Built from the same
 * HTTP_STATUS_LIST, so it knows exactly the codes the generated code knows.
 * A file of its own, so the compiler cannot inline it into the driver.
 */
#include "naive.h"

#include "http_status.h"

#include <stddef.h>
#include <string.h>

struct naive_row {
    int code;
    const char *name;
    const char *phrase;
};

#define NAIVE_ROW(n, c, p) {c, #n, p},
static const struct naive_row naive_rows[] = {
    HTTP_STATUS_LIST(NAIVE_ROW)
};
#define NAIVE_ROWS (sizeof naive_rows / sizeof naive_rows[0])

const char *naive_reason(int code)
{
    size_t i;

    for (i = 0; i < NAIVE_ROWS; i++)
        if (naive_rows[i].code == code)
            return naive_rows[i].phrase;
    return NULL;
}

const char *naive_name(int code)
{
    size_t i;

    for (i = 0; i < NAIVE_ROWS; i++)
        if (naive_rows[i].code == code)
            return naive_rows[i].name;
    return NULL;
}

int naive_from_name(const char *name)
{
    size_t i;

    if (name == NULL)
        return -1;
    for (i = 0; i < NAIVE_ROWS; i++)
        if (strcmp(naive_rows[i].name, name) == 0)
            return naive_rows[i].code;
    return -1;
}

/* ASCII case-insensitive equality, independent of the locale. */
static int naive_equal_nocase(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;

        if (x >= 'A' && x <= 'Z')
            x += 'a' - 'A';
        if (y >= 'A' && y <= 'Z')
            y += 'a' - 'A';
        if (x != y)
            return 0;
        if (x == 0)
            return 1;
    }
}

int naive_from_reason(const char *phrase)
{
    size_t i;

    if (phrase == NULL)
        return -1;
    for (i = 0; i < NAIVE_ROWS; i++)
        if (naive_equal_nocase(naive_rows[i].phrase, phrase))
            return naive_rows[i].code;
    return -1;
}
