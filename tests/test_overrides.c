/*
 * test_overrides.c - the command line's overrides, compiled and run: the
 * HTTP registry generated as vend_http (--languages zh,en) and bare_http
 * (--languages none) beside the full one, and a registry with a code
 * named X (the usual X-macro parameter).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bare_http.h"
#include "http_status.h"
#include "vend_http.h"
#include "xcode.h"

#include <string.h>

static void test_overrides_prefix(void **state)
{
    (void)state;
    assert_int_equal(VEND_HTTP_NOT_FOUND, 404);
    assert_int_equal(BARE_HTTP_COUNT, HTTP_STATUS_COUNT);
    assert_string_equal(vend_http_reason(404), "Not Found");
    assert_string_equal(bare_http_name(418), "IM_A_TEAPOT");
    assert_int_equal(vend_http_from_reason("not found"), 404);
    assert_int_equal(bare_http_class_of(503), BARE_HTTP_CLASS_SERVER_ERROR);
}

/* The kept languages give what the full registry gives; the first kept
 * one (zh) is the fallback. */
static void test_overrides_languages_kept(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < HTTP_STATUS_COUNT; i++) {
        int code = http_status_codes[i];

        assert_string_equal(vend_http_description(code, "en"),
                            http_status_description(code, "en"));
        assert_string_equal(vend_http_description(code, "zh-CN"),
                            http_status_description(code, "zh"));
        assert_string_equal(vend_http_description(code, "ru"),
                            http_status_description(code, "zh"));
        assert_string_equal(vend_http_description(code, NULL),
                            http_status_description(code, "zh"));
    }
    assert_null(vend_http_description(999, "en"));
}

static void test_overrides_languages_none(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < BARE_HTTP_COUNT; i++) {
        assert_null(bare_http_description(bare_http_codes[i], NULL));
        assert_null(bare_http_description(bare_http_codes[i], "en"));
        assert_non_null(bare_http_reason(bare_http_codes[i]));
    }
    assert_null(bare_http_description(999, "en"));
}

#define XCODE_ROW(name, code, phrase) {XCODE_##name, code, phrase},

static void test_overrides_code_named_x(void **state)
{
    static const struct {
        int value, code;
        const char *phrase;
    } rows[] = {XCODE_LIST(XCODE_ROW)};

    (void)state;
    assert_int_equal(sizeof rows / sizeof rows[0], XCODE_COUNT);
    assert_int_equal(rows[0].value, XCODE_X);
    assert_int_equal(rows[0].code, 1);
    assert_string_equal(rows[1].phrase, "Ex alias");
    assert_int_equal(xcode_from_name("X"), 1);
    assert_int_equal(xcode_from_name("Y"), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_overrides_prefix),
        cmocka_unit_test(test_overrides_languages_kept),
        cmocka_unit_test(test_overrides_languages_none),
        cmocka_unit_test(test_overrides_code_named_x),
    };

    return cmocka_run_group_tests_name("overrides", tests, NULL, NULL);
}
