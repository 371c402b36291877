/*
 * test_writer_atomic.c - write_outputs() replaces files atomically: a write
 * that fails part-way (struct write_opts.fail_at) leaves every old output as
 * it was and no temporary file behind; a failed rename leaves complete
 * files and no temporary file; stale temporary files of a killed run do
 * not block the next; the directory lock makes a second run wait; modes
 * survive a rewrite under any umask.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "writer.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

    memset(&opts, 0, sizeof opts);
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

/* The second rename fails: reg.h is new, the others old, every file
 * complete, no temporary file and no lock file left. */
static void test_writer_atomic_fail_between_renames(void **state)
{
    struct fixture *fx = *state;
    struct write_opts opts;
    struct diag_list dl;
    int entries, temps;

    memset(&opts, 0, sizeof opts);
    opts.fail_rename_at = 2;
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, &opts, &dl), -1);
    assert_int_equal(dl.count, 1);
    assert_non_null(strstr(dl.items[0].msg, "reg.c: cannot replace"));
    diag_free(&dl);
    assert_string_equal(read_file(fx->dir, "reg.h"),
                        sbuf_str(&fx->outs[0].text));
    assert_string_equal(read_file(fx->dir, "reg.c"), "old source\n");
    assert_null(read_file(fx->dir, "reg.en.md"));
    count_entries(fx->dir, &entries, &temps);
    assert_int_equal(temps, 0);
    assert_int_equal(entries, 2);
    /* and the next run completes the set */
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl), 2);
    diag_free(&dl);
    assert_string_equal(read_file(fx->dir, "reg.c"),
                        sbuf_str(&fx->outs[1].text));
}

/* Temporary files a killed run left (old pid-named ones, random-named
 * ones, even one that cannot be removed) do not stop the next run, and
 * the removable ones are gone after it; other files are left alone. */
static void test_writer_atomic_steps_around_stale_temps(void **state)
{
    struct fixture *fx = *state;
    struct diag_list dl;
    char path[256];
    int entries, temps;
    size_t i;

    write_file(fx->dir, "reg.h.tmp-4242", "stale, pid-named\n");
    write_file(fx->dir, "reg.c.tmp-00112233aabbccdd", "stale, random\n");
    write_file(fx->dir, "notes.tmp-1", "not statusgen's\n");
    snprintf(path, sizeof path, "%s/reg.en.md.tmp-dir", fx->dir);
    assert_int_equal(mkdir(path, 0700), 0);
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl), NOUT);
    assert_int_equal(dl.errors, 0);
    diag_free(&dl);
    for (i = 0; i < NOUT; i++)
        assert_string_equal(read_file(fx->dir, names[i]),
                            sbuf_str(&fx->outs[i].text));
    assert_null(read_file(fx->dir, "reg.h.tmp-4242"));
    assert_null(read_file(fx->dir, "reg.c.tmp-00112233aabbccdd"));
    assert_string_equal(read_file(fx->dir, "notes.tmp-1"), "not statusgen's\n");
    count_entries(fx->dir, &entries, &temps);
    assert_int_equal(temps, 2); /* notes.tmp-1 and the directory */
    assert_int_equal(entries, NOUT + 2);
    rmdir(path);
    snprintf(path, sizeof path, "%s/notes.tmp-1", fx->dir);
    unlink(path);
}

static int waited;

static void note_waiting(const char *lock_path, const char *dir)
{
    (void)dir;
    assert_non_null(strstr(lock_path, ".statusgen.lock"));
    waited++;
}

/* While another process holds the directory's lock, a run says it waits
 * and writes only after the lock is released. */
static void test_writer_atomic_waits_for_the_lock(void **state)
{
    struct fixture *fx = *state;
    struct write_opts opts;
    struct diag_list dl;
    char path[256];
    int ready[2], status;
    pid_t child;
    char c;

    snprintf(path, sizeof path, "%s/.statusgen.lock", fx->dir);
    assert_int_equal(pipe(ready), 0);
    child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        struct flock fl;
        int fd = open(path, O_RDWR | O_CREAT, 0666);

        memset(&fl, 0, sizeof fl);
        fl.l_type = F_WRLCK;
        if (fd < 0 || fcntl(fd, F_SETLK, &fl) != 0)
            _exit(1);
        if (write(ready[1], "x", 1) != 1)
            _exit(1);
        sleep(1);
        /* as statusgen does: remove the file, then let go */
        unlink(path);
        _exit(0);
    }
    close(ready[1]);
    assert_int_equal(read(ready[0], &c, 1), 1);
    close(ready[0]);
    memset(&opts, 0, sizeof opts);
    opts.waiting = note_waiting;
    waited = 0;
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, &opts, &dl), NOUT);
    diag_free(&dl);
    assert_int_equal(waited, 1);
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_null(read_file(fx->dir, ".statusgen.lock"));
}

/* Under umask 077 a rewritten file keeps 0644, 0755 or 0444; a new one
 * gets 0666 & ~umask. */
static void test_writer_atomic_keeps_modes(void **state)
{
    struct fixture *fx = *state;
    static const mode_t modes[2] = {0644, 0755};
    struct diag_list dl;
    struct stat st;
    char path[256];
    mode_t old_umask;
    size_t i;

    write_file(fx->dir, "reg.en.md", "old docs\n");
    for (i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", fx->dir, names[i]);
        assert_int_equal(chmod(path, modes[i]), 0);
    }
    snprintf(path, sizeof path, "%s/reg.en.md", fx->dir);
    assert_int_equal(chmod(path, 0444), 0);
    old_umask = umask(077);
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl), NOUT);
    diag_free(&dl);
    for (i = 0; i < NOUT; i++) {
        snprintf(path, sizeof path, "%s/%s", fx->dir, names[i]);
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(st.st_mode & 07777, i < 2 ? modes[i] : 0444);
        assert_string_equal(read_file(fx->dir, names[i]),
                            sbuf_str(&fx->outs[i].text));
    }
    /* a new file */
    unlink(path);
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl), 1);
    diag_free(&dl);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    umask(old_umask);
}

/* A hard link to an output keeps the old contents: the rename gives the
 * output a new file (README says so). */
static void test_writer_atomic_hard_link_keeps_old(void **state)
{
    struct fixture *fx = *state;
    struct diag_list dl;
    char path[256], link_path[256];

    snprintf(path, sizeof path, "%s/reg.h", fx->dir);
    snprintf(link_path, sizeof link_path, "%s/linked.h", fx->dir);
    assert_int_equal(link(path, link_path), 0);
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl), NOUT);
    diag_free(&dl);
    assert_string_equal(read_file(fx->dir, "reg.h"),
                        sbuf_str(&fx->outs[0].text));
    assert_string_equal(read_file(fx->dir, "linked.h"), "old header\n");
    unlink(link_path);
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
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_fail_between_renames, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_steps_around_stale_temps, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_waits_for_the_lock, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_keeps_modes, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_hard_link_keeps_old, setup, teardown),
    };

    return cmocka_run_group_tests_name("writer_atomic", tests, NULL, NULL);
}
