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
    struct sbuf text;
    size_t n = 0, i;

    (void)state;
    assert_int_equal(outputs_plan(&spec, "mini.yaml",
                                  EMIT_DEFAULT | EMIT_SINGLE | EMIT_JSON,
                                  &outs, &n),
                     0);
    /* header, source, single, JSON, and one doc per language */
    assert_int_equal(n, 6);
    assert_string_equal(outs[0].name, "mini.h");
    assert_string_equal(outs[1].name, "mini.c");
    assert_string_equal(outs[2].name, "mini_single.h");
    assert_string_equal(outs[3].name, "mini.json");
    assert_string_equal(outs[4].name, "mini.en.md");
    assert_string_equal(outs[5].name, "mini.de.md");
    sbuf_init(&text);
    for (i = 0; i < n; i++) {
        sbuf_reset(&text);
        assert_int_equal(output_collect(&outs[i], &text), 0);
        check_golden(outs[i].name, &text);
    }
    sbuf_free(&text);
    outputs_free(outs, n);
}

static void test_emit_is_deterministic_and_ascii(void **state)
{
    struct output *a = NULL, *b = NULL;
    struct sbuf ta, tb;
    size_t na = 0, nb = 0, i, k;

    (void)state;
    assert_int_equal(outputs_plan(&spec, "x", EMIT_HEADER | EMIT_SOURCE |
                                  EMIT_SINGLE, &a, &na), 0);
    assert_int_equal(outputs_plan(&spec, "x", EMIT_HEADER | EMIT_SOURCE |
                                  EMIT_SINGLE, &b, &nb), 0);
    assert_int_equal(na, nb);
    sbuf_init(&ta);
    sbuf_init(&tb);
    for (i = 0; i < na; i++) {
        sbuf_reset(&ta);
        sbuf_reset(&tb);
        assert_int_equal(output_collect(&a[i], &ta), 0);
        assert_int_equal(output_collect(&b[i], &tb), 0);
        assert_int_equal(ta.len, tb.len);
        assert_memory_equal(ta.data, tb.data, ta.len);
        /* emitted C is plain ASCII with \n line endings */
        for (k = 0; k < ta.len; k++) {
            unsigned char c = (unsigned char)ta.data[k];

            if (c >= 0x80 || c == '\r' || (c < 0x20 && c != '\n'))
                fail_msg("%s: byte 0x%02x at %lu", a[i].name, c,
                         (unsigned long)k);
        }
    }
    sbuf_free(&ta);
    sbuf_free(&tb);
    outputs_free(a, na);
    outputs_free(b, nb);
}

/* The modules in other languages, from the fixture that holds quotes,
 * backslashes, control characters, non-ASCII and 4-byte UTF-8: plain
 * ASCII with "\n" line endings, the same bytes twice, the banner. */
static void test_emit_other_languages_ascii_and_deterministic(void **state)
{
    unsigned kinds = output_kind_bit("python") |
                     output_kind_bit("typescript");
    struct output *outs = NULL;
    struct spec tricky;
    struct diag_list dl;
    struct sbuf ta[2], tb;
    size_t n = 0, i, k;

    (void)state;
    diag_init(&dl, "emission_safety.yaml");
    assert_int_equal(spec_load(FIXTURES_DIR "/emission_safety.yaml",
                               &tricky, &dl), 0);
    diag_free(&dl);
    assert_int_equal(outputs_plan(&tricky, "x.yaml", kinds, &outs, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(outs[0].name, "tricky.py");
    assert_string_equal(outs[1].name, "tricky.ts");
    for (i = 0; i < n; i++) {
        const char *text;

        sbuf_init(&ta[i]);
        sbuf_init(&tb);
        assert_int_equal(output_collect(&outs[i], &ta[i]), 0);
        assert_int_equal(output_collect(&outs[i], &tb), 0);
        text = sbuf_str(&ta[i]);
        assert_int_equal(ta[i].len, tb.len);
        assert_memory_equal(text, tb.data, tb.len);
        sbuf_free(&tb);
        for (k = 0; k < ta[i].len; k++) {
            unsigned char c = (unsigned char)text[k];

            if (c >= 0x80 || c == '\r' || (c < 0x20 && c != '\n'))
                fail_msg("%s: byte 0x%02x at %lu", outs[i].name, c,
                         (unsigned long)k);
        }
        assert_non_null(strstr(text, "Generated by statusgen "
                                     STATUSGEN_VERSION " from x.yaml"));
        assert_non_null(strstr(text, "DO NOT EDIT"));
        assert_non_null(strstr(text, "use it under any terms"));
    }
    /* 4-byte UTF-8 as \U in Python, as a surrogate pair in TypeScript */
    assert_non_null(strstr(sbuf_str(&ta[0]), "\\U0001f600"));
    assert_non_null(strstr(sbuf_str(&ta[1]), "\\ud83d\\ude00"));
    sbuf_free(&ta[0]);
    sbuf_free(&ta[1]);
    outputs_free(outs, n);
    spec_free(&tricky);
}

static void test_emit_banner_names_spec_and_hash(void **state)
{
    struct sbuf out;
    char hash[64];

    (void)state;
    sbuf_init(&out);
    {
        struct emit_ctx ctx;

        memset(&ctx, 0, sizeof ctx);
        ctx.spec = &spec;
        ctx.spec_name = "../spec/mini.yaml";
        spec_identity(&spec, ctx.spec_id);
        emit_header(&ctx, &out);
        snprintf(hash, sizeof hash, "spec id %s", ctx.spec_id);
    }
    assert_non_null(strstr(sbuf_str(&out), "statusgen " STATUSGEN_VERSION));
    assert_non_null(strstr(sbuf_str(&out), "../spec/mini.yaml"));
    assert_non_null(strstr(sbuf_str(&out), hash));
    assert_non_null(strstr(sbuf_str(&out), "DO NOT EDIT"));
    sbuf_free(&out);
}

/* Every file with a banner (all but the JSON) names its licence in SPDX
 * terms, the one that matches "use it under any terms". */
static void test_emit_banners_carry_spdx(void **state)
{
    struct output *outs = NULL;
    struct sbuf sb;
    size_t n = 0, i;
    /* every kind but the JSON, which has no banner */
    unsigned kinds = ((1u << output_nkinds) - 1u) & ~(unsigned)EMIT_JSON;

    (void)state;
    assert_int_equal(outputs_plan(&spec, "mini.yaml", kinds, &outs, &n), 0);
    assert_true(n >= 6);
    sbuf_init(&sb);
    for (i = 0; i < n; i++) {
        const char *text, *spdx;

        sbuf_reset(&sb);
        assert_int_equal(output_collect(&outs[i], &sb), 0);
        text = sbuf_str(&sb);
        spdx = strstr(text, "SPDX-License-Identifier: 0BSD");
        if (spdx == NULL || spdx - text > 600)
            fail_msg("%s: no SPDX line in its banner", outs[i].name);
    }
    sbuf_free(&sb);
    outputs_free(outs, n);
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

/* A spec id as a value. */
struct id {
    char hex[SPEC_ID_HEX + 1];
};

static int id_same(const struct id *a, const struct id *b)
{
    return strcmp(a->hex, b->hex) == 0;
}

static struct id identity_of(const char *yaml)
{
    struct spec sp;
    struct diag_list dl;
    struct id id;

    if (tu_load_text(yaml, &sp, &dl) != 0) {
        struct sbuf msg;

        sbuf_init(&msg);
        tu_diags(&dl, &msg);
        fail_msg("variant does not load:\n%s\n%s", yaml, sbuf_str(&msg));
    }
    spec_identity(&sp, id.hex);
    assert_int_equal(strlen(id.hex), SPEC_ID_HEX);
    spec_free(&sp);
    diag_free(&dl);
    return id;
}

/* Replaces the first "from" of id_base by "to" (which must be there). */
static struct id identity_with(const char *from, const char *to)
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
    struct id base = identity_of(id_base), v;

    (void)state;
    /* comments, quoting, key order, block instead of flow style */
    snprintf(text, sizeof text, "# a comment\n%s# the end\n", id_base);
    v = identity_of(text);
    assert_true(id_same(&v, &base));
    v = identity_with("phrase: Two", "phrase: \"Two\"");
    assert_true(id_same(&v, &base));
    v = identity_with("{code: 2, name: TWO, phrase: Two,",
                      "{name: TWO, phrase: Two, code: 2,");
    assert_true(id_same(&v, &base));
    v = identity_with("  - {code: 2, name: TWO, phrase: Two, "
                      "description: {en: Second}}\n",
                      "  - code: 2\n    name: TWO\n    phrase: Two\n"
                      "    description:\n      en: Second\n");
    assert_true(id_same(&v, &base));
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
    struct id base = identity_of(id_base), ids[64];
    size_t i, j, n = sizeof edits / sizeof edits[0];

    (void)state;
    for (i = 0; i < n; i++) {
        ids[i] = identity_with(edits[i][0], edits[i][1]);
        if (id_same(&ids[i], &base))
            fail_msg("'%s' -> '%s' keeps the identity", edits[i][0],
                     edits[i][1]);
        for (j = 0; j < i; j++)
            if (id_same(&ids[i], &ids[j]))
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
    assert_int_equal(emit_parse_kinds("json"), EMIT_JSON);
    assert_int_equal(emit_parse_kinds("jsonl"), 0);
    assert_int_equal(emit_parse_kinds("headers"), 0);
    assert_int_equal(emit_parse_kinds("header,,x"), 0);
    /* the names code uses are the table's rows */
    assert_int_equal(output_kind_bit("header"), EMIT_HEADER);
    assert_int_equal(output_kind_bit("source"), EMIT_SOURCE);
    assert_int_equal(output_kind_bit("single"), EMIT_SINGLE);
    assert_int_equal(output_kind_bit("json"), EMIT_JSON);
    assert_int_equal(output_kind_bit("docs"), EMIT_DOCS);
    assert_int_equal(output_kind_bit("nothing"), 0);
}

/* The docs' own words in zh and ru: natural labels, full-width
 * punctuation after Chinese labels, the status words, "Section" in the
 * reference translated, the known and registered counts, and a note the
 * language lacks under a label that says which language it is in. */
static void test_emit_docs_words_per_language(void **state)
{
    static const char yaml[] =
        "statusgen: 1\n"
        "registry: {name: wd, macro: WD, range: [1, 99], languages: [en, zh, ru],"
        " updated: 2025-09-15}\n"
        "classes: [{name: LOW, range: [1, 9], title: {en: Low, zh: \"\xe4\xbd\x8e\"}}]\n"
        "codes:\n"
        "  - {code: 1, name: ONE, phrase: One, status: deprecated,\n"
        "     reference: \"RFC 9110, Section 15.2.1\", aliases: [UNO],\n"
        "     description: {en: d}, note: only English}\n"
        "  - {code: 2, name: TWO, phrase: Two, status: obsolete,\n"
        "     reference: \"RFC 2774; RFC 9110, Section 9.2.2\",\n"
        "     description: {en: d}}\n"
        "  - {code: 3, name: THREE, phrase: Three, status: unofficial,\n"
        "     description: {en: d}}\n";
    struct spec sp;
    struct diag_list dl;
    struct emit_ctx ctx;
    struct sbuf en, zh, ru;

    (void)state;
    assert_int_equal(tu_load_text(yaml, &sp, &dl), 0);
    diag_free(&dl);
    memset(&ctx, 0, sizeof ctx);
    ctx.spec = &sp;
    ctx.spec_name = "wd.yaml";
    sbuf_init(&en);
    sbuf_init(&zh);
    sbuf_init(&ru);
    emit_docs(&ctx, 0, &en);
    emit_docs(&ctx, 1, &zh);
    emit_docs(&ctx, 2, &ru);
#define HAS(buf, text)                                                     \
    do {                                                                   \
        if (strstr(sbuf_str(&buf), text) == NULL)                          \
            fail_msg("no \"%s\" in:\n%s", text, sbuf_str(&buf));           \
    } while (0)
    /* known = in the spec (3); registered = not unofficial (2) */
    HAS(en, "\nKnown codes: 3, of which 2 are registered. Registry data as "
            "of 2025-09-15.\n");
    /* 已知状态码：3 个，其中 2 个已注册。数据截至 2025-09-15。 */
    HAS(zh, "\n\xe5\xb7\xb2\xe7\x9f\xa5\xe7\x8a\xb6\xe6\x80\x81\xe7\xa0\x81"
            "\xef\xbc\x9a" "3 \xe4\xb8\xaa\xef\xbc\x8c\xe5\x85\xb6\xe4\xb8\xad"
            " 2 \xe4\xb8\xaa\xe5\xb7\xb2\xe6\xb3\xa8\xe5\x86\x8c\xe3\x80\x82"
            "\xe6\x95\xb0\xe6\x8d\xae\xe6\x88\xaa\xe8\x87\xb3 2025-09-15"
            "\xe3\x80\x82\n");
    /* ... по состоянию на 2025-09-15. */
    HAS(ru, ": 3, \xd0\xb8\xd0\xb7 \xd0\xbd\xd0\xb8\xd1\x85 ");
    HAS(ru, " \xd0\xbf\xd0\xbe \xd1\x81\xd0\xbe\xd1\x81\xd1\x82\xd0\xbe"
            "\xd1\x8f\xd0\xbd\xd0\xb8\xd1\x8e \xd0\xbd\xd0\xb0 2025-09-15.\n");
    /* status words: deprecated 已弃用, obsolete 已废弃 */
    HAS(zh, "\xe7\x8a\xb6\xe6\x80\x81\xef\xbc\x9a\xe5\xb7\xb2\xe5\xbc\x83"
            "\xe7\x94\xa8\n");
    HAS(zh, "\xe7\x8a\xb6\xe6\x80\x81\xef\xbc\x9a\xe5\xb7\xb2\xe5\xba\x9f"
            "\xe5\xbc\x83\n");
    /* "Section" in references: 参考：RFC 9110 第 15.2.1 节 */
    HAS(zh, "\xe5\x8f\x82\xe8\x80\x83\xef\xbc\x9aRFC 9110 \xe7\xac\xac "
            "15.2.1 \xe8\x8a\x82\n");
    HAS(zh, "RFC 2774; RFC 9110 \xe7\xac\xac 9.2.2 \xe8\x8a\x82\n");
    HAS(ru, "RFC 9110, \xd1\x80\xd0\xb0\xd0\xb7\xd0\xb4\xd0\xb5\xd0\xbb "
            "15.2.1\n");
    HAS(en, "- Reference: RFC 9110, Section 15.2.1\n");
    assert_null(strstr(sbuf_str(&zh), "Section"));
    assert_null(strstr(sbuf_str(&ru), "Section"));
    /* full-width after Chinese labels: 名称：`WD_ONE`；旧名称：`WD_UNO` */
    HAS(zh, "\xe5\x90\x8d\xe7\xa7\xb0\xef\xbc\x9a`WD_ONE`\xef\xbc\x9b\xe6\x97"
            "\xa7\xe5\x90\x8d\xe7\xa7\xb0\xef\xbc\x9a`WD_UNO`\n");
    /* a range with the wave dash: ## 低（1～9） */
    HAS(zh, "## \xe4\xbd\x8e\xef\xbc\x88" "1\xef\xbd\x9e"
            "9\xef\xbc\x89\n");
    /* a note only in English: 说明（英文）： / Примечание (на английском): */
    HAS(zh, "- \xe8\xaf\xb4\xe6\x98\x8e\xef\xbc\x88\xe8\x8b\xb1\xe6\x96\x87"
            "\xef\xbc\x89\xef\xbc\x9aonly English\n");
    HAS(ru, "(\xd0\xbd\xd0\xb0 \xd0\xb0\xd0\xbd\xd0\xb3\xd0\xbb\xd0\xb8\xd0"
            "\xb9\xd1\x81\xd0\xba\xd0\xbe\xd0\xbc): only English\n");
    HAS(en, "- Note: only English\n");
    /* the banner in the language, the English marker and leave kept in
     * parentheses: 请勿编辑（DO NOT EDIT） / НЕ РЕДАКТИРУЙТЕ (DO NOT EDIT) */
    HAS(en, ". DO NOT EDIT. -->\n<!-- statusgen's licence does not cover "
            "this file: use it under any terms. -->\n");
    HAS(zh, "\xe3\x80\x82\xe8\xaf\xb7\xe5\x8b\xbf\xe7\xbc\x96\xe8\xbe\x91"
            "\xef\xbc\x88" "DO NOT EDIT\xef\xbc\x89");
    HAS(zh, "<!-- statusgen \xe7\x9a\x84\xe8\xae\xb8\xe5\x8f\xaf\xe8\xaf"
            "\x81");
    HAS(ru, ". \xd0\x9d\xd0\x95 \xd0\xa0\xd0\x95\xd0\x94\xd0\x90\xd0\x9a"
            "\xd0\xa2\xd0\x98\xd0\xa0\xd0\xa3\xd0\x99\xd0\xa2\xd0\x95 (DO "
            "NOT EDIT)");
    HAS(ru, "<!-- \xd0\x9b\xd0\xb8\xd1\x86\xd0\xb5\xd0\xbd\xd0\xb7\xd0\xb8"
            "\xd1\x8f statusgen");
    assert_null(strstr(sbuf_str(&zh), "Generated by"));
    assert_null(strstr(sbuf_str(&ru), "Generated by"));
    assert_null(strstr(sbuf_str(&zh), "<!-- statusgen's"));
    assert_null(strstr(sbuf_str(&ru), "<!-- statusgen's"));
#undef HAS
    sbuf_free(&en);
    sbuf_free(&zh);
    sbuf_free(&ru);
    spec_free(&sp);
}

/* The lists the docs make (former names, former phrases, traits, sources)
 * take each language's separator: the enumeration comma U+3001 in
 * Chinese, ", " in English and Russian. */
static void test_emit_docs_list_separator_per_language(void **state)
{
    static const char yaml[] =
        "statusgen: 1\n"
        "registry: {name: ls, macro: LS, range: [1, 99],"
        " languages: [en, zh, ru]}\n"
        "traits: [{name: FAST}, {name: SAFE}]\n"
        "sources: [{id: s1}, {id: s2}]\n"
        "codes:\n"
        "  - {code: 1, name: ONE, phrase: One, aliases: [UNO, EINS],\n"
        "     former_phrases: [Un, Eins], traits: [FAST, SAFE],\n"
        "     sources: [s1, s2], description: {en: d}}\n";
    static const char *const zh_has[] = {
        "`LS_UNO`\xe3\x80\x81`LS_EINS`\n",
        "\xef\xbc\x9aUn\xe3\x80\x81" "Eins\n",
        "| FAST\xe3\x80\x81SAFE |",
        "\xef\xbc\x9a" "FAST\xe3\x80\x81SAFE\n",
        "\xef\xbc\x9as1\xe3\x80\x81s2\n",
    };
    static const char *const comma_has[] = {
        "`LS_UNO`, `LS_EINS`\n", ": Un, Eins\n", "| FAST, SAFE |",
        ": FAST, SAFE\n", ": s1, s2\n",
    };
    struct spec sp;
    struct diag_list dl;
    struct emit_ctx ctx;
    struct sbuf out[3];
    size_t lang, i;

    (void)state;
    assert_int_equal(tu_load_text(yaml, &sp, &dl), 0);
    diag_free(&dl);
    ctx.spec = &sp;
    ctx.spec_name = "ls.yaml";
    for (lang = 0; lang < 3; lang++) {
        sbuf_init(&out[lang]);
        emit_docs(&ctx, lang, &out[lang]);
    }
    for (i = 0; i < sizeof zh_has / sizeof zh_has[0]; i++) {
        if (strstr(sbuf_str(&out[1]), zh_has[i]) == NULL)
            fail_msg("zh lacks \"%s\":\n%s", zh_has[i], sbuf_str(&out[1]));
        for (lang = 0; lang < 3; lang += 2)
            if (strstr(sbuf_str(&out[lang]), comma_has[i]) == NULL)
                fail_msg("%s lacks \"%s\":\n%s", lang ? "ru" : "en",
                         comma_has[i], sbuf_str(&out[lang]));
    }
    /* no ASCII list comma left in the Chinese docs' lists */
    assert_null(strstr(sbuf_str(&out[1]), "`, `"));
    assert_null(strstr(sbuf_str(&out[1]), "FAST, SAFE"));
    for (lang = 0; lang < 3; lang++)
        sbuf_free(&out[lang]);
    spec_free(&sp);
}

/* The Rust module and the C++ header of the fixture: their golden files,
 * the same bytes twice, plain ASCII. */
static void test_emit_rust_cxx_match_golden(void **state)
{
    unsigned kinds = output_kind_bit("rust") | output_kind_bit("cxx");
    struct output *outs = NULL;
    struct sbuf a, b;
    size_t n = 0, i, k;

    (void)state;
    assert_int_not_equal(output_kind_bit("rust"), 0);
    assert_int_not_equal(output_kind_bit("cxx"), 0);
    assert_int_equal(emit_parse_kinds("rust,cxx"), kinds);
    assert_int_equal(outputs_plan(&spec, "mini.yaml", kinds, &outs, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(outs[0].name, "mini.rs");
    assert_string_equal(outs[1].name, "mini.hpp");
    for (i = 0; i < n; i++) {
        sbuf_init(&a);
        sbuf_init(&b);
        assert_int_equal(output_collect(&outs[i], &a), 0);
        assert_int_equal(output_collect(&outs[i], &b), 0);
        check_golden(outs[i].name, &a);
        assert_int_equal(a.len, b.len);
        assert_memory_equal(a.data, b.data, a.len);
        for (k = 0; k < a.len; k++) {
            unsigned char c = (unsigned char)a.data[k];

            if (c >= 0x80 || c == '\r' || (c < 0x20 && c != '\n'))
                fail_msg("%s: byte 0x%02x at %lu", outs[i].name, c,
                         (unsigned long)k);
        }
        sbuf_free(&a);
        sbuf_free(&b);
    }
    outputs_free(outs, n);
}

/* Emits kind (rust or cxx) from a spec in YAML into out. */
static void emit_text(const char *yaml, void (*emit)(const struct emit_ctx *,
                                                     struct sbuf *),
                      struct sbuf *out)
{
    struct spec sp;
    struct diag_list dl;
    struct emit_ctx ctx;

    assert_int_equal(tu_load_text(yaml, &sp, &dl), 0);
    diag_free(&dl);
    ctx.spec = &sp;
    ctx.spec_name = "t.yaml";
    spec_identity(&sp, ctx.spec_id);
    sbuf_init(out);
    emit(&ctx, out);
    assert_false(sbuf_failed(out));
    spec_free(&sp);
}

/* Rust: string escapes by character, empty texts as None, the names that
 * need a '_' (Self, a type that would hide Option), CamelCase that keeps
 * X_1 and X1 apart, and u32 codes past u16. */
static void test_emit_rust_names_and_escapes(void **state)
{
    static const char yaml[] =
        "statusgen: 1\n"
        "registry: {name: option, macro: OPT, range: [1, 65536],"
        " languages: [en, de]}\n"
        "classes: [{name: SELF, range: [1, 9]}]\n"
        "codes:\n"
        "  - {code: 1, name: SELF, phrase: \"Say \\\"hi\\\" \\\\o/\",\n"
        "     reference: \"\",\n"
        "     description: {en: \"a\\tb\\nc\\x01d \xc3\xa4 \xf0\x9f\x98\x80\","
        " de: \"\"}}\n"
        "  - {code: 2, name: X_1, phrase: a, description: {en: x}}\n"
        "  - {code: 3, name: X1, phrase: b, description: {en: y}}\n";
    struct sbuf out;
    const char *s;

    (void)state;
    emit_text(yaml, emit_rust, &out);
    s = sbuf_str(&out);
    assert_non_null(strstr(s, "#[repr(u32)]\npub enum Option_ {\n"));
    assert_non_null(strstr(s, "    Self_ = 1,\n"));
    assert_non_null(strstr(s, "    X_1 = 2,\n"));
    assert_non_null(strstr(s, "    X1 = 3,\n"));
    assert_non_null(strstr(s, "#[allow(non_camel_case_types)]\n#[repr"));
    assert_non_null(strstr(s, "pub enum OptionClass {"));
    assert_non_null(strstr(s, "Self::Self_ => \"Say \\\"hi\\\" \\\\o/\",\n"));
    assert_non_null(strstr(s, "[Some(\"a\\tb\\nc\\x01d \\u{e4} "
                              "\\u{1f600}\"), None]"));
    assert_non_null(strstr(s, "pub fn reason(code: u32) -> "));
    /* an empty reference is no reference, as the C's NULL */
    assert_non_null(strstr(s, "    pub const fn reference(self) -> "
                              "Option<&'static str> {\n        None\n"));
    sbuf_free(&out);
}

/* C++: lower-case enumerators, a '_' after keywords and lower-case
 * macros, the namespace and its override, a guard no C name can be. */
static void test_emit_cxx_names(void **state)
{
    static const char yaml[] =
        "statusgen: 1\n"
        "registry: {name: kw, macro: KW, range: [1, 9], languages: [en]}\n"
        "classes: [{name: DEFAULT, range: [1, 9], error: true}]\n"
        "traits: [{name: NEW}]\n"
        "codes:\n"
        "  - {code: 1, name: DELETE, phrase: a, aliases: [ERRNO, TYPEOF],"
        " traits: [NEW], description: {en: x}}\n"
        "  - {code: 2, name: NOT_FOUND, phrase: b, aliases: [LINUX_2],"
        " description: {en: y}}\n";
    struct sbuf out;
    const char *s;

    (void)state;
    emit_text(yaml, emit_cxx, &out);
    s = sbuf_str(&out);
    assert_non_null(strstr(s, "#ifndef KW_HPP_\n#define KW_HPP_\n"));
    assert_non_null(strstr(s, "#ifdef KW_NAMESPACE\nnamespace KW_NAMESPACE {"
                              "\n#else\nnamespace statusgen::kw {\n#endif"));
    assert_non_null(strstr(s, "enum class kw_code : int {\n"));
    assert_non_null(strstr(s, "    delete_ = 1,\n"));
    assert_non_null(strstr(s, "    errno_ [[deprecated(\"a former name of "
                              "delete_\")]] = 1,\n"));
    assert_non_null(strstr(s, "    typeof_ [[deprecated("));
    assert_non_null(strstr(s, "    not_found = 2,\n"));
    assert_non_null(strstr(s, "    linux_2 [[deprecated("));
    assert_non_null(strstr(s, "    default_ = 1, /* 1-9 */\n"));
    assert_non_null(strstr(s, "inline constexpr unsigned new_ = 1u << 0;"));
    assert_non_null(strstr(s, "constexpr bool is_default(int c) noexcept"));
    /* no macro but the guard */
    assert_null(strstr(s, "#define KW_NAMESPACE"));
    sbuf_free(&out);
}

/* JSON text: quotes, backslashes and control characters escaped, UTF-8
 * kept, absent values null, absent languages left out. */
static void test_emit_json_escapes(void **state)
{
    static const char yaml[] =
        "statusgen: 1\n"
        "registry: {name: js, macro: JS, range: [1, 9], languages: [en, de]}\n"
        "codes:\n"
        "  - {code: 1, name: ONE, phrase: \"Say \\\"hi\\\" \\\\o/\",\n"
        "     description: {en: \"a\\tb\\nc\\x01d \xc3\xa4\"}}\n";
    struct spec sp;
    struct diag_list dl;
    struct emit_ctx ctx;
    struct sbuf out;

    (void)state;
    assert_int_equal(tu_load_text(yaml, &sp, &dl), 0);
    diag_free(&dl);
    memset(&ctx, 0, sizeof ctx);
    ctx.spec = &sp;
    ctx.spec_name = "js.yaml";
    spec_identity(&sp, ctx.spec_id);
    sbuf_init(&out);
    emit_json(&ctx, &out);
    assert_non_null(strstr(sbuf_str(&out), "\"phrase\": \"Say \\\"hi\\\" "
                                           "\\\\o/\",\n"));
    assert_non_null(strstr(sbuf_str(&out), "\"description\": {\"en\": "
                           "\"a\\tb\\nc\\u0001d \xc3\xa4\"},\n"));
    assert_non_null(strstr(sbuf_str(&out), "\"reference\": null,\n"));
    assert_non_null(strstr(sbuf_str(&out), "\"classes\": [],\n"));
    assert_non_null(strstr(sbuf_str(&out), "\"format\": 1,\n"));
    assert_int_equal(sbuf_str(&out)[out.len - 1], '\n');
    sbuf_free(&out);
    spec_free(&sp);
}

/* Templates: each point takes its value, "@@" is an '@', and a point
 * without a value or left open marks the buffer failed. */
static void test_emit_template_points(void **state)
{
    const char *vars[] = {"n", "http_status", "m", "HTTP_STATUS",
                          "empty", "", NULL};
    struct sbuf out;

    (void)state;
    sbuf_init(&out);
    emit_template(&out, "int @n@_x(void) { return @m@_Y@empty@; } /* @@ */\n",
                  vars);
    assert_false(sbuf_failed(&out));
    assert_string_equal(sbuf_str(&out),
                        "int http_status_x(void) { return HTTP_STATUS_Y; } "
                        "/* @ */\n");
    sbuf_free(&out);

    sbuf_init(&out);
    emit_template(&out, "a @nn@ b", vars);
    assert_true(sbuf_failed(&out));
    sbuf_free(&out);

    sbuf_init(&out);
    emit_template(&out, "a @n", vars);
    assert_true(sbuf_failed(&out));
    sbuf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_emit_outputs_match_golden),
        cmocka_unit_test(test_emit_rust_cxx_match_golden),
        cmocka_unit_test(test_emit_rust_names_and_escapes),
        cmocka_unit_test(test_emit_cxx_names),
        cmocka_unit_test(test_emit_is_deterministic_and_ascii),
        cmocka_unit_test(test_emit_other_languages_ascii_and_deterministic),
        cmocka_unit_test(test_emit_banner_names_spec_and_hash),
        cmocka_unit_test(test_emit_banners_carry_spdx),
        cmocka_unit_test(test_emit_kinds_parse),
        cmocka_unit_test(test_emit_json_escapes),
        cmocka_unit_test(test_emit_docs_words_per_language),
        cmocka_unit_test(test_emit_docs_list_separator_per_language),
        cmocka_unit_test(test_emit_identity_ignores_layout),
        cmocka_unit_test(test_emit_identity_follows_model),
        cmocka_unit_test(test_emit_template_points),
    };

    return cmocka_run_group_tests_name("emit", tests, setup, teardown);
}
