/* SPDX-License-Identifier: MIT */
/*
 * writer.c - atomic, change-only output (see writer.h).
 *
 * A run that has something to write holds an advisory lock on
 * DIR/.statusgen.lock from its last comparison to its last rename, so two
 * runs into one directory take turns and each leaves a complete set.
 * Temporary files are named <file>.tmp-<16 random hex digits>: no two
 * runs can pick the same name, even in different PID namespaces, and a
 * name already taken is stepped around (O_EXCL, retry).  Under the lock,
 * temporary files of the outputs left by a killed run are removed.
 */
#include "writer.h"

#include "alloc.h"
#include "udiff.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define LOCK_NAME ".statusgen.lock"
#define TEMP_MARK ".tmp-"
#define CHECK_MAX_LINES 200 /* lines of diff shown per file by --check */

static const struct sg_pos nopos = {0, 0};

/* dir + "/" + name in a new string, or NULL. */
static char *join(const char *dir, const char *name)
{
    struct sbuf sb;

    sbuf_init(&sb);
    sbuf_puts(&sb, dir);
    if (sb.len && sb.data[sb.len - 1] != '/')
        sbuf_putc(&sb, '/');
    sbuf_puts(&sb, name);
    if (sbuf_failed(&sb)) {
        sbuf_free(&sb);
        return NULL;
    }
    return sb.data;
}

/* Checks that path (an existing output) is a regular file; 0 or -1
 * (reported). */
static int check_regular(const char *path, const struct stat *st,
                         struct diag_list *dl)
{
    if (S_ISREG(st->st_mode))
        return 0;
    diag_error(dl, nopos, "%s: exists and is not a regular file", path);
    return -1;
}

/*
 * Reads a whole file into sb.  Returns 1 when read, 0 when it does not
 * exist, -1 on error (reported).
 */
static int read_existing(const char *path, struct sbuf *sb,
                         struct diag_list *dl)
{
    struct stat st;
    FILE *f;
    char buf[65536];
    size_t n;

    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return 0;
        diag_error(dl, nopos, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (check_regular(path, &st, dl) != 0)
        return -1;
    f = fopen(path, "rb");
    if (f == NULL) {
        diag_error(dl, nopos, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_putn(sb, buf, n);
    if (ferror(f)) {
        diag_error(dl, nopos, "%s: cannot read: %s", path, strerror(errno));
        fclose(f);
        return -1;
    }
    fclose(f);
    if (sbuf_failed(sb)) {
        diag_oom(dl);
        return -1;
    }
    return 1;
}

/* Compares what it is given with the rest of a file. */
struct compare_sink {
    struct sbuf_sink base;
    FILE *f;
    int same;                /* no difference so far */
    int err;                 /* errno of a failed read, else 0 */
    unsigned long long total; /* bytes given */
    char buf[65536];
};

/* Fails the buffer at the first difference, so that the producer's
 * appends cost nothing after it. */
static int compare_put(struct sbuf_sink *sink, const char *p, size_t n)
{
    struct compare_sink *c = (struct compare_sink *)(void *)sink;

    c->total += n;
    while (c->same && n) {
        size_t want = n < sizeof c->buf ? n : sizeof c->buf;
        size_t got = fread(c->buf, 1, want, c->f);

        if (got != want || memcmp(c->buf, p, want) != 0) {
            c->same = 0;
            if (ferror(c->f))
                c->err = errno ? errno : EIO;
        }
        p += want;
        n -= want;
    }
    return c->same ? 0 : -1;
}

/* Writes what it is given to a file descriptor. */
struct fd_sink {
    struct sbuf_sink base;
    int fd;
    int err;                 /* errno of a failed write, else 0 */
};

static int write_all(int fd, const char *s, size_t n);

static int fd_put(struct sbuf_sink *sink, const char *p, size_t n)
{
    struct fd_sink *w = (struct fd_sink *)(void *)sink;

    if (write_all(w->fd, p, n) != 0) {
        w->err = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

/* Has o's producer write its contents into sink; returns 0, or -1 when
 * memory ran out or the sink failed. */
static int produce_into(const struct output *o, struct sbuf_sink *sink)
{
    struct sbuf sb;
    int rc;

    sbuf_init(&sb);
    sb.sink = sink;
    o->produce(o->arg, o->which, &sb);
    rc = sbuf_flush(&sb);
    sbuf_free(&sb);
    return rc;
}

/*
 * Returns 1 when the file at path holds exactly o's contents, 0 when not
 * or missing, -1 on error.  The size is compared first (for a text) and
 * the file is then read in pieces, so a large stale output costs no
 * memory.  *st gets the file's status (st_nlink 0 when it is missing).
 */
static int same_bytes(const char *path, const struct output *o,
                      struct stat *st, struct diag_list *dl)
{
    const struct sbuf *text = &o->text;
    char buf[65536];
    size_t done = 0, n;
    FILE *f;
    int same = 1;

    memset(st, 0, sizeof *st);
    if (lstat(path, st) != 0) {
        memset(st, 0, sizeof *st);
        if (errno == ENOENT)
            return 0;
        diag_error(dl, nopos, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (check_regular(path, st, dl) != 0)
        return -1;
    if (!o->produce &&
        (unsigned long long)st->st_size != (unsigned long long)text->len)
        return 0;
    f = fopen(path, "rb");
    if (f == NULL) {
        diag_error(dl, nopos, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    if (o->produce) {
        struct compare_sink *c =
            (struct compare_sink *)sg_malloc(sizeof *c);

        if (c == NULL) {
            fclose(f);
            diag_oom(dl);
            return -1;
        }
        c->base.put = compare_put;
        c->f = f;
        c->same = 1;
        c->err = 0;
        c->total = 0;
        if (produce_into(o, &c->base) != 0 && c->same) {
            sg_free(c);
            fclose(f);
            diag_oom(dl);
            return -1;
        }
        same = c->same && c->total == (unsigned long long)st->st_size &&
               getc(f) == EOF;
        errno = c->err;
        sg_free(c);
        if (errno != 0 || ferror(f)) {
            diag_error(dl, nopos, "%s: cannot read: %s", path,
                       strerror(errno ? errno : EIO));
            fclose(f);
            return -1;
        }
        fclose(f);
        return same;
    }
    while (same && (n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (n > text->len - done || memcmp(buf, text->data + done, n) != 0)
            same = 0;
        done += n;
    }
    if (ferror(f)) {
        diag_error(dl, nopos, "%s: cannot read: %s", path, strerror(errno));
        fclose(f);
        return -1;
    }
    fclose(f);
    return same && done == text->len;
}

/* Reports why dir cannot be the output directory when it is a dangling
 * symbolic link; returns 1 when it is one. */
static int dangling_link(const char *dir, struct diag_list *dl)
{
    struct stat st;
    char to[1024];
    ssize_t n;

    if (lstat(dir, &st) != 0 || !S_ISLNK(st.st_mode))
        return 0;
    n = readlink(dir, to, sizeof to - 1);
    if (n < 0)
        n = 0;
    to[n] = '\0';
    diag_error(dl, nopos, "%s: output directory is a symbolic link to '%s', "
               "which does not exist", dir, to);
    return 1;
}

/* Creates dir and its missing parents; returns 0 or -1 (reported). */
static int make_dirs(const char *dir, struct diag_list *dl)
{
    struct stat st;
    char *copy, *p;

    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return 0;
        diag_error(dl, nopos, "%s: output directory is not a directory", dir);
        return -1;
    }
    if (dangling_link(dir, dl))
        return -1;
    copy = sg_strdup(dir);
    if (copy == NULL) {
        diag_oom(dl);
        return -1;
    }
    for (p = copy + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;

            *p = '\0';
            if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
                diag_error(dl, nopos, "%s: cannot create directory: %s", copy,
                           strerror(errno));
                sg_free(copy);
                return -1;
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
    sg_free(copy);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        if (!dangling_link(dir, dl))
            diag_error(dl, nopos, "%s: output directory is not a directory",
                       dir);
        return -1;
    }
    return 0;
}

/* --- the lock ------------------------------------------------------------ */

/* Takes a write lock on fd; wait: block until it is free.  Returns 0,
 * 1 when busy (only without wait), -1 with errno. */
static int lock_fd(int fd, int wait)
{
    struct flock fl;

    memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    for (;;) {
        if (fcntl(fd, wait ? F_SETLKW : F_SETLK, &fl) == 0)
            return 0;
        if (errno == EINTR)
            continue;
        if (!wait && (errno == EAGAIN || errno == EACCES))
            return 1;
        return -1;
    }
}

/*
 * Locks dir for this run: opens (creating) DIR/.statusgen.lock and takes a
 * write lock on it, first without waiting, then, after telling opts'
 * waiting callback, waiting.  A holder removes the file before it lets go,
 * so a lock taken on a file that is no longer at its path is retried.
 * Returns the file descriptor, or -1 (reported).  *path gets the lock
 * file's path (owned by the caller).
 */
static int lock_dir(const char *dir, const struct write_opts *opts,
                    char **path, struct diag_list *dl)
{
    int told = 0;

    *path = join(dir, LOCK_NAME);
    if (*path == NULL) {
        diag_oom(dl);
        return -1;
    }
    for (;;) {
        struct stat a, b;
        int fd = open(*path, O_RDWR | O_CREAT, 0666), r;

        if (fd < 0) {
            diag_error(dl, nopos, "%s: cannot lock the output directory "
                       "(%s): %s", dir, *path, strerror(errno));
            break;
        }
        r = lock_fd(fd, 0);
        if (r == 1) {
            if (!told && opts && opts->waiting)
                opts->waiting(*path, dir);
            told = 1;
            r = lock_fd(fd, 1);
        }
        if (r < 0) {
            diag_error(dl, nopos, "%s: cannot lock the output directory "
                       "(%s): %s", dir, *path, strerror(errno));
            close(fd);
            break;
        }
        if (fstat(fd, &a) == 0 && stat(*path, &b) == 0 &&
            a.st_dev == b.st_dev && a.st_ino == b.st_ino)
            return fd;
        close(fd); /* its holder removed it: lock the new one */
    }
    sg_free(*path);
    *path = NULL;
    return -1;
}

/* Lets go of the lock taken by lock_dir and frees path. */
static void unlock_dir(int fd, char *path)
{
    if (fd < 0)
        return;
    unlink(path);
    close(fd);
    sg_free(path);
}

/* --- temporary files and signals ----------------------------------------- */

/* The temporary files of the running write, for the signal handler. */
static char *volatile *sig_temps;
static volatile size_t sig_ntemps;
static const char *volatile sig_lock;

static void on_signal(int sig)
{
    size_t i;

    for (i = 0; i < sig_ntemps; i++)
        if (sig_temps[i])
            unlink(sig_temps[i]);
    if (sig_lock)
        unlink(sig_lock);
    signal(sig, SIG_DFL);
    raise(sig);
}

static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
#define NCAUGHT (sizeof caught / sizeof caught[0])

/* Removes the temporary files on the signals that end a run from
 * outside (SIGKILL cannot be caught: the next run removes them). */
static void catch_signals(struct sigaction *old, char **temps, size_t n,
                          const char *lock)
{
    struct sigaction sa;
    size_t i;

    sig_temps = temps;
    sig_ntemps = n;
    sig_lock = lock;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < NCAUGHT; i++)
        sigaddset(&sa.sa_mask, caught[i]);
    for (i = 0; i < NCAUGHT; i++)
        sigaction(caught[i], &sa, &old[i]);
}

static void restore_signals(const struct sigaction *old)
{
    size_t i;

    for (i = 0; i < NCAUGHT; i++)
        sigaction(caught[i], &old[i], NULL);
    sig_ntemps = 0;
    sig_temps = NULL;
    sig_lock = NULL;
}

/* 64 bits that differ between runs and between calls. */
static unsigned long long random_bits(void)
{
    static unsigned long long state;
    static int seeded;
    unsigned long long z;

    if (!seeded) {
        int fd = open("/dev/urandom", O_RDONLY);
        unsigned char b[8];

        state = (unsigned long long)getpid() * 0x9E3779B97F4A7C15ULL ^
                (unsigned long long)time(NULL) ^
                (unsigned long long)clock() << 32;
        if (fd >= 0) {
            if (read(fd, b, sizeof b) == (ssize_t)sizeof b) {
                int i;

                for (i = 0; i < 8; i++)
                    state = state << 8 ^ (state >> 56) ^ b[i];
            }
            close(fd);
        }
        seeded = 1;
    }
    /* splitmix64 */
    z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Returns 1 when entry (a file name in the output directory) is a
 * temporary file of statusgen's for one of the outputs. */
static int is_temp_of(const char *entry, const struct output *outs, size_t n)
{
    size_t i, len;

    for (i = 0; i < n; i++) {
        len = strlen(outs[i].name);
        if (strncmp(entry, outs[i].name, len) == 0 &&
            strncmp(entry + len, TEMP_MARK, strlen(TEMP_MARK)) == 0 &&
            entry[len + strlen(TEMP_MARK)] != '\0')
            return 1;
    }
    return 0;
}

/* Removes the temporary files a killed run left beside the outputs.  Runs
 * under the lock, so no live run owns them.  Problems are not errors: a
 * file that stays is stepped around. */
static void remove_stale_temps(const char *dir, const struct output *outs,
                               size_t n)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        if (is_temp_of(e->d_name, outs, n)) {
            char *p = join(dir, e->d_name);

            if (p)
                unlink(p);
            sg_free(p);
        }
    }
    closedir(d);
}

/* Writes n bytes to fd; returns 0 or -1 with errno. */
static int write_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t w = write(fd, s, n);

        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/*
 * Writes text to a new temporary file beside target and stores its path in
 * *temp (owned by the caller; NULL on failure).  An existing target's mode,
 * and its owner and group where the user may keep them, carry over; a new
 * file gets 0666 less the umask.  Returns 0 or -1 (reported, file
 * removed).  fail_half simulates a full disk half-way.
 */
static int write_temp(const char *target, const struct stat *old,
                      const struct output *o, int fail_half, char **temp,
                      struct diag_list *dl)
{
    const struct sbuf *text = &o->text;
    int fd = -1, tries, err = EEXIST;
    char suffix[32], *path = NULL;

    *temp = NULL;
    for (tries = 0; tries < 100 && fd < 0 && err == EEXIST; tries++) {
        struct sbuf name;

        sprintf(suffix, TEMP_MARK "%016llx", random_bits());
        sbuf_init(&name);
        sbuf_puts(&name, target);
        sbuf_puts(&name, suffix);
        if (sbuf_failed(&name)) {
            sbuf_free(&name);
            diag_oom(dl);
            return -1;
        }
        path = name.data;
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd < 0) {
            err = errno;
            sg_free(path);
            path = NULL;
        }
    }
    if (fd < 0) {
        diag_error(dl, nopos, "%s: cannot create a temporary file beside it: "
                   "%s", target, err == EEXIST ? "100 random names were taken"
                                               : strerror(err));
        return -1;
    }
    *temp = path; /* from here on, a signal removes it */
    if (old->st_nlink) {
        /* Owner first: changing it may clear the set-id bits.  When the
         * user may not give the file to its owner, keep the group if
         * allowed; else it becomes the user's, as any rewrite makes it. */
        if (fchown(fd, old->st_uid, old->st_gid) != 0 &&
            fchown(fd, (uid_t)-1, old->st_gid) != 0)
            errno = 0;
        if (fchmod(fd, old->st_mode & 07777) != 0) {
            diag_error(dl, nopos, "%s: cannot keep its mode: %s", target,
                       strerror(errno));
            goto fail;
        }
    }
    if (fail_half) {
        if (write_all(fd, text->data, text->len / 2) == 0)
            errno = ENOSPC;
        diag_error(dl, nopos, "%s: cannot write: %s", target, strerror(errno));
        goto fail;
    }
    if (o->produce) {
        struct fd_sink w;

        w.base.put = fd_put;
        w.fd = fd;
        w.err = 0;
        if (produce_into(o, &w.base) != 0) {
            if (w.err == 0) {
                diag_oom(dl);
                goto fail;
            }
            errno = w.err;
            diag_error(dl, nopos, "%s: cannot write: %s", target,
                       strerror(errno));
            goto fail;
        }
    } else if (write_all(fd, text->data, text->len) != 0) {
        diag_error(dl, nopos, "%s: cannot write: %s", target, strerror(errno));
        goto fail;
    }
    if (fsync(fd) != 0) {
        diag_error(dl, nopos, "%s: cannot write: %s", target, strerror(errno));
        goto fail;
    }
    err = close(fd);
    fd = -1;
    if (err != 0) {
        diag_error(dl, nopos, "%s: cannot write: %s", target, strerror(errno));
        goto fail;
    }
    return 0;
fail:
    if (fd >= 0)
        close(fd);
    *temp = NULL;
    unlink(path);
    sg_free(path);
    return -1;
}

/* Makes the renames in dir durable; failures of fsync on a directory
 * (unsupported on some file systems) are not errors. */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY);

    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* The outputs that differ from what is in dir: target[i] is the path of
 * output i, or NULL when its bytes are right; old[i] the status of the file
 * there.  Returns how many differ, or -1 (reported). */
static int find_changes(const char *dir, const struct output *outs, size_t n,
                        char **target, struct stat *old, struct diag_list *dl)
{
    size_t i;
    int changed = 0;

    for (i = 0; i < n; i++) {
        int same;

        sg_free(target[i]);
        target[i] = join(dir, outs[i].name);
        if (target[i] == NULL) {
            diag_oom(dl);
            return -1;
        }
        same = same_bytes(target[i], &outs[i], &old[i], dl);
        if (same < 0)
            return -1;
        if (same) {
            sg_free(target[i]);
            target[i] = NULL;
        } else {
            changed++;
        }
    }
    return changed;
}

int write_outputs(const char *dir, const struct output *outs, size_t n,
                  const struct write_opts *opts, struct diag_list *dl)
{
    char **target = NULL, **temp = NULL, *lock_path = NULL;
    struct stat *old = NULL, st;
    struct sigaction saved[NCAUGHT];
    size_t i, ntemp = 0, nrenamed = 0;
    int written = -1, lock = -1, caught_signals = 0, changed;
    int fail_at = opts ? opts->fail_at : 0;
    int fail_rename_at = opts ? opts->fail_rename_at : 0;

    if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
        diag_error(dl, nopos, "%s: output directory is not a directory", dir);
        return -1;
    }
    target = (char **)sg_calloc(n + 1, sizeof *target);
    temp = (char **)sg_calloc(n + 1, sizeof *temp);
    old = (struct stat *)sg_calloc(n + 1, sizeof *old);
    if (target == NULL || temp == NULL || old == NULL) {
        diag_oom(dl);
        goto done;
    }
    /* A first look without the lock: a run with nothing to write leaves
     * the directory alone. */
    changed = find_changes(dir, outs, n, target, old, dl);
    if (changed <= 0) {
        written = changed;
        goto done;
    }
    if (make_dirs(dir, dl) != 0)
        goto done;
    lock = lock_dir(dir, opts, &lock_path, dl);
    if (lock < 0)
        goto done;
    /* Under the lock: another run may have written meanwhile. */
    remove_stale_temps(dir, outs, n);
    changed = find_changes(dir, outs, n, target, old, dl);
    if (changed <= 0) {
        written = changed;
        goto done;
    }
    catch_signals(saved, temp, n, lock_path);
    caught_signals = 1;
    /* Phase 1: every changed file in full beside its target. */
    for (i = 0; i < n; i++) {
        if (target[i] == NULL)
            continue;
        if (write_temp(target[i], &old[i], &outs[i],
                       (int)++ntemp == fail_at, &temp[i], dl) != 0)
            goto cleanup;
    }
    /* Phase 2: swap them in.  A crash here leaves a mixed set, which the
     * identity check of the generated code refuses to build. */
    for (i = 0; i < n; i++) {
        char *t = temp[i];

        if (t == NULL)
            continue;
        if ((int)++nrenamed == fail_rename_at) {
            errno = EPERM;
            diag_error(dl, nopos, "%s: cannot replace: %s", target[i],
                       strerror(errno));
            goto cleanup;
        }
        if (rename(t, target[i]) != 0) {
            diag_error(dl, nopos, "%s: cannot replace: %s", target[i],
                       strerror(errno));
            goto cleanup;
        }
        temp[i] = NULL;
        sg_free(t);
    }
    sync_dir(dir);
    written = changed;
    goto done;
cleanup:
    written = -1;
    for (i = 0; i < n; i++)
        if (temp[i])
            unlink(temp[i]);
    sync_dir(dir);
done:
    if (caught_signals)
        restore_signals(saved);
    unlock_dir(lock, lock_path);
    for (i = 0; target && i < n; i++) {
        sg_free(target[i]);
        if (temp)
            sg_free(temp[i]);
    }
    sg_free(target);
    sg_free(temp);
    sg_free(old);
    return written;
}

int check_outputs(const char *dir, const struct output *outs, size_t n,
                  struct sbuf *report, struct diag_list *dl)
{
    size_t i;
    int stale = 0;

    for (i = 0; i < n; i++) {
        char *path = join(dir, outs[i].name);
        struct sbuf old;
        int r;

        if (path == NULL) {
            diag_oom(dl);
            return -1;
        }
        sbuf_init(&old);
        r = read_existing(path, &old, dl);
        if (r < 0) {
            sbuf_free(&old);
            sg_free(path);
            return -1;
        }
        if (r == 0) {
            sbuf_printf(report, "%s: missing\n", path);
            udiff("/dev/null", &old, path, &outs[i].text, CHECK_MAX_LINES,
                  report);
            stale++;
        } else if (old.len != outs[i].text.len ||
                   (old.len && memcmp(old.data, outs[i].text.data,
                                      old.len) != 0)) {
            sbuf_printf(report, "%s: out of date\n", path);
            udiff(path, &old, path, &outs[i].text, CHECK_MAX_LINES, report);
            stale++;
        }
        sbuf_free(&old);
        sg_free(path);
    }
    return stale;
}
