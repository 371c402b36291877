/*
 * test_grpc_status.c - the generated gRPC registry and the two mappings
 * between HTTP and gRPC: grpc_status_http() against google.rpc.Code's
 * table (google/rpc/code.proto) and http_status_grpc() against gRPC's HTTP
 * to gRPC Status Code Mapping (doc/http-grpc-status-mapping.md), for every
 * code of both registries and for codes neither knows.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "grpc_status.h"
#include "http_status.h"

#include <string.h>

/* google.rpc.Code: each gRPC code's name and HTTP status, by number. */
static const struct {
    const char *name;
    int http;
} rpc_code[17] = {
    {"OK", 200},
    {"CANCELLED", 499},
    {"UNKNOWN", 500},
    {"INVALID_ARGUMENT", 400},
    {"DEADLINE_EXCEEDED", 504},
    {"NOT_FOUND", 404},
    {"ALREADY_EXISTS", 409},
    {"PERMISSION_DENIED", 403},
    {"RESOURCE_EXHAUSTED", 429},
    {"FAILED_PRECONDITION", 400},
    {"ABORTED", 409},
    {"OUT_OF_RANGE", 400},
    {"UNIMPLEMENTED", 501},
    {"INTERNAL", 500},
    {"UNAVAILABLE", 503},
    {"DATA_LOSS", 500},
    {"UNAUTHENTICATED", 401},
};

/* gRPC's HTTP to gRPC Status Code Mapping, as a function of the HTTP
 * code: the eight listed, and UNKNOWN for all other codes. */
static int http_to_grpc(int http)
{
    switch (http) {
    case 400: return GRPC_STATUS_INTERNAL;
    case 401: return GRPC_STATUS_UNAUTHENTICATED;
    case 403: return GRPC_STATUS_PERMISSION_DENIED;
    case 404: return GRPC_STATUS_UNIMPLEMENTED;
    case 429: case 502: case 503: case 504: return GRPC_STATUS_UNAVAILABLE;
    default: return GRPC_STATUS_UNKNOWN;
    }
}

static void test_grpc_status_codes_and_names(void **state)
{
    int c;

    (void)state;
    assert_int_equal(GRPC_STATUS_COUNT, 17);
    for (c = 0; c < 17; c++) {
        assert_int_equal(grpc_status_codes[c], c);
        assert_true(grpc_status_is_known(c));
        assert_string_equal(grpc_status_name(c), rpc_code[c].name);
        assert_int_equal(grpc_status_from_name(rpc_code[c].name), c);
    }
    assert_int_equal(GRPC_STATUS_UNIMPLEMENTED, 12);
    assert_int_equal(GRPC_STATUS_UNAUTHENTICATED, 16);
    assert_false(grpc_status_is_known(-1));
    assert_false(grpc_status_is_known(17));
    assert_null(grpc_status_name(17));
}

static void test_grpc_status_http_every_code(void **state)
{
    int c, n = 0;

    (void)state;
    for (c = 0; c < 17; c++)
        assert_int_equal(grpc_status_http(c), rpc_code[c].http);
    /* not a gRPC code: no mapping */
    assert_int_equal(grpc_status_http(-1), -1);
    assert_int_equal(grpc_status_http(17), -1);
    assert_int_equal(grpc_status_http(404), -1);
    /* the X-macro carries the same table */
#define CHECK_HTTP(name, code, http) \
    assert_int_equal(grpc_status_http(code), http); \
    assert_string_equal(grpc_status_name(code), #name); \
    n++;
    GRPC_STATUS_HTTP_LIST(CHECK_HTTP)
#undef CHECK_HTTP
    assert_int_equal(n, 17);
}

static void test_http_status_grpc_every_code(void **state)
{
    int c, n = 0;

    (void)state;
    /* every HTTP code, known or not, and far outside the range */
    for (c = -1000; c <= 2000; c++)
        assert_int_equal(http_status_grpc(c), http_to_grpc(c));
    for (c = 0; c < HTTP_STATUS_COUNT; c++)
        assert_int_equal(http_status_grpc(http_status_codes[c]),
                         http_to_grpc(http_status_codes[c]));
    /* the number is gRPC's own: its names and constants take it */
    assert_int_equal(http_status_grpc(404), 12);
    assert_true(http_status_grpc(404) == GRPC_STATUS_UNIMPLEMENTED);
    assert_string_equal(grpc_status_name(http_status_grpc(404)),
                        "UNIMPLEMENTED");
    assert_string_equal(grpc_status_name(http_status_grpc(400)), "INTERNAL");
    assert_string_equal(grpc_status_name(http_status_grpc(200)), "UNKNOWN");
    /* every known code is in the X-macro, the default standing in */
#define CHECK_GRPC(name, code, grpc) \
    assert_int_equal(http_status_grpc(code), grpc); \
    assert_int_equal(http_status_from_name(#name), code); \
    n++;
    HTTP_STATUS_GRPC_LIST(CHECK_GRPC)
#undef CHECK_GRPC
    assert_int_equal(n, HTTP_STATUS_COUNT);
}

static void test_grpc_status_the_tables_are_not_inverses(void **state)
{
    (void)state;
    /* INVALID_ARGUMENT -> 400 -> INTERNAL */
    assert_int_equal(grpc_status_http(GRPC_STATUS_INVALID_ARGUMENT), 400);
    assert_int_equal(http_status_grpc(400), GRPC_STATUS_INTERNAL);
    /* NOT_FOUND -> 404 -> UNIMPLEMENTED */
    assert_int_equal(http_status_grpc(grpc_status_http(GRPC_STATUS_NOT_FOUND)),
                     GRPC_STATUS_UNIMPLEMENTED);
    /* CANCELLED -> 499, which no HTTP registry lists -> UNKNOWN */
    assert_int_equal(grpc_status_http(GRPC_STATUS_CANCELLED), 499);
    assert_false(http_status_is_known(499));
    assert_int_equal(http_status_grpc(499), GRPC_STATUS_UNKNOWN);
}

static void test_grpc_status_without_phrases(void **state)
{
    const char *r;

    (void)state;
    /* phrases: false: reason() is the first language's description */
    r = grpc_status_reason(GRPC_STATUS_NOT_FOUND);
    assert_non_null(r);
    assert_string_equal(r, grpc_status_description(5, "en"));
    assert_non_null(strstr(r, "not found"));
    assert_string_equal(grpc_status_reason(0),
                        "Not an error: the call completed successfully.");
    assert_null(grpc_status_reason(17));
    assert_string_equal(grpc_status_description(16, "zh_CN.UTF-8"),
                        "\xe8\xaf\xb7\xe6\xb1\x82\xe6\xb2\xa1\xe6\x9c\x89"
                        "\xe8\xaf\xa5\xe6\x93\x8d\xe4\xbd\x9c\xe6\x89\x80"
                        "\xe9\x9c\x80\xe7\x9a\x84\xe6\x9c\x89\xe6\x95\x88"
                        "\xe8\xba\xab\xe4\xbb\xbd\xe9\xaa\x8c\xe8\xaf\x81"
                        "\xe5\x87\xad\xe6\x8d\xae\xe3\x80\x82");
    /* the classes: OK alone succeeds */
    assert_false(grpc_status_is_error(GRPC_STATUS_OK));
    assert_true(grpc_status_is_success(GRPC_STATUS_OK));
    assert_true(grpc_status_is_error(GRPC_STATUS_CANCELLED));
    assert_true(grpc_status_is_failure(GRPC_STATUS_UNAUTHENTICATED));
    assert_int_equal(grpc_status_class_of(17), GRPC_STATUS_CLASS_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grpc_status_codes_and_names),
        cmocka_unit_test(test_grpc_status_http_every_code),
        cmocka_unit_test(test_http_status_grpc_every_code),
        cmocka_unit_test(test_grpc_status_the_tables_are_not_inverses),
        cmocka_unit_test(test_grpc_status_without_phrases),
    };

    return cmocka_run_group_tests_name("grpc_status", tests, NULL, NULL);
}
