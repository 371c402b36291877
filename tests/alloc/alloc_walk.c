/*
 * alloc_walk.c - makes the n-th allocation of a real statusgen run fail,
 * for every n, and checks that each run fails cleanly.
 *
 * Linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free,
 * --wrap=strdup against a static libyaml, so the wrappers below see every
 * allocation of the generator and of libyaml.  Two walks:
 *   1. the generator's allocator: sg_alloc_fail_at(n) (a build with
 *      STATUSGEN_FAULT_INJECTION), n = 1, 2, ... until a run succeeds;
 *   2. every malloc-family call, libyaml's included: the wrappers fail the
 *      n-th call, n = 1, 2, ... until a run succeeds.
 * Each failing run must exit 2, print "out of memory" on standard error,
 * free everything it allocated (the wrappers count live blocks) and leave
 * the output directory exactly as it was.
 *   alloc_walk SPEC [STEP [KINDS]]  (STEP > 1 walks every STEP-th n only;
 *                                   KINDS: --emit KINDS, else the default)
 */
#include "alloc.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int statusgen_main(int argc, char **argv);

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *ptr, size_t size);
void __real_free(void *ptr);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *ptr, size_t size);
void __wrap_free(void *ptr);
char *__wrap_strdup(const char *s);

static unsigned long raw_calls;   /* malloc-family calls since reset */
static unsigned long raw_fail_at; /* 0: never */
static long live;                 /* blocks allocated and not freed */

static int raw_should_fail(void)
{
    raw_calls++;
    return raw_fail_at != 0 && raw_calls >= raw_fail_at;
}

void *__wrap_malloc(size_t size)
{
    void *p;

    if (raw_should_fail())
        return NULL;
    p = __real_malloc(size);
    if (p)
        live++;
    return p;
}

void *__wrap_calloc(size_t count, size_t size)
{
    void *p;

    if (raw_should_fail())
        return NULL;
    p = __real_calloc(count, size);
    if (p)
        live++;
    return p;
}

void *__wrap_realloc(void *ptr, size_t size)
{
    void *p;

    if (raw_should_fail())
        return NULL;
    p = __real_realloc(ptr, size);
    if (p && ptr == NULL)
        live++;
    return p;
}

void __wrap_free(void *ptr)
{
    if (ptr)
        live--;
    __real_free(ptr);
}

char *__wrap_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = (char *)__wrap_malloc(n);

    if (p)
        memcpy(p, s, n);
    return p;
}

/* A listing of dir's entries (names, sizes, times, contents) into buf. */
static void snapshot(const char *dir, char *buf, size_t cap)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t used = 0;

    buf[0] = '\0';
    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        char path[1024];
        struct stat st;
        FILE *f;
        int c;

        /* The directory's own times change with the lock file a run
         * creates and removes; only its entries must stay the same. */
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0)
            continue;
        used += (size_t)snprintf(buf + used, cap - used, "%s %ld %ld.%09ld:",
                                 e->d_name, (long)st.st_size,
                                 (long)st.st_mtim.tv_sec,
                                 (long)st.st_mtim.tv_nsec);
        if (S_ISREG(st.st_mode) && (f = fopen(path, "rb")) != NULL) {
            while ((c = getc(f)) != EOF && used + 2 < cap)
                buf[used++] = (char)c;
            fclose(f);
        }
        if (used + 2 >= cap)
            break;
        buf[used++] = '\n';
        buf[used] = '\0';
    }
    closedir(d);
}

static char spec_path[1024], out_dir[1024], err_path[1024];
static char *emit_kinds; /* NULL: the default kinds */
static char before[1 << 20], after[1 << 20];

/* Runs statusgen once; returns its exit status and leaves stderr in
 * err_path. */
static int run_once(void)
{
    char *argv[7];
    int saved = dup(2), fd, rc, argc = 0;

    argv[argc++] = (char *)"statusgen";
    if (emit_kinds) {
        argv[argc++] = (char *)"--emit";
        argv[argc++] = emit_kinds;
    }
    argv[argc++] = (char *)"-o";
    argv[argc++] = out_dir;
    argv[argc++] = spec_path;
    argv[argc] = NULL;
    fflush(stderr);
    fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    close(fd);
    rc = statusgen_main(argc, argv);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    return rc;
}

static int stderr_says_oom(void)
{
    FILE *f = fopen(err_path, "r");
    char line[4096];
    int found = 0;

    if (f == NULL)
        return 0;
    while (fgets(line, sizeof line, f))
        if (strstr(line, "error: out of memory"))
            found = 1;
    fclose(f);
    return found;
}

/* Overwrites the generated headers with stale text, so that a run has
 * something to replace, and takes the snapshot runs must leave intact. */
static void make_stale(void)
{
    DIR *d = opendir(out_dir);
    struct dirent *e;

    while (d && (e = readdir(d)) != NULL) {
        if (strstr(e->d_name, ".h")) {
            char path[2048];
            FILE *f;

            snprintf(path, sizeof path, "%s/%s", out_dir, e->d_name);
            f = fopen(path, "w");
            if (f) {
                fputs("stale\n", f);
                fclose(f);
            }
        }
    }
    if (d)
        closedir(d);
    snapshot(out_dir, before, sizeof before);
}

/* Walks n over the allocations of one kind; returns the number of
 * failures found.  raw: fail malloc-family calls, else sg_* calls. */
static int walk(int raw, unsigned long step, unsigned long *walked)
{
    unsigned long n;
    int bad = 0;

    for (n = 1;; n += step) {
        long live_before = live;
        int rc;

        if (raw) {
            raw_calls = 0;
            raw_fail_at = n;
        } else {
            sg_alloc_fail_at(n);
        }
        rc = run_once();
        raw_fail_at = 0;
        sg_alloc_fail_at(0);
        if (rc == 0) {
            *walked = n - 1;
            return bad;
        }
        snapshot(out_dir, after, sizeof after);
        if (rc != 2 || !stderr_says_oom() || live != live_before ||
            strcmp(before, after) != 0) {
            char cmd[1200];

            bad++;
            fprintf(stderr, "FAIL %s allocation %lu: exit %d, %s, %ld block"
                    "(s) leaked, output %s\n", raw ? "malloc-family" :
                    "generator", n, rc, stderr_says_oom() ?
                    "says out of memory" : "no out-of-memory message",
                    live - live_before,
                    strcmp(before, after) ? "CHANGED" : "unchanged");
            snprintf(cmd, sizeof cmd, "head -n 5 %s >&2", err_path);
            if (system(cmd) != 0)
                fputs("(cannot show stderr)\n", stderr);
            live = live_before;
            if (bad > 20)
                return bad;
        }
    }
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/statusgen-alloc.XXXXXX";
    unsigned long step = argc > 2 ? strtoul(argv[2], NULL, 10) : 1;
    unsigned long walked_sg = 0, walked_raw = 0;
    int bad, rc;

    if (argc < 2 || step == 0) {
        fprintf(stderr, "usage: alloc_walk SPEC [STEP [KINDS]]\n");
        return 2;
    }
    emit_kinds = argc > 3 ? argv[3] : NULL;
    if (mkdtemp(dir) == NULL || realpath(argv[1], spec_path) == NULL) {
        perror("alloc_walk");
        return 2;
    }
    snprintf(out_dir, sizeof out_dir, "%s/out", dir);
    snprintf(err_path, sizeof err_path, "%s/stderr.txt", dir);
    /* Old outputs: a first real run, then the header made stale. */
    rc = run_once();
    if (rc != 0) {
        fprintf(stderr, "alloc_walk: the run without failures exits %d\n",
                rc);
        return 1;
    }
    make_stale();
    bad = walk(0, step, &walked_sg);
    make_stale(); /* the walk's last, successful run rewrote it */
    bad += walk(1, step, &walked_raw);
    printf("%s: walked %lu generator allocations (sg_*) and %lu "
           "malloc-family calls (generator and libyaml)%s; %d failure%s\n",
           argv[1], walked_sg, walked_raw, step > 1 ? " in steps" : "", bad,
           bad == 1 ? "" : "s");
    {
        char cmd[1100];

        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            fprintf(stderr, "alloc_walk: cannot remove %s\n", dir);
    }
    return bad != 0;
}
