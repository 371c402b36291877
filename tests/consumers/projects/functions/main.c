/*
 * main.c - uses the two lookups generated, and takes the names of two
 * others for itself: had the header declared them, this would not
 * compile.
 */
#include "http_status.h"

#include <stdio.h>
#include <string.h>

static int http_status_name = 1;
static int http_status_from_name = 2;

int main(void)
{
    if (strcmp(http_status_reason(404), "Not Found") != 0 ||
        http_status_from_reason("not found") != 404 ||
        http_status_name + http_status_from_name != 3) {
        fputs("wrong answer\n", stderr);
        return 1;
    }
    return 0;
}
