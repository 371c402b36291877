/*
 * test_writer.c - change-only writes, what is in the way, and the --check
 * report (a write failing part-way: atomic/test_writer_atomic.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "writer.h"
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static struct output outs[2];
static const char *texts[2]; /* their contents (tu_produce_text) */

static void set_outputs(const char *a, const char *b)
{
    texts[0] = a;
    texts[1] = b;
}

static int setup(void **state)
{
    static char one[] = "one.h", two[] = "two.c";
    size_t i;

    (void)state;
    outs[0].name = one;
    outs[1].name = two;
    for (i = 0; i < 2; i++) {
        outs[i].produce = tu_produce_text;
        outs[i].arg = texts;
        outs[i].which = i;
    }
    set_outputs("", "");
    return 0;
}

/* The contents of dir/name, in a static buffer. */
static const char *contents(const char *dir, const char *name)
{
    static char buf[256];
    char path[512];
    struct sbuf sb;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    sbuf_init(&sb);
    if (tu_read_file(path, &sb) != 0) {
        sbuf_free(&sb);
        return NULL;
    }
    snprintf(buf, sizeof buf, "%s", sbuf_str(&sb));
    sbuf_free(&sb);
    return buf;
}

/* Number of entries in dir besides . and .. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static void test_writer_creates_dirs_and_files(void **state)
{
    const char *base = tu_temp_dir("writer");
    char dir[512];
    struct diag_list dl;

    (void)state;
    snprintf(dir, sizeof dir, "%s/a/b", base);
    diag_init(&dl, "w");
    set_outputs("first\n", "second\n");
    assert_int_equal(write_outputs(dir, outs, 2, NULL, &dl), 2);
    assert_string_equal(contents(dir, "one.h"), "first\n");
    assert_string_equal(contents(dir, "two.c"), "second\n");
    /* the same bytes again: nothing written */
    assert_int_equal(write_outputs(dir, outs, 2, NULL, &dl), 0);
    /* one changed: only it */
    set_outputs("first\n", "changed\n");
    assert_int_equal(write_outputs(dir, outs, 2, NULL, &dl), 1);
    assert_string_equal(contents(dir, "two.c"), "changed\n");
    assert_int_equal(entries(dir), 2);
    assert_int_equal(dl.errors, 0);
    diag_free(&dl);
}

static void test_writer_unchanged_file_keeps_its_inode_and_time(void **state)
{
    const char *dir = tu_temp_dir("writer");
    char path[512];
    struct stat before, after;
    struct diag_list dl;

    (void)state;
    diag_init(&dl, "w");
    set_outputs("same\n", "x\n");
    assert_int_equal(write_outputs(dir, outs, 2, NULL, &dl), 2);
    snprintf(path, sizeof path, "%s/one.h", dir);
    assert_int_equal(stat(path, &before), 0);
    set_outputs("same\n", "y\n");
    assert_int_equal(write_outputs(dir, outs, 2, NULL, &dl), 1);
    assert_int_equal(stat(path, &after), 0);
    assert_true(before.st_ino == after.st_ino);
    assert_true(before.st_mtime == after.st_mtime);
    diag_free(&dl);
}

static void test_writer_refuses_directory_in_the_way(void **state)
{
    const char *dir = tu_temp_dir("writer");
    char path[512];
    struct diag_list dl;

    (void)state;
    diag_init(&dl, "w");
    snprintf(path, sizeof path, "%s/two.c", dir);
    assert_int_equal(mkdir(path, 0777), 0);
    set_outputs("a\n", "b\n");
    assert_int_equal(write_outputs(dir, outs, 2, NULL, &dl), -1);
    assert_non_null(strstr(dl.items[0].msg, "not a regular file"));
    /* the first file was not written either */
    assert_null(contents(dir, "one.h"));
    diag_free(&dl);
}

static void test_writer_output_dir_is_a_file(void **state)
{
    const char *dir = tu_temp_dir("writer");
    char path[512];
    struct diag_list dl;

    (void)state;
    diag_init(&dl, "w");
    snprintf(path, sizeof path, "%s/file", dir);
    assert_int_equal(tu_write_file(path, "x", 1), 0);
    set_outputs("a\n", "b\n");
    assert_int_equal(write_outputs(path, outs, 2, NULL, &dl), -1);
    assert_true(dl.errors > 0);
    assert_string_equal(contents(dir, "file"), "x");
    diag_free(&dl);
}

static void test_writer_check_reports_missing_and_stale(void **state)
{
    const char *dir = tu_temp_dir("writer");
    struct diag_list dl;
    struct sbuf report;

    (void)state;
    diag_init(&dl, "w");
    sbuf_init(&report);
    set_outputs("l1\nl2\nl3\n", "x\n");
    assert_int_equal(check_outputs(dir, outs, 2, &report, &dl), 2);
    assert_non_null(strstr(sbuf_str(&report), "one.h: missing"));
    assert_int_equal(write_outputs(dir, outs, 2, NULL, &dl), 2);
    sbuf_reset(&report);
    assert_int_equal(check_outputs(dir, outs, 2, &report, &dl), 0);
    assert_string_equal(sbuf_str(&report), "");
    set_outputs("l1\nL2\nl3\n", "x\n");
    assert_int_equal(check_outputs(dir, outs, 2, &report, &dl), 1);
    assert_non_null(strstr(sbuf_str(&report), "one.h: out of date\n---"));
    assert_non_null(strstr(sbuf_str(&report), "one.h\n@@ -1,3 +1,3 @@\n"
                                              " l1\n-l2\n+L2\n l3\n"));
    /* --check writes nothing */
    assert_string_equal(contents(dir, "one.h"), "l1\nl2\nl3\n");
    sbuf_free(&report);
    diag_free(&dl);
}

/* A produced output: 5000 numbered lines (far more than one sbuf window),
 * the last one ending in "\n\n" and cut back to one newline, as the
 * emitters do. */
static void produce_lines(const void *arg, size_t which, struct sbuf *out)
{
    size_t i;

    (void)arg;
    for (i = 0; i < 5000; i++) {
        sbuf_puts(out, "line ");
        sbuf_put_ulong(out, (unsigned long)(i * which));
        sbuf_puts(out, " of a produced output\n");
    }
    sbuf_putc(out, '\n');
    out->data[--out->len] = '\0';
}

static void test_writer_produced_outputs_stream(void **state)
{
    static char na[] = "a.txt", nb[] = "b.txt";
    const char *dir = tu_temp_dir("writer-produce");
    struct output po[2];
    struct sbuf want, got;
    struct diag_list dl;
    char path[512];
    FILE *f;
    size_t i;

    (void)state;
    memset(po, 0, sizeof po);
    po[0].name = na;
    po[1].name = nb;
    for (i = 0; i < 2; i++) {
        po[i].produce = produce_lines;
        po[i].which = i + 1;
    }
    sbuf_init(&want);
    produce_lines(NULL, 2, &want);
    assert_true(want.len > 2 * SBUF_CHUNK);
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(dir, po, 2, NULL, &dl), 2);
    snprintf(path, sizeof path, "%s/b.txt", dir);
    sbuf_init(&got);
    assert_int_equal(tu_read_file(path, &got), 0);
    assert_int_equal(got.len, want.len);
    assert_memory_equal(got.data, want.data, want.len);
    /* the same bytes: nothing written */
    assert_int_equal(write_outputs(dir, po, 2, NULL, &dl), 0);
    /* one byte changed far into the file, the size kept: rewritten */
    f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, (long)want.len - 100, SEEK_SET);
    fputc('#', f);
    fclose(f);
    assert_int_equal(write_outputs(dir, po, 2, NULL, &dl), 1);
    /* longer by a byte, then shorter: rewritten both times */
    f = fopen(path, "ab");
    assert_non_null(f);
    fputc('\n', f);
    fclose(f);
    assert_int_equal(write_outputs(dir, po, 2, NULL, &dl), 1);
    assert_int_equal(truncate(path, (off_t)want.len - 1), 0);
    assert_int_equal(write_outputs(dir, po, 2, NULL, &dl), 1);
    sbuf_reset(&got);
    assert_int_equal(tu_read_file(path, &got), 0);
    assert_int_equal(got.len, want.len);
    assert_memory_equal(got.data, want.data, want.len);
    assert_int_equal(dl.errors, 0);
    diag_free(&dl);
    sbuf_free(&want);
    sbuf_free(&got);
    remove(path);
    snprintf(path, sizeof path, "%s/a.txt", dir);
    remove(path);
}

/* output_collect appends the producer's whole text (no window), and
 * --check compares and diffs a produced output of many windows. */
static void test_writer_collect_and_check_produced(void **state)
{
    static char na[] = "a.txt";
    const char *dir = tu_temp_dir("writer-collect");
    struct output po;
    struct sbuf want, got, report;
    struct diag_list dl;
    char path[512];
    FILE *f;

    (void)state;
    memset(&po, 0, sizeof po);
    po.name = na;
    po.produce = produce_lines;
    po.which = 3;
    sbuf_init(&want);
    sbuf_puts(&want, "kept: ");
    produce_lines(NULL, 3, &want);
    sbuf_init(&got);
    sbuf_puts(&got, "kept: ");
    assert_int_equal(output_collect(&po, &got), 0);
    assert_true(got.len > 2 * SBUF_CHUNK);
    assert_int_equal(got.len, want.len);
    assert_memory_equal(got.data, want.data, want.len);
    diag_init(&dl, "statusgen");
    sbuf_init(&report);
    assert_int_equal(check_outputs(dir, &po, 1, &report, &dl), 1);
    assert_non_null(strstr(sbuf_str(&report), "a.txt: missing\n"));
    assert_int_equal(write_outputs(dir, &po, 1, NULL, &dl), 1);
    sbuf_reset(&report);
    assert_int_equal(check_outputs(dir, &po, 1, &report, &dl), 0);
    assert_string_equal(sbuf_str(&report), "");
    /* a line far into the file changed: out of date, with that hunk */
    snprintf(path, sizeof path, "%s/a.txt", dir);
    f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, (long)(want.len - strlen("kept: ")) - 10, SEEK_SET);
    fputc('#', f);
    fclose(f);
    assert_int_equal(check_outputs(dir, &po, 1, &report, &dl), 1);
    assert_non_null(strstr(sbuf_str(&report), "a.txt: out of date\n"));
    assert_non_null(strstr(sbuf_str(&report), "+line 14997 of a produced "
                                              "output\n"));
    assert_int_equal(dl.errors, 0);
    diag_free(&dl);
    sbuf_free(&report);
    sbuf_free(&want);
    sbuf_free(&got);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_writer_creates_dirs_and_files),
        cmocka_unit_test(test_writer_unchanged_file_keeps_its_inode_and_time),
        cmocka_unit_test(test_writer_refuses_directory_in_the_way),
        cmocka_unit_test(test_writer_output_dir_is_a_file),
        cmocka_unit_test(test_writer_check_reports_missing_and_stale),
        cmocka_unit_test(test_writer_produced_outputs_stream),
        cmocka_unit_test(test_writer_collect_and_check_produced),
    };

    return cmocka_run_group_tests_name("writer", tests, setup, NULL);
}
