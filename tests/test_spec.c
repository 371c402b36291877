/*
 * test_spec.c - the shipped spec as data: every code its source documents
 * name is there, the merge decisions are written down, the statuses and
 * traits are the ones RFC 9110 and the IANA registry give.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "model.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

static struct spec spec;

static int setup(void **state)
{
    struct diag_list dl;
    int rc;

    (void)state;
    diag_init(&dl, SPEC_DIR "/http_status.yaml");
    rc = spec_load(SPEC_DIR "/http_status.yaml", &spec, &dl);
    diag_free(&dl);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    spec_free(&spec);
    return 0;
}

static const struct spec_code *find(long code)
{
    size_t i;

    for (i = 0; i < spec.ncodes; i++)
        if (spec.codes[i].code == code)
            return &spec.codes[i];
    return NULL;
}

static int has_trait(const struct spec_code *c, const char *trait)
{
    size_t i;

    for (i = 0; i < c->ntraits; i++)
        if (strcmp(c->traits[i].s, trait) == 0)
            return 1;
    return 0;
}

/* Every number of three digits, 100 to 599, standing alone in a source
 * document (not inside a longer number or a version like 1.100) is a code
 * of the spec. */
static void test_spec_has_every_code_the_sources_name(void **state)
{
    static const char *const files[] = {
        "000_aa323585a85c8293.txt", "001_be3ea27c154908aa.txt",
        "002_65c88373163b3447.txt", "003_bc06bbd9eecb4ada.txt",
        "004_7635752ea33d72c9.txt"};
    size_t f, found = 0;

    (void)state;
    for (f = 0; f < sizeof files / sizeof files[0]; f++) {
        char path[512];
        struct sbuf text;
        const char *s;
        size_t i;

        snprintf(path, sizeof path, "%s/sources/%s", SPEC_DIR, files[f]);
        sbuf_init(&text);
        assert_int_equal(tu_read_file(path, &text), 0);
        s = sbuf_str(&text);
        for (i = 0; i + 3 <= text.len; i++) {
            long code;

            if (!(s[i] >= '1' && s[i] <= '5') || !(s[i + 1] >= '0' &&
                s[i + 1] <= '9') || !(s[i + 2] >= '0' && s[i + 2] <= '9'))
                continue;
            if (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') ||
                          s[i - 1] == '.'))
                continue;
            if (s[i + 3] >= '0' && s[i + 3] <= '9')
                continue;
            code = (s[i] - '0') * 100 + (s[i + 1] - '0') * 10 + s[i + 2] - '0';
            found++;
            if (find(code) == NULL)
                fail_msg("%s names %ld, which the spec lacks", files[f], code);
        }
        sbuf_free(&text);
    }
    assert_true(found > 300);
}

static void test_spec_every_code_complete(void **state)
{
    size_t i, j;

    (void)state;
    assert_int_equal(spec.reg.nlang, 3);
    for (i = 0; i < spec.ncodes; i++) {
        const struct spec_code *c = &spec.codes[i];

        for (j = 0; j < 3; j++)
            if (c->desc[j].s == NULL || strlen(c->desc[j].s) < 10)
                fail_msg("code %ld lacks a %s description", c->code,
                         spec.reg.languages[j].s);
        if (c->nsources == 0)
            fail_msg("code %ld names no source", c->code);
        if (c->reference.s == NULL)
            fail_msg("code %ld has no reference", c->code);
    }
}

static void test_spec_statuses(void **state)
{
    static const struct {
        long code;
        enum code_status status;
    } want[] = {
        {104, STATUS_TEMPORARY}, {305, STATUS_DEPRECATED},
        {306, STATUS_UNUSED},    {418, STATUS_UNUSED},
        {449, STATUS_UNOFFICIAL}, {509, STATUS_UNOFFICIAL},
        {510, STATUS_OBSOLETE},  {200, STATUS_STANDARD},
        {425, STATUS_STANDARD},
    };
    size_t i, special = 0;

    (void)state;
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const struct spec_code *c = find(want[i].code);

        assert_non_null(c);
        assert_int_equal(c->status, want[i].status);
        if (want[i].status != STATUS_STANDARD)
            assert_non_null(c->note);
    }
    for (i = 0; i < spec.ncodes; i++)
        if (spec.codes[i].status != STATUS_STANDARD)
            special++;
    /* exactly the seven above are not standard */
    assert_int_equal(special, 7);
}

static void test_spec_merge_decisions_are_noted(void **state)
{
    static const long noted[] = {200, 203, 408, 421, 422, 425, 426, 507, 510};
    size_t i;

    (void)state;
    for (i = 0; i < sizeof noted / sizeof noted[0]; i++) {
        const struct spec_code *c = find(noted[i]);

        assert_non_null(c);
        if (c->note == NULL || c->note[0].s == NULL)
            fail_msg("code %ld: the sources' conflict is not noted",
                     noted[i]);
    }
}

static void test_spec_traits_follow_rfc9110(void **state)
{
    /* RFC 9110, Section 15.1: heuristically cacheable by default */
    static const long cacheable[] = {200, 203, 204, 206, 300, 301, 308,
                                     404, 405, 410, 414, 501};
    static const long redirect[] = {300, 301, 302, 303, 307, 308};
    size_t i, n;

    (void)state;
    for (i = 0, n = 0; i < spec.ncodes; i++)
        n += has_trait(&spec.codes[i], "CACHEABLE");
    assert_int_equal(n, sizeof cacheable / sizeof cacheable[0]);
    for (i = 0; i < sizeof cacheable / sizeof cacheable[0]; i++)
        assert_true(has_trait(find(cacheable[i]), "CACHEABLE"));
    for (i = 0, n = 0; i < spec.ncodes; i++)
        n += has_trait(&spec.codes[i], "REDIRECT");
    assert_int_equal(n, sizeof redirect / sizeof redirect[0]);
    for (i = 0; i < sizeof redirect / sizeof redirect[0]; i++)
        assert_true(has_trait(find(redirect[i]), "REDIRECT"));
    for (i = 0; i < spec.ncodes; i++) {
        const struct spec_code *c = &spec.codes[i];
        int no_body = c->code < 200 || c->code == 204 || c->code == 205 ||
                      c->code == 304;

        assert_int_equal(has_trait(c, "NO_BODY"), no_body);
        /* a retry cannot fix a client error, except timing ones */
        if (has_trait(c, "RETRYABLE") && c->code < 500)
            assert_true(c->code == 408 || c->code == 425 || c->code == 429);
    }
    assert_true(has_trait(find(503), "RETRYABLE"));
}

static void test_spec_modern_phrases_with_former_names(void **state)
{
    static const struct {
        long code;
        const char *phrase, *alias;
    } want[] = {
        {413, "Content Too Large", "PAYLOAD_TOO_LARGE"},
        {413, "Content Too Large", "REQUEST_ENTITY_TOO_LARGE"},
        {414, "URI Too Long", "REQUEST_URI_TOO_LONG"},
        {416, "Range Not Satisfiable", "REQUESTED_RANGE_NOT_SATISFIABLE"},
        {422, "Unprocessable Content", "UNPROCESSABLE_ENTITY"},
    };
    size_t i, j;

    (void)state;
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const struct spec_code *c = find(want[i].code);
        int found = 0;

        assert_string_equal(c->phrase.s, want[i].phrase);
        for (j = 0; j < c->naliases; j++)
            found |= strcmp(c->aliases[j].s, want[i].alias) == 0;
        if (!found)
            fail_msg("%ld lacks the alias %s", want[i].code, want[i].alias);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_has_every_code_the_sources_name),
        cmocka_unit_test(test_spec_every_code_complete),
        cmocka_unit_test(test_spec_statuses),
        cmocka_unit_test(test_spec_merge_decisions_are_noted),
        cmocka_unit_test(test_spec_traits_follow_rfc9110),
        cmocka_unit_test(test_spec_modern_phrases_with_former_names),
    };

    return cmocka_run_group_tests_name("spec", tests, setup, teardown);
}
