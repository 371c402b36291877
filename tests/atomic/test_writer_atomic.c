/*
 * test_writer_atomic.c - write_outputs() replaces files atomically: a write
 * that fails part-way (struct write_opts.fail_at) leaves every old output as
 * it was and no temporary file behind.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "writer.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NOUT 3

static const char *const names[NOUT] = {"reg.h", "reg.c", "reg.en.md"};

struct fixture {
    char dir[64];
    struct output outs[NOUT];
};

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* Returns the file's contents in a static buffer, or NULL when missing. */
static const char *read_file(const char *dir, const char *name)
{
    static char buf[4096];
    char path[256];
    FILE *f;
    size_t n;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* Number of entries in dir other than . and .., and of temporary files. */
static void count_entries(const char *dir, int *entries, int *temps)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    assert_non_null(d);
    *entries = *temps = 0;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        (*entries)++;
        if (strstr(e->d_name, ".tmp-") != NULL)
            (*temps)++;
    }
    closedir(d);
}

/* A directory holding the old reg.h and reg.c (reg.en.md is new), and
 * new contents for all three. */
static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    size_t i;

    if (fx == NULL)
        return -1;
    strcpy(fx->dir, "/tmp/statusgen-atomic.XXXXXX");
    if (mkdtemp(fx->dir) == NULL) {
        free(fx);
        return -1;
    }
    write_file(fx->dir, "reg.h", "old header\n");
    write_file(fx->dir, "reg.c", "old source\n");
    for (i = 0; i < NOUT; i++) {
        fx->outs[i].name = (char *)names[i];
        sbuf_init(&fx->outs[i].text);
        sbuf_printf(&fx->outs[i].text, "new contents of %s, long enough "
                    "that half of it is a partial file\n", names[i]);
    }
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    char path[256];
    size_t i;

    for (i = 0; i < NOUT; i++) {
        sbuf_free(&fx->outs[i].text);
        snprintf(path, sizeof path, "%s/%s", fx->dir, names[i]);
        unlink(path);
    }
    rmdir(fx->dir);
    free(fx);
    return 0;
}

/* Makes the write of the fail_at-th temporary file fail and checks that
 * nothing changed. */
static void expect_nothing_changed(struct fixture *fx, int fail_at)
{
    struct write_opts opts;
    struct diag_list dl;
    int entries, temps;

    opts.fail_at = fail_at;
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, &opts, &dl), -1);
    assert_true(dl.errors > 0);
    assert_int_equal(dl.count, 1);
    assert_non_null(strstr(dl.items[0].msg, "cannot write"));
    diag_free(&dl);
    assert_string_equal(read_file(fx->dir, "reg.h"), "old header\n");
    assert_string_equal(read_file(fx->dir, "reg.c"), "old source\n");
    assert_null(read_file(fx->dir, "reg.en.md"));
    count_entries(fx->dir, &entries, &temps);
    assert_int_equal(temps, 0);
    assert_int_equal(entries, 2);
}

static void test_writer_atomic_fail_after_first_file(void **state)
{
    expect_nothing_changed(*state, 2);
}

static void test_writer_atomic_fail_on_first_file(void **state)
{
    expect_nothing_changed(*state, 1);
}

static void test_writer_atomic_fail_on_last_file(void **state)
{
    expect_nothing_changed(*state, NOUT);
}

/* Without an injected failure the same call replaces all three. */
static void test_writer_atomic_writes_all_without_failure(void **state)
{
    struct fixture *fx = *state;
    struct diag_list dl;
    int entries, temps;
    size_t i;

    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl), NOUT);
    assert_int_equal(dl.errors, 0);
    diag_free(&dl);
    for (i = 0; i < NOUT; i++)
        assert_string_equal(read_file(fx->dir, names[i]),
                            sbuf_str(&fx->outs[i].text));
    count_entries(fx->dir, &entries, &temps);
    assert_int_equal(temps, 0);
    assert_int_equal(entries, NOUT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_fail_after_first_file, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_fail_on_first_file, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_fail_on_last_file, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_writes_all_without_failure, setup, teardown),
    };

    return cmocka_run_group_tests_name("writer_atomic", tests, NULL, NULL);
}
