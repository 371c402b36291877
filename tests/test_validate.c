/*
 * test_validate.c - the schema (types, keys) and the validator (meaning):
 * each rule has a spec that breaks it, and the message says where.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "model.h"
#include "node.h"
#include "sbuf.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

/* A valid spec's head; tests append codes or replace it whole. */
#define HEAD                                                               \
    "statusgen: 1\n"                                                       \
    "registry:\n"                                                          \
    "  name: reg\n"                                                        \
    "  macro: REG\n"                                                       \
    "  range: [100, 599]\n"                                                \
    "  languages: [en, zh]\n"                                              \
    "classes:\n"                                                           \
    "  - {name: LOW, range: [100, 299]}\n"                                 \
    "  - {name: HIGH, range: [300, 599]}\n"                                \
    "traits:\n"                                                            \
    "  - {name: NO_BODY}\n"                                                \
    "sources:\n"                                                           \
    "  - {id: s1}\n"

#define CODE(code, name, phrase)                                           \
    "  - {code: " code ", name: " name ", phrase: " phrase                 \
    ", description: {en: d}}\n"

static char msgs[8192];

/* Loads text; returns the result and leaves the diagnostics in msgs. */
static int load(const char *text, struct spec *spec)
{
    struct diag_list dl;
    struct sbuf sb;
    int rc = tu_load_text(text, spec, &dl);

    sbuf_init(&sb);
    tu_diags(&dl, &sb);
    snprintf(msgs, sizeof msgs, "%s", sbuf_str(&sb));
    sbuf_free(&sb);
    diag_free(&dl);
    return rc;
}

/* Expects text to fail with want among the messages. */
static void expect_error(const char *text, const char *want)
{
    struct spec spec;
    int rc = load(text, &spec);

    spec_free(&spec);
    assert_int_equal(rc, -1);
    if (strstr(msgs, want) == NULL)
        fail_msg("expected \"%s\" in:\n%s", want, msgs);
}

static void test_validate_accepts_valid_spec(void **state)
{
    struct spec spec;

    (void)state;
    assert_int_equal(load(HEAD "codes:\n"
                          "  - code: 404\n"
                          "    name: NOT_FOUND\n"
                          "    phrase: Not Found\n"
                          "    status: standard\n"
                          "    aliases: [MISSING]\n"
                          "    traits: [NO_BODY]\n"
                          "    sources: [s1]\n"
                          "    description: {en: gone, zh: \"\xe6\x97\xa0\"}\n"
                          CODE("200", "OK", "OK"),
                          &spec),
                     0);
    assert_string_equal(msgs, "");
    assert_int_equal(spec.ncodes, 2);
    /* order is ascending by code; derived fields are filled */
    assert_int_equal(spec.codes[spec.order[0]].code, 200);
    assert_int_equal(spec.codes[spec.order[1]].code, 404);
    assert_int_equal(spec.codes[0].trait_bits, 1);
    assert_int_equal(spec.codes[0].class_index, 1);
    assert_int_equal(spec.codes[1].class_index, 0);
    assert_string_equal(spec.codes[0].desc[1].s, "\xe6\x97\xa0");
    assert_null(spec.codes[1].desc[1].s);
    spec_free(&spec);
}

static void test_validate_reports_every_problem_in_one_run(void **state)
{
    (void)state;
    expect_error(HEAD "codes:\n" CODE("200", "OK", "OK")
                      CODE("200", "bad name", "Other")
                      CODE("700", "FAR", "Far"),
                 "t.yaml:16:12: error: duplicate code 200\n"
                 "t.yaml:15:12: note: code 200 first defined here");
    assert_non_null(strstr(msgs, "name 'bad name' is not an UPPER_SNAKE"));
    assert_non_null(strstr(msgs, "t.yaml:17:12: error: code 700 is outside "
                                 "the registry range [100, 599]"));
}

static void test_validate_unknown_key_suggests(void **state)
{
    (void)state;
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrse: OK, "
                      "description: {en: d}}\n",
                 "unknown key 'phrse' in code 200; did you mean 'phrase'?");
    /* The typo is the one problem: no knock-on "has no 'phrase'". */
    assert_null(strstr(msgs, "has no 'phrase'"));
    /* Without a suggestion, the keys a code may have. */
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, colour: red, "
                      "description: {en: d}}\n",
                 "unknown key 'colour' in code 200\n");
    assert_non_null(strstr(msgs, "note: a code's keys: code, name, phrase, "
                                 "former_phrases, status, reference, "
                                 "aliases, traits, description, sources, "
                                 "note, registry_phrase; no fields are "
                                 "declared"));
    /* A missing key names the code. */
    expect_error(HEAD "codes:\n"
                      "  - {code: 201, name: OK, description: {en: d}}\n",
                 "code 201 has no 'phrase'");
    expect_error("statusgen: 1\nregistr: {}\ncodes: []\n",
                 "t.yaml:2:1: error: unknown key 'registr' in the spec; did "
                 "you mean 'registry'?");
}

static void test_validate_types(void **state)
{
    (void)state;
    expect_error(HEAD "codes:\n" CODE("\"200\"", "OK", "OK"),
                 "'code' must be an integer, not quoted text");
    expect_error(HEAD "codes:\n" CODE("2.5", "OK", "OK"),
                 "'code' must be an integer, not '2.5'");
    expect_error(HEAD "codes:\n" CODE("-5", "OK", "OK"),
                 "code -5 is outside the registry range");
    expect_error(HEAD "codes:\n" CODE("99999999999", "OK", "OK"),
                 "out of range");
    expect_error(HEAD "codes:\n" CODE("200", "[A]", "OK"),
                 "'name' must be text, not a sequence");
    expect_error(HEAD "codes: {a: 1}\n", "'codes' must be a sequence");
    expect_error("- 1\n", "the spec must be a mapping");
    expect_error(HEAD "codes:\n" CODE("200", "OK", "~"),
                 "'phrase' must be text, not nothing");
}

static void test_validate_required_sections(void **state)
{
    (void)state;
    expect_error("statusgen: 1\n", "the spec has no 'registry'");
    assert_non_null(strstr(msgs, "the spec has no 'codes'"));
    expect_error("statusgen: 2\nregistry: {name: r, macro: R, range: [1, 2], "
                 "languages: [en]}\ncodes: []\n",
                 "spec format version 2; this statusgen reads version 1");
    assert_non_null(strstr(msgs, "'codes' must list at least one code"));
    expect_error("statusgen: 1\nregistry: {name: r}\ncodes: []\n",
                 "'registry' has no 'macro'");
}

static void test_validate_duplicate_names_and_aliases(void **state)
{
    (void)state;
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, aliases: [FINE],"
                      " description: {en: d}}\n"
                      "  - {code: 201, name: FINE, phrase: Fine, "
                      "description: {en: d}}\n",
                 "t.yaml:16:23: error: duplicate name 'FINE'\n"
                 "t.yaml:15:49: note: 'FINE' first defined here");
    expect_error(HEAD "codes:\n" CODE("200", "OK", "Same")
                      CODE("201", "CREATED", "same"),
                 "duplicate phrase (compared ignoring case) 'same'");
}

static void test_validate_identifiers(void **state)
{
    (void)state;
    expect_error("statusgen: 1\nregistry: {name: int, macro: R, range: [1, 9],"
                 " languages: [en]}\ncodes:\n" CODE("1", "A", "A"),
                 "registry name 'int' is a C or C++ keyword");
    expect_error("statusgen: 1\nregistry: {name: strange, macro: R, "
                 "range: [1, 9], languages: [en]}\ncodes:\n" CODE("1", "A", "A"),
                 "reserved by <string.h>");
    expect_error("statusgen: 1\nregistry: {name: r, macro: ERR, range: [1, 9],"
                 " languages: [en]}\ncodes:\n" CODE("1", "A", "A"),
                 "reserved by <errno.h>");
    expect_error("statusgen: 1\nregistry: {name: Bad, macro: r__x, "
                 "range: [1, 9], languages: [en]}\ncodes:\n" CODE("1", "A", "A"),
                 "registry name 'Bad' is not a lower_snake identifier");
    assert_non_null(strstr(msgs, "registry macro 'r__x' is not an UPPER_SNAKE"));
    expect_error(HEAD "codes:\n" CODE("200", "COUNT", "OK"),
                 "name 'COUNT' is reserved");
    expect_error(HEAD "codes:\n" CODE("200", "CLASS_X", "OK"),
                 "name 'CLASS_X' is reserved");
    expect_error(HEAD "codes:\n" CODE("200", "LIFECYCLE_NONE", "OK"),
                 "name 'LIFECYCLE_NONE' is reserved");
}

/* check_registry_name on name: refused with want in the message, or
 * (want NULL) accepted. */
static void expect_registry_name(const char *name, const char *want)
{
    static const struct sg_pos nowhere = {0, 0};
    struct diag_list dl;
    struct sbuf sb;
    int rc;

    diag_init(&dl, "t");
    rc = check_registry_name(&dl, nowhere, "--name", name);
    sbuf_init(&sb);
    tu_diags(&dl, &sb);
    if (want == NULL && rc != 0)
        fail_msg("'%s' refused: %s", name, sbuf_str(&sb));
    if (want && (rc != -1 || strstr(sbuf_str(&sb), want) == NULL))
        fail_msg("'%s': expected \"%s\" in: %s", name, want, sbuf_str(&sb));
    sbuf_free(&sb);
    diag_free(&dl);
}

/* Registry names whose outputs would not compile, or would hide a
 * system header: each is refused and the message names the clash; the
 * same check serves the spec and --name. */
static void test_validate_registry_names(void **state)
{
    (void)state;
    /* predefined in the GNU modes (gcc -dM -E -std=gnu89, clang -target) */
    expect_registry_name("linux", "'linux' is a macro gcc and clang "
                                  "predefine in the GNU modes");
    expect_registry_name("unix", "macro gcc and clang predefine");
    expect_registry_name("i386", "macro gcc and clang predefine");
    expect_registry_name("sparc", "macro gcc and clang predefine");
    /* keywords, old and new */
    expect_registry_name("alignas", "a C or C++ keyword");
    expect_registry_name("bool", "a C or C++ keyword");
    expect_registry_name("fortran", "a C or C++ keyword");
    expect_registry_name("contract_assert", "a C or C++ keyword");
    /* lower-case macros of the standard headers */
    expect_registry_name("noreturn", "a macro of <stdnoreturn.h>: enum "
                                     "noreturn would not compile");
    expect_registry_name("stderr", "a macro of <stdio.h>");
    expect_registry_name("math_errhandling", "a macro of <math.h>");
    /* standard headers' stems: <name>.h would hide them */
    expect_registry_name("stddef", "'stddef' is the name of a standard "
                                   "header: stddef.h would hide <stddef.h>");
    expect_registry_name("errno", "errno.h would hide <errno.h>");
    expect_registry_name("assert", "assert.h would hide <assert.h>");
    expect_registry_name("signal", "signal.h would hide <signal.h>");
    expect_registry_name("time", "time.h would hide <time.h>");
    expect_registry_name("stdio", "stdio.h would hide <stdio.h>");
    expect_registry_name("unistd", "unistd.h would hide <unistd.h>");
    expect_registry_name("pthread", "pthread.h would hide <pthread.h>");
    expect_registry_name("string", "string.h would hide <string.h>");
    /* type names and tags */
    expect_registry_name("tm", "a type of <time.h>: enum tm would clash");
    expect_registry_name("va_list", "a type of <stdarg.h>");
    expect_registry_name("stat", "a type of <sys/stat.h>");
    expect_registry_name("status_t", "reserved by POSIX for types");
    expect_registry_name("atomic_codes", "reserved by <stdatomic.h>");
    /* fine: prefixes and near misses */
    expect_registry_name("linux_status", NULL);
    expect_registry_name("unixish", NULL);
    expect_registry_name("timer", NULL);
    expect_registry_name("errors", NULL);
    expect_registry_name("http_status", NULL);
    expect_registry_name("stat_codes", NULL);
}

/* A code or alias named like an identifier the outputs make of
 * <MACRO>_<word>. */
static void test_validate_generated_macro_names(void **state)
{
    (void)state;
    expect_error(HEAD "codes:\n" CODE("200", "H", "OK"),
                 "t.yaml:15:23: error: name 'H' is reserved: REG_H is the "
                 "include guard of the header and the single header");
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, aliases: [H], "
                      "description: {en: d}}\n",
                 "alias 'H' is reserved: REG_H is the include guard");
    expect_error(HEAD "codes:\n" CODE("200", "IMPLEMENTATION", "OK"),
                 "REG_IMPLEMENTATION is the single header's switch");
    expect_error(HEAD "codes:\n" CODE("200", "IMPLEMENTED", "OK"),
                 "REG_IMPLEMENTED is the single header's guard");
    expect_error(HEAD "codes:\n" CODE("200", "STATIC", "OK"),
                 "REG_STATIC is the single header's storage class");
    expect_error(HEAD "codes:\n" CODE("200", "API", "OK"),
                 "REG_API is the single header's linkage");
    expect_error(HEAD "codes:\n" CODE("200", "CAST", "OK"),
                 "REG_CAST is the source's cast helper");
    expect_error(HEAD "codes:\n" CODE("200", "PUN", "OK"),
                 "REG_PUN is the source's pointer cast helper");
    expect_error(HEAD "codes:\n" CODE("200", "\"NULL\"", "OK"),
                 "REG_NULL is the source's null pointer");
    expect_error(HEAD "codes:\n" CODE("200", "SPEC_ID", "OK"),
                 "REG_SPEC_ID is taken by the spec's identity");
    expect_error(HEAD "codes:\n" CODE("200", "DEPRECATED", "OK"),
                 "REG_DEPRECATED is the attribute of the deprecated aliases");
    expect_error(HEAD "codes:\n" CODE("200", "TRAIT_X", "OK"),
                 "REG_TRAIT_X is taken by the trait bits");
}

static void test_validate_phrases(void **state)
{
    (void)state;
    expect_error(HEAD "codes:\n" CODE("200", "OK", "\"\""), "phrase is empty");
    expect_error(HEAD "codes:\n" CODE("200", "OK", "\"a\\nb\""),
                 "phrase spans more than one line");
    expect_error(HEAD "codes:\n" CODE("200", "OK", "\"\xc3\xa4\""),
                 "phrase has a non-ASCII character");
    expect_error(HEAD "codes:\n" CODE("200", "OK", "\"a\\0b\""),
                 "'phrase' contains a NUL character");
    expect_error(HEAD "codes:\n" CODE("200", "OK", "\" OK\""),
                 "phrase starts or ends with white space");
}

static void test_validate_references(void **state)
{
    (void)state;
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, traits: "
                      "[NO_BODDY], sources: [s2], description: {en: d}}\n",
                 "trait 'NO_BODDY' is not declared in 'traits'; did you "
                 "mean 'NO_BODY'?");
    assert_non_null(strstr(msgs, "source 's2' is not declared in 'sources'"));
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, "
                      "description: {zh: d}}\n",
                 "code 200 has no description in 'en', the first "
                 "(fallback) language");
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, "
                      "description: {en: d, ze: x}}\n",
                 "'ze' in 'description' is not one of registry.languages; "
                 "did you mean 'zh'?");
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, status: gone, "
                      "description: {en: d}}\n",
                 "unknown status 'gone'");
}

static void test_validate_classes(void **state)
{
    (void)state;
    expect_error("statusgen: 1\nregistry: {name: r, macro: R, range: [1, 99],"
                 " languages: [en]}\nclasses:\n"
                 "  - {name: A, range: [1, 50]}\n"
                 "  - {name: B, range: [40, 60]}\n"
                 "  - {name: C, range: [80, 70]}\n"
                 "  - {name: NONE, range: [90, 99]}\n"
                 "codes:\n" CODE("1", "X", "X"),
                 "t.yaml:5:22: error: class range [40, 60] overlaps class "
                 "'A'\nt.yaml:4:22: note: 'A' has the range [1, 50]");
    assert_non_null(strstr(msgs, "class range [80, 70] is inverted"));
    assert_non_null(strstr(msgs, "class name 'NONE' is taken"));
    /* <name>_is_<class>() may not meet is_known() or is_error() */
    expect_error("statusgen: 1\nregistry: {name: r, macro: R, range: [1, 99],"
                 " languages: [en]}\nclasses:\n"
                 "  - {name: KNOWN, range: [1, 50]}\n"
                 "  - {name: ERROR, range: [51, 60]}\n"
                 "codes:\n" CODE("1", "X", "X"),
                 "t.yaml:4:12: error: class name 'KNOWN' is taken");
    assert_non_null(strstr(msgs, "t.yaml:5:12: error: class name 'ERROR' is "
                                 "taken"));
    expect_error("statusgen: 1\nregistry: {name: r, macro: R, range: [9, 1],"
                 " languages: [en]}\ncodes:\n" CODE("1", "X", "X"),
                 "registry range [9, 1] is inverted");
}

static void test_validate_language_maps(void **state)
{
    struct spec spec;

    (void)state;
    /* A plain text is the first language's; a map gives each language. */
    assert_int_equal(load("statusgen: 1\n"
                          "registry:\n"
                          "  name: reg\n"
                          "  macro: REG\n"
                          "  title: {en: Reg, zh: \"\xe7\xa0\x81\"}\n"
                          "  range: [100, 599]\n"
                          "  languages: [en, zh]\n"
                          "classes:\n"
                          "  - {name: LOW, range: [100, 299], title: Low}\n"
                          "traits:\n"
                          "  - {name: A, doc: plain}\n"
                          "  - {name: B, doc: {en: b, zh: \"\xe4\xb9\x99\"}}\n"
                          "sources:\n"
                          "  - {id: s1, doc: {en: s, zh: z}}\n"
                          "codes:\n"
                          "  - {code: 200, name: OK, phrase: OK, note: n,"
                          " description: {en: d}}\n"
                          "  - {code: 201, name: MADE, phrase: Made, note: "
                          "{en: m, zh: \"\xe5\x81\x9a\"}, description: {en: d}}\n",
                          &spec),
                     0);
    assert_string_equal(msgs, "");
    assert_string_equal(spec.reg.title[0].s, "Reg");
    assert_string_equal(spec.reg.title[1].s, "\xe7\xa0\x81");
    assert_string_equal(spec.classes[0].title[0].s, "Low");
    assert_null(spec.classes[0].title[1].s);
    assert_string_equal(spec.traits[0].doc[0].s, "plain");
    assert_null(spec.traits[0].doc[1].s);
    assert_string_equal(spec.traits[1].doc[1].s, "\xe4\xb9\x99");
    assert_string_equal(spec.sources[0].doc[1].s, "z");
    assert_string_equal(spec.codes[0].note[0].s, "n");
    assert_null(spec.codes[0].note[1].s);
    assert_string_equal(spec.codes[1].note[1].s, "\xe5\x81\x9a");
    /* the fallback rule, in every language */
    assert_string_equal(spec_text(spec.codes[0].note, 1), "n");
    assert_string_equal(spec_text(spec.codes[1].note, 1), "\xe5\x81\x9a");
    assert_null(spec_text(NULL, 0));
    spec_free(&spec);

    /* The first language is the fallback: a map must have it. */
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, note: {zh: x},"
                      " description: {en: d}}\n",
                 "t.yaml:15:45: error: note has no text in 'en', the first "
                 "(fallback) language");
    expect_error("statusgen: 1\nregistry: {name: r, macro: R, range: [1, 9],"
                 " languages: [en, zh], title: {zh: t}}\n"
                 "traits:\n  - {name: T, doc: {zh: t}}\n"
                 "codes:\n" CODE("1", "A", "A"),
                 "registry title has no text in 'en'");
    assert_non_null(strstr(msgs, "trait doc has no text in 'en'"));
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, note: {en: x, "
                      "rus: y}, description: {en: d}}\n",
                 "'rus' in 'note' is not one of registry.languages");
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, note: [x],"
                      " description: {en: d}}\n",
                 "'note' must be text or a mapping from language to text, "
                 "not a sequence");
    /* one problem, one message: no "has no text" after a bad value */
    assert_null(strstr(msgs, "has no text"));
}

static void test_validate_former_phrases(void **state)
{
    struct spec spec;

    (void)state;
    assert_int_equal(load(HEAD "codes:\n"
                          "  - {code: 413, name: TOO_LARGE, phrase: Content "
                          "Too Large, former_phrases: [Payload Too Large, "
                          "Request Entity Too Large], description: {en: d}}\n"
                          "  - {code: 414, name: URI_TOO_LONG, phrase: URI "
                          "Too Long, former_phrases: Request-URI Too Long, "
                          "description: {en: d}}\n",
                          &spec),
                     0);
    assert_string_equal(msgs, "");
    assert_int_equal(spec.codes[0].nformer, 2);
    assert_string_equal(spec.codes[0].former[1].s, "Request Entity Too Large");
    assert_int_equal(spec.codes[1].nformer, 1);
    assert_string_equal(spec.codes[1].former[0].s, "Request-URI Too Long");
    spec_free(&spec);

    /* The wire-phrase grammar applies. */
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, former_phrases:"
                      " [\"\xc3\x84\"], description: {en: d}}\n",
                 "former phrase has a non-ASCII character");
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, former_phrases:"
                      " [\"Fine \"], description: {en: d}}\n",
                 "former phrase starts or ends with white space");
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, former_phrases:"
                      " [\"\"], description: {en: d}}\n",
                 "former phrase is empty");
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, former_phrases:"
                      " {a: b}, description: {en: d}}\n",
                 "'former_phrases' must be a list, not a mapping");
    /* One namespace with the phrases, ignoring case, with a note at the
     * first definition. */
    expect_error(HEAD "codes:\n" CODE("200", "OK", "Fine")
                      "  - {code: 201, name: MADE, phrase: Made, "
                      "former_phrases: [FINE], description: {en: d}}\n",
                 "t.yaml:16:60: error: duplicate former phrase (compared "
                 "ignoring case) 'FINE'\n"
                 "t.yaml:15:35: note: 'Fine' first defined here");
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, former_phrases:"
                      " [Old], description: {en: d}}\n"
                      "  - {code: 201, name: MADE, phrase: old, "
                      "description: {en: d}}\n",
                 "t.yaml:16:37: error: duplicate phrase (compared ignoring "
                 "case) 'old'\n"
                 "t.yaml:15:56: note: 'Old' first defined here");
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, former_phrases:"
                      " [Old, Older, old], description: {en: d}}\n",
                 "duplicate former phrase (compared ignoring case) 'old'");
    expect_error(HEAD "codes:\n"
                      "  - {code: 200, name: OK, phrase: OK, former_phrases:"
                      " [ok], description: {en: d}}\n",
                 "duplicate former phrase (compared ignoring case) 'ok'");
}

static void test_validate_class_error_flag(void **state)
{
    struct spec spec;

    (void)state;
    assert_int_equal(load("statusgen: 1\nregistry: {name: r, macro: R, "
                          "range: [1, 99], languages: [en]}\nclasses:\n"
                          "  - {name: A, range: [1, 9]}\n"
                          "  - {name: B, range: [10, 19], error: true}\n"
                          "  - {name: C, range: [20, 29], error: false}\n"
                          "codes:\n" CODE("1", "X", "X"),
                          &spec),
                     0);
    assert_int_equal(spec.classes[0].error, 0);
    assert_int_equal(spec.classes[1].error, 1);
    assert_int_equal(spec.classes[2].error, 0);
    spec_free(&spec);
    expect_error("statusgen: 1\nregistry: {name: r, macro: R, range: [1, 99],"
                 " languages: [en]}\nclasses:\n"
                 "  - {name: A, range: [1, 9], error: yes}\n"
                 "  - {name: B, range: [10, 19], error: \"true\"}\n"
                 "  - {name: C, range: [20, 29], error: [true]}\n"
                 "codes:\n" CODE("1", "X", "X"),
                 "t.yaml:4:37: error: 'error' must be true or false, not "
                 "'yes'");
    assert_non_null(strstr(msgs, "t.yaml:5:39: error: 'error' must be true "
                                 "or false, not 'true'"));
    assert_non_null(strstr(msgs, "'error' must be true or false, not a "
                                 "sequence"));
}

/* Loads text as spec_load did before it streamed the codes: the whole
 * tree first, then build and validate. */
static int load_from_tree(const char *text, struct spec *spec,
                          struct diag_list *dl)
{
    struct node *root = NULL;
    int rc = -1;

    memset(spec, 0, sizeof *spec);
    diag_init(dl, "t.yaml");
    if (spec_parse(text, strlen(text), dl, &root) == 0) {
        int built = spec_build(root, spec, dl);

        if (spec_validate(spec, dl) == 0 && built == 0)
            rc = 0;
    }
    node_free(root);
    return rc;
}

/* Loads text with spec_load (from a file, the codes built while they are
 * read) and from the whole tree; the results and every message, in
 * order, must be the same. */
static void expect_streamed_as_tree(const char *text)
{
    const char *dir = tu_temp_dir("stream");
    char path[1024];
    struct spec a, b;
    struct diag_list da, db;
    struct sbuf sa, sb;
    int ra, rb;

    assert_non_null(dir);
    snprintf(path, sizeof path, "%s/t.yaml", dir);
    assert_int_equal(tu_write_file(path, text, strlen(text)), 0);
    diag_init(&da, "t.yaml");
    ra = spec_load(path, &a, &da);
    rb = load_from_tree(text, &b, &db);
    sbuf_init(&sa);
    sbuf_init(&sb);
    tu_diags(&da, &sa);
    tu_diags(&db, &sb);
    if (ra != rb || da.errors != db.errors)
        fail_msg("streamed %d (%lu errors):\n%s\ntree %d (%lu errors):\n%s",
                 ra, (unsigned long)da.errors, sbuf_str(&sa), rb,
                 (unsigned long)db.errors, sbuf_str(&sb));
    assert_int_equal(da.dropped, db.dropped);
    assert_int_equal(a.ncodes, b.ncodes);
    assert_string_equal(sbuf_str(&sa), sbuf_str(&sb));
    sbuf_free(&sa);
    sbuf_free(&sb);
    spec_free(&a);
    spec_free(&b);
    diag_free(&da);
    diag_free(&db);
    remove(path);
    remove(dir);
}

static void test_validate_streamed_codes_report_as_tree(void **state)
{
    struct sbuf big;
    int i;

    (void)state;
    /* valid; problems in every section; a code that is not a mapping */
    expect_streamed_as_tree(HEAD "codes:\n" CODE("200", "OK", "OK")
                            CODE("404", "NOT_FOUND", "Not Found"));
    expect_streamed_as_tree(
        "statusgen: 2\nbogus: 1\nregistry:\n  name: Reg\n  macro: REG\n"
        "  range: [600, 100]\n  languages: [en]\n  titel: x\n"
        "classes:\n  - {name: low, range: [1, 2]}\n"
        "codes:\n  - {code: 200, name: ok, phrase: OK, descriptin: x}\n"
        "  - 17\n  - {code: x, name: A, phrase: ' B', description: d,"
        " traits: [NOPE], status: standart}\n"
        "  - {code: 200, name: A, phrase: b, description: {fr: x}}\n");
    /* the codes before the registry (built from the tree), twice, or
     * not a sequence; an empty list */
    expect_streamed_as_tree("statusgen: 1\ncodes:\n" CODE("200", "OK", "OK")
                            "registry: {name: r, macro: R, range: [0, 9],"
                            " languages: [en]}\n");
    expect_streamed_as_tree(HEAD "codes:\n" CODE("200", "OK", "OK")
                            "codes:\n" CODE("201", "X", "X"));
    expect_streamed_as_tree(HEAD "codes: {a: 1}\n");
    expect_streamed_as_tree(HEAD "codes: []\n");
    /* a loader error: nothing past it is reported */
    expect_streamed_as_tree(HEAD "codes:\n  - {code: 1, code: 2}\n"
                            "  - {code: 200, name: ok}\n");
    /* more messages than a list keeps: the limit falls in the same place */
    sbuf_init(&big);
    sbuf_puts(&big, "statusgen: 1\nextra: 1\nregistry:\n  name: r\n"
                    "  macro: R\n  range: [0, 99999]\n  languages: [en]\n"
                    "  color: red\ncodes:\n");
    for (i = 0; i < 1500; i++)
        sbuf_printf(&big, "  - {code: %d, name: N%d, phrase: P, "
                    "description: d, colour: x}\n", i % 700, i % 900);
    assert_false(sbuf_failed(&big));
    expect_streamed_as_tree(sbuf_str(&big));
    sbuf_free(&big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_validate_accepts_valid_spec),
        cmocka_unit_test(test_validate_reports_every_problem_in_one_run),
        cmocka_unit_test(test_validate_unknown_key_suggests),
        cmocka_unit_test(test_validate_types),
        cmocka_unit_test(test_validate_required_sections),
        cmocka_unit_test(test_validate_duplicate_names_and_aliases),
        cmocka_unit_test(test_validate_identifiers),
        cmocka_unit_test(test_validate_registry_names),
        cmocka_unit_test(test_validate_generated_macro_names),
        cmocka_unit_test(test_validate_phrases),
        cmocka_unit_test(test_validate_references),
        cmocka_unit_test(test_validate_classes),
        cmocka_unit_test(test_validate_language_maps),
        cmocka_unit_test(test_validate_former_phrases),
        cmocka_unit_test(test_validate_class_error_flag),
        cmocka_unit_test(test_validate_streamed_codes_report_as_tree),
    };

    return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
