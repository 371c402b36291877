/*
 * test_http_status.c - the generated HTTP code through every function of
 * its API: hand-written expectations for a sample, every code checked
 * against the spec it came from, and properties over -1000..2000.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

/* Use the former names below without a deprecation warning. */
#define HTTP_STATUS_DEPRECATED
#include "http_status.h"

#include "model.h"

#include <stdio.h>
#include <string.h>

static struct spec spec;

static int setup(void **state)
{
    struct diag_list dl;
    int rc;

    (void)state;
    diag_init(&dl, SPEC_PATH);
    rc = spec_load(SPEC_PATH, &spec, &dl);
    diag_free(&dl);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    spec_free(&spec);
    return 0;
}

static void test_http_status_sample_phrases_and_names(void **state)
{
    (void)state;
    assert_string_equal(http_status_reason(100), "Continue");
    assert_string_equal(http_status_reason(200), "OK");
    assert_string_equal(http_status_reason(404), "Not Found");
    assert_string_equal(http_status_reason(413), "Content Too Large");
    assert_string_equal(http_status_reason(418), "I'm a teapot");
    assert_string_equal(http_status_reason(422), "Unprocessable Content");
    assert_string_equal(http_status_reason(511),
                        "Network Authentication Required");
    assert_string_equal(http_status_name(404), "NOT_FOUND");
    assert_string_equal(http_status_name(200), "OK");
    assert_string_equal(http_status_name(418), "IM_A_TEAPOT");
    assert_null(http_status_reason(599));
    assert_null(http_status_name(0));
    assert_int_equal(HTTP_STATUS_NOT_FOUND, 404);
    assert_int_equal(HTTP_STATUS_CONTENT_TOO_LARGE, 413);
    assert_int_equal(HTTP_STATUS_PAYLOAD_TOO_LARGE, 413);
    assert_int_equal(HTTP_STATUS_UNPROCESSABLE_ENTITY, 422);
}

static void test_http_status_sample_lookups_by_text(void **state)
{
    (void)state;
    assert_int_equal(http_status_from_name("NOT_FOUND"), 404);
    assert_int_equal(http_status_from_name("PAYLOAD_TOO_LARGE"), 413);
    assert_int_equal(http_status_from_name("REQUEST_ENTITY_TOO_LARGE"), 413);
    assert_int_equal(http_status_from_name("REQUEST_URI_TOO_LONG"), 414);
    assert_int_equal(http_status_from_name("REQUESTED_RANGE_NOT_SATISFIABLE"),
                     416);
    assert_int_equal(http_status_from_name("UNPROCESSABLE_ENTITY"), 422);
    assert_int_equal(http_status_from_name("not_found"), -1);
    assert_int_equal(http_status_from_name(""), -1);
    assert_int_equal(http_status_from_name(NULL), -1);
    assert_int_equal(http_status_from_reason("Not Found"), 404);
    assert_int_equal(http_status_from_reason("not found"), 404);
    assert_int_equal(http_status_from_reason("NOT FOUND"), 404);
    assert_int_equal(http_status_from_reason("i'm a TEAPOT"), 418);
    assert_int_equal(http_status_from_reason("Not Found "), -1);
    assert_int_equal(http_status_from_reason("Payload Too Huge"), -1);
    /* former phrases peers still send (nginx, Go's net/http) */
    assert_int_equal(http_status_from_reason("Request Entity Too Large"),
                     413);
    assert_int_equal(http_status_from_reason("request-uri too large"), 414);
    assert_int_equal(
        http_status_from_reason("Requested Range Not Satisfiable"), 416);
    assert_int_equal(http_status_from_reason("Unprocessable Entity"), 422);
    assert_int_equal(http_status_from_reason("Gateway Time-out"), 504);
    assert_int_equal(http_status_from_reason("Moved Temporarily"), 302);
    /* 425's draft meaning is not carried over */
    assert_int_equal(http_status_from_reason("Unordered Collection"), -1);
    assert_int_equal(http_status_from_reason(""), -1);
    assert_int_equal(http_status_from_reason(NULL), -1);
}

static void test_http_status_sample_classes_and_traits(void **state)
{
    (void)state;
    assert_int_equal(http_status_class_of(100),
                     HTTP_STATUS_CLASS_INFORMATIONAL);
    assert_int_equal(http_status_class_of(299), HTTP_STATUS_CLASS_SUCCESSFUL);
    assert_int_equal(http_status_class_of(308), HTTP_STATUS_CLASS_REDIRECTION);
    assert_int_equal(http_status_class_of(499),
                     HTTP_STATUS_CLASS_CLIENT_ERROR);
    assert_int_equal(http_status_class_of(599),
                     HTTP_STATUS_CLASS_SERVER_ERROR);
    assert_int_equal(http_status_class_of(99), HTTP_STATUS_CLASS_NONE);
    assert_int_equal(http_status_class_of(600), HTTP_STATUS_CLASS_NONE);
    assert_int_equal(http_status_class_of(-1), HTTP_STATUS_CLASS_NONE);
    assert_int_equal(http_status_traits(100), HTTP_STATUS_TRAIT_NO_BODY);
    assert_int_equal(http_status_traits(204),
                     HTTP_STATUS_TRAIT_NO_BODY | HTTP_STATUS_TRAIT_CACHEABLE);
    assert_int_equal(http_status_traits(304), HTTP_STATUS_TRAIT_NO_BODY);
    assert_int_equal(http_status_traits(301),
                     HTTP_STATUS_TRAIT_REDIRECT | HTTP_STATUS_TRAIT_CACHEABLE);
    assert_int_equal(http_status_traits(302), HTTP_STATUS_TRAIT_REDIRECT);
    assert_int_equal(http_status_traits(305), 0);
    assert_int_equal(http_status_traits(404), HTTP_STATUS_TRAIT_CACHEABLE);
    assert_int_equal(http_status_traits(503), HTTP_STATUS_TRAIT_RETRYABLE);
    assert_int_equal(http_status_traits(400), 0);
    assert_int_equal(http_status_traits(599), 0);
    assert_true(http_status_is_known(200));
    assert_false(http_status_is_known(299));
}

static void test_http_status_sample_class_tests_status_reference(void **state)
{
    (void)state;
    assert_true(http_status_is_informational(100));
    assert_true(http_status_is_successful(299)); /* by range, known or not */
    assert_true(http_status_is_redirection(308));
    assert_true(http_status_is_client_error(404));
    assert_false(http_status_is_client_error(500));
    assert_true(http_status_is_server_error(599));
    assert_false(http_status_is_server_error(600));
    assert_false(http_status_is_informational(99));
    assert_false(http_status_is_error(399));
    assert_true(http_status_is_error(400));
    assert_true(http_status_is_error(499));
    assert_true(http_status_is_error(503));
    assert_false(http_status_is_error(600));
    assert_false(http_status_is_error(200));
    assert_false(http_status_is_error(-404));
    assert_int_equal(http_status_status_of(200), HTTP_STATUS_LIFECYCLE_STANDARD);
    assert_int_equal(http_status_status_of(305),
                     HTTP_STATUS_LIFECYCLE_DEPRECATED);
    assert_int_equal(http_status_status_of(306), HTTP_STATUS_LIFECYCLE_UNUSED);
    assert_int_equal(http_status_status_of(449),
                     HTTP_STATUS_LIFECYCLE_UNOFFICIAL);
    assert_int_equal(http_status_status_of(509),
                     HTTP_STATUS_LIFECYCLE_UNOFFICIAL);
    assert_int_equal(http_status_status_of(510),
                     HTTP_STATUS_LIFECYCLE_OBSOLETE);
    assert_int_equal(http_status_status_of(299), HTTP_STATUS_LIFECYCLE_NONE);
    assert_int_equal(http_status_status_of(-1), HTTP_STATUS_LIFECYCLE_NONE);
    assert_string_equal(http_status_reference(404),
                        "RFC 9110, Section 15.5.5");
    assert_null(http_status_reference(299));
    assert_null(http_status_reference(1000));
}

static void test_http_status_descriptions_by_language(void **state)
{
    const char *en = http_status_description(404, "en");
    const char *zh = http_status_description(404, "zh");
    const char *ru = http_status_description(404, "ru");

    (void)state;
    assert_non_null(en);
    assert_non_null(zh);
    assert_non_null(ru);
    assert_true(en != zh && zh != ru && en != ru);
    assert_ptr_equal(http_status_description(404, NULL), en);
    assert_ptr_equal(http_status_description(404, "zh-CN"), zh);
    assert_ptr_equal(http_status_description(404, "zh_CN.UTF-8"), zh);
    assert_ptr_equal(http_status_description(404, "ZH"), zh);
    assert_ptr_equal(http_status_description(404, "ru_RU@euro"), ru);
    assert_ptr_equal(http_status_description(404, "C"), en);
    assert_ptr_equal(http_status_description(404, "POSIX"), en);
    assert_ptr_equal(http_status_description(404, "de_DE"), en);
    assert_ptr_equal(http_status_description(404, ""), en);
    assert_ptr_equal(http_status_description(404, "zhx"), en);
    assert_null(http_status_description(999, "en"));
    /* UTF-8 text: the Chinese description holds CJK characters */
    assert_true((unsigned char)zh[0] >= 0x80 || strstr(zh, "\xe8\xaf") ||
                strstr(zh, "\xe8\xb5"));
}

/* Every code of the spec: the generated functions say what it says. */
static void test_http_status_matches_spec(void **state)
{
    size_t i, j;
    static const char *const langs[] = {"en", "zh", "ru"};

    (void)state;
    assert_int_equal(HTTP_STATUS_COUNT, spec.ncodes);
    for (i = 0; i < spec.ncodes; i++) {
        const struct spec_code *c = &spec.codes[spec.order[i]];
        int code = (int)c->code;
        unsigned bits = 0;

        assert_int_equal(http_status_codes[i], code);
        assert_string_equal(http_status_reason(code), c->phrase.s);
        assert_string_equal(http_status_name(code), c->name.s);
        assert_int_equal(http_status_from_name(c->name.s), code);
        assert_int_equal(http_status_from_reason(c->phrase.s), code);
        for (j = 0; j < c->naliases; j++)
            assert_int_equal(http_status_from_name(c->aliases[j].s), code);
        for (j = 0; j < c->nformer; j++)
            assert_int_equal(http_status_from_reason(c->former[j].s), code);
        assert_int_equal(http_status_status_of(code), (int)c->status + 1);
        if (c->reference.s)
            assert_string_equal(http_status_reference(code), c->reference.s);
        else
            assert_null(http_status_reference(code));
        assert_int_equal(http_status_is_error(code),
                         c->class_index >= 0 &&
                             spec.classes[c->class_index].error);
        for (j = 0; j < c->ntraits; j++) {
            if (strcmp(c->traits[j].s, "NO_BODY") == 0)
                bits |= HTTP_STATUS_TRAIT_NO_BODY;
            else if (strcmp(c->traits[j].s, "CACHEABLE") == 0)
                bits |= HTTP_STATUS_TRAIT_CACHEABLE;
            else if (strcmp(c->traits[j].s, "REDIRECT") == 0)
                bits |= HTTP_STATUS_TRAIT_REDIRECT;
            else if (strcmp(c->traits[j].s, "RETRYABLE") == 0)
                bits |= HTTP_STATUS_TRAIT_RETRYABLE;
            else
                fail_msg("trait %s unknown to this test", c->traits[j].s);
        }
        assert_int_equal(http_status_traits(code), bits);
        assert_int_equal(spec.reg.nlang, 3);
        for (j = 0; j < 3; j++) {
            assert_string_equal(spec.reg.languages[j].s, langs[j]);
            /* the shipped spec has every description in every language */
            assert_non_null(c->desc[j].s);
            assert_string_equal(http_status_description(code, langs[j]),
                                c->desc[j].s);
        }
    }
}

/* Properties over every int from -1000 to 2000. */
static void test_http_status_properties_over_range(void **state)
{
    int code, known = 0;
    size_t next = 0;

    (void)state;
    for (code = -1000; code <= 2000; code++) {
        const char *reason = http_status_reason(code);
        const char *name = http_status_name(code);
        int is_known = http_status_is_known(code);
        enum http_status_class cls = http_status_class_of(code);

        if (next < HTTP_STATUS_COUNT && http_status_codes[next] == code) {
            next++;
            known++;
            assert_true(is_known);
            assert_non_null(reason);
            assert_non_null(name);
            assert_int_equal(http_status_from_name(name), code);
            assert_int_equal(http_status_from_reason(reason), code);
            assert_non_null(http_status_description(code, NULL));
            assert_int_not_equal(cls, HTTP_STATUS_CLASS_NONE);
        } else {
            assert_false(is_known);
            assert_null(reason);
            assert_null(name);
            assert_null(http_status_description(code, "zh"));
            assert_int_equal(http_status_traits(code), 0);
        }
        if (code >= 100 && code <= 599)
            assert_int_equal(cls, code / 100);
        else
            assert_int_equal(cls, HTTP_STATUS_CLASS_NONE);
        /* the predicates agree with class_of, known or not */
        assert_int_equal(http_status_is_informational(code),
                         cls == HTTP_STATUS_CLASS_INFORMATIONAL);
        assert_int_equal(http_status_is_successful(code),
                         cls == HTTP_STATUS_CLASS_SUCCESSFUL);
        assert_int_equal(http_status_is_redirection(code),
                         cls == HTTP_STATUS_CLASS_REDIRECTION);
        assert_int_equal(http_status_is_client_error(code),
                         cls == HTTP_STATUS_CLASS_CLIENT_ERROR);
        assert_int_equal(http_status_is_server_error(code),
                         cls == HTTP_STATUS_CLASS_SERVER_ERROR);
        assert_int_equal(http_status_is_error(code),
                         cls == HTTP_STATUS_CLASS_CLIENT_ERROR ||
                             cls == HTTP_STATUS_CLASS_SERVER_ERROR);
        assert_int_equal(http_status_status_of(code) ==
                             HTTP_STATUS_LIFECYCLE_NONE,
                         !is_known);
        if (!is_known)
            assert_null(http_status_reference(code));
    }
    assert_int_equal(known, HTTP_STATUS_COUNT);
}

/* The codes array is ascending, and the X-macro lists the same codes. */
static void test_http_status_list_and_codes(void **state)
{
    static const struct {
        int code;
        const char *name;
        const char *phrase;
    } list[] = {
#define ROW(name, code, phrase) {code, #name, phrase},
        HTTP_STATUS_LIST(ROW)
#undef ROW
    };
    size_t i;

    (void)state;
    assert_int_equal(sizeof list / sizeof list[0], HTTP_STATUS_COUNT);
    for (i = 0; i < HTTP_STATUS_COUNT; i++) {
        if (i > 0)
            assert_true(http_status_codes[i - 1] < http_status_codes[i]);
        assert_int_equal(list[i].code, http_status_codes[i]);
        assert_string_equal(list[i].name, http_status_name(list[i].code));
        assert_string_equal(list[i].phrase, http_status_reason(list[i].code));
    }
}

/* The reference for the string lookups: a scan of the spec, names and
 * aliases compared exactly, phrases and former phrases ignoring ASCII
 * case. */
static int ascii_equal_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;

        if (x >= 'A' && x <= 'Z')
            x += 'a' - 'A';
        if (y >= 'A' && y <= 'Z')
            y += 'a' - 'A';
        if (x != y)
            return 0;
    }
    return *a == *b;
}

static int scan_from_name(const char *s)
{
    size_t i, j;

    for (i = 0; i < spec.ncodes; i++) {
        const struct spec_code *c = &spec.codes[i];

        if (strcmp(c->name.s, s) == 0)
            return (int)c->code;
        for (j = 0; j < c->naliases; j++)
            if (strcmp(c->aliases[j].s, s) == 0)
                return (int)c->code;
    }
    return -1;
}

static int scan_from_reason(const char *s)
{
    size_t i, j;

    for (i = 0; i < spec.ncodes; i++) {
        const struct spec_code *c = &spec.codes[i];

        if (ascii_equal_nocase(c->phrase.s, s))
            return (int)c->code;
        for (j = 0; j < c->nformer; j++)
            if (ascii_equal_nocase(c->former[j].s, s))
                return (int)c->code;
    }
    return -1;
}

static void check_key(const char *s)
{
    if (http_status_from_name(s) != scan_from_name(s) ||
        http_status_from_reason(s) != scan_from_reason(s))
        fail_msg("lookup of \"%s\": from_name %d (scan %d), from_reason %d "
                 "(scan %d)", s, http_status_from_name(s),
                 scan_from_name(s), http_status_from_reason(s),
                 scan_from_reason(s));
}

/* Every key and many strings near one: case variants, each byte changed
 * (to its neighbours, its other case, a space, a byte >= 0x80, and the
 * bytes the ASCII fold 0x20 merges with it), every prefix, one byte
 * more, and long strings; each lookup must agree with the scan. */
static void check_near(const char *key)
{
    char buf[600];
    size_t len = strlen(key), i, j;
    static const int deltas[] = {1, -1, 0x20, -0x20};

    if (len > 200)
        return;
    check_key(key);
    for (i = 0; i <= len; i++) { /* prefixes, the key itself last */
        memcpy(buf, key, i);
        buf[i] = '\0';
        check_key(buf);
    }
    for (j = 0; j < 3; j++) { /* all upper, all lower, toggled */
        for (i = 0; i < len; i++) {
            int c = (unsigned char)key[i];

            if (j == 0 && c >= 'a' && c <= 'z')
                c -= 0x20;
            else if (j == 1 && c >= 'A' && c <= 'Z')
                c += 0x20;
            else if (j == 2 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
                c ^= 0x20;
            buf[i] = (char)c;
        }
        buf[len] = '\0';
        check_key(buf);
    }
    for (i = 0; i < len; i++) { /* one byte off */
        for (j = 0; j < sizeof deltas / sizeof deltas[0] + 2; j++) {
            int c = (unsigned char)key[i];

            if (j < sizeof deltas / sizeof deltas[0])
                c += deltas[j];
            else
                c = j == sizeof deltas / sizeof deltas[0] ? ' ' : 0xC0;
            if (c <= 0 || c > 255)
                continue;
            memcpy(buf, key, len + 1);
            buf[i] = (char)c;
            check_key(buf);
        }
    }
    memcpy(buf, key, len);
    strcpy(buf + len, "x");
    check_key(buf);
    memcpy(buf, key, len);
    strcpy(buf + len, " ");
    check_key(buf);
    memset(buf, 'A', 300);
    memcpy(buf + 300, key, len + 1);
    check_key(buf);
    memcpy(buf, key, len);
    memset(buf + len, 'Z', 300);
    buf[len + 300] = '\0';
    check_key(buf);
}

static void test_http_status_string_lookups_match_a_scan(void **state)
{
    size_t i, j;

    (void)state;
    check_key("");
    for (i = 0; i < spec.ncodes; i++) {
        const struct spec_code *c = &spec.codes[i];

        check_near(c->name.s);
        check_near(c->phrase.s);
        for (j = 0; j < c->naliases; j++)
            check_near(c->aliases[j].s);
        for (j = 0; j < c->nformer; j++)
            check_near(c->former[j].s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_http_status_sample_phrases_and_names),
        cmocka_unit_test(test_http_status_sample_lookups_by_text),
        cmocka_unit_test(test_http_status_sample_classes_and_traits),
        cmocka_unit_test(test_http_status_sample_class_tests_status_reference),
        cmocka_unit_test(test_http_status_descriptions_by_language),
        cmocka_unit_test(test_http_status_matches_spec),
        cmocka_unit_test(test_http_status_properties_over_range),
        cmocka_unit_test(test_http_status_list_and_codes),
        cmocka_unit_test(test_http_status_string_lookups_match_a_scan),
    };

    return cmocka_run_group_tests_name("http_status", tests, setup, teardown);
}
