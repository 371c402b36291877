/*
 * test_writer_atomic.c - write_outputs() replaces files atomically: a write
 * that fails part-way (struct write_opts.fail_at) leaves every old output as
 * it was and no temporary file behind; so does a rename refused part-way
 * (the renames before it are undone); SIGINT, SIGTERM and SIGHUP before the
 * first rename leave every output as it was, during the renames the set
 * complete, and neither a temporary file nor the lock file; an ignored
 * signal stays ignored; stale temporary files of a killed run do not block
 * the next, and only names of exactly their form are removed, by any run;
 * the lock file is never opened through a link; the directory lock makes a
 * second run wait; modes survive a rewrite under any umask.
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
    struct sbuf text[NOUT];  /* the outputs' new contents */
};

/* The outputs' producer: arg is the fixture, which the output's index. */
static void produce_text(const void *arg, size_t which, struct sbuf *out)
{
    const struct fixture *fx = arg;

    sbuf_puts(out, sbuf_str(&fx->text[which]));
}

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
        fx->outs[i].produce = produce_text;
        fx->outs[i].arg = fx;
        fx->outs[i].which = i;
        sbuf_init(&fx->text[i]);
        sbuf_printf(&fx->text[i], "new contents of %s, long enough "
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
        sbuf_free(&fx->text[i]);
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
                            sbuf_str(&fx->text[i]));
    count_entries(fx->dir, &entries, &temps);
    assert_int_equal(temps, 0);
    assert_int_equal(entries, NOUT);
}

/* The old outputs of the fixture, and no other file. */
static void expect_all_old(const struct fixture *fx)
{
    int entries, temps;

    assert_string_equal(read_file(fx->dir, "reg.h"), "old header\n");
    assert_string_equal(read_file(fx->dir, "reg.c"), "old source\n");
    assert_null(read_file(fx->dir, "reg.en.md"));
    count_entries(fx->dir, &entries, &temps);
    assert_int_equal(temps, 0);
    assert_int_equal(entries, 2);
}

/* The new outputs of the fixture, and no other file. */
static void expect_all_new(const struct fixture *fx)
{
    int entries, temps;
    size_t i;

    for (i = 0; i < NOUT; i++)
        assert_string_equal(read_file(fx->dir, names[i]),
                            sbuf_str(&fx->text[i]));
    count_entries(fx->dir, &entries, &temps);
    assert_int_equal(temps, 0);
    assert_int_equal(entries, NOUT);
}

/* A rename refused at any position (as EPERM in a sticky directory): the
 * renames before it are undone, so every output is as it was (the hard
 * link to reg.h still shares its file), with no temporary, backup or lock
 * file left; the next run writes the whole set. */
static void test_writer_atomic_fail_between_renames(void **state)
{
    struct fixture *fx = *state;
    struct write_opts opts;
    struct diag_list dl;
    struct stat before, after;
    char path[256], link_path[256];
    int k;

    snprintf(path, sizeof path, "%s/reg.h", fx->dir);
    snprintf(link_path, sizeof link_path, "%s/linked.h", fx->dir);
    assert_int_equal(stat(path, &before), 0);
    for (k = 1; k <= NOUT; k++) {
        memset(&opts, 0, sizeof opts);
        opts.fail_rename_at = k;
        diag_init(&dl, "statusgen");
        assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, &opts, &dl),
                         -1);
        assert_int_equal(dl.count, 1);
        assert_non_null(strstr(dl.items[0].msg, names[k - 1]));
        assert_non_null(strstr(dl.items[0].msg, "cannot replace"));
        diag_free(&dl);
        expect_all_old(fx);
        assert_int_equal(stat(path, &after), 0);
        assert_true(after.st_ino == before.st_ino);
    }
    /* a hard link to an output survives an undone set too */
    assert_int_equal(link(path, link_path), 0);
    memset(&opts, 0, sizeof opts);
    opts.fail_rename_at = NOUT;
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, &opts, &dl), -1);
    diag_free(&dl);
    assert_int_equal(stat(path, &after), 0);
    assert_true(after.st_ino == before.st_ino && after.st_nlink == 2);
    assert_int_equal(unlink(link_path), 0);
    expect_all_old(fx);
    /* and the next run writes the set */
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl), NOUT);
    diag_free(&dl);
    expect_all_new(fx);
}

/* Runs write_outputs in a child with the signal sig sent at a point
 * (opts' signal_at_temp or signal_at_rename), after the child sets
 * ignore_sig (when not 0) to SIG_IGN and blocks block_sig (when not 0);
 * returns the child's wait status (the exit status: the number of files
 * written, 100 on failure, 99 when the run left a disposition changed). */
static int run_with_signal(struct fixture *fx, const struct write_opts *opts,
                           int ignore_sig, int block_sig)
{
    int status;
    pid_t child = fork();

    assert_true(child >= 0);
    if (child == 0) {
        struct diag_list dl;
        struct sigaction before, after;
        int w;

        if (ignore_sig)
            signal(ignore_sig, SIG_IGN);
        if (block_sig) {
            sigset_t set;

            sigemptyset(&set);
            sigaddset(&set, block_sig);
            sigprocmask(SIG_BLOCK, &set, NULL);
            raise(block_sig); /* pending from before the run */
        }
        sigaction(SIGTERM, NULL, &before);
        diag_init(&dl, "statusgen");
        w = write_outputs(fx->dir, fx->outs, NOUT, opts, &dl);
        diag_free(&dl);
        sigaction(SIGTERM, NULL, &after);
        /* the run puts the dispositions back */
        if (before.sa_handler != after.sa_handler)
            _exit(99);
        _exit(w < 0 ? 100 : w);
    }
    assert_int_equal(waitpid(child, &status, 0), child);
    return status;
}

/* SIGINT, SIGTERM or SIGHUP just after any temporary file is made, or just
 * before the first rename: the run dies of it with every output as it
 * was, no temporary file and no lock file. */
static void test_writer_atomic_signal_before_renames(void **state)
{
    static const int sigs[3] = {SIGINT, SIGTERM, SIGHUP};
    struct fixture *fx = *state;
    struct write_opts opts;
    int k, s, status;

    for (s = 0; s < 3; s++) {
        for (k = 1; k <= NOUT + 1; k++) {
            memset(&opts, 0, sizeof opts);
            opts.signal = sigs[s];
            if (k <= NOUT)
                opts.signal_at_temp = k;
            else
                opts.signal_at_rename = 1;
            status = run_with_signal(fx, &opts, 0, 0);
            assert_true(WIFSIGNALED(status));
            assert_int_equal(WTERMSIG(status), sigs[s]);
            expect_all_old(fx);
        }
    }
}

/* The same signals just before the 2nd or the last rename: held until the
 * set is complete, then the run dies of it with every output new and no
 * temporary, backup or lock file. */
static void test_writer_atomic_signal_during_renames(void **state)
{
    static const int sigs[3] = {SIGINT, SIGTERM, SIGHUP};
    struct fixture *fx = *state;
    struct write_opts opts;
    int k, s, status;

    for (s = 0; s < 3; s++) {
        for (k = 2; k <= NOUT; k++) {
            write_file(fx->dir, "reg.h", "old header\n");
            write_file(fx->dir, "reg.c", "old source\n");
            {
                char path[256];

                snprintf(path, sizeof path, "%s/reg.en.md", fx->dir);
                unlink(path);
            }
            memset(&opts, 0, sizeof opts);
            opts.signal = sigs[s];
            opts.signal_at_rename = k;
            status = run_with_signal(fx, &opts, 0, 0);
            assert_true(WIFSIGNALED(status));
            assert_int_equal(WTERMSIG(status), sigs[s]);
            expect_all_new(fx);
        }
    }
}

/* An output made by a producer that sends SIGTERM to the run on its
 * raise_on_call-th call. */
static int produce_calls, raise_on_call;

static void produce_raising(const void *arg, size_t which, struct sbuf *out)
{
    const struct fixture *fx = arg;

    if (++produce_calls == raise_on_call)
        kill(getpid(), SIGTERM);
    produce_text(fx, which, out);
}

/* SIGTERM while the run, holding the lock, compares the outputs again
 * (the second call of reg.h's producer): no lock file is left. */
static void test_writer_atomic_signal_under_the_lock(void **state)
{
    struct fixture *fx = *state;
    struct output outs[NOUT];
    int status;
    pid_t child;

    memcpy(outs, fx->outs, sizeof outs);
    outs[0].produce = produce_raising;
    outs[0].arg = fx;
    outs[0].which = 0;
    child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        struct diag_list dl;

        produce_calls = 0;
        raise_on_call = 2;
        diag_init(&dl, "statusgen");
        write_outputs(fx->dir, outs, NOUT, NULL, &dl);
        _exit(0);
    }
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
    expect_all_old(fx);
}

/* A signal ignored when the run starts (nohup, a shell's background job)
 * stays ignored: the run completes; and one the caller blocked and left
 * pending is the caller's, not a reason to stop. */
static void test_writer_atomic_ignored_signal_stays_ignored(void **state)
{
    struct fixture *fx = *state;
    struct write_opts opts;
    int status;

    memset(&opts, 0, sizeof opts);
    opts.signal = SIGHUP;
    opts.signal_at_temp = 1;
    status = run_with_signal(fx, &opts, SIGHUP, 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), NOUT);
    expect_all_new(fx);

    write_file(fx->dir, "reg.c", "old source\n");
    memset(&opts, 0, sizeof opts);
    opts.signal = SIGINT;
    opts.signal_at_rename = 1;
    status = run_with_signal(fx, &opts, SIGINT, 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 1); /* only reg.c was written */
    expect_all_new(fx);

    write_file(fx->dir, "reg.h", "old header\n");
    write_file(fx->dir, "reg.c", "old source\n");
    memset(&opts, 0, sizeof opts);
    status = run_with_signal(fx, &opts, 0, SIGTERM);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 2);
    expect_all_new(fx);
}

/* Temporary files a killed run left (even one that cannot be removed) do
 * not stop the next run, and those of exactly the writer's form
 * (<output>.tmp-<16 lower-case hex digits>) are gone after it; every other
 * name, however close, is a user's file and stays. */
static void test_writer_atomic_steps_around_stale_temps(void **state)
{
    static const char *const kept[] = {
        "reg.h.tmp-4242", "reg.h.tmp-backup", "reg.c.tmp-00112233AABBCCDD",
        "reg.c.tmp-00112233aabbccd", "reg.c.tmp-00112233aabbccdde",
        "reg.c.tmp-00112233aabbccdd~", "notes.tmp-00112233aabbccdd",
        "reg.tmp-00112233aabbccdd"};
    const size_t nkept = sizeof kept / sizeof kept[0];
    struct fixture *fx = *state;
    struct diag_list dl;
    char path[256];
    int entries, temps;
    size_t i;

    write_file(fx->dir, "reg.c.tmp-00112233aabbccdd", "stale, random\n");
    write_file(fx->dir, "reg.en.md.tmp-ffffffffffffffff", "stale too\n");
    for (i = 0; i < nkept; i++)
        write_file(fx->dir, kept[i], "a user's file\n");
    snprintf(path, sizeof path, "%s/reg.h.tmp-0123456789abcdef", fx->dir);
    assert_int_equal(mkdir(path, 0700), 0);
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl), NOUT);
    assert_int_equal(dl.errors, 0);
    diag_free(&dl);
    for (i = 0; i < NOUT; i++)
        assert_string_equal(read_file(fx->dir, names[i]),
                            sbuf_str(&fx->text[i]));
    assert_null(read_file(fx->dir, "reg.c.tmp-00112233aabbccdd"));
    assert_null(read_file(fx->dir, "reg.en.md.tmp-ffffffffffffffff"));
    for (i = 0; i < nkept; i++) {
        const char *text = read_file(fx->dir, kept[i]);

        if (text == NULL)
            fail_msg("%s was removed", kept[i]);
        assert_string_equal(text, "a user's file\n");
    }
    count_entries(fx->dir, &entries, &temps);
    assert_int_equal(entries, NOUT + (int)nkept + 1);
    rmdir(path);
    for (i = 0; i < nkept; i++) {
        snprintf(path, sizeof path, "%s/%s", fx->dir, kept[i]);
        unlink(path);
    }
}

/* A run with nothing to write still removes what a killed run left (a
 * temporary file, the lock file), when no other run holds the lock. */
static void test_writer_atomic_up_to_date_run_removes_leftovers(void **state)
{
    struct fixture *fx = *state;
    struct diag_list dl;
    int entries, temps;

    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl), NOUT);
    diag_free(&dl);
    write_file(fx->dir, "reg.h.tmp-0123456789abcdef", "left by kill -9\n");
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl), 0);
    assert_int_equal(dl.count, 0);
    diag_free(&dl);
    expect_all_new(fx);
    /* an empty lock file alone, as kill -9 leaves it */
    write_file(fx->dir, ".statusgen.lock", "");
    diag_init(&dl, "statusgen");
    assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl), 0);
    assert_int_equal(dl.count, 0);
    diag_free(&dl);
    count_entries(fx->dir, &entries, &temps);
    assert_int_equal(entries, NOUT);
}

/* The lock file planted as a symbolic link (in a group-writable output
 * directory, say), a FIFO, or a second name of another file: the run
 * refuses it, creates nothing through it, and changes no output. */
static void test_writer_atomic_lock_file_never_through_a_link(void **state)
{
    struct fixture *fx = *state;
    struct diag_list dl;
    char lock[256], aim[256], other[256];
    int kind;

    snprintf(lock, sizeof lock, "%s/.statusgen.lock", fx->dir);
    snprintf(aim, sizeof aim, "%s/created-through-the-link", fx->dir);
    snprintf(other, sizeof other, "%s/precious", fx->dir);
    for (kind = 0; kind < 3; kind++) {
        if (kind == 0) {
            assert_int_equal(symlink(aim, lock), 0);
        } else if (kind == 1) {
            assert_int_equal(mkfifo(lock, 0600), 0);
        } else {
            write_file(fx->dir, "precious", "keep me\n");
            assert_int_equal(link(other, lock), 0);
        }
        diag_init(&dl, "statusgen");
        assert_int_equal(write_outputs(fx->dir, fx->outs, NOUT, NULL, &dl),
                         -1);
        assert_int_equal(dl.count, 1);
        assert_non_null(strstr(dl.items[0].msg,
                               kind == 0 ? "is a symbolic link"
                               : kind == 1 ? "is not a regular file"
                                           : "has 2 links, not one"));
        diag_free(&dl);
        assert_null(read_file(fx->dir, "created-through-the-link"));
        assert_string_equal(read_file(fx->dir, "reg.h"), "old header\n");
        assert_string_equal(read_file(fx->dir, "reg.c"), "old source\n");
        assert_null(read_file(fx->dir, "reg.en.md"));
        assert_int_equal(unlink(lock), 0);
    }
    assert_string_equal(read_file(fx->dir, "precious"), "keep me\n");
    unlink(other);
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
                            sbuf_str(&fx->text[i]));
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
                        sbuf_str(&fx->text[0]));
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
            test_writer_atomic_signal_before_renames, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_signal_during_renames, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_signal_under_the_lock, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_ignored_signal_stays_ignored, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_steps_around_stale_temps, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_up_to_date_run_removes_leftovers, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_lock_file_never_through_a_link, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_waits_for_the_lock, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_keeps_modes, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_writer_atomic_hard_link_keeps_old, setup, teardown),
    };

    return cmocka_run_group_tests_name("writer_atomic", tests, NULL, NULL);
}
