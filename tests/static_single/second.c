/*
 * second.c - the other file with its own static copy (see first.c), and
 * main.  Calls other lookups than first.c, so that each file leaves most
 * of its copy unused.
 */
#define HTTP_STATUS_STATIC
#include "http_status_single.h"

#include <stdio.h>
#include <string.h>

int first_check(void);

int main(void)
{
    if (!first_check()) {
        fputs("first.c: wrong answer\n", stderr);
        return 1;
    }
    if (http_status_class_of(503) != HTTP_STATUS_CLASS_SERVER_ERROR ||
        http_status_from_reason("not found") != 404 ||
        strcmp(http_status_name(200), "OK") != 0) {
        fputs("second.c: wrong answer\n", stderr);
        return 1;
    }
    return 0;
}
