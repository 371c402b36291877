/*
 * test_fields.c - declared per-code fields, registries without wire
 * phrases and overlays ('extends'), through the loader, validation, the
 * identity, --languages and compat.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "compat.h"
#include "emit.h"
#include "model.h"
#include "sbuf.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* A registry with an int, an enum, a text, a string and a bool field;
 * the declarations come after the codes, which a loader that streams the
 * codes must still resolve. */
static const char fields_spec[] =
    "statusgen: 1\n"
    "registry: {name: demo, macro: DEMO, range: [1, 99], languages: [en, de]}\n"
    "codes:\n"
    "  - {code: 1, name: ONE, phrase: One, description: one,\n"
    "     weight: 10, kind: LARGE, motto: {en: First, de: Erstes}}\n"
    "  - {code: 3, name: THREE, phrase: Three, description: three,\n"
    "     tag: x, hot: true}\n"
    "  - {code: 2, name: TWO, phrase: Two, description: two, weight: -4}\n"
    "fields:\n"
    "  - {name: weight, type: int, doc: {en: How heavy., de: Wie schwer.}}\n"
    "  - {name: kind, type: enum, values: [SMALL, LARGE], default: SMALL}\n"
    "  - {name: motto, type: text}\n"
    "  - {name: tag, type: string}\n"
    "  - {name: hot, type: bool}\n";

/* The index of code in spec->codes. */
static size_t code_index(const struct spec *spec, long code)
{
    size_t i;

    for (i = 0; i < spec->ncodes; i++)
        if (spec->codes[i].code == code)
            return i;
    fail_msg("no code %ld", code);
    return 0;
}

/* Checks the model fields_spec makes. */
static void check_fields_model(const struct spec *spec)
{
    const struct field_value *v;

    assert_int_equal(spec->nfields, 5);
    assert_string_equal(spec->fields[0].name.s, "weight");
    assert_int_equal(spec->fields[0].type, FIELD_INT);
    assert_string_equal(spec->fields[0].doc[1].s, "Wie schwer.");
    v = spec_field_value(&spec->fields[0], code_index(spec, 1));
    assert_non_null(v);
    assert_int_equal(v->num, 10);
    v = spec_field_value(&spec->fields[0], code_index(spec, 2));
    assert_int_equal(v->num, -4);
    assert_null(spec_field_value(&spec->fields[0], code_index(spec, 3)));
    /* an enum value's index; the default for a code without one */
    v = spec_field_value(&spec->fields[1], code_index(spec, 1));
    assert_int_equal(v->num, 1);
    v = spec_field_value(&spec->fields[1], code_index(spec, 2));
    assert_ptr_equal(v, &spec->fields[1].def);
    assert_int_equal(v->num, 0);
    assert_null(spec_field_own(&spec->fields[1], code_index(spec, 2)));
    v = spec_field_value(&spec->fields[2], code_index(spec, 1));
    assert_string_equal(v->text[0].s, "First");
    assert_string_equal(v->text[1].s, "Erstes");
    v = spec_field_value(&spec->fields[3], code_index(spec, 3));
    assert_string_equal(v->str.s, "x");
    /* a bool is false unless said otherwise */
    assert_true(spec->fields[4].has_default);
    assert_int_equal(spec_field_value(&spec->fields[4], 0)->num, 0);
    assert_int_equal(spec_field_value(&spec->fields[4],
                                      code_index(spec, 3))->num, 1);
}

static void test_fields_values_from_a_tree(void **state)
{
    struct spec spec;
    struct diag_list dl;

    (void)state;
    assert_int_equal(tu_load_text(fields_spec, &spec, &dl), 0);
    check_fields_model(&spec);
    spec_free(&spec);
    diag_free(&dl);
}

static void test_fields_values_streamed_before_their_declaration(void **state)
{
    const char *dir = tu_temp_dir("fields");
    char path[512];
    struct spec spec;
    struct diag_list dl;

    (void)state;
    assert_non_null(dir);
    snprintf(path, sizeof path, "%s/f.yaml", dir);
    assert_int_equal(tu_write_file(path, fields_spec, strlen(fields_spec)),
                     0);
    diag_init(&dl, path);
    assert_int_equal(spec_load(path, &spec, &dl), 0);
    check_fields_model(&spec);
    assert_int_equal(spec.ninputs, 1);
    assert_string_equal(spec.inputs[0], path);
    spec_free(&spec);
    diag_free(&dl);
    remove(path);
}

static void test_fields_unknown_key_offers_fields(void **state)
{
    struct spec spec;
    struct diag_list dl;
    struct sbuf out;
    static const char text[] =
        "statusgen: 1\n"
        "registry: {name: demo, macro: DEMO, range: [1, 9], "
        "languages: [en]}\n"
        "fields: [{name: grpc, type: int}]\n"
        "codes:\n"
        "  - {code: 1, name: ONE, phrase: One, description: one, "
        "grcp: 4}\n";

    (void)state;
    assert_int_equal(tu_load_text(text, &spec, &dl), -1);
    sbuf_init(&out);
    tu_diags(&dl, &out);
    assert_string_equal(sbuf_str(&out),
        "t.yaml:5:57: error: unknown key 'grcp' in code 1; did you mean "
        "'grpc'?\n"
        "t.yaml:5:57: note: a code's keys: code, name, phrase, "
        "former_phrases, status, reference, aliases, traits, description, "
        "sources, note, registry_phrase; declared fields: grpc\n");
    sbuf_free(&out);
    spec_free(&spec);
    diag_free(&dl);
}

/* The identity of the spec text (which must load). */
static void identity_of(const char *text, char id[SPEC_ID_HEX + 1])
{
    struct spec spec;
    struct diag_list dl;

    assert_int_equal(tu_load_text(text, &spec, &dl), 0);
    spec_identity(&spec, id);
    spec_free(&spec);
    diag_free(&dl);
}

static void test_fields_identity_covers_fields_and_phrases(void **state)
{
    static const char base[] =
        "statusgen: 1\n"
        "registry: {name: d, macro: D, range: [1, 9], languages: [en]}\n"
        "codes: [{code: 1, name: ONE, phrase: One, description: one}]\n";
    char plain[SPEC_ID_HEX + 1], other[SPEC_ID_HEX + 1];
    struct sbuf t;

    (void)state;
    identity_of(base, plain);
    /* an empty list of fields is no field: the same model */
    sbuf_init(&t);
    sbuf_printf(&t, "%sfields: []\n", base);
    identity_of(sbuf_str(&t), other);
    assert_string_equal(plain, other);
    /* a declaration, a value, a default, phrases: false: each counts */
    sbuf_reset(&t);
    sbuf_printf(&t, "%sfields: [{name: w, type: int}]\n", base);
    identity_of(sbuf_str(&t), other);
    assert_string_not_equal(plain, other);
    strcpy(plain, other);
    sbuf_reset(&t);
    sbuf_printf(&t, "%sfields: [{name: w, type: int, default: 3}]\n", base);
    identity_of(sbuf_str(&t), other);
    assert_string_not_equal(plain, other);
    sbuf_reset(&t);
    sbuf_puts(&t, "statusgen: 1\n"
        "registry: {name: d, macro: D, range: [1, 9], languages: [en]}\n"
        "codes: [{code: 1, name: ONE, phrase: One, description: one, "
        "w: 3}]\nfields: [{name: w, type: int}]\n");
    identity_of(sbuf_str(&t), other);
    assert_string_not_equal(plain, other);
    identity_of(base, plain);
    sbuf_reset(&t);
    sbuf_puts(&t, "statusgen: 1\n"
        "registry: {name: d, macro: D, range: [1, 9], languages: [en], "
        "phrases: false}\n"
        "codes: [{code: 1, name: ONE, phrase: One, description: one}]\n");
    identity_of(sbuf_str(&t), other);
    assert_string_not_equal(plain, other);
    sbuf_free(&t);
}

static void test_fields_reason_without_phrases(void **state)
{
    struct spec spec;
    struct diag_list dl;
    struct spec_overrides ov;
    static const char text[] =
        "statusgen: 1\n"
        "registry: {name: g, macro: G, range: [0, 9], languages: [en, zh],\n"
        "           phrases: false}\n"
        "codes:\n"
        "  - {code: 0, name: OK, description: {en: All good., zh: ok}}\n"
        "  - {code: 1, name: ONE, phrase: Label, description: x}\n"
        "  - {code: 2, name: TWO, phrase: Label, description: y}\n";

    (void)state;
    assert_int_equal(tu_load_text(text, &spec, &dl), 0);
    assert_true(spec.reg.no_phrases);
    assert_string_equal(spec_reason(&spec.codes[0]), "All good.");
    assert_string_equal(spec_reason(&spec.codes[1]), "Label");
    /* without descriptions, the name */
    memset(&ov, 0, sizeof ov);
    ov.languages = "none";
    assert_int_equal(spec_override(&spec, &ov, &dl), 0);
    assert_string_equal(spec_reason(&spec.codes[0]), "OK");
    spec_free(&spec);
    diag_free(&dl);
}

static void test_fields_languages_select_texts(void **state)
{
    struct spec spec;
    struct diag_list dl;
    struct spec_overrides ov;
    const struct field_value *v;

    (void)state;
    assert_int_equal(tu_load_text(fields_spec, &spec, &dl), 0);
    memset(&ov, 0, sizeof ov);
    ov.languages = "de";
    assert_int_equal(spec_override(&spec, &ov, &dl), 0);
    v = spec_field_value(&spec.fields[2], code_index(&spec, 1));
    assert_string_equal(v->text[0].s, "Erstes");
    assert_string_equal(spec.fields[0].doc[0].s, "Wie schwer.");
    spec_free(&spec);
    diag_free(&dl);
}

/* --- overlays -------------------------------------------------------- */

static const char overlay_base[] =
    "statusgen: 1\n"
    "registry:\n"
    "  name: demo\n"
    "  macro: DEMO\n"
    "  title: Demo\n"
    "  range: [100, 599]\n"
    "  languages: [en]\n"
    "fields: [{name: grpc, type: int, default: 2}]\n"
    "codes:\n"
    "  - {code: 200, name: OK, phrase: OK, description: Fine.}\n"
    "  - {code: 404, name: NOT_FOUND, phrase: Not Found, description: Gone.,\n"
    "     grpc: 12}\n"
    "  - {code: 418, name: TEAPOT, phrase: I'm a teapot, description: Tea.}\n";

static const char overlay_top[] =
    "# additions\n"
    "statusgen: 1\n"
    "extends: sub/base.yaml\n"
    "registry:\n"
    "  title: Demo and more\n"
    "  languages: [de]\n"
    "fields: [{name: legacy, type: bool}]\n"
    "remove: [418]\n"
    "codes:\n"
    "  - {code: 419, name: PAGE_EXPIRED, phrase: Page Expired,\n"
    "     status: unofficial, description: {en: Expired., de: Abgelaufen.},\n"
    "     legacy: true}\n"
    "  - {code: 404, description: {de: Weg.}, grpc: 5}\n";

/* Writes the overlay and its base into a new directory; path gets the
 * overlay's path. */
static void write_overlay(const char *top, const char *base, char *path,
                          size_t size, const char *tag)
{
    const char *dir = tu_temp_dir(tag);
    char p[512];

    assert_non_null(dir);
    snprintf(p, sizeof p, "%s/sub", dir);
    assert_int_equal(mkdir(p, 0777), 0);
    snprintf(p, sizeof p, "%s/sub/base.yaml", dir);
    assert_int_equal(tu_write_file(p, base, strlen(base)), 0);
    snprintf(path, size, "%s/top.yaml", dir);
    assert_int_equal(tu_write_file(path, top, strlen(top)), 0);
}

static void test_overlay_merges_into_its_base(void **state)
{
    char path[512], want[600];
    struct spec spec;
    struct diag_list dl;
    size_t i404;

    (void)state;
    write_overlay(overlay_top, overlay_base, path, sizeof path, "overlay");
    diag_init(&dl, path);
    assert_int_equal(spec_load(path, &spec, &dl), 0);
    assert_int_equal(dl.count, 0);
    /* 200, 404 and 419: 418 removed */
    assert_int_equal(spec.ncodes, 3);
    assert_int_equal(spec.codes[spec.order[0]].code, 200);
    assert_int_equal(spec.codes[spec.order[1]].code, 404);
    assert_int_equal(spec.codes[spec.order[2]].code, 419);
    assert_string_equal(spec.reg.title[0].s, "Demo and more");
    assert_string_equal(spec.reg.name.s, "demo");
    assert_int_equal(spec.reg.nlang, 2);
    assert_string_equal(spec.reg.languages[1].s, "de");
    /* a changed code keeps what the overlay does not say */
    i404 = code_index(&spec, 404);
    assert_string_equal(spec.codes[i404].phrase.s, "Not Found");
    assert_string_equal(spec.codes[i404].desc[0].s, "Gone.");
    assert_string_equal(spec.codes[i404].desc[1].s, "Weg.");
    assert_int_equal(spec_field_value(&spec.fields[0], i404)->num, 5);
    /* a field of the base and one of the overlay */
    assert_int_equal(spec.nfields, 2);
    assert_int_equal(spec_field_value(&spec.fields[0],
                                      code_index(&spec, 419))->num, 2);
    assert_int_equal(spec_field_value(&spec.fields[1],
                                      code_index(&spec, 419))->num, 1);
    /* both files are inputs */
    assert_int_equal(spec.ninputs, 2);
    assert_string_equal(spec.inputs[0], path);
    snprintf(want, sizeof want, "%.*s/sub/base.yaml",
             (int)(strrchr(path, '/') - path), path);
    assert_string_equal(spec.inputs[1], want);
    spec_free(&spec);
    diag_free(&dl);
}

static void test_overlay_errors_name_their_file(void **state)
{
    static const char top[] =
        "statusgen: 1\n"
        "extends: sub/base.yaml\n"
        "codes:\n"
        "  - {code: 405, name: NOT_FOUND, phrase: Nope, description: x}\n"
        "  - {code: 200, traits: [LOUD]}\n";
    static const char base[] =
        "statusgen: 1\n"
        "registry: {name: demo, macro: DEMO, range: [100, 599], "
        "languages: [en]}\n"
        "codes:\n"
        "  - {code: 200, name: OK, phrase: OK, description: Fine.}\n"
        "  - {code: 404, name: NOT_FOUND, phrase: Not Found, descripton: x}\n";
    char path[512], base_path[600];
    struct spec spec;
    struct diag_list dl;
    struct sbuf out, want;

    (void)state;
    write_overlay(top, base, path, sizeof path, "overlay-err");
    snprintf(base_path, sizeof base_path, "%.*s/sub/base.yaml",
             (int)(strrchr(path, '/') - path), path);
    diag_init(&dl, path);
    assert_int_equal(spec_load(path, &spec, &dl), -1);
    diag_sort(&dl);
    sbuf_init(&out);
    tu_diags(&dl, &out);
    sbuf_init(&want);
    sbuf_printf(&want,
        "%s:4:23: error: duplicate name 'NOT_FOUND'\n"
        "%s:5:23: note: 'NOT_FOUND' first defined here\n"
        "%s:5:26: error: trait 'LOUD' is not declared in 'traits'\n"
        "%s:5:53: error: unknown key 'descripton' in code 404; did you "
        "mean 'description'?\n"
        "%s:5:53: note: a code's keys: code, name, phrase, former_phrases, "
        "status, reference, aliases, traits, description, sources, note, "
        "registry_phrase; no fields are declared (a key of your own needs "
        "an entry under 'fields')\n", path, base_path, path, base_path,
        base_path);
    assert_string_equal(sbuf_str(&out), sbuf_str(&want));
    sbuf_free(&out);
    sbuf_free(&want);
    spec_free(&spec);
    diag_free(&dl);
}

static void test_overlay_extends_after_the_codes(void **state)
{
    static const char top[] =
        "statusgen: 1\n"
        "codes:\n"
        "  - {code: 201, name: CREATED, phrase: Created, description: New.}\n"
        "extends: sub/base.yaml\n";
    char path[512];
    struct spec spec;
    struct diag_list dl;

    (void)state;
    write_overlay(top, overlay_base, path, sizeof path, "overlay-late");
    diag_init(&dl, path);
    assert_int_equal(spec_load(path, &spec, &dl), 0);
    assert_int_equal(spec.ncodes, 4);
    assert_int_equal(spec.codes[spec.order[1]].code, 201);
    spec_free(&spec);
    diag_free(&dl);
}

static void test_overlay_identity_is_the_merged_models(void **state)
{
    /* the overlay's result written as one spec */
    static const char flat[] =
        "statusgen: 1\n"
        "registry: {name: demo, macro: DEMO, title: Demo and more,\n"
        "           range: [100, 599], languages: [en, de]}\n"
        "fields: [{name: grpc, type: int, default: 2},\n"
        "         {name: legacy, type: bool}]\n"
        "codes:\n"
        "  - {code: 200, name: OK, phrase: OK, description: Fine.}\n"
        "  - {code: 404, name: NOT_FOUND, phrase: Not Found,\n"
        "     description: {en: Gone., de: Weg.}, grpc: 5}\n"
        "  - {code: 419, name: PAGE_EXPIRED, phrase: Page Expired,\n"
        "     status: unofficial, description: {en: Expired., de: Abgelaufen.},\n"
        "     legacy: true}\n";
    char path[512], a[SPEC_ID_HEX + 1], b[SPEC_ID_HEX + 1];
    struct spec spec;
    struct diag_list dl;

    (void)state;
    write_overlay(overlay_top, overlay_base, path, sizeof path, "overlay-id");
    diag_init(&dl, path);
    assert_int_equal(spec_load(path, &spec, &dl), 0);
    spec_identity(&spec, a);
    spec_free(&spec);
    diag_free(&dl);
    identity_of(flat, b);
    assert_string_equal(a, b);
}

/* --- compat ---------------------------------------------------------- */

static void test_fields_compat(void **state)
{
    static const char old[] =
        "statusgen: 1\n"
        "registry: {name: d, macro: D, range: [1, 9], languages: [en]}\n"
        "fields:\n"
        "  - {name: w, type: int}\n"
        "  - {name: k, type: enum, values: [A, B]}\n"
        "  - {name: gone, type: bool}\n"
        "  - {name: t, type: int}\n"
        "codes:\n"
        "  - {code: 1, name: ONE, phrase: One, description: x, w: 1, k: A}\n"
        "  - {code: 2, name: TWO, phrase: Two, description: y, w: 2}\n";
    static const char new_[] =
        "statusgen: 1\n"
        "registry: {name: d, macro: D, range: [1, 9], languages: [en],\n"
        "           phrases: false}\n"
        "fields:\n"
        "  - {name: w, type: int}\n"
        "  - {name: k, type: enum, values: [B, A]}\n"
        "  - {name: t, type: string}\n"
        "  - {name: added, type: int}\n"
        "codes:\n"
        "  - {code: 1, name: ONE, phrase: One, description: x, w: 1, k: A}\n"
        "  - {code: 2, name: TWO, phrase: Two, description: y, w: 3}\n";
    struct spec o, n;
    struct diag_list dl;
    struct compat_report r;
    size_t i;
    int moved = 0, removed = 0, retyped = 0, changed = 0, phrases = 0;

    (void)state;
    assert_int_equal(tu_load_text(old, &o, &dl), 0);
    diag_free(&dl);
    assert_int_equal(tu_load_text(new_, &n, &dl), 0);
    diag_free(&dl);
    compat_report_init(&r);
    assert_int_equal(compat_compare(&o, &n, &r), 0);
    for (i = 0; i < r.n; i++) {
        const char *m = r.items[i].msg;

        if (strstr(m, "moved from"))
            moved++;
        else if (strstr(m, "field gone was removed"))
            removed++;
        else if (strstr(m, "field t changed type from int to string"))
            retyped++;
        else if (strstr(m, "field w of 2 changed from 2 to 3")) {
            changed++;
            assert_int_equal(r.items[i].level, DIAG_WARNING);
        } else if (strstr(m, "from_reason() is gone"))
            phrases++;
    }
    assert_int_equal(moved, 2);
    assert_int_equal(removed, 1);
    assert_int_equal(retyped, 1);
    assert_int_equal(changed, 1);
    assert_int_equal(phrases, 1);
    assert_int_equal(r.errors, 5);
    assert_int_equal(r.warnings, 1);
    compat_report_free(&r);
    spec_free(&o);
    spec_free(&n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fields_values_from_a_tree),
        cmocka_unit_test(test_fields_values_streamed_before_their_declaration),
        cmocka_unit_test(test_fields_unknown_key_offers_fields),
        cmocka_unit_test(test_fields_identity_covers_fields_and_phrases),
        cmocka_unit_test(test_fields_reason_without_phrases),
        cmocka_unit_test(test_fields_languages_select_texts),
        cmocka_unit_test(test_overlay_merges_into_its_base),
        cmocka_unit_test(test_overlay_errors_name_their_file),
        cmocka_unit_test(test_overlay_extends_after_the_codes),
        cmocka_unit_test(test_overlay_identity_is_the_merged_models),
        cmocka_unit_test(test_fields_compat),
    };

    return cmocka_run_group_tests_name("fields", tests, NULL, NULL);
}
