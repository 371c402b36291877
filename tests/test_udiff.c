/*
 * test_udiff.c - the unified diff of --check: the exact format of diff -u
 * on small cases, the cap, and on random texts a diff that, applied as
 * patch would, turns the old text into the new one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"
#include "udiff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The diff of a into b with names "a" and "b", in a static buffer. */
static const char *diff_of(const char *a, const char *b, size_t max)
{
    static struct sbuf out;
    struct sbuf sa, sb;

    sbuf_init(&sa);
    sbuf_init(&sb);
    sbuf_puts(&sa, a);
    sbuf_puts(&sb, b);
    sbuf_free(&out);
    udiff("a", &sa, "b", &sb, max, &out);
    assert_false(sbuf_failed(&out));
    sbuf_free(&sa);
    sbuf_free(&sb);
    return sbuf_str(&out);
}

/* "l1\n" .. "l<n>\n", with line k replaced by repl[k] when set. */
static const char *numbered(int n, const char *const *repl, int nrepl)
{
    static char buf[8][4096];
    static int which;
    char *p = buf[which++ % 8];
    int k, i;

    p[0] = '\0';
    for (k = 1; k <= n; k++) {
        const char *r = NULL;

        for (i = 0; i + 1 < nrepl; i += 2)
            if (atoi(repl[i]) == k)
                r = repl[i + 1];
        if (r)
            strcat(p, r);
        else
            sprintf(p + strlen(p), "l%d\n", k);
    }
    return p;
}

static void test_udiff_equal_texts_give_nothing(void **state)
{
    (void)state;
    assert_string_equal(diff_of("x\ny\n", "x\ny\n", 100), "");
    assert_string_equal(diff_of("", "", 100), "");
}

static void test_udiff_one_change_has_three_lines_of_context(void **state)
{
    static const char *const r[] = {"10", "L10\n"};

    (void)state;
    assert_string_equal(diff_of(numbered(20, NULL, 0), numbered(20, r, 2), 100),
                        "--- a\n+++ b\n@@ -7,7 +7,7 @@\n l7\n l8\n l9\n-l10\n"
                        "+L10\n l11\n l12\n l13\n");
}

static void test_udiff_hunks_merge_within_twice_the_context(void **state)
{
    static const char *const six[] = {"5", "X\n", "12", "Y\n"};
    static const char *const seven[] = {"5", "X\n", "13", "Y\n"};

    (void)state;
    /* six unchanged lines between: one hunk */
    assert_string_equal(diff_of(numbered(20, NULL, 0), numbered(20, six, 4),
                                100),
                        "--- a\n+++ b\n@@ -2,14 +2,14 @@\n l2\n l3\n l4\n-l5\n"
                        "+X\n l6\n l7\n l8\n l9\n l10\n l11\n-l12\n+Y\n l13\n"
                        " l14\n l15\n");
    /* seven: two */
    assert_string_equal(diff_of(numbered(20, NULL, 0), numbered(20, seven, 4),
                                100),
                        "--- a\n+++ b\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n"
                        "+X\n l6\n l7\n l8\n@@ -10,7 +10,7 @@\n l10\n l11\n"
                        " l12\n-l13\n+Y\n l14\n l15\n l16\n");
}

static void test_udiff_ranges_as_diff_writes_them(void **state)
{
    (void)state;
    /* a new file; one line; an empty side names the line before */
    assert_string_equal(diff_of("", "new\n", 100),
                        "--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n");
    assert_string_equal(diff_of("a\nb\n", "a\nb\nc\n", 100),
                        "--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n b\n+c\n");
    assert_string_equal(diff_of("x\n", "", 100),
                        "--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n");
    assert_string_equal(diff_of("a\nb", "a\nb\n", 100),
                        "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n"
                        "\\ No newline at end of file\n+b\n");
}

static void test_udiff_caps_the_lines_and_counts_the_rest(void **state)
{
    static const char *const r[] = {"3", "X\n", "30", "Y\n"};
    const char *d;

    (void)state;
    /* the first hunk is 8 lines with its @@ line, the second 9: it does
     * not fit */
    d = diff_of(numbered(40, NULL, 0), numbered(40, r, 4), 10);
    assert_non_null(strstr(d, "@@ -1,6 +1,6 @@\n"));
    assert_null(strstr(d, "-l30"));
    assert_non_null(strstr(d, "... 9 more lines of this diff not shown\n"));
}

/* Applies diff d to old as patch would (hunks in order, context checked);
 * returns the new text (static) or NULL when it does not apply. */
static const char *apply(const char *old, const char *d)
{
    static struct sbuf out;
    const char *p = d, *o = old;
    long at = 1; /* next line of old (1-based) */

    sbuf_free(&out);
    sbuf_puts(&out, "");
    if (*p == '\0')
        return old;
    p = strchr(p, '\n') + 1; /* --- */
    p = strchr(p, '\n') + 1; /* +++ */
    while (*p) {
        long start, count = 1;
        const char *e;

        if (sscanf(p, "@@ -%ld,%ld", &start, &count) < 1)
            return NULL;
        if (count == 0)
            start++; /* an empty side names the line before */
        for (; at < start; at++) { /* copy up to the hunk */
            e = strchr(o, '\n');
            sbuf_putn(&out, o, (size_t)(e - o + 1));
            o = e + 1;
        }
        p = strchr(p, '\n') + 1;
        while (*p && *p != '@') {
            size_t len = strcspn(p + 1, "\n");

            if (*p == ' ' || *p == '-') {
                if (strncmp(o, p + 1, len) != 0 || o[len] != '\n')
                    return NULL;
                if (*p == ' ')
                    sbuf_putn(&out, o, len + 1);
                o += len + 1;
                at++;
            } else if (*p == '+') {
                sbuf_putn(&out, p + 1, len);
                sbuf_putc(&out, '\n');
            } else {
                return NULL;
            }
            p += len + 2;
        }
    }
    sbuf_puts(&out, o);
    return sbuf_str(&out);
}

/* A random text of n lines from a small alphabet, so lines repeat. */
static void random_text(struct sbuf *sb, unsigned *seed, int n, int alpha)
{
    int i;

    sbuf_reset(sb);
    for (i = 0; i < n; i++) {
        *seed = *seed * 1103515245u + 12345u;
        sbuf_printf(sb, "w%u\n", (*seed >> 16) % (unsigned)alpha);
    }
}

static void test_udiff_random_texts_patch_back(void **state)
{
    struct sbuf a, b;
    unsigned seed = tu_seed(7);
    int round;

    (void)state;
    sbuf_init(&a);
    sbuf_init(&b);
    for (round = 0; round < 300; round++) {
        const char *d, *got;

        random_text(&a, &seed, (int)(seed >> 20) % 60, 2 + round % 9);
        random_text(&b, &seed, (int)(seed >> 20) % 60, 2 + round % 9);
        d = diff_of(sbuf_str(&a), sbuf_str(&b), 100000);
        got = apply(sbuf_str(&a), d);
        if (got == NULL || strcmp(got, sbuf_str(&b)) != 0)
            fail_msg("round %d: the diff does not turn a into b:\n%s", round,
                     d);
    }
    /* far apart (past the search bound): still a correct diff */
    random_text(&a, &seed, 3000, 1000);
    random_text(&b, &seed, 3000, 1000);
    {
        const char *d = diff_of(sbuf_str(&a), sbuf_str(&b), 100000);
        const char *got = apply(sbuf_str(&a), d);

        assert_non_null(got);
        assert_string_equal(got, sbuf_str(&b));
    }
    sbuf_free(&a);
    sbuf_free(&b);
}

/* The "---" line of the diff of "x\n" into "y\n" under name, in a static
 * buffer. */
static const char *header_of(const char *name)
{
    static struct sbuf out;
    struct sbuf sa, sb;
    const char *nl;

    sbuf_init(&sa);
    sbuf_init(&sb);
    sbuf_puts(&sa, "x\n");
    sbuf_puts(&sb, "y\n");
    sbuf_free(&out);
    udiff(name, &sa, name, &sb, 100, &out);
    assert_false(sbuf_failed(&out));
    sbuf_free(&sa);
    sbuf_free(&sb);
    nl = strchr(sbuf_str(&out), '\n');
    assert_non_null(nl);
    out.data[nl - out.data] = '\0';
    return sbuf_str(&out);
}

/* File names are quoted as GNU diff quotes them (what diff -u printed for
 * these names), so that patch -p0 finds a path with a space. */
static void test_udiff_names_quoted_as_diff_does(void **state)
{
    (void)state;
    assert_string_equal(header_of("out/http_status.h"),
                        "--- out/http_status.h");
    assert_string_equal(header_of("my out/x.h"), "--- \"my out/x.h\"");
    assert_string_equal(header_of("q\"x"), "--- \"q\\\"x\"");
    assert_string_equal(header_of("b\\s"), "--- \"b\\\\s\"");
    assert_string_equal(header_of("t\tx"), "--- \"t\\tx\"");
    assert_string_equal(header_of("n\nx"), "--- \"n\\nx\"");
    assert_string_equal(header_of("r\rx"), "--- \"r\\rx\"");
    assert_string_equal(header_of("c\001x"), "--- \"c\\001x\"");
    assert_string_equal(header_of("e\033x"), "--- \"e\\033x\"");
    assert_string_equal(header_of("u\303\251"), "--- \"u\\303\\251\"");
    assert_string_equal(header_of("d\177x"), "--- d\177x");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_udiff_equal_texts_give_nothing),
        cmocka_unit_test(test_udiff_one_change_has_three_lines_of_context),
        cmocka_unit_test(test_udiff_hunks_merge_within_twice_the_context),
        cmocka_unit_test(test_udiff_ranges_as_diff_writes_them),
        cmocka_unit_test(test_udiff_caps_the_lines_and_counts_the_rest),
        cmocka_unit_test(test_udiff_random_texts_patch_back),
        cmocka_unit_test(test_udiff_names_quoted_as_diff_does),
    };

    return cmocka_run_group_tests_name("udiff", tests, NULL, NULL);
}
