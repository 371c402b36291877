/*
 * test_schema.c - document tree to model: each value of a spec lands in
 * its field with the position it came from, language maps fill one slot
 * per registry language, a lone scalar is a list of one, and the streamed
 * build (spec_load) makes the model the tree build makes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "model.h"
#include "sbuf.h"
#include "testutil.h"

#include <string.h>

#define MINI FIXTURES_DIR "/mini.yaml"

/* Loads fixtures/mini.yaml the way statusgen does (streaming the codes). */
static void load_mini(struct spec *spec)
{
    struct diag_list dl;

    diag_init(&dl, "mini.yaml");
    if (spec_load(MINI, spec, &dl) != 0) {
        struct sbuf sb;

        sbuf_init(&sb);
        tu_diags(&dl, &sb);
        fail_msg("mini.yaml does not load:\n%s", sbuf_str(&sb));
    }
    diag_free(&dl);
}

static void assert_pos(struct sg_pos pos, int line, int col)
{
    assert_int_equal(pos.line, line);
    assert_int_equal(pos.col, col);
}

static void test_schema_registry_fields(void **state)
{
    struct spec spec;
    const struct spec_registry *reg = &spec.reg;

    (void)state;
    load_mini(&spec);
    assert_int_equal(spec.version, 1);
    assert_string_equal(reg->name.s, "mini");
    assert_pos(reg->name.pos, 7, 9);
    assert_string_equal(reg->macro.s, "MINI");
    assert_int_equal(reg->lo, 1);
    assert_int_equal(reg->hi, 99);
    assert_pos(reg->range_pos, 10, 10);
    assert_int_equal(reg->nlang, 2);
    assert_string_equal(reg->languages[0].s, "en");
    assert_string_equal(reg->languages[1].s, "de");
    assert_pos(reg->languages[1].pos, 11, 19);
    assert_string_equal(reg->title[0].s, "Mini Registry");
    assert_string_equal(reg->title[1].s, "Mini-Register");
    assert_string_equal(reg->updated.s, "2024-01-31");
    assert_int_equal(reg->no_descriptions, 0);
    spec_free(&spec);
}

/* A language map's absent language is an empty slot that spec_text
 * fills from the first language; a plain text is the first language's. */
static void test_schema_classes_traits_sources(void **state)
{
    struct spec spec;

    (void)state;
    load_mini(&spec);
    assert_int_equal(spec.nclasses, 2);
    assert_string_equal(spec.classes[0].name.s, "GOOD");
    assert_int_equal(spec.classes[0].lo, 1);
    assert_int_equal(spec.classes[0].hi, 9);
    assert_string_equal(spec.classes[0].title[1].s, "Gut");
    assert_int_equal(spec.classes[0].error, 0);
    assert_string_equal(spec.classes[1].name.s, "BAD");
    assert_pos(spec.classes[1].pos, 17, 5);
    assert_pos(spec.classes[1].range_pos, 18, 12);
    assert_null(spec.classes[1].title[1].s);
    assert_string_equal(spec_text(spec.classes[1].title, 1), "Bad");
    assert_int_equal(spec.classes[1].error, 1);

    assert_int_equal(spec.ntraits, 2);
    assert_string_equal(spec.traits[0].name.s, "FINAL");
    assert_string_equal(spec.traits[0].doc[1].s,
                        "Es folgt keine Nachricht mehr.");
    assert_string_equal(spec.traits[1].doc[0].s,
                        "Says \"*/\" and ?\?= in its doc.");
    assert_null(spec.traits[1].doc[1].s);

    assert_int_equal(spec.nsources, 1);
    assert_string_equal(spec.sources[0].id.s, "a");
    assert_string_equal(spec.sources[0].file.s, "a.txt");
    assert_string_equal(spec.sources[0].language.s, "en");
    assert_string_equal(spec.sources[0].doc[0].s, "first source");
    spec_free(&spec);
}

static void test_schema_codes_in_spec_order(void **state)
{
    struct spec spec;
    const struct spec_code *c;

    (void)state;
    load_mini(&spec);
    assert_int_equal(spec.ncodes, 3);

    c = &spec.codes[0];
    assert_int_equal(c->code, 10);
    assert_pos(c->pos, 27, 5);
    assert_pos(c->code_pos, 27, 11);
    assert_string_equal(c->name.s, "BROKEN");
    assert_string_equal(c->phrase.s, "Broken \"Thing\"");
    assert_pos(c->phrase.pos, 29, 13);
    assert_int_equal(c->nformer, 2);
    assert_string_equal(c->former[1].s, "Smashed *Thing*");
    assert_int_equal(c->status, STATUS_DEPRECATED);
    assert_pos(c->status_pos, 31, 13);
    assert_string_equal(c->reference.s, "Spec A, Section 1");
    assert_int_equal(c->naliases, 1);
    assert_string_equal(c->aliases[0].s, "SHATTERED");
    assert_int_equal(c->ntraits, 2);
    assert_string_equal(c->traits[0].s, "FINAL");
    assert_string_equal(c->traits[1].s, "LOUD");
    assert_pos(c->traits[1].pos, 34, 21);
    assert_string_equal(c->desc[0].s, "It broke.\nSecond line with a | pipe.");
    assert_string_equal(c->desc[1].s, "Es ist kaputt.");
    assert_pos(c->desc[1].pos, 37, 11);
    assert_int_equal(c->nsources, 1);
    assert_string_equal(c->sources[0].s, "a");
    assert_string_equal(c->note[0].s, "Chosen over *shattered*.");
    assert_null(c->note[1].s);

    /* no status: standard; no reference, aliases or sources: none */
    c = &spec.codes[1];
    assert_int_equal(c->code, 1);
    assert_int_equal(c->status, STATUS_STANDARD);
    assert_null(c->reference.s);
    assert_int_equal(c->naliases, 0);
    assert_int_equal(c->nformer, 0);
    assert_int_equal(c->nsources, 0);
    assert_string_equal(c->desc[1].s, "Alles gut: \xc3\xa4\xc3\xb6\xc3\xbc.");
    assert_string_equal(c->note[1].s, "Gut ist gut.");

    c = &spec.codes[2];
    assert_int_equal(c->code, 42);
    assert_int_equal(c->status, STATUS_UNOFFICIAL);
    assert_null(c->desc[1].s);
    assert_string_equal(spec_text(c->desc, 1), "Outside every class.");
    assert_null(c->note);
    spec_free(&spec);
}

/* aliases, traits, former_phrases, sources, reserved and reserved_names
 * take a lone scalar as a list of one. */
static void test_schema_lone_scalar_is_a_list_of_one(void **state)
{
    static const char yaml[] =
        "statusgen: 1\n"
        "registry: {name: reg, macro: REG, range: [1, 99], languages: en}\n"
        "traits: [{name: T}]\n"
        "sources: [{id: s}]\n"
        "codes:\n"
        "  - {code: 1, name: ONE, phrase: One, aliases: UNO, traits: T,\n"
        "     former_phrases: Uno, sources: s, description: d}\n"
        "reserved: 7\n"
        "reserved_names: SEVEN\n";
    struct spec spec;
    struct diag_list dl;
    const struct spec_code *c;

    (void)state;
    assert_int_equal(tu_load_text(yaml, &spec, &dl), 0);
    assert_int_equal(spec.reg.nlang, 1);
    assert_string_equal(spec.reg.languages[0].s, "en");
    c = &spec.codes[0];
    assert_int_equal(c->naliases, 1);
    assert_string_equal(c->aliases[0].s, "UNO");
    assert_int_equal(c->ntraits, 1);
    assert_string_equal(c->traits[0].s, "T");
    assert_int_equal(c->nformer, 1);
    assert_string_equal(c->former[0].s, "Uno");
    assert_int_equal(c->nsources, 1);
    assert_string_equal(c->sources[0].s, "s");
    assert_string_equal(c->desc[0].s, "d");
    assert_int_equal(spec.nreserved, 1);
    assert_int_equal(spec.reserved[0].v, 7);
    assert_pos(spec.reserved[0].pos, 8, 11);
    assert_int_equal(spec.nreserved_names, 1);
    assert_string_equal(spec.reserved_names[0].s, "SEVEN");
    spec_free(&spec);
    diag_free(&dl);
}

/* Compares two language maps of nlang slots (either may be NULL). */
static void assert_same_texts(const struct sg_str *a, const struct sg_str *b,
                              size_t nlang)
{
    size_t l;

    if (a == NULL || b == NULL) {
        assert_ptr_equal(a, b);
        return;
    }
    for (l = 0; l < nlang; l++) {
        if (a[l].s == NULL || b[l].s == NULL)
            assert_ptr_equal(a[l].s, b[l].s);
        else
            assert_string_equal(a[l].s, b[l].s);
        assert_pos(a[l].pos, b[l].pos.line, b[l].pos.col);
    }
}

/* spec_load builds the codes while the loader reads them; the tests'
 * tu_load_text builds them from the whole tree.  Same model. */
static void test_schema_streamed_build_is_the_tree_build(void **state)
{
    struct spec streamed, tree;
    struct diag_list dl;
    struct sbuf text;
    size_t i, k;

    (void)state;
    load_mini(&streamed);
    sbuf_init(&text);
    assert_int_equal(tu_read_file(MINI, &text), 0);
    assert_int_equal(tu_load_text(sbuf_str(&text), &tree, &dl), 0);
    assert_int_equal(streamed.ncodes, tree.ncodes);
    assert_int_equal(streamed.reg.nlang, tree.reg.nlang);
    assert_same_texts(streamed.reg.title, tree.reg.title, tree.reg.nlang);
    for (i = 0; i < tree.ncodes; i++) {
        const struct spec_code *s = &streamed.codes[i], *t = &tree.codes[i];

        assert_int_equal(s->code, t->code);
        assert_pos(s->pos, t->pos.line, t->pos.col);
        assert_pos(s->code_pos, t->code_pos.line, t->code_pos.col);
        assert_string_equal(s->name.s, t->name.s);
        assert_string_equal(s->phrase.s, t->phrase.s);
        assert_int_equal(s->status, t->status);
        assert_int_equal(s->naliases, t->naliases);
        assert_int_equal(s->nformer, t->nformer);
        for (k = 0; k < t->nformer; k++)
            assert_string_equal(s->former[k].s, t->former[k].s);
        assert_int_equal(s->ntraits, t->ntraits);
        assert_int_equal(s->trait_bits, t->trait_bits);
        assert_int_equal(s->class_index, t->class_index);
        assert_same_texts(s->desc, t->desc, tree.reg.nlang);
        assert_same_texts(s->note, t->note, tree.reg.nlang);
    }
    for (i = 0; i < tree.ncodes; i++)
        assert_int_equal(streamed.order[i], tree.order[i]);
    spec_free(&streamed);
    spec_free(&tree);
    diag_free(&dl);
    sbuf_free(&text);
}

static void test_schema_spec_text_and_status_keyword(void **state)
{
    struct sg_str texts[3];
    char first[] = "first", third[] = "third";

    (void)state;
    memset(texts, 0, sizeof texts);
    assert_null(spec_text(NULL, 0));
    assert_null(spec_text(texts, 2));
    texts[0].s = first;
    texts[2].s = third;
    assert_string_equal(spec_text(texts, 1), "first");
    assert_string_equal(spec_text(texts, 2), "third");

    assert_string_equal(status_keyword(STATUS_STANDARD), "standard");
    assert_string_equal(status_keyword(STATUS_TEMPORARY), "temporary");
    assert_string_equal(status_keyword(STATUS_DEPRECATED), "deprecated");
    assert_string_equal(status_keyword(STATUS_UNUSED), "unused");
    assert_string_equal(status_keyword(STATUS_OBSOLETE), "obsolete");
    assert_string_equal(status_keyword(STATUS_UNOFFICIAL), "unofficial");
    assert_string_equal(status_keyword(STATUS_COUNT_), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_registry_fields),
        cmocka_unit_test(test_schema_classes_traits_sources),
        cmocka_unit_test(test_schema_codes_in_spec_order),
        cmocka_unit_test(test_schema_lone_scalar_is_a_list_of_one),
        cmocka_unit_test(test_schema_streamed_build_is_the_tree_build),
        cmocka_unit_test(test_schema_spec_text_and_status_keyword),
    };

    return cmocka_run_group_tests_name("schema", tests, NULL, NULL);
}
