/*
 * test_compat.c - compat_compare on pairs of small specs: what breaks
 * code built from OLD (errors), what only changes its answers (warnings),
 * and that the report names the right code.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "compat.h"
#include "sbuf.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define REG(langs)                                                         \
    "statusgen: 1\n"                                                       \
    "registry: {name: rpc, macro: RPC, range: [0, 99], languages: " langs  \
    "}\n"
#define CLASSES                                                            \
    "classes:\n"                                                           \
    "  - {name: FINE, range: [0, 0]}\n"                                    \
    "  - {name: FAILURE, range: [1, 99], error: true}\n"
#define TRAITS                                                             \
    "traits:\n"                                                            \
    "  - {name: RETRY}\n"                                                  \
    "  - {name: FINAL}\n"
#define HEAD REG("[en, de]") CLASSES TRAITS "codes:\n"

/* One code; extra is more keys, each starting with ", ". */
#define CODE(code, name, phrase, extra)                                    \
    "  - {code: " code ", name: " name ", phrase: " phrase extra           \
    ", description: {en: Text., de: Text.}}\n"

#define C_OK CODE("0", "OK", "OK", "")
#define C_UNAVAILABLE                                                      \
    CODE("14", "UNAVAILABLE", "Unavailable", ", traits: [RETRY]")
#define C_DATA_LOSS CODE("15", "DATA_LOSS", "Data Loss", "")
#define C_UNAUTH                                                           \
    CODE("16", "UNAUTHENTICATED", "Unauthenticated",                       \
         ", former_phrases: [Not Authenticated]")

#define OLD HEAD C_OK C_UNAVAILABLE C_DATA_LOSS C_UNAUTH

/* The last comparison's findings, one "old|new:line:col: level: msg" a
 * line. */
static char found[16384];

/* Loads yaml as a valid spec (failing the test when it is not). */
static void load(const char *yaml, struct spec *spec)
{
    struct diag_list dl;
    struct sbuf sb;

    if (tu_load_text(yaml, spec, &dl) != 0) {
        sbuf_init(&sb);
        tu_diags(&dl, &sb);
        fail_msg("spec rejected:\n%s\n%s", sbuf_str(&sb), yaml);
    }
    diag_free(&dl);
}

/* Compares old with new_; expects that many errors and warnings. */
static void compare(const char *old, const char *new_, size_t errors,
                    size_t warnings)
{
    struct spec o, n;
    struct compat_report r;
    struct sbuf sb;
    size_t i;

    load(old, &o);
    load(new_, &n);
    compat_report_init(&r);
    assert_int_equal(compat_compare(&o, &n, &r), 0);
    sbuf_init(&sb);
    for (i = 0; i < r.n; i++) {
        diag_format_line(&sb, r.items[i].side == COMPAT_OLD ? "old" : "new",
                         r.items[i].pos, r.items[i].level, r.items[i].msg);
        sbuf_putc(&sb, '\n');
    }
    assert_false(sbuf_failed(&sb));
    snprintf(found, sizeof found, "%s", sbuf_str(&sb));
    sbuf_free(&sb);
    if (r.errors != errors || r.warnings != warnings)
        fail_msg("expected %lu error(s) and %lu warning(s), got:\n%s",
                 (unsigned long)errors, (unsigned long)warnings, found);
    compat_report_free(&r);
    spec_free(&o);
    spec_free(&n);
}

/* The last comparison said want (or, with said 0, did not). */
static void expect_said(const char *want, int said)
{
    if ((strstr(found, want) != NULL) != said)
        fail_msg("expected \"%s\" %sin:\n%s", want, said ? "" : "not ",
                 found);
}

static void test_compat_same_spec(void **state)
{
    (void)state;
    compare(OLD, OLD, 0, 0);
    /* a code added */
    compare(OLD, OLD CODE("17", "NEW_ONE", "New One", ""), 0, 0);
}

static void test_compat_renumber(void **state)
{
    (void)state;
    compare(OLD, HEAD C_OK C_UNAVAILABLE C_DATA_LOSS
                     CODE("17", "UNAUTHENTICATED", "Unauthenticated",
                          ", former_phrases: [Not Authenticated]"),
            1, 0);
    expect_said("new:13:12: error: UNAUTHENTICATED moved 16 -> 17: "
                "RPC_UNAUTHENTICATED and from_name() now give 17, not 16\n"
                "old:13:12: note: code 16 UNAUTHENTICATED here\n", 1);
}

/* A code moved into the number of one removed: the removed one is not
 * called renamed to the code that took its number. */
static void test_compat_renumber_into_a_freed_number(void **state)
{
    (void)state;
    compare(OLD, HEAD C_OK C_UNAVAILABLE
                     CODE("15", "UNAUTHENTICATED", "Unauthenticated",
                          ", former_phrases: [Not Authenticated]"),
            3, 0);
    expect_said("error: UNAUTHENTICATED moved 16 -> 15", 1);
    expect_said("new:12:12: error: code 15 DATA_LOSS was removed, and 15 is "
                "now UNAUTHENTICATED (moved from 16)", 1);
    expect_said("error: name DATA_LOSS of 15 is gone with its code; list it "
                "in reserved_names to retire it", 1);
    expect_said("renamed", 0);
}

static void test_compat_rename(void **state)
{
    (void)state;
    compare(OLD, HEAD C_OK C_UNAVAILABLE
                     CODE("15", "DATA_CORRUPTED", "Data Loss", "") C_UNAUTH,
            1, 0);
    expect_said("new:12:22: error: code 15 renamed DATA_LOSS -> "
                "DATA_CORRUPTED, and DATA_LOSS is gone; keep it in "
                "DATA_CORRUPTED's aliases\n"
                "old:12:22: note: name DATA_LOSS of 15 here\n", 1);
}

static void test_compat_rename_keeping_the_old_name(void **state)
{
    (void)state;
    compare(OLD, HEAD C_OK C_UNAVAILABLE
                     CODE("15", "DATA_CORRUPTED", "Data Loss",
                          ", aliases: [DATA_LOSS]") C_UNAUTH,
            0, 1);
    expect_said("new:12:22: warning: code 15 renamed DATA_LOSS -> "
                "DATA_CORRUPTED; DATA_LOSS stays as an alias", 1);
}

static void test_compat_swap(void **state)
{
    (void)state;
    compare(OLD, HEAD C_OK C_UNAVAILABLE
                     CODE("15", "UNAUTHENTICATED", "Unauthenticated",
                          ", former_phrases: [Not Authenticated]")
                     CODE("16", "DATA_LOSS", "Data Loss", ""),
            2, 0);
    expect_said("error: DATA_LOSS moved 15 -> 16", 1);
    expect_said("error: UNAUTHENTICATED moved 16 -> 15", 1);
    expect_said("renamed", 0);
}

static void test_compat_split(void **state)
{
    const char *old = HEAD C_OK C_UNAVAILABLE
        CODE("15", "DATA_LOSS", "Data Loss", ", aliases: [LOSS]") C_UNAUTH;

    (void)state;
    /* the alias becomes a code of its own */
    compare(old, HEAD C_OK C_UNAVAILABLE C_DATA_LOSS C_UNAUTH
                     CODE("17", "LOSS", "Loss", ""),
            1, 0);
    expect_said("new:14:22: error: alias LOSS of 15 now names 17 (a code of "
                "its own)", 1);
    /* the code becomes two, the first keeping its names as aliases */
    compare(old, HEAD C_OK C_UNAVAILABLE
                     CODE("15", "DATA_LOSS_READ", "Data Loss",
                          ", aliases: [DATA_LOSS, LOSS]") C_UNAUTH
                     CODE("17", "DATA_LOSS_WRITE", "Write Loss", ""),
            0, 1);
    expect_said("warning: code 15 renamed DATA_LOSS -> DATA_LOSS_READ; "
                "DATA_LOSS stays as an alias", 1);
}

static void test_compat_merge(void **state)
{
    (void)state;
    compare(OLD, REG("[en, de]") CLASSES TRAITS "reserved: [15]\ncodes:\n"
                 C_OK
                 CODE("14", "UNAVAILABLE", "Unavailable",
                      ", traits: [RETRY], aliases: [DATA_LOSS], "
                      "former_phrases: [Data Loss]") C_UNAUTH,
            1, 0);
    expect_said("error: code 15 DATA_LOSS was merged into 14 UNAVAILABLE: "
                "RPC_DATA_LOSS and from_name(\"DATA_LOSS\") now give 14, not "
                "15", 1);
    /* retired instead: the number reserved, the name too */
    compare(OLD, REG("[en, de]") CLASSES TRAITS "reserved: [15]\n"
                 "reserved_names: [DATA_LOSS]\ncodes:\n"
                 C_OK C_UNAVAILABLE C_UNAUTH,
            0, 0);
}

static void test_compat_class_error_flag(void **state)
{
    const char *unmarked = REG("[en, de]")
        "classes:\n"
        "  - {name: FINE, range: [0, 0]}\n"
        "  - {name: FAILURE, range: [1, 99]}\n" TRAITS "codes:\n"
        C_OK C_UNAVAILABLE C_DATA_LOSS C_UNAUTH;

    (void)state;
    compare(OLD, REG("[en, de]")
                 "classes:\n"
                 "  - {name: FINE, range: [0, 0]}\n"
                 "  - {name: FAILURE, range: [1, 99], error: false}\n"
                 TRAITS "codes:\n" C_OK C_UNAVAILABLE C_DATA_LOSS C_UNAUTH,
            1, 0);
    expect_said("error: class FAILURE is no longer an error class: "
                "is_error() is now false for its codes", 1);
    compare(OLD, REG("[en, de]")
                 "classes:\n"
                 "  - {name: FINE, range: [0, 0], error: true}\n"
                 "  - {name: FAILURE, range: [1, 99], error: true}\n"
                 TRAITS "codes:\n" C_OK C_UNAVAILABLE C_DATA_LOSS C_UNAUTH,
            1, 0);
    expect_said("error: class FINE became an error class", 1);
    /* OLD marks none: is_error() was always false */
    compare(unmarked, OLD, 0, 1);
    expect_said("warning: class FAILURE became an error class: is_error() is "
                "now true for its codes (the old spec marks no class as an "
                "error, so is_error() was always false)", 1);
}

static void test_compat_code_traits(void **state)
{
    (void)state;
    compare(OLD, HEAD C_OK CODE("14", "UNAVAILABLE", "Unavailable", "")
                     C_DATA_LOSS C_UNAUTH,
            1, 0);
    expect_said("new:11:5: error: code 14 lost trait RETRY: traits(14) no "
                "longer has RPC_TRAIT_RETRY\n"
                "old:11:65: note: code 14 had it here\n", 1);
    compare(OLD, HEAD C_OK C_UNAVAILABLE
                     CODE("15", "DATA_LOSS", "Data Loss", ", traits: [FINAL]")
                     C_UNAUTH,
            0, 1);
    expect_said("warning: code 15 gained trait FINAL: traits(15) now has "
                "RPC_TRAIT_FINAL", 1);
    /* a trait removed from the registry is one error, not one per code */
    compare(OLD, REG("[en, de]") CLASSES "traits:\n  - {name: RETRY}\n"
                 "codes:\n" C_OK C_UNAVAILABLE C_DATA_LOSS C_UNAUTH,
            1, 0);
    expect_said("error: trait FINAL was removed", 1);
}

static void test_compat_phrases(void **state)
{
    (void)state;
    /* a former phrase dropped */
    compare(OLD, HEAD C_OK C_UNAVAILABLE C_DATA_LOSS
                     CODE("16", "UNAUTHENTICATED", "Unauthenticated", ""),
            0, 1);
    expect_said("warning: former phrase \"Not Authenticated\" of 16 was "
                "dropped: from_reason() no longer finds it", 1);
    /* ... or moved to another code */
    compare(OLD, HEAD C_OK C_UNAVAILABLE
                     CODE("15", "DATA_LOSS", "Data Loss",
                          ", former_phrases: [Not Authenticated]")
                     CODE("16", "UNAUTHENTICATED", "Unauthenticated", ""),
            1, 0);
    expect_said("error: former phrase \"Not Authenticated\" of 16 now belongs "
                "to 15 DATA_LOSS: from_reason() answers 15", 1);
    /* a phrase taken by another code */
    compare(OLD, HEAD C_OK CODE("14", "UNAVAILABLE", "Down", ", traits: "
                                "[RETRY]")
                     CODE("15", "DATA_LOSS", "Unavailable", "") C_UNAUTH,
            1, 1);
    expect_said("new:12:41: error: phrase \"Unavailable\" of 14 now belongs "
                "to 15 DATA_LOSS: from_reason() answers 15\n"
                "old:11:43: note: the old phrase\n", 1);
    expect_said("warning: phrase of 15 changed from \"Data Loss\" to "
                "\"Unavailable\"", 1);
    /* changed, changed in case only, kept in former_phrases */
    compare(OLD, HEAD C_OK C_UNAVAILABLE CODE("15", "DATA_LOSS", "Data Gone",
                                              "") C_UNAUTH,
            0, 1);
    expect_said("warning: phrase of 15 changed from \"Data Loss\" to \"Data "
                "Gone\" (keep the old one in former_phrases: for "
                "from_reason())", 1);
    compare(OLD, HEAD C_OK C_UNAVAILABLE CODE("15", "DATA_LOSS", "Data loss",
                                              "") C_UNAUTH,
            0, 1);
    expect_said("(in case only: from_reason() still finds it", 1);
    compare(OLD, HEAD C_OK C_UNAVAILABLE
                     CODE("15", "DATA_LOSS", "Data Gone",
                          ", former_phrases: [Data Loss]") C_UNAUTH,
            0, 0);
}

static void test_compat_languages(void **state)
{
    (void)state;
    compare(OLD, REG("[de, en]") CLASSES TRAITS "codes:\n" C_OK
                 C_UNAVAILABLE C_DATA_LOSS C_UNAUTH,
            0, 1);
    expect_said("new:2:63: warning: the fallback language changed from 'en' "
                "to 'de': description() now answers in 'de' for NULL and for "
                "a language it lacks", 1);
    /* a language removed: one warning, not one per code */
    compare(OLD, REG("[en]") CLASSES TRAITS "codes:\n"
                 "  - {code: 0, name: OK, phrase: OK, description: x}\n"
                 "  - {code: 14, name: UNAVAILABLE, phrase: Unavailable, "
                 "traits: [RETRY], description: x}\n"
                 "  - {code: 15, name: DATA_LOSS, phrase: Data Loss, "
                 "description: x}\n"
                 "  - {code: 16, name: UNAUTHENTICATED, phrase: "
                 "Unauthenticated, former_phrases: [Not Authenticated], "
                 "description: x}\n",
            0, 1);
    expect_said("warning: language 'de' was removed: description(code, "
                "\"de\") now answers in 'en'", 1);
    /* a description lost in a language that stays */
    compare(OLD, HEAD C_OK C_UNAVAILABLE
                     "  - {code: 15, name: DATA_LOSS, phrase: Data Loss, "
                     "description: {en: Text.}}\n" C_UNAUTH,
            0, 1);
    expect_said("warning: code 15 lost its description in 'de'", 1);
}

/* 100,000 reserved codes and names on each side: the comparison sorts
 * once and searches, where it used to scan the reserved list for each
 * entry (about 20 s). */
static void test_compat_many_reserved_is_fast(void **state)
{
    struct sbuf a, b;
    struct spec o, n;
    struct compat_report r;
    clock_t t0;
    double secs;
    int i;

    (void)state;
    sbuf_init(&a);
    sbuf_puts(&a, "statusgen: 1\nregistry: {name: big, macro: BIG, range: "
                  "[0, 999999], languages: [en]}\nreserved: [");
    for (i = 0; i < 100000; i++)
        sbuf_printf(&a, "%s%d", i ? ", " : "", 103 + 7 * i);
    sbuf_puts(&a, "]\nreserved_names: [");
    for (i = 0; i < 100000; i++)
        sbuf_printf(&a, "%sR_%06d", i ? ", " : "", 103 + 7 * i);
    sbuf_puts(&a, "]\ncodes:\n");
    sbuf_init(&b);
    sbuf_puts(&b, sbuf_str(&a));
    for (i = 0; i < 1000; i++)
        sbuf_printf(&a, "  - {code: %d, name: C_%06d, phrase: P %d, "
                    "description: x}\n", 100 + 7 * i, 100 + 7 * i, i);
    for (i = 0; i < 1000; i++)
        sbuf_printf(&b, "  - {code: %d, name: C_%06d, phrase: P %d, "
                    "description: x}\n", 100 + 7 * i, 100 + 7 * i, i);
    assert_false(sbuf_failed(&a) || sbuf_failed(&b));
    load(sbuf_str(&a), &o);
    load(sbuf_str(&b), &n);
    compat_report_init(&r);
    t0 = clock();
    assert_int_equal(compat_compare(&o, &n, &r), 0);
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_int_equal(r.n, 0);
    if (secs > 2.0)
        fail_msg("compat_compare took %.2f s of CPU", secs);
    compat_report_free(&r);
    spec_free(&o);
    spec_free(&n);
    sbuf_free(&a);
    sbuf_free(&b);
}

/* A revision that git would read as an option is refused before git
 * runs: --output=FILE would make git write FILE. */
static void test_compat_git_revision_is_never_an_option(void **state)
{
    const char *dir = tu_temp_dir("compat-git");
    struct diag_list dl;
    struct sbuf arg, sb;
    struct stat st;
    char sentinel = 'x', *data = &sentinel;
    size_t len = 1;

    (void)state;
    sbuf_init(&arg);
    sbuf_printf(&arg, "--output=%s/x:y", dir);
    diag_init(&dl, "old");
    assert_int_equal(compat_read_git(sbuf_str(&arg), &data, &len, &dl), -1);
    assert_null(data);
    assert_int_equal(len, 0);
    sbuf_init(&sb);
    tu_diags(&dl, &sb);
    assert_non_null(strstr(sbuf_str(&sb), "old: error: --against: the "
                                          "revision may not start with '-'"));
    sbuf_reset(&arg);
    sbuf_printf(&arg, "%s/x", dir);
    assert_int_not_equal(stat(sbuf_str(&arg), &st), 0);
    sbuf_puts(&arg, ":y");
    assert_int_not_equal(stat(sbuf_str(&arg), &st), 0);
    sbuf_free(&sb);
    sbuf_free(&arg);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compat_same_spec),
        cmocka_unit_test(test_compat_renumber),
        cmocka_unit_test(test_compat_renumber_into_a_freed_number),
        cmocka_unit_test(test_compat_rename),
        cmocka_unit_test(test_compat_rename_keeping_the_old_name),
        cmocka_unit_test(test_compat_swap),
        cmocka_unit_test(test_compat_split),
        cmocka_unit_test(test_compat_merge),
        cmocka_unit_test(test_compat_class_error_flag),
        cmocka_unit_test(test_compat_code_traits),
        cmocka_unit_test(test_compat_phrases),
        cmocka_unit_test(test_compat_languages),
        cmocka_unit_test(test_compat_many_reserved_is_fast),
        cmocka_unit_test(test_compat_git_revision_is_never_an_option),
    };

    return cmocka_run_group_tests_name("compat", tests, NULL, NULL);
}
