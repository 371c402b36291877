/* A translation unit that includes the single header for the declarations
 * only (compiled as C89..C17 and as C++98..C++20). */
#include "http_status_single.h"

#include <stdio.h>
#include <string.h>

int single_impl_reason_is(int code, const char *phrase);

static int failures = 0;

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "single header: FAILED: %s\n", what);
        failures++;
    }
}

int main(void)
{
    const char *name = http_status_name(404);
    enum http_status code = HTTP_STATUS_NOT_FOUND;

    check(name != 0 && strcmp(name, "NOT_FOUND") == 0, "name of 404");
    check(single_impl_reason_is(404, "Not Found"), "reason of 404");
    check(single_impl_reason_is(299, 0), "299 is not registered");
    check(http_status_from_reason("NOT FOUND") == (int)code, "from_reason");
    check(http_status_class_of(503) == HTTP_STATUS_CLASS_SERVER_ERROR,
          "class of 503");
    check(http_status_is_known(HTTP_STATUS_OK) != 0, "200 is known");
    check(http_status_codes[0] == 100 &&
              http_status_codes[HTTP_STATUS_COUNT - 1] <= 599,
          "codes array");
    if (failures == 0)
        printf("single header: all checks passed\n");
    return failures == 0 ? 0 : 1;
}
