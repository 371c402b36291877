/*
 * test_sbuf.c - the string buffer and the escaping every emitter uses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "sbuf.h"

#include <string.h>

static void test_sbuf_appends_and_formats(void **state)
{
    struct sbuf sb;

    (void)state;
    sbuf_init(&sb);
    assert_string_equal(sbuf_str(&sb), "");
    sbuf_puts(&sb, "abc");
    sbuf_putc(&sb, '-');
    sbuf_printf(&sb, "%d/%s", 42, "x");
    assert_string_equal(sbuf_str(&sb), "abc-42/x");
    assert_int_equal(sb.len, 8);
    sbuf_reset(&sb);
    assert_string_equal(sbuf_str(&sb), "");
    sbuf_free(&sb);
}

static void test_sbuf_grows_past_large_sizes(void **state)
{
    struct sbuf sb;
    size_t i;

    (void)state;
    sbuf_init(&sb);
    for (i = 0; i < 100000; i++)
        sbuf_putc(&sb, (char)('a' + i % 26));
    assert_int_equal(sb.len, 100000);
    assert_int_equal(sb.data[99999], 'a' + 99999 % 26);
    assert_int_equal(sb.data[100000], '\0');
    assert_false(sbuf_failed(&sb));
    sbuf_free(&sb);
}

/* Escapes n bytes and returns the literal body in a static buffer. */
static const char *esc(const char *s, size_t n)
{
    static char out[512];
    struct sbuf sb;

    sbuf_init(&sb);
    sbuf_c_escape(&sb, s, n);
    strcpy(out, sbuf_str(&sb));
    sbuf_free(&sb);
    return out;
}

static void test_sbuf_c_escape_specials(void **state)
{
    (void)state;
    assert_string_equal(esc("a\"b\\c", 5), "a\\\"b\\\\c");
    /* every '?' is escaped, so no trigraph can form */
    assert_string_equal(esc("?" "?=?" "?/", 6), "\\?\\?=\\?\\?/");
    assert_string_equal(esc("\n\t\r", 3), "\\n\\t\\r");
    /* NUL and control bytes as 3-digit octal */
    assert_string_equal(esc("\0" "1", 2), "\\0001");
    assert_string_equal(esc("\x01\x7f", 2), "\\001\\177");
}

static void test_sbuf_c_escape_non_ascii_is_octal(void **state)
{
    /* "\xc3\xa4" is a-umlaut; the hex digits after it must stay apart */
    (void)state;
    assert_string_equal(esc("\xc3\xa4" "abc", 5), "\\303\\244abc");
    /* 4-byte UTF-8 */
    assert_string_equal(esc("\xf0\x9f\x98\x80", 4), "\\360\\237\\230\\200");
}

static void test_sbuf_c_literal_breaks_long_text(void **state)
{
    struct sbuf sb;
    char text[300];
    const char *p;
    size_t i, lines = 0;

    (void)state;
    for (i = 0; i < sizeof text; i++)
        text[i] = 'x';
    sbuf_init(&sb);
    sbuf_c_literal(&sb, text, sizeof text, 4);
    for (p = sbuf_str(&sb); *p; p++)
        if (*p == '\n')
            lines++;
    assert_true(lines >= 3);
    /* every line is short and the pieces are adjacent literals */
    for (p = sbuf_str(&sb); p; p = strchr(p, '\n')) {
        const char *end;

        if (*p == '\n')
            p++;
        end = strchr(p, '\n');
        assert_true((end ? (size_t)(end - p) : strlen(p)) <= 80);
        if (!end)
            break;
    }
    sbuf_reset(&sb);
    sbuf_c_literal(&sb, "one\ntwo", 7, 2);
    assert_string_equal(sbuf_str(&sb), "\"one\\n\"\n  \"two\"");
    sbuf_free(&sb);
}

static void test_sbuf_c_comment_is_safe(void **state)
{
    struct sbuf sb;

    (void)state;
    sbuf_init(&sb);
    sbuf_c_comment(&sb, "a */ b /* c ?" "?= d\n\xc3\xa4\xe4\xb8\xad x\\");
    assert_string_equal(sbuf_str(&sb), "a * / b / * c ? ?= d ? ? x\\");
    assert_null(strstr(sbuf_str(&sb), "*/"));
    assert_null(strstr(sbuf_str(&sb), "/*"));
    sbuf_free(&sb);
}

static void test_sbuf_markdown_escapes(void **state)
{
    struct sbuf sb;

    (void)state;
    sbuf_init(&sb);
    sbuf_markdown(&sb, "a|b <i> *x* _y_\nz", 1);
    assert_string_equal(sbuf_str(&sb),
                        "a\\|b &lt;i&gt; \\*x\\* \\_y\\_<br>z");
    sbuf_reset(&sb);
    sbuf_markdown(&sb, "# not a heading\n- not a list", 0);
    assert_string_equal(sbuf_str(&sb), "\\# not a heading  \n\\- not a list");
    sbuf_free(&sb);
}

static void test_sbuf_hash_is_fnv1a64(void **state)
{
    (void)state;
    /* published FNV-1a 64 test vectors */
    assert_true(sg_hash64("", 0) == 0xcbf29ce484222325ULL);
    assert_true(sg_hash64("a", 1) == 0xaf63dc4c8601ec8cULL);
    assert_true(sg_hash64("foobar", 6) == 0x85944171f73967e8ULL);
}

static void test_sbuf_puts_pascal_keeps_names_apart(void **state)
{
    struct sbuf sb;

    (void)state;
    sbuf_init(&sb);
    sbuf_puts_pascal(&sb, "http_status");
    sbuf_putc(&sb, ' ');
    sbuf_puts_pascal(&sb, "CLIENT_ERROR");
    sbuf_putc(&sb, ' ');
    sbuf_puts_pascal(&sb, "HTTP2_X9");
    sbuf_putc(&sb, ' ');
    /* the underscore before a digit stays: A_1B and A1B differ */
    sbuf_puts_pascal(&sb, "A_1B");
    sbuf_putc(&sb, ' ');
    sbuf_puts_pascal(&sb, "A1B");
    assert_string_equal(sbuf_str(&sb),
                        "HttpStatus ClientError Http2X9 A_1b A1b");
    sbuf_free(&sb);
}

static void test_sbuf_utf8_next_decodes_and_rejects(void **state)
{
    /* A, U+00E4, U+65E5, U+1F600; then bytes that start no character */
    static const char ok[] = "A\xC3\xA4\xE6\x97\xA5\xF0\x9F\x98\x80";
    static const char *const bad[] = {
        "\x80",          /* a continuation byte */
        "\xC0\x80",      /* overlong NUL */
        "\xE0\x80\x80",  /* overlong */
        "\xED\xA0\x80",  /* a surrogate, U+D800 */
        "\xF4\x90\x80\x80", /* past U+10FFFF */
        "\xC3",          /* cut short */
        "\xE6\x97" "A", /* a continuation missing */
    };
    unsigned long cp;
    size_t i;

    (void)state;
    assert_int_equal(sg_utf8_next(ok, 10, &cp), 1);
    assert_int_equal(cp, 0x41);
    assert_int_equal(sg_utf8_next(ok + 1, 9, &cp), 2);
    assert_int_equal(cp, 0xE4);
    assert_int_equal(sg_utf8_next(ok + 3, 7, &cp), 3);
    assert_int_equal(cp, 0x65E5);
    assert_int_equal(sg_utf8_next(ok + 6, 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    /* the length left counts: a sequence longer than it is invalid */
    assert_int_equal(sg_utf8_next(ok + 6, 3, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(sg_utf8_next(bad[i], strlen(bad[i]), &cp), 1);
        assert_int_equal(cp, 0xFFFD);
    }
}

static void test_sbuf_puts_case(void **state)
{
    struct sbuf sb;

    (void)state;
    sbuf_init(&sb);
    sbuf_puts_case(&sb, "CLIENT_ERROR2", 0);
    sbuf_putc(&sb, ' ');
    sbuf_puts_case(&sb, "unofficial_x9", 1);
    assert_string_equal(sbuf_str(&sb), "client_error2 UNOFFICIAL_X9");
    sbuf_free(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sbuf_appends_and_formats),
        cmocka_unit_test(test_sbuf_grows_past_large_sizes),
        cmocka_unit_test(test_sbuf_c_escape_specials),
        cmocka_unit_test(test_sbuf_c_escape_non_ascii_is_octal),
        cmocka_unit_test(test_sbuf_c_literal_breaks_long_text),
        cmocka_unit_test(test_sbuf_c_comment_is_safe),
        cmocka_unit_test(test_sbuf_markdown_escapes),
        cmocka_unit_test(test_sbuf_hash_is_fnv1a64),
        cmocka_unit_test(test_sbuf_puts_case),
        cmocka_unit_test(test_sbuf_puts_pascal_keeps_names_apart),
        cmocka_unit_test(test_sbuf_utf8_next_decodes_and_rejects),
    };

    return cmocka_run_group_tests_name("sbuf", tests, NULL, NULL);
}
