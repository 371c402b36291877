/*
 * smoke_grpc.c - a plain program over the generated gRPC API (a registry
 * without wire phrases, with an int field), built by the compile matrix
 * as C89..C17 and C++98..C++20.  Returns nonzero on the first wrong
 * answer.
 */
#include "grpc_status.h"

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

#define COUNT_ONE(name, code, http) +1

int main(void)
{
    enum grpc_status st = GRPC_STATUS_NOT_FOUND;
    const char *r = grpc_status_reason(st);

    CHECK(r != NULL && strcmp(r, grpc_status_description(5, NULL)) == 0);
    CHECK(strcmp(grpc_status_name(14), "UNAVAILABLE") == 0);
    CHECK(grpc_status_reason(17) == NULL);
    CHECK(grpc_status_http(GRPC_STATUS_RESOURCE_EXHAUSTED) == 429);
    CHECK(grpc_status_http(GRPC_STATUS_CANCELLED) == 499);
    CHECK(grpc_status_http(17) == -1);
    CHECK(grpc_status_from_name("DEADLINE_EXCEEDED") == 4);
    CHECK(grpc_status_is_error(1) && !grpc_status_is_error(0));
    CHECK(grpc_status_description(3, "ru") !=
          grpc_status_description(3, "en"));
    CHECK(0 GRPC_STATUS_HTTP_LIST(COUNT_ONE) == GRPC_STATUS_COUNT);
    puts("grpc_status: ok");
    return 0;
}
