/*
 * smoke_http.c - a plain program over the generated HTTP API, built by the
 * compile matrix as C89..C17 and C++98..C++20.  Returns nonzero on the
 * first wrong answer.
 */
#include "http_status.h"

#include <stdio.h>
#include <string.h>

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
    enum http_status st = HTTP_STATUS_NOT_FOUND;
    const char *r = http_status_reason(st);
    int i;

    CHECK(r != NULL && strcmp(r, "Not Found") == 0);
    CHECK(strcmp(http_status_name(200), "OK") == 0);
    CHECK(http_status_reason(999) == NULL);
    CHECK(http_status_description(404, "zh_CN.UTF-8") != NULL);
    CHECK(http_status_description(404, "zh") !=
          http_status_description(404, "en"));
    CHECK(http_status_class_of(503) == HTTP_STATUS_CLASS_SERVER_ERROR);
    CHECK((http_status_traits(204) & HTTP_STATUS_TRAIT_NO_BODY) != 0);
    CHECK(http_status_is_known(418));
    CHECK(http_status_from_name("NOT_FOUND") == 404);
    CHECK(http_status_from_reason("not found") == 404);
    CHECK(http_status_is_client_error(404) && !http_status_is_server_error(404));
    CHECK(http_status_is_informational(100) && http_status_is_successful(200));
    CHECK(http_status_is_redirection(301) && http_status_is_error(500));
    CHECK(!http_status_is_error(204));
    CHECK(http_status_status_of(305) == HTTP_STATUS_LIFECYCLE_DEPRECATED);
    CHECK(http_status_status_of(999) == HTTP_STATUS_LIFECYCLE_NONE);
    CHECK(strcmp(http_status_reference(404), "RFC 9110, Section 15.5.5") == 0);
    for (i = 1; i < HTTP_STATUS_COUNT; i++)
        CHECK(http_status_codes[i - 1] < http_status_codes[i]);
    return 0;
}
