/*
 * first.c - one of two files that each take a private copy of the
 * single header's definitions (HTTP_STATUS_STATIC) and call some of the
 * lookups; together with second.c one program.
 */
#define HTTP_STATUS_STATIC
#include "http_status_single.h"

#include <string.h>

int first_check(void);

int first_check(void)
{
    return strcmp(http_status_reason(404), "Not Found") == 0 &&
           http_status_from_name("NOT_FOUND") == 404 &&
           http_status_codes[0] == 100;
}
