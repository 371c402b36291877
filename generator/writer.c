/*
 * writer.c - atomic, change-only output (see writer.h).
 */
#include "writer.h"

#include "alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

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
    if (!S_ISREG(st.st_mode)) {
        diag_error(dl, nopos, "%s: exists and is not a regular file", path);
        return -1;
    }
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

/* Returns 1 when the file at path holds exactly text, 0 when not or
 * missing, -1 on error.  Compares piece by piece, without reading the
 * file into memory, and stops at the first difference. */
static int same_bytes(const char *path, const struct sbuf *text,
                      struct diag_list *dl)
{
    struct stat st;
    FILE *f;
    char buf[65536];
    size_t n, done = 0;
    int same = 1;

    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return 0;
        diag_error(dl, nopos, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        diag_error(dl, nopos, "%s: exists and is not a regular file", path);
        return -1;
    }
    f = fopen(path, "rb");
    if (f == NULL) {
        diag_error(dl, nopos, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    if ((unsigned long long)st.st_size != (unsigned long long)text->len)
        same = 0;
    while (same && (n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (n > text->len - done || memcmp(buf, text->data + done, n) != 0)
            same = 0;
        else
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
        diag_error(dl, nopos, "%s: output directory is not a directory", dir);
        return -1;
    }
    return 0;
}

/* Writes text to a new file at path, the temporary file for target (which
 * messages name: the temporary name holds the process id); returns 0 or -1
 * (reported, file removed).  fail_half simulates a full disk half-way. */
static int write_temp(const char *path, const char *target,
                      const struct sbuf *text, int fail_half,
                      struct diag_list *dl)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    size_t done = 0, limit = fail_half ? text->len / 2 : text->len;

    if (fd < 0) {
        diag_error(dl, nopos, "%s: cannot create a temporary file beside "
                   "it: %s", target, strerror(errno));
        return -1;
    }
    while (done < limit) {
        ssize_t n = write(fd, text->data + done, limit - done);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        done += (size_t)n;
    }
    if (fail_half) {
        errno = ENOSPC;
        done = (size_t)-1;
    }
    if (done != text->len || fsync(fd) != 0) {
        diag_error(dl, nopos, "%s: cannot write: %s", target, strerror(errno));
        close(fd);
        unlink(path);
        return -1;
    }
    if (close(fd) != 0) {
        diag_error(dl, nopos, "%s: cannot write: %s", target, strerror(errno));
        unlink(path);
        return -1;
    }
    return 0;
}

int write_outputs(const char *dir, const struct output *outs, size_t n,
                  const struct write_opts *opts, struct diag_list *dl)
{
    char **target = NULL, **temp = NULL;
    size_t i, ntemp = 0;
    int written = -1, fail_at = opts ? opts->fail_at : 0;
    char suffix[48];
    struct stat st;

    if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
        diag_error(dl, nopos, "%s: output directory is not a directory", dir);
        return -1;
    }
    target = (char **)sg_calloc(n, sizeof *target);
    temp = (char **)sg_calloc(n, sizeof *temp);
    if (target == NULL || temp == NULL) {
        diag_oom(dl);
        goto done;
    }
    /* Phase 0: which files change; anything in the way stops us here. */
    for (i = 0; i < n; i++) {
        int same;

        target[i] = join(dir, outs[i].name);
        if (target[i] == NULL) {
            diag_oom(dl);
            goto done;
        }
        same = same_bytes(target[i], &outs[i].text, dl);
        if (same < 0)
            goto done;
        if (same) {
            sg_free(target[i]);
            target[i] = NULL;
        }
    }
    for (i = 0; i < n && target[i] == NULL; i++)
        ;
    if (i == n) {
        written = 0;
        goto done;
    }
    if (make_dirs(dir, dl) != 0)
        goto done;
    /* Phase 1: every changed file in full beside its target. */
    sprintf(suffix, ".tmp-%ld", (long)getpid());
    for (i = 0; i < n; i++) {
        struct sbuf name;

        if (target[i] == NULL)
            continue;
        sbuf_init(&name);
        sbuf_puts(&name, target[i]);
        sbuf_puts(&name, suffix);
        if (sbuf_failed(&name)) {
            sbuf_free(&name);
            diag_oom(dl);
            goto cleanup;
        }
        temp[i] = name.data;
        if (write_temp(temp[i], target[i], &outs[i].text,
                       (int)++ntemp == fail_at, dl) != 0) {
            sg_free(temp[i]);
            temp[i] = NULL;
            goto cleanup;
        }
    }
    /* Phase 2: swap them in. */
    written = 0;
    for (i = 0; i < n; i++) {
        if (temp[i] == NULL)
            continue;
        if (rename(temp[i], target[i]) != 0) {
            diag_error(dl, nopos, "%s: cannot replace: %s", target[i],
                       strerror(errno));
            written = -1;
            goto cleanup;
        }
        sg_free(temp[i]);
        temp[i] = NULL;
        written++;
    }
    goto done;
cleanup:
    written = -1;
    for (i = 0; i < n; i++)
        if (temp[i])
            unlink(temp[i]);
done:
    for (i = 0; target && i < n; i++) {
        sg_free(target[i]);
        if (temp)
            sg_free(temp[i]);
    }
    sg_free(target);
    sg_free(temp);
    return written;
}

/* A text split into lines: start[k] is where line k (0-based) begins,
 * start[n] the end of the text. */
struct lines {
    const char **start;
    size_t n;
};

static int split_lines(const struct sbuf *sb, struct lines *ln)
{
    size_t i, count = 0, cap = 0;
    const char *s = sbuf_str(sb);

    ln->start = NULL;
    ln->n = 0;
    for (i = 0; i <= sb->len; i++) {
        if (i == 0 || (s[i - 1] == '\n' && i < sb->len)) {
            if (sg_grow((void **)&ln->start, &cap, count + 2,
                        sizeof *ln->start) != 0)
                return -1;
            ln->start[count++] = s + i;
        }
    }
    if (sb->len == 0)
        count = 0;
    if (sg_grow((void **)&ln->start, &cap, count + 1, sizeof *ln->start) != 0)
        return -1;
    ln->start[count] = s + sb->len; /* sentinel: end of text */
    ln->n = count;
    return 0;
}

static size_t line_len(const struct lines *ln, size_t k)
{
    return (size_t)(ln->start[k + 1] - ln->start[k]);
}

static int line_eq(const struct lines *a, size_t i, const struct lines *b,
                   size_t j)
{
    return line_len(a, i) == line_len(b, j) &&
           memcmp(a->start[i], b->start[j], line_len(a, i)) == 0;
}

/* Appends one diff line, without its newline, then a newline. */
static void diff_line(struct sbuf *out, char mark, const struct lines *ln,
                      size_t k)
{
    size_t len = line_len(ln, k);

    if (len && ln->start[k][len - 1] == '\n')
        len--;
    sbuf_putc(out, mark);
    sbuf_putn(out, ln->start[k], len);
    sbuf_putc(out, '\n');
}

/*
 * A short diff: the changed middle between the common first and last
 * lines, at most 8 lines each side.
 */
static void short_diff(const struct sbuf *old, const struct sbuf *new_,
                       struct sbuf *out)
{
    struct lines a, b;
    size_t pre = 0, post = 0, i, shown;

    if (split_lines(old, &a) != 0 || split_lines(new_, &b) != 0) {
        sg_free(a.start);
        out->failed = 1;
        return;
    }
    while (pre < a.n && pre < b.n && line_eq(&a, pre, &b, pre))
        pre++;
    while (post < a.n - pre && post < b.n - pre &&
           line_eq(&a, a.n - 1 - post, &b, b.n - 1 - post))
        post++;
    sbuf_printf(out, "@@ -%lu,%lu +%lu,%lu @@\n", (unsigned long)pre + 1,
                (unsigned long)(a.n - pre - post), (unsigned long)pre + 1,
                (unsigned long)(b.n - pre - post));
    for (i = pre, shown = 0; i < a.n - post && shown < 8; i++, shown++)
        diff_line(out, '-', &a, i);
    if (a.n - post - pre > 8)
        sbuf_printf(out, "  ... %lu more removed\n",
                    (unsigned long)(a.n - post - pre - 8));
    for (i = pre, shown = 0; i < b.n - post && shown < 8; i++, shown++)
        diff_line(out, '+', &b, i);
    if (b.n - post - pre > 8)
        sbuf_printf(out, "  ... %lu more added\n",
                    (unsigned long)(b.n - post - pre - 8));
    sg_free(a.start);
    sg_free(b.start);
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
            stale++;
        } else if (old.len != outs[i].text.len ||
                   (old.len && memcmp(old.data, outs[i].text.data,
                                      old.len) != 0)) {
            sbuf_printf(report, "%s: out of date\n", path);
            short_diff(&old, &outs[i].text, report);
            stale++;
        }
        sbuf_free(&old);
        sg_free(path);
    }
    return stale;
}
