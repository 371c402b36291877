/*
 * test_emit.c - the emitters against golden files made from a small
 * fixture spec.  STATUSGEN_UPDATE_GOLDEN=1 in the environment rewrites
 * the golden files instead (then review them with git diff).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "emit.h"
#include "pipeline.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct spec spec;

static int setup(void **state)
{
    struct diag_list dl;
    int rc;

    (void)state;
    diag_init(&dl, "mini.yaml");
    rc = spec_load(FIXTURES_DIR "/mini.yaml", &spec, &dl);
    diag_free(&dl);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    spec_free(&spec);
    return 0;
}

/* Compares out with the golden file name, or rewrites it. */
static void check_golden(const char *name, const struct sbuf *out)
{
    char path[512];
    struct sbuf want;

    snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, name);
    if (getenv("STATUSGEN_UPDATE_GOLDEN")) {
        assert_int_equal(tu_write_file(path, out->data, out->len), 0);
        return;
    }
    sbuf_init(&want);
    if (tu_read_file(path, &want) != 0)
        fail_msg("cannot read golden file %s", path);
    if (want.len != out->len || memcmp(want.data, out->data, out->len) != 0)
        fail_msg("%s differs from its golden file; rerun with "
                 "STATUSGEN_UPDATE_GOLDEN=1 and review", name);
    sbuf_free(&want);
}

static void test_emit_outputs_match_golden(void **state)
{
    struct output *outs = NULL;
    size_t n = 0, i;

    (void)state;
    assert_int_equal(outputs_build(&spec, "mini.yaml",
                                   EMIT_DEFAULT | EMIT_SINGLE, &outs, &n),
                     0);
    /* header, source, single, and one doc per language */
    assert_int_equal(n, 5);
    assert_string_equal(outs[0].name, "mini.h");
    assert_string_equal(outs[1].name, "mini.c");
    assert_string_equal(outs[2].name, "mini_single.h");
    assert_string_equal(outs[3].name, "mini.en.md");
    assert_string_equal(outs[4].name, "mini.de.md");
    for (i = 0; i < n; i++)
        check_golden(outs[i].name, &outs[i].text);
    outputs_free(outs, n);
}

static void test_emit_is_deterministic_and_ascii(void **state)
{
    struct output *a = NULL, *b = NULL;
    size_t na = 0, nb = 0, i, k;

    (void)state;
    assert_int_equal(outputs_build(&spec, "x", EMIT_HEADER | EMIT_SOURCE |
                                   EMIT_SINGLE, &a, &na), 0);
    assert_int_equal(outputs_build(&spec, "x", EMIT_HEADER | EMIT_SOURCE |
                                   EMIT_SINGLE, &b, &nb), 0);
    assert_int_equal(na, nb);
    for (i = 0; i < na; i++) {
        assert_int_equal(a[i].text.len, b[i].text.len);
        assert_memory_equal(a[i].text.data, b[i].text.data, a[i].text.len);
        /* emitted C is plain ASCII with \n line endings */
        for (k = 0; k < a[i].text.len; k++) {
            unsigned char c = (unsigned char)a[i].text.data[k];

            if (c >= 0x80 || c == '\r' || (c < 0x20 && c != '\n'))
                fail_msg("%s: byte 0x%02x at %lu", a[i].name, c,
                         (unsigned long)k);
        }
    }
    outputs_free(a, na);
    outputs_free(b, nb);
}

static void test_emit_banner_names_spec_and_hash(void **state)
{
    struct sbuf out;
    char hash[32];

    (void)state;
    sbuf_init(&out);
    {
        struct emit_ctx ctx;

        ctx.spec = &spec;
        ctx.spec_name = "../spec/mini.yaml";
        ctx.identity = spec_identity(&spec);
        emit_header(&ctx, &out);
    }
    snprintf(hash, sizeof hash, "spec id %016llx", spec_identity(&spec));
    assert_non_null(strstr(sbuf_str(&out), "statusgen " STATUSGEN_VERSION));
    assert_non_null(strstr(sbuf_str(&out), "../spec/mini.yaml"));
    assert_non_null(strstr(sbuf_str(&out), hash));
    assert_non_null(strstr(sbuf_str(&out), "DO NOT EDIT"));
    sbuf_free(&out);
}

/* A small spec; %s marks where each variant below puts its change. */
static const char id_base[] =
    "statusgen: 1\n"
    "registry: {name: idt, macro: IDT, range: [1, 99], languages: [en, de]}\n"
    "classes: [{name: LOW, range: [1, 9], title: {en: Low}}]\n"
    "traits: [{name: T1, doc: one}, {name: T2}]\n"
    "sources: [{id: s, file: s.txt}]\n"
    "codes:\n"
    "  - {code: 1, name: ONE, phrase: One, description: {en: First},\n"
    "     aliases: [UNO], traits: [T1], sources: [s], note: n,\n"
    "     reference: R1}\n"
    "  - {code: 2, name: TWO, phrase: Two, description: {en: Second}}\n";

static unsigned long long identity_of(const char *yaml)
{
    struct spec sp;
    struct diag_list dl;
    unsigned long long id;

    if (tu_load_text(yaml, &sp, &dl) != 0) {
        struct sbuf msg;

        sbuf_init(&msg);
        tu_diags(&dl, &msg);
        fail_msg("variant does not load:\n%s\n%s", yaml, sbuf_str(&msg));
    }
    id = spec_identity(&sp);
    spec_free(&sp);
    diag_free(&dl);
    return id;
}

/* Replaces the first "from" of id_base by "to" (which must be there). */
static unsigned long long identity_with(const char *from, const char *to)
{
    char text[2048];
    const char *at = strstr(id_base, from);

    if (at == NULL)
        fail_msg("'%s' is not in the base spec", from);
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - id_base), id_base, to,
             at + strlen(from));
    return identity_of(text);
}

static void test_emit_identity_ignores_layout(void **state)
{
    char text[2048];
    unsigned long long base = identity_of(id_base);

    (void)state;
    /* comments, quoting, key order, block instead of flow style */
    snprintf(text, sizeof text, "# a comment\n%s# the end\n", id_base);
    assert_true(identity_of(text) == base);
    assert_true(identity_with("phrase: Two", "phrase: \"Two\"")
                == base);
    assert_true(identity_with("{code: 2, name: TWO, phrase: Two,",
                              "{name: TWO, phrase: Two, code: 2,") == base);
    assert_true(identity_with("  - {code: 2, name: TWO, phrase: Two, "
                              "description: {en: Second}}\n",
                              "  - code: 2\n    name: TWO\n    phrase: Two\n"
                              "    description:\n      en: Second\n")
                == base);
}

static void test_emit_identity_follows_model(void **state)
{
    /* One change of every kind of value that reaches an output. */
    static const char *const edits[][2] = {
        {"name: idt", "name: idu"},          {"macro: IDT", "macro: IDU"},
        {"range: [1, 99]", "range: [1, 98]"},
        {"languages: [en, de]", "languages: [en, fr]"},
        {"registry: {", "registry: {title: T, "},
        {"registry: {", "registry: {updated: 2024-01-01, "},
        {"name: LOW", "name: LOWER"},        {"range: [1, 9]", "range: [1, 8]"},
        {"title: {en: Low}", "title: {en: Lo}"},
        {"title: {en: Low}", "title: {en: Low, de: Tief}"},
        {"doc: one", "doc: uno"},            {"{name: T2}", "{name: T3}"},
        {"file: s.txt", "file: t.txt"},      {"file: s.txt", "file: s.txt, language: en"},
        {"file: s.txt", "file: s.txt, doc: d"},
        {"code: 2", "code: 3"},              {"name: TWO", "name: ZWEI"},
        {"phrase: Two", "phrase: Deux"},
        {"phrase: Two", "phrase: Two, status: obsolete"},
        {"reference: R1", "reference: R2"},  {"note: n", "note: m"},
        {"aliases: [UNO]", "aliases: [UNO, EINS]"},
        {"traits: [T1]", "traits: [T1, T2]"},
        {"en: Second", "en: Zweite"},        {"en: Second}", "en: Second, de: Zwei}"},
        {"sources: [s], ", ""},
        {"title: {en: Low}", "title: {en: Low}, error: true"},
        {"doc: one", "doc: {en: one, de: eins}"},
        {"note: n", "note: {en: n, de: m}"},
        {"file: s.txt", "file: s.txt, doc: {en: d, de: e}"},
        {"phrase: Two", "phrase: Two, former_phrases: [Deux]"},
        {"registry: {", "registry: {title: {en: T, de: U}, "},
    };
    unsigned long long base = identity_of(id_base), ids[64];
    size_t i, j, n = sizeof edits / sizeof edits[0];

    (void)state;
    for (i = 0; i < n; i++) {
        ids[i] = identity_with(edits[i][0], edits[i][1]);
        if (ids[i] == base)
            fail_msg("'%s' -> '%s' keeps the identity", edits[i][0],
                     edits[i][1]);
        for (j = 0; j < i; j++)
            if (ids[i] == ids[j])
                fail_msg("edits %lu and %lu share an identity",
                         (unsigned long)j, (unsigned long)i);
    }
}

static void test_emit_kinds_parse(void **state)
{
    (void)state;
    assert_int_equal(emit_parse_kinds("header"), EMIT_HEADER);
    assert_int_equal(emit_parse_kinds("header,source,docs"), EMIT_DEFAULT);
    assert_int_equal(emit_parse_kinds("single,docs"), EMIT_SINGLE | EMIT_DOCS);
    assert_int_equal(emit_parse_kinds("headers"), 0);
    assert_int_equal(emit_parse_kinds("header,,x"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_emit_outputs_match_golden),
        cmocka_unit_test(test_emit_is_deterministic_and_ascii),
        cmocka_unit_test(test_emit_banner_names_spec_and_hash),
        cmocka_unit_test(test_emit_kinds_parse),
        cmocka_unit_test(test_emit_identity_ignores_layout),
        cmocka_unit_test(test_emit_identity_follows_model),
    };

    return cmocka_run_group_tests_name("emit", tests, setup, teardown);
}
