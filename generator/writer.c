/* SPDX-License-Identifier: MIT */
/*
 * writer.c - atomic, change-only output (see writer.h).
 *
 * A run that has something to write holds an advisory lock on
 * DIR/.statusgen.lock from its last comparison to its last rename, so two
 * runs into one directory take turns and each leaves a complete set.
 * Temporary files, and the links that keep the files they replace until
 * the set is complete, are named <file>.tmp-<16 random hex digits>: no two
 * runs can pick the same name, even in different PID namespaces, and a
 * name already taken is stepped around (O_EXCL, retry).  Under the lock,
 * the names of exactly that form that a killed run left are removed; no
 * other file is touched.
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
#define TEMP_DIGITS 16 /* hex digits after TEMP_MARK */
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

int output_collect(const struct output *o, struct sbuf *into)
{
    o->produce(o->arg, o->which, into);
    return sbuf_failed(into) ? -1 : 0;
}

/*
 * Returns 1 when the file at path holds exactly o's contents, 0 when not
 * or missing, -1 on error.  The file is read in pieces as the producer
 * gives its contents, so a large output costs no memory.  *st gets the
 * file's status (st_nlink 0 when it is missing).
 */
static int same_bytes(const char *path, const struct output *o,
                      struct stat *st, struct diag_list *dl)
{
    struct compare_sink *c;
    FILE *f;
    int same;

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
    f = fopen(path, "rb");
    if (f == NULL) {
        diag_error(dl, nopos, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    c = (struct compare_sink *)sg_malloc(sizeof *c);
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

/* --- signals ------------------------------------------------------------- */

/*
 * SIGINT, SIGTERM and SIGHUP end a run from outside.  Until the first
 * rename a handler removes what the run made (temporary files, backups, the
 * lock file) and dies of the signal, so every output is as it was.  From
 * just before the first rename to the end of the run the signals are
 * blocked: the renames finish (or are undone), the run cleans up and lets
 * go of the lock, and only then does a signal that came meanwhile act, so
 * the set is never left mixed.  A signal ignored when the run starts (a
 * nohup run, a background job of a shell) stays ignored.  SIGKILL cannot be
 * caught: the next run removes what it leaves.
 */
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
#define NCAUGHT (sizeof caught / sizeof caught[0])

/* What the handler removes: the run's temporary files and backups (NULL
 * entries: none), and the lock file while the run may hold its lock. */
static char *volatile *sig_temps;
static char *volatile *sig_backups;
static volatile size_t sig_n;
static volatile int sig_lock_fd = -1;
static const char *volatile sig_lock_path;

/* The signal state of one run. */
struct sig_guard {
    struct sigaction old[NCAUGHT]; /* dispositions before the run */
    int caught[NCAUGHT];      /* handler installed (not ignored at start) */
    sigset_t set;             /* the signals of caught[] */
    sigset_t before;          /* the mask before block_signals */
    int blocked;              /* block_signals is in force */
};

/* Only async-signal-safe calls: removes the run's files and dies of sig.
 * The lock file is removed only when this process holds its lock (taking
 * it here if the run was waiting and it just came free) and the file is
 * still the one at the path: a waiting run never removes the lock file of
 * the run it waits for. */
static void on_signal(int sig)
{
    size_t i, n = sig_n;
    int fd = sig_lock_fd;

    for (i = 0; i < n; i++) {
        if (sig_temps && sig_temps[i])
            unlink(sig_temps[i]);
        if (sig_backups && sig_backups[i])
            unlink(sig_backups[i]);
    }
    if (fd >= 0 && sig_lock_path) {
        struct flock fl;
        struct stat a, b;

        fl.l_type = F_WRLCK;
        fl.l_whence = SEEK_SET;
        fl.l_start = 0;
        fl.l_len = 0;
        if (fcntl(fd, F_SETLK, &fl) == 0 && fstat(fd, &a) == 0 &&
            lstat(sig_lock_path, &b) == 0 && a.st_dev == b.st_dev &&
            a.st_ino == b.st_ino)
            unlink(sig_lock_path);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Installs on_signal for the caught signals not ignored at start, to
 * remove temps[0..n) and backups[0..n) (either may be NULL). */
static void catch_signals(struct sig_guard *g, char **temps, char **backups,
                          size_t n)
{
    struct sigaction sa;
    size_t i;

    sig_temps = temps;
    sig_backups = backups;
    sig_n = n;
    g->blocked = 0;
    sigemptyset(&g->set);
    for (i = 0; i < NCAUGHT; i++)
        sigaddset(&g->set, caught[i]);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_mask = g->set;
    for (i = 0; i < NCAUGHT; i++) {
        g->caught[i] = sigaction(caught[i], NULL, &g->old[i]) == 0 &&
                       g->old[i].sa_handler != SIG_IGN &&
                       sigaction(caught[i], &sa, NULL) == 0;
    }
}

/* Blocks the caught signals until restore_signals. */
static void block_signals(struct sig_guard *g)
{
    if (!g->blocked && sigprocmask(SIG_BLOCK, &g->set, &g->before) == 0)
        g->blocked = 1;
}

/* Returns 1 when a caught signal came while they were blocked (one that
 * the caller had blocked already is the caller's to handle). */
static int signal_came(const struct sig_guard *g)
{
    sigset_t pending;
    size_t i;

    if (!g->blocked || sigpending(&pending) != 0)
        return 0;
    for (i = 0; i < NCAUGHT; i++)
        if (g->caught[i] && sigismember(&pending, caught[i]) == 1 &&
            sigismember(&g->before, caught[i]) != 1)
            return 1;
    return 0;
}

/* Ends what catch_signals began: nothing left for the handler to remove,
 * the mask as it was (a signal that came while blocked acts now: the run
 * dies of it), and the dispositions as they were. */
static void restore_signals(struct sig_guard *g)
{
    size_t i;

    sig_n = 0;
    sig_temps = NULL;
    sig_backups = NULL;
    if (g->blocked)
        sigprocmask(SIG_SETMASK, &g->before, NULL);
    g->blocked = 0;
    for (i = 0; i < NCAUGHT; i++)
        if (g->caught[i])
            sigaction(caught[i], &g->old[i], NULL);
}

/* Holds the caught signals over a step the handler must see whole (a file
 * created and its name recorded); release with release_signals. */
static void hold_signals(const struct sig_guard *g, sigset_t *prev)
{
    sigprocmask(SIG_BLOCK, &g->set, prev);
}

static void release_signals(const sigset_t *prev)
{
    sigprocmask(SIG_SETMASK, prev, NULL);
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
 * Locks dir for this run: opens DIR/.statusgen.lock, creating it if
 * missing, and takes a write lock on it; with wait, after telling opts'
 * waiting callback, it waits for another run to let go, without, it gives
 * up at once.  The lock file is never opened through a symbolic link, and
 * anything but a regular file of one link is refused.  A holder removes the
 * file before it lets go, so a lock taken on a file that is no longer at
 * its path is retried.  Returns the file descriptor, -2 when another run
 * holds the lock (only without wait), or -1 (reported in dl unless dl is
 * NULL).  *path gets the lock file's path (owned by the caller).
 */
static int lock_dir(const char *dir, const struct write_opts *opts, int wait,
                    char **path, struct diag_list *dl)
{
    int told = 0, rc = -1;

    *path = join(dir, LOCK_NAME);
    if (*path == NULL) {
        if (dl)
            diag_oom(dl);
        return -1;
    }
    sig_lock_path = *path;
    for (;;) {
        struct stat a, b;
        int fd = open(*path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK |
                                 O_CLOEXEC, 0666),
            r;

        if (fd < 0) {
            if (dl && errno == ELOOP)
                diag_error(dl, nopos, "%s: cannot lock the output directory: "
                           "%s is a symbolic link (remove it)", dir, *path);
            else if (dl)
                diag_error(dl, nopos, "%s: cannot lock the output directory "
                           "(%s): %s", dir, *path, strerror(errno));
            break;
        }
        if (fstat(fd, &a) != 0 || !S_ISREG(a.st_mode)) {
            if (dl)
                diag_error(dl, nopos, "%s: cannot lock the output directory: "
                           "%s is not a regular file (remove it)", dir,
                           *path);
            close(fd);
            break;
        }
        sig_lock_fd = fd;
        r = lock_fd(fd, 0);
        if (r == 1 && !wait) {
            rc = -2;
        } else if (r == 1) {
            if (!told && opts && opts->waiting)
                opts->waiting(*path, dir);
            told = 1;
            r = lock_fd(fd, 1);
        }
        if (r < 0 && dl)
            diag_error(dl, nopos, "%s: cannot lock the output directory "
                       "(%s): %s", dir, *path, strerror(errno));
        if (r == 0 && fstat(fd, &a) == 0 && lstat(*path, &b) == 0 &&
            a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
            if (a.st_nlink == 1)
                return fd;
            if (dl)
                diag_error(dl, nopos, "%s: cannot lock the output directory: "
                           "%s has %lu links, not one (remove it)", dir,
                           *path, (unsigned long)a.st_nlink);
            r = -1;
        }
        sig_lock_fd = -1;
        close(fd); /* on r == 0: its holder removed it, lock the new one */
        if (r != 0)
            break;
    }
    sig_lock_path = NULL;
    sg_free(*path);
    *path = NULL;
    return rc;
}

/* Lets go of the lock taken by lock_dir, removing the lock file first, and
 * frees path. */
static void unlock_dir(int fd, char *path)
{
    if (fd < 0)
        return;
    unlink(path);
    sig_lock_fd = -1;
    sig_lock_path = NULL;
    close(fd);
    sg_free(path);
}

/* Returns 1 when dir holds a lock file (maybe left by a killed run). */
static int lock_file_left(const char *dir)
{
    struct stat st;
    char *path = join(dir, LOCK_NAME);
    int left = path != NULL && lstat(path, &st) == 0;

    sg_free(path);
    return left;
}

/* --- temporary files and backups ----------------------------------------- */

/* 64 bits that differ between runs and between calls. */
static unsigned long long random_bits(void)
{
    static unsigned long long state;
    static int seeded;
    unsigned long long z;

    if (!seeded) {
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
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

/* A new random name <target>.tmp-<16 lower-case hex digits>, or NULL. */
static char *temp_name(const char *target)
{
    char suffix[32];
    struct sbuf name;

    sprintf(suffix, TEMP_MARK "%0*llx", TEMP_DIGITS, random_bits());
    sbuf_init(&name);
    sbuf_puts(&name, target);
    sbuf_puts(&name, suffix);
    if (sbuf_failed(&name)) {
        sbuf_free(&name);
        return NULL;
    }
    return name.data;
}

/* Returns 1 when entry (a file name in the output directory) has exactly
 * the form of the names temp_name makes for the output named name. */
static int is_temp_name(const char *entry, const char *name)
{
    size_t len = strlen(name), mark = strlen(TEMP_MARK), k;

    if (strncmp(entry, name, len) != 0 ||
        strncmp(entry + len, TEMP_MARK, mark) != 0)
        return 0;
    entry += len + mark;
    for (k = 0; k < TEMP_DIGITS; k++)
        if (!((entry[k] >= '0' && entry[k] <= '9') ||
              (entry[k] >= 'a' && entry[k] <= 'f')))
            return 0;
    return entry[TEMP_DIGITS] == '\0';
}

/* Returns 1 when entry is a temporary file or backup of one of the
 * outputs, by its name. */
static int is_temp_of(const char *entry, const struct output *outs, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (is_temp_name(entry, outs[i].name))
            return 1;
    return 0;
}

/* Removes the temporary files and backups a killed run left beside the
 * outputs, or with remove 0 only says whether there are any.  Runs under
 * the lock when it removes, so no live run owns them.  Problems are not
 * errors: a file that stays is stepped around.  Returns the number of such
 * names found. */
static size_t stale_temps(const char *dir, const struct output *outs,
                          size_t n, int remove)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t found = 0;

    if (d == NULL)
        return 0;
    while ((e = readdir(d)) != NULL) {
        if (is_temp_of(e->d_name, outs, n)) {
            char *p;

            found++;
            if (!remove)
                break;
            p = join(dir, e->d_name);
            if (p)
                unlink(p);
            sg_free(p);
        }
    }
    closedir(d);
    return found;
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

/* Removes the file *temp names and frees the name; *temp becomes NULL
 * first, so the signal handler never sees a freed name. */
static void drop_temp(char **temp)
{
    char *t = *temp;

    if (t == NULL)
        return;
    *temp = NULL;
    unlink(t);
    sg_free(t);
}

/*
 * Creates a new file beside target under a name of temp_name's form (taken
 * with O_EXCL, never through a symbolic link; a name already taken is
 * stepped around), storing its path in *temp, where the signal handler
 * sees it, at the moment it exists (owned by the caller; NULL on failure).
 * When old is an existing file (st_nlink not 0), its mode, and its owner
 * and group where the user may keep them, carry over; else the file gets
 * 0666 less the umask.  Returns the open file descriptor, or -1 (reported,
 * file removed).
 */
static int create_temp(const char *target, const struct stat *old,
                       char **temp, const struct sig_guard *g,
                       struct diag_list *dl)
{
    int fd = -1, tries, err = EEXIST;
    struct stat st;
    sigset_t prev;

    *temp = NULL;
    for (tries = 0; tries < 100 && fd < 0 && err == EEXIST; tries++) {
        char *path = temp_name(target);

        if (path == NULL) {
            diag_oom(dl);
            return -1;
        }
        hold_signals(g, &prev);
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0666);
        if (fd >= 0)
            *temp = path; /* from here on, a signal removes it */
        else
            err = errno;
        release_signals(&prev);
        if (fd < 0)
            sg_free(path);
    }
    if (fd < 0) {
        diag_error(dl, nopos, "%s: cannot create a temporary file beside it: "
                   "%s", target, err == EEXIST ? "100 random names were taken"
                                               : strerror(err));
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        diag_error(dl, nopos, "%s: the temporary file %s beside it is not a "
                   "regular file", target, *temp);
        goto fail;
    }
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
    return fd;
fail:
    close(fd);
    drop_temp(temp);
    return -1;
}

/* Syncs and closes fd, a file written for target; returns 0 or -1
 * (reported). */
static int finish_file(int fd, const char *target, struct diag_list *dl)
{
    int err = fsync(fd) != 0 ? errno : 0;

    if (close(fd) != 0 && err == 0)
        err = errno;
    if (err == 0)
        return 0;
    diag_error(dl, nopos, "%s: cannot write: %s", target, strerror(err));
    return -1;
}

/* For a test's full disk: writes the first half of o's contents to fd
 * and leaves errno ENOSPC (or the error of the write). */
static void write_half(int fd, const struct output *o)
{
    struct sbuf whole;
    int err = ENOMEM;

    sbuf_init(&whole);
    if (output_collect(o, &whole) == 0)
        err = write_all(fd, whole.data, whole.len / 2) == 0 ? ENOSPC : errno;
    sbuf_free(&whole);
    errno = err;
}

/*
 * Writes o's contents to a new temporary file beside target (see
 * create_temp) and stores its path in *temp.  Returns 0 or -1 (reported,
 * file removed).  fail_half simulates a full disk half-way; signal_sig,
 * when not 0, is sent to the run just after the file is created (a test's
 * signal in the middle of the writes).
 */
static int write_temp(const char *target, const struct stat *old,
                      const struct output *o, int fail_half, int signal_sig,
                      char **temp, const struct sig_guard *g,
                      struct diag_list *dl)
{
    struct fd_sink w;
    int fd = create_temp(target, old, temp, g, dl);

    if (fd < 0)
        return -1;
    if (signal_sig)
        kill(getpid(), signal_sig);
    if (fail_half) {
        write_half(fd, o);
        diag_error(dl, nopos, "%s: cannot write: %s", target, strerror(errno));
        goto fail;
    }
    w.base.put = fd_put;
    w.fd = fd;
    w.err = 0;
    if (produce_into(o, &w.base) != 0) {
        if (w.err == 0) {
            diag_oom(dl);
            goto fail;
        }
        diag_error(dl, nopos, "%s: cannot write: %s", target,
                   strerror(w.err));
        goto fail;
    }
    if (finish_file(fd, target, dl) != 0) {
        drop_temp(temp);
        return -1;
    }
    return 0;
fail:
    close(fd);
    drop_temp(temp);
    return -1;
}

/*
 * Keeps the file now at target (status *old) under a name of temp_name's
 * form, so that replacing it can be undone: a second hard link, or where
 * the file system or the system's link rules refuse one, a copy with its
 * mode, owner and group.  *backup gets the name (owned by the caller), or
 * NULL when target has gone meanwhile.  Returns 0 or -1 (reported).
 */
static int keep_old(const char *target, const struct stat *old,
                    char **backup, const struct sig_guard *g,
                    struct diag_list *dl)
{
    char buf[65536];
    int tries, err = EEXIST, in, out;
    ssize_t got;
    sigset_t prev;

    *backup = NULL;
    for (tries = 0; tries < 100 && err == EEXIST; tries++) {
        char *path = temp_name(target);

        if (path == NULL) {
            diag_oom(dl);
            return -1;
        }
        hold_signals(g, &prev);
        err = link(target, path) == 0 ? 0 : errno;
        if (err == 0)
            *backup = path; /* from here on, a signal removes it */
        release_signals(&prev);
        if (err == 0)
            return 0;
        sg_free(path);
        if (err == ENOENT)
            return 0;
    }
    /* No link: copy it. */
    in = open(target, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (in < 0) {
        if (errno == ENOENT)
            return 0;
        diag_error(dl, nopos, "%s: cannot keep the old file: %s", target,
                   strerror(errno));
        return -1;
    }
    out = create_temp(target, old, backup, g, dl);
    if (out < 0) {
        close(in);
        return -1;
    }
    while ((got = read(in, buf, sizeof buf)) != 0) {
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 || write_all(out, buf, (size_t)got) != 0) {
            diag_error(dl, nopos, "%s: cannot keep the old file: %s", target,
                       strerror(errno));
            close(in);
            close(out);
            drop_temp(backup);
            return -1;
        }
    }
    close(in);
    if (finish_file(out, target, dl) != 0) {
        drop_temp(backup);
        return -1;
    }
    return 0;
}

/* Makes the renames in dir durable; failures of fsync on a directory
 * (unsupported on some file systems) are not errors. */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_CLOEXEC);

    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* --- the write ----------------------------------------------------------- */

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

/*
 * Undoes the renames made so far (renamed[i] set), last first: the old
 * file goes back from its backup, and an output that did not exist is
 * removed.  Returns 0, or -1 when one could not be undone (reported, naming
 * it: the set is then mixed).
 */
static int undo_renames(char **target, char **backup, const char *renamed,
                        size_t n, struct diag_list *dl)
{
    size_t i;
    int rc = 0;

    for (i = n; i-- > 0;) {
        if (!renamed[i])
            continue;
        if (backup[i] ? rename(backup[i], target[i]) == 0
                      : unlink(target[i]) == 0) {
            if (backup[i]) {
                char *b = backup[i];

                backup[i] = NULL; /* it is the output again */
                sg_free(b);
            }
            continue;
        }
        diag_error(dl, nopos, "%s: cannot put the old file back: %s; this "
                   "output is new and others are old: run statusgen again",
                   target[i], strerror(errno));
        rc = -1;
    }
    return rc;
}

int write_outputs(const char *dir, const struct output *outs, size_t n,
                  const struct write_opts *opts, struct diag_list *dl)
{
    char **target = NULL, **temp = NULL, **backup = NULL, *lock_path = NULL;
    char *renamed = NULL;
    struct stat *old = NULL, st;
    struct sig_guard guard;
    size_t i, ntemp = 0, nrenamed = 0;
    int written = -1, lock = -1, caught_signals = 0, changed;
    int fail_at = opts ? opts->fail_at : 0;
    int fail_rename_at = opts ? opts->fail_rename_at : 0;
    int signal_at_temp = opts && opts->signal ? opts->signal_at_temp : 0;
    int signal_at_rename = opts && opts->signal ? opts->signal_at_rename : 0;

    if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
        diag_error(dl, nopos, "%s: output directory is not a directory", dir);
        return -1;
    }
    target = (char **)sg_calloc(n + 1, sizeof *target);
    temp = (char **)sg_calloc(n + 1, sizeof *temp);
    backup = (char **)sg_calloc(n + 1, sizeof *backup);
    renamed = (char *)sg_calloc(n + 1, 1);
    old = (struct stat *)sg_calloc(n + 1, sizeof *old);
    if (!target || !temp || !backup || !renamed || !old) {
        diag_oom(dl);
        goto done;
    }
    /* A first look without the lock: a run with nothing to write leaves
     * the directory alone, unless a killed run left files there. */
    changed = find_changes(dir, outs, n, target, old, dl);
    if (changed < 0)
        goto done;
    if (changed == 0 && stale_temps(dir, outs, n, 0) == 0 &&
        !lock_file_left(dir)) {
        written = 0;
        goto done;
    }
    if (changed > 0 && make_dirs(dir, dl) != 0)
        goto done;
    catch_signals(&guard, temp, backup, n);
    caught_signals = 1;
    if (changed == 0) {
        /* Only what a killed run left to remove (taking the lock removes
         * a lock file too): not worth waiting for the lock, nor an error
         * when it cannot be had. */
        lock = lock_dir(dir, opts, 0, &lock_path, NULL);
        if (lock >= 0)
            stale_temps(dir, outs, n, 1);
        written = 0;
        goto done;
    }
    lock = lock_dir(dir, opts, 1, &lock_path, dl);
    if (lock < 0)
        goto done;
    /* Under the lock: another run may have written meanwhile. */
    stale_temps(dir, outs, n, 1);
    changed = find_changes(dir, outs, n, target, old, dl);
    if (changed <= 0) {
        written = changed;
        goto done;
    }
    /* Phase 1: every changed file in full beside its target, and the file
     * it replaces kept, so that the renames can be undone. */
    for (i = 0; i < n; i++) {
        if (target[i] == NULL)
            continue;
        ntemp++;
        if (write_temp(target[i], &old[i], &outs[i], (int)ntemp == fail_at,
                       (int)ntemp == signal_at_temp ? opts->signal : 0,
                       &temp[i], &guard, dl) != 0)
            goto cleanup;
    }
    for (i = 0; i < n; i++)
        if (target[i] && old[i].st_nlink &&
            keep_old(target[i], &old[i], &backup[i], &guard, dl) != 0)
            goto cleanup;
    /* Phase 2, with the signals held: swap them in, all or none. */
    block_signals(&guard);
    for (i = 0; i < n; i++) {
        if (temp[i] == NULL)
            continue;
        if ((int)++nrenamed == signal_at_rename)
            kill(getpid(), opts->signal);
        if (nrenamed == 1 && signal_came(&guard)) {
            /* nothing renamed yet: the run dies with every output as it
             * was (restore_signals lets the signal act) */
            diag_error(dl, nopos, "%s: interrupted before the first rename",
                       dir);
            goto cleanup;
        }
        if ((int)nrenamed == fail_rename_at) {
            errno = EPERM;
        } else if (rename(temp[i], target[i]) == 0) {
            char *t = temp[i];

            temp[i] = NULL;
            sg_free(t);
            renamed[i] = 1;
            continue;
        }
        diag_error(dl, nopos, "%s: cannot replace: %s", target[i],
                   strerror(errno));
        undo_renames(target, backup, renamed, n, dl);
        goto cleanup;
    }
    for (i = 0; i < n; i++)
        drop_temp(&backup[i]);
    sync_dir(dir);
    written = changed;
    goto done;
cleanup:
    written = -1;
    for (i = 0; i < n; i++) {
        drop_temp(&temp[i]);
        drop_temp(&backup[i]);
    }
    sync_dir(dir);
done:
    unlock_dir(lock, lock_path);
    if (caught_signals)
        restore_signals(&guard);
    for (i = 0; target && i < n; i++) {
        sg_free(target[i]);
        if (temp)
            sg_free(temp[i]);
        if (backup)
            sg_free(backup[i]);
    }
    sg_free(target);
    sg_free(temp);
    sg_free(backup);
    sg_free(renamed);
    sg_free(old);
    return written;
}

int check_outputs(const char *dir, const struct output *outs, size_t n,
                  struct sbuf *report, struct diag_list *dl)
{
    struct sbuf old, text;
    size_t i;
    int stale = 0;

    sbuf_init(&old);
    sbuf_init(&text);
    for (i = 0; i < n; i++) {
        char *path = join(dir, outs[i].name);
        int r;

        if (path == NULL) {
            stale = -1;
            diag_oom(dl);
            break;
        }
        sbuf_reset(&old);
        sbuf_reset(&text);
        r = read_existing(path, &old, dl);
        if (r >= 0 && output_collect(&outs[i], &text) != 0) {
            diag_oom(dl);
            r = -1;
        }
        if (r < 0) {
            sg_free(path);
            stale = -1;
            break;
        }
        if (r == 0) {
            sbuf_printf(report, "%s: missing\n", path);
            udiff("/dev/null", &old, path, &text, CHECK_MAX_LINES, report);
            stale++;
        } else if (old.len != text.len ||
                   (old.len && memcmp(old.data, text.data, old.len) != 0)) {
            sbuf_printf(report, "%s: out of date\n", path);
            udiff(path, &old, path, &text, CHECK_MAX_LINES, report);
            stale++;
        }
        sg_free(path);
    }
    sbuf_free(&old);
    sbuf_free(&text);
    return stale;
}
