/*
 * test_loader.c - YAML text to document tree: structure, positions, and
 * what a spec may not contain.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "node.h"
#include "sbuf.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

/* Parses text; returns the diagnostics as text (static) and the tree. */
static const char *parse(const char *text, struct node **root, int *rc)
{
    static char out[4096];
    struct diag_list dl;
    struct sbuf sb;

    diag_init(&dl, "t.yaml");
    *rc = spec_parse(text, strlen(text), &dl, root);
    sbuf_init(&sb);
    tu_diags(&dl, &sb);
    strncpy(out, sbuf_str(&sb), sizeof out - 1);
    out[sizeof out - 1] = '\0';
    sbuf_free(&sb);
    diag_free(&dl);
    return out;
}

/* Parses text expecting failure with a message containing want. */
static void expect_error(const char *text, const char *want)
{
    struct node *root = NULL;
    int rc;
    const char *msg = parse(text, &root, &rc);

    node_free(root);
    assert_int_equal(rc, -1);
    if (strstr(msg, want) == NULL)
        fail_msg("expected \"%s\" in:\n%s", want, msg);
}

static void test_loader_builds_tree_with_positions(void **state)
{
    struct node *root = NULL;
    const struct node *codes, *v;
    int rc;

    (void)state;
    parse("a: 1\ncodes:\n  - {code: 7, name: X}\n  - 'q'\n", &root, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(root);
    assert_int_equal(root->kind, NODE_MAPPING);
    assert_int_equal(root->count, 2);
    v = node_get(root, "a");
    assert_non_null(v);
    assert_string_equal(v->text, "1");
    assert_true(v->plain);
    assert_int_equal(v->pos.line, 1);
    assert_int_equal(v->pos.col, 4);
    codes = node_get(root, "codes");
    assert_int_equal(codes->kind, NODE_SEQUENCE);
    assert_int_equal(codes->count, 2);
    v = node_get(codes->items[0], "name");
    assert_string_equal(v->text, "X");
    assert_int_equal(v->pos.line, 3);
    assert_int_equal(v->pos.col, 21);
    assert_false(codes->items[1]->plain);
    assert_null(node_get(root, "missing"));
    node_free(root);
}

static void test_loader_empty_document_is_null_root(void **state)
{
    struct node *root = (struct node *)1;
    int rc;

    (void)state;
    parse("", &root, &rc);
    assert_int_equal(rc, 0);
    assert_null(root);
    parse("# only a comment\n", &root, &rc);
    assert_int_equal(rc, 0);
    assert_null(root);
}

static void test_loader_reports_duplicate_keys_with_note(void **state)
{
    (void)state;
    expect_error("a: 1\nb: 2\na: 3\n",
                 "t.yaml:3:1: error: duplicate key 'a'\n"
                 "t.yaml:1:1: note: 'a' first given here");
}

static void test_loader_rejects_anchors_aliases_tags(void **state)
{
    (void)state;
    expect_error("a: &x 1\nb: *x\n", "t.yaml:1:4: error: anchor '&x'");
    expect_error("a: &x 1\nb: *x\n", "t.yaml:2:4: error: alias '*x'");
    expect_error("a: !!str 1\n", "tags are not allowed");
    expect_error("a: !!python/object:os.system x\n", "tags are not allowed");
}

static void test_loader_rejects_second_document(void **state)
{
    (void)state;
    expect_error("a: 1\n---\nb: 2\n",
                 "t.yaml:2:1: error: a second YAML document");
}

static void test_loader_reports_invalid_utf8_position(void **state)
{
    (void)state;
    expect_error("a: 1\nb: x\xff\n", "t.yaml:2:5: error: invalid UTF-8");
    /* an overlong encoding and a lone continuation byte */
    expect_error("a: \xc0\xaf\n", "t.yaml:1:4: error: invalid UTF-8");
    expect_error("a: \x80\n", "t.yaml:1:4: error: invalid UTF-8");
    /* columns count characters, not bytes */
    expect_error("a: \xc3\xa4\xc3\xa4\xff\n", "t.yaml:1:6: error: invalid UTF-8");
}

static void test_loader_reports_control_characters(void **state)
{
    static const char text[] = "a: 1\nb: \0\n";

    (void)state;
    {
        struct node *root = NULL;
        struct diag_list dl;
        struct sbuf sb;

        diag_init(&dl, "t.yaml");
        assert_int_equal(spec_parse(text, sizeof text - 1, &dl, &root), -1);
        sbuf_init(&sb);
        tu_diags(&dl, &sb);
        assert_non_null(strstr(sbuf_str(&sb), "t.yaml:2:4: error: NUL byte"));
        sbuf_free(&sb);
        diag_free(&dl);
        node_free(root);
    }
    expect_error("a: \x07\n", "control character 0x07");
}

/* A UTF-8 byte order mark is allowed before anything: a comment, or a key
 * on line 1 (which libyaml, left to itself, misplaced by one column);
 * columns of line 1 count from after it.  U+FEFF anywhere else, a second
 * mark included, is an error. */
static void test_loader_accepts_a_byte_order_mark(void **state)
{
    struct node *root = NULL;
    const struct node *v;
    int rc;
    const char *msg;

    (void)state;
    msg = parse("\xef\xbb\xbf" "a: 1\nb:\n  c: 2\n", &root, &rc);
    if (rc != 0)
        fail_msg("a BOM before a key was refused:\n%s", msg);
    v = node_get(root, "a");
    assert_non_null(v);
    assert_int_equal(v->pos.line, 1);
    assert_int_equal(v->pos.col, 4);
    assert_non_null(node_get(root, "b"));
    node_free(root);
    root = NULL;
    parse("\xef\xbb\xbf# a comment\na: 1\n", &root, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(node_get(root, "a"));
    node_free(root);
    expect_error("\xef\xbb\xbf" "a: x\xff\n", "t.yaml:1:5: error: invalid UTF-8");
    expect_error("\xef\xbb\xbf\xef\xbb\xbf" "a: 1\n",
                 "t.yaml:1:1: error: character U+FEFF is not allowed");
    expect_error("a: 1\n\xef\xbb\xbf" "b: 2\n",
                 "t.yaml:2:1: error: character U+FEFF is not allowed");
}

static void test_loader_reports_syntax_errors_with_position(void **state)
{
    (void)state;
    expect_error("a: [1, 2\nb: 3\n", "t.yaml:");
    expect_error("a:\n\tb: 1\n", "tab character");
    expect_error("a: 'open\n", "t.yaml:");
}

static void test_loader_limits_depth(void **state)
{
    char text[300];
    size_t i;

    (void)state;
    for (i = 0; i < 100; i++)
        text[i] = '[';
    text[i] = '\0';
    expect_error(text, "nesting deeper than 64 levels");
}

static void test_loader_limits_scalar_length(void **state)
{
    size_t n = SG_MAX_SCALAR + 10;
    char *text = (char *)malloc(n + 8);

    (void)state;
    memcpy(text, "a: ", 3);
    memset(text + 3, 'x', n);
    strcpy(text + 3 + n, "\n");
    expect_error(text, "longer than the limit");
    free(text);
}

static void test_loader_rejects_non_scalar_keys(void **state)
{
    (void)state;
    expect_error("? [a, b]\n: 1\n", "a mapping key must be a scalar");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loader_builds_tree_with_positions),
        cmocka_unit_test(test_loader_empty_document_is_null_root),
        cmocka_unit_test(test_loader_reports_duplicate_keys_with_note),
        cmocka_unit_test(test_loader_rejects_anchors_aliases_tags),
        cmocka_unit_test(test_loader_rejects_second_document),
        cmocka_unit_test(test_loader_reports_invalid_utf8_position),
        cmocka_unit_test(test_loader_reports_control_characters),
        cmocka_unit_test(test_loader_reports_syntax_errors_with_position),
        cmocka_unit_test(test_loader_limits_depth),
        cmocka_unit_test(test_loader_limits_scalar_length),
        cmocka_unit_test(test_loader_rejects_non_scalar_keys),
        cmocka_unit_test(test_loader_accepts_a_byte_order_mark),
    };

    return cmocka_run_group_tests_name("loader", tests, NULL, NULL);
}
