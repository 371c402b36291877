/*
 * test_sysexit.c - a registry that has nothing to do with HTTP
 * (fixtures/sysexit.yaml): one language, its own prefix, range, classes
 * and traits, generated and checked like the HTTP one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "sysexit.h"

#include <string.h>

static void test_sysexit_lookups(void **state)
{
    (void)state;
    assert_int_equal(SYSEXIT_COUNT, 11);
    assert_int_equal(SYSEXIT_OK, 0);
    assert_int_equal(SYSEXIT_USAGE, 64);
    assert_string_equal(sysexit_reason(0), "Successful termination");
    assert_string_equal(sysexit_name(75), "TEMPFAIL");
    assert_null(sysexit_reason(2));
    assert_int_equal(sysexit_from_name("OK"), 0);
    assert_int_equal(sysexit_from_name("SERVICE_DOWN"), 69);
    assert_int_equal(sysexit_from_name("NOPE"), -1);
    assert_int_equal(sysexit_from_reason("temporary FAILURE"), 75);
    assert_int_equal(sysexit_from_reason("Not Found"), -1);
}

static void test_sysexit_classes_traits_descriptions(void **state)
{
    (void)state;
    assert_int_equal(sysexit_class_of(0), SYSEXIT_CLASS_SUCCESS);
    assert_int_equal(sysexit_class_of(2), SYSEXIT_CLASS_FAILURE);
    assert_int_equal(sysexit_class_of(70), SYSEXIT_CLASS_SYSEXITS);
    assert_int_equal(sysexit_class_of(100), SYSEXIT_CLASS_NONE);
    assert_int_equal(sysexit_class_of(130), SYSEXIT_CLASS_SIGNALED);
    assert_int_equal(sysexit_class_of(256), SYSEXIT_CLASS_NONE);
    assert_int_equal(sysexit_traits(64), SYSEXIT_TRAIT_USER_ERROR);
    assert_int_equal(sysexit_traits(75), SYSEXIT_TRAIT_TRANSIENT);
    assert_int_equal(sysexit_traits(0), 0);
    /* one language: every request falls back to it */
    assert_string_equal(sysexit_description(66, NULL),
                        "An input file did not exist or was not readable.");
    assert_ptr_equal(sysexit_description(66, "ru_RU.UTF-8"),
                     sysexit_description(66, "en"));
    assert_null(sysexit_description(67, "en"));
}

static void test_sysexit_class_tests_status_reference(void **state)
{
    (void)state;
    /* by range: the spec marks FAILURE, SYSEXITS and SIGNALED as errors */
    assert_true(sysexit_is_success(0));
    assert_false(sysexit_is_success(1));
    assert_true(sysexit_is_failure(2));
    assert_true(sysexit_is_sysexits(78));
    assert_false(sysexit_is_sysexits(79));
    assert_true(sysexit_is_signaled(255));
    assert_false(sysexit_is_signaled(256));
    assert_false(sysexit_is_error(0));
    assert_true(sysexit_is_error(1));
    assert_true(sysexit_is_error(63));
    assert_true(sysexit_is_error(64));
    assert_false(sysexit_is_error(100)); /* outside every class */
    assert_true(sysexit_is_error(130));
    assert_false(sysexit_is_error(-1));
    assert_int_equal(sysexit_status_of(0), SYSEXIT_LIFECYCLE_STANDARD);
    assert_int_equal(sysexit_status_of(130), SYSEXIT_LIFECYCLE_UNOFFICIAL);
    assert_int_equal(sysexit_status_of(200), SYSEXIT_LIFECYCLE_UNUSED);
    assert_int_equal(sysexit_status_of(2), SYSEXIT_LIFECYCLE_NONE);
    assert_int_equal(SYSEXIT_LIFECYCLE_NONE, 0);
    assert_string_equal(sysexit_reference(64), "sysexits.h, EX_USAGE");
    assert_null(sysexit_reference(65)); /* known, no reference */
    assert_null(sysexit_reference(2));
    /* former phrases, ignoring case, beside the phrase */
    assert_int_equal(sysexit_from_reason("Internal error"), 70);
    assert_int_equal(sysexit_from_reason("SOFTWARE BUG"), 70);
    assert_int_equal(sysexit_from_reason("internal software error"), 70);
    assert_int_equal(sysexit_from_reason("Internal"), -1);
    assert_string_equal(sysexit_reason(70), "Internal software error");
}

static void test_sysexit_properties(void **state)
{
    int code;
    size_t next = 0;

    (void)state;
    for (code = -1000; code <= 2000; code++) {
        int known = next < SYSEXIT_COUNT && sysexit_codes[next] == code;

        assert_int_equal(sysexit_is_known(code), known);
        assert_int_equal(sysexit_status_of(code) != SYSEXIT_LIFECYCLE_NONE,
                         known);
        if (known) {
            next++;
            assert_int_equal(sysexit_from_name(sysexit_name(code)), code);
            assert_int_equal(sysexit_from_reason(sysexit_reason(code)), code);
        } else {
            assert_null(sysexit_reason(code));
            assert_null(sysexit_name(code));
        }
    }
    assert_int_equal(next, SYSEXIT_COUNT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sysexit_lookups),
        cmocka_unit_test(test_sysexit_classes_traits_descriptions),
        cmocka_unit_test(test_sysexit_class_tests_status_reference),
        cmocka_unit_test(test_sysexit_properties),
    };

    return cmocka_run_group_tests_name("sysexit", tests, NULL, NULL);
}
