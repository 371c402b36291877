/*
 * main.c - checks the HTTP status registry as vendored from statusgen's
 * output/ (or as installed, found with pkg-config).  C89, so that it builds
 * with any compiler.  Exits 0 when every check passes.
 */
#include "http_status.h"

#include <stdio.h>
#include <string.h>

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "http_example: FAILED: %s\n", what);
        failures++;
    }
}

static int same(const char *a, const char *b)
{
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

int main(void)
{
    const char *en, *zh;
    int i;

    check(same(http_status_reason(404), "Not Found"), "reason of 404");
    check(http_status_reason(299) == NULL, "299 is not registered");
    check(same(http_status_name(HTTP_STATUS_IM_A_TEAPOT), "IM_A_TEAPOT"),
          "name of 418");
    check(http_status_from_reason("not found") == HTTP_STATUS_NOT_FOUND,
          "from_reason ignores case");
    check(http_status_from_name("PAYLOAD_TOO_LARGE") == 413,
          "from_name takes an alias");
    check(http_status_from_name("NO_SUCH_NAME") == -1, "unknown name");
    check(http_status_class_of(599) == HTTP_STATUS_CLASS_SERVER_ERROR,
          "class of an unregistered 5xx");
    check(http_status_class_of(42) == HTTP_STATUS_CLASS_NONE,
          "class outside the range");
    check((http_status_traits(204) & HTTP_STATUS_TRAIT_NO_BODY) != 0,
          "204 has no body");

    en = http_status_description(404, NULL);
    zh = http_status_description(404, "zh_CN.UTF-8");
    check(en != NULL && zh != NULL && strcmp(en, zh) != 0,
          "a Chinese description of 404");
    check(same(http_status_description(404, "xx"), en),
          "an unknown language falls back to the first");

    for (i = 1; i < HTTP_STATUS_COUNT; i++)
        check(http_status_codes[i - 1] < http_status_codes[i],
              "codes ascending");

    if (failures == 0)
        printf("http_example: %d HTTP codes, all checks passed\n",
               HTTP_STATUS_COUNT);
    return failures == 0 ? 0 : 1;
}
