/*
 * test_diag.c - diagnostics as data: the GNU-style line and its escaping,
 * the order by position with each note after its message, the count of
 * errors past the limit, moving lists, and "did you mean".
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "diag.h"
#include "sbuf.h"
#include "testutil.h"

#include <string.h>

static struct sg_pos at(int line, int col)
{
    struct sg_pos p;

    p.line = line;
    p.col = col;
    return p;
}

/* Asserts that the list's messages, formatted one per line, are want. */
static void assert_diags(const struct diag_list *dl, const char *want)
{
    struct sbuf sb;

    sbuf_init(&sb);
    tu_diags(dl, &sb);
    assert_string_equal(sbuf_str(&sb), want);
    sbuf_free(&sb);
}

static void test_diag_format_gnu_style(void **state)
{
    struct diag_list dl;

    (void)state;
    diag_init(&dl, "spec.yaml");
    diag_error(&dl, at(3, 7), "duplicate key '%s'", "name");
    diag_note(&dl, at(2, 5), "'name' first given here");
    diag_add(&dl, DIAG_WARNING, at(9, 1), "phrase of %d changed", 200);
    diag_error(&dl, at(0, 0), "the spec is empty");
    diag_error(&dl, at(4, 0), "no column: the line's start");
    assert_diags(&dl, "spec.yaml:3:7: error: duplicate key 'name'\n"
                      "spec.yaml:2:5: note: 'name' first given here\n"
                      "spec.yaml:9:1: warning: phrase of 200 changed\n"
                      "spec.yaml: error: the spec is empty\n"
                      "spec.yaml:4:1: error: no column: the line's start\n");
    assert_int_equal(dl.count, 5);
    assert_int_equal(dl.errors, 3);
    assert_int_equal(dl.dropped, 0);
    assert_int_equal(dl.oom, 0);
    diag_free(&dl);
    assert_int_equal(dl.count, 0);
    assert_null(dl.items);
    assert_string_equal(dl.file, "spec.yaml");
}

/* No byte of a file name or message can move the cursor, retitle the
 * terminal, reorder the line or start a new one; other UTF-8 stays. */
static void test_diag_format_escapes_what_a_terminal_obeys(void **state)
{
    struct sbuf sb;

    (void)state;
    sbuf_init(&sb);
    diag_format_line(&sb, "a\nb.yaml", at(1, 2), DIAG_ERROR,
                     "bad '\033]0;owned\007' and \177, tab\there");
    assert_string_equal(sbuf_str(&sb),
                        "a\\012b.yaml:1:2: error: bad '\\033]0;owned\\007' "
                        "and \\177, tab\\011here");
    sbuf_reset(&sb);
    /* U+202E (right-to-left override) and U+2066 (left-to-right
     * isolate) are shown; U+2192 (an arrow, also E2 ...) and U+00E9 are
     * text */
    diag_format_line(&sb, "f", at(0, 0), DIAG_NOTE,
                     "x\xe2\x80\xaey\xe2\x81\xa6z \xe2\x86\x92 caf\xc3\xa9");
    assert_string_equal(sbuf_str(&sb), "f: note: x<U+202E>y<U+2066>z "
                                       "\xe2\x86\x92 caf\xc3\xa9");
    sbuf_free(&sb);
}

/* Messages come in the order of their positions, those without one
 * first; equal positions keep their order; a note stays after the
 * message it belongs to, wherever it points. */
static void test_diag_sort_by_position_notes_follow(void **state)
{
    struct diag_list dl;

    (void)state;
    diag_init(&dl, "s");
    diag_error(&dl, at(5, 1), "e5");
    diag_note(&dl, at(2, 1), "note of e5");
    diag_error(&dl, at(3, 4), "e3 first");
    diag_add(&dl, DIAG_WARNING, at(3, 2), "w3");
    diag_error(&dl, at(0, 0), "whole file");
    diag_error(&dl, at(3, 4), "e3 second");
    diag_note(&dl, at(9, 9), "note of e3 second");
    diag_note(&dl, at(1, 1), "another note of e3 second");
    diag_sort(&dl);
    assert_diags(&dl, "s: error: whole file\n"
                      "s:3:2: warning: w3\n"
                      "s:3:4: error: e3 first\n"
                      "s:3:4: error: e3 second\n"
                      "s:9:9: note: note of e3 second\n"
                      "s:1:1: note: another note of e3 second\n"
                      "s:5:1: error: e5\n"
                      "s:2:1: note: note of e5\n");
    diag_free(&dl);
}

/* Past SG_MAX_DIAGS messages, errors are counted (errors, dropped) but
 * not stored; warnings and notes are dropped without a count. */
static void test_diag_errors_past_the_limit_are_counted(void **state)
{
    struct diag_list dl;
    int i;

    (void)state;
    diag_init(&dl, "s");
    for (i = 0; i < SG_MAX_DIAGS - 1; i++) {
        assert_int_equal(diag_full(&dl), 0);
        diag_error(&dl, at(i + 1, 1), "error %d", i);
    }
    diag_note(&dl, at(1, 1), "the last one stored");
    assert_int_equal(diag_full(&dl), 1);
    diag_error(&dl, at(1, 1), "dropped");
    diag_error(&dl, at(1, 1), "dropped too");
    diag_note(&dl, at(1, 1), "not counted");
    diag_add(&dl, DIAG_WARNING, at(1, 1), "not counted either");
    assert_int_equal(dl.count, SG_MAX_DIAGS);
    assert_int_equal(dl.errors, SG_MAX_DIAGS - 1 + 2);
    assert_int_equal(dl.dropped, 2);
    assert_string_equal(dl.items[SG_MAX_DIAGS - 1].msg,
                        "the last one stored");
    diag_free(&dl);
}

/* diag_append moves src's messages behind dst's, as if added there:
 * counts add up, and what does not fit is counted as dropped. */
static void test_diag_append_moves_messages_and_counts(void **state)
{
    struct diag_list dst, src;
    int i;

    (void)state;
    diag_init(&dst, "s");
    diag_init(&src, "s");
    diag_error(&dst, at(1, 1), "first");
    diag_error(&src, at(4, 1), "second");
    diag_note(&src, at(2, 1), "its note");
    diag_oom(&src);
    diag_append(&dst, &src);
    assert_diags(&dst, "s:1:1: error: first\n"
                       "s:4:1: error: second\n"
                       "s:2:1: note: its note\n");
    assert_int_equal(dst.errors, 3); /* first, second, out of memory */
    assert_int_equal(dst.oom, 1);
    assert_int_equal(src.count, 0);
    assert_null(src.items);

    /* into a full list */
    for (i = 0; i < SG_MAX_DIAGS - 4; i++)
        diag_error(&dst, at(1, 1), "filler");
    diag_error(&src, at(5, 1), "fits");
    diag_error(&src, at(6, 1), "does not fit");
    diag_note(&src, at(6, 1), "nor does its note");
    diag_append(&dst, &src);
    assert_int_equal(dst.count, SG_MAX_DIAGS);
    assert_string_equal(dst.items[SG_MAX_DIAGS - 1].msg, "fits");
    assert_int_equal(dst.dropped, 1);
    assert_int_equal(dst.errors, 3 + (SG_MAX_DIAGS - 4) + 2);
    assert_int_equal(src.count, 0);
    diag_free(&dst);
}

/* A message longer than the buffer is cut, not lost. */
static void test_diag_long_message_is_cut(void **state)
{
    struct diag_list dl;
    char big[2000];

    (void)state;
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    diag_init(&dl, "s");
    diag_error(&dl, at(1, 1), "%s", big);
    assert_int_equal(dl.count, 1);
    assert_true(strlen(dl.items[0].msg) > 100);
    assert_true(strlen(dl.items[0].msg) < sizeof big - 1);
    assert_int_equal(strspn(dl.items[0].msg, "x"), strlen(dl.items[0].msg));
    diag_free(&dl);
}

static void test_diag_did_you_mean(void **state)
{
    static const char *const keys[] = {"name", "phrase", "status",
                                       "description", NULL};
    static const char *const langs[] = {"en", "zh", "ru", NULL};

    (void)state;
    assert_string_equal(diag_did_you_mean("nmae", keys), "name");
    assert_string_equal(diag_did_you_mean("stauts", keys), "status");
    assert_string_equal(diag_did_you_mean("descripton", keys),
                        "description");
    assert_null(diag_did_you_mean("colour", keys));
    /* short words: one edit at most */
    assert_string_equal(diag_did_you_mean("em", langs), "en");
    assert_null(diag_did_you_mean("fra", langs));
    assert_null(diag_did_you_mean("", keys));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diag_format_gnu_style),
        cmocka_unit_test(test_diag_format_escapes_what_a_terminal_obeys),
        cmocka_unit_test(test_diag_sort_by_position_notes_follow),
        cmocka_unit_test(test_diag_errors_past_the_limit_are_counted),
        cmocka_unit_test(test_diag_append_moves_messages_and_counts),
        cmocka_unit_test(test_diag_long_message_is_cut),
        cmocka_unit_test(test_diag_did_you_mean),
    };

    return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
