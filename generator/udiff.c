/* SPDX-License-Identifier: MIT */
/*
 * udiff.c - unified diffs (see udiff.h).
 *
 * The common first and last lines are set aside, then Myers' O(ND)
 * algorithm finds a shortest edit script of the middle, keeping each
 * step's frontier to trace the path back.  The script becomes a list of
 * line pairs; hunks are runs of changes less than 2 * context apart.
 */
#include "udiff.h"

#include "alloc.h"

#include <string.h>

/* Edits beyond this are not searched for a shortest script: the middle is
 * shown as removed and added (a bound on time and on the trace's memory,
 * about MAX_D * MAX_D longs). */
#define MAX_D 1024

/* A text split into lines: start[k] is where line k (0-based) begins,
 * start[n] the end of the text; hash[k] a hash of line k. */
struct lines {
    const char **start;
    unsigned long *hash;
    size_t n;
};

static void lines_free(struct lines *ln)
{
    sg_free(ln->start);
    sg_free(ln->hash);
}

static int split_lines(const struct sbuf *sb, struct lines *ln)
{
    size_t i, count = 0;
    const char *s = sbuf_str(sb);

    ln->n = 0;
    ln->hash = NULL;
    for (i = 0; i < sb->len; i++)
        if (s[i] == '\n' || i + 1 == sb->len)
            count++;
    ln->start = (const char **)sg_calloc(count + 1, sizeof *ln->start);
    ln->hash = (unsigned long *)sg_calloc(count + 1, sizeof *ln->hash);
    if (ln->start == NULL || ln->hash == NULL) {
        lines_free(ln);
        return -1;
    }
    count = 0;
    for (i = 0; i < sb->len; i++) {
        if (i == 0 || s[i - 1] == '\n')
            ln->start[count++] = s + i;
    }
    ln->start[count] = s + sb->len;
    ln->n = count;
    for (i = 0; i < count; i++)
        ln->hash[i] = (unsigned long)sg_hash64(
            ln->start[i], (size_t)(ln->start[i + 1] - ln->start[i]));
    return 0;
}

static size_t line_len(const struct lines *ln, size_t k)
{
    return (size_t)(ln->start[k + 1] - ln->start[k]);
}

static int line_eq(const struct lines *a, size_t i, const struct lines *b,
                   size_t j)
{
    return a->hash[i] == b->hash[j] && line_len(a, i) == line_len(b, j) &&
           memcmp(a->start[i], b->start[j], line_len(a, i)) == 0;
}

/* One line of the edit script: a line of both texts, or of one. */
enum op { OP_SAME, OP_DEL, OP_ADD };
struct edit {
    enum op op;
    size_t a, b;   /* line numbers (0-based) in old and new before it */
};

struct script {
    struct edit *e;
    size_t n, cap;
    int failed;
};

static void push(struct script *s, enum op op, size_t a, size_t b)
{
    if (s->failed)
        return;
    if (sg_grow((void **)&s->e, &s->cap, s->n + 1, sizeof *s->e) != 0) {
        s->failed = 1;
        return;
    }
    s->e[s->n].op = op;
    s->e[s->n].a = a;
    s->e[s->n].b = b;
    s->n++;
}

/*
 * The edit script of a[lo_a..hi_a) into b[lo_b..hi_b), appended to s in
 * order.  Myers' greedy algorithm with the frontier of every step kept;
 * when the distance passes MAX_D, the whole middle is one change.
 */
static void middle_script(const struct lines *a, size_t lo_a, size_t hi_a,
                          const struct lines *b, size_t lo_b, size_t hi_b,
                          struct script *s)
{
    long n = (long)(hi_a - lo_a), m = (long)(hi_b - lo_b);
    long max = n + m, dmax = max < MAX_D ? max : MAX_D, d, k, found = -1;
    long **trace = NULL, *v;
    size_t i;

    trace = (long **)sg_calloc((size_t)dmax + 1, sizeof *trace);
    v = (long *)sg_calloc(2 * (size_t)dmax + 3, sizeof *v);
    if (trace == NULL || v == NULL)
        goto oom;
    v += dmax + 1; /* v[k] for k in -dmax-1..dmax+1 */
    for (d = 0; d <= dmax && found < 0; d++) {
        for (k = -d; k <= d; k += 2) {
            long x, y;

            if (k == -d || (k != d && v[k - 1] < v[k + 1]))
                x = v[k + 1];
            else
                x = v[k - 1] + 1;
            y = x - k;
            while (x < n && y < m &&
                   line_eq(a, lo_a + (size_t)x, b, lo_b + (size_t)y)) {
                x++;
                y++;
            }
            v[k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        trace[d] = (long *)sg_malloc((2 * (size_t)d + 1) * sizeof **trace);
        if (trace[d] == NULL)
            goto oom;
        for (k = -d; k <= d; k++)
            trace[d][k + d] = v[k];
    }
    if (found < 0) {
        /* too far apart: all of a's middle out, all of b's in */
        for (i = lo_a; i < hi_a; i++)
            push(s, OP_DEL, i, lo_b);
        for (i = lo_b; i < hi_b; i++)
            push(s, OP_ADD, hi_a, i);
        goto done;
    }
    {
        /* Trace back from (n, m), collecting the script in reverse. */
        struct script rev;
        long x = n, y = m;

        memset(&rev, 0, sizeof rev);
        for (d = found; d > 0; d--) {
            long *pv = trace[d - 1], px, py, pk;

            k = x - y;
            if (k == -d || (k != d && pv[k - 1 + (d - 1)] < pv[k + 1 + (d - 1)]))
                pk = k + 1;
            else
                pk = k - 1;
            px = pv[pk + (d - 1)];
            py = px - pk;
            while (x > px && y > py) {
                x--;
                y--;
                push(&rev, OP_SAME, lo_a + (size_t)x, lo_b + (size_t)y);
            }
            if (x == px) {
                y--;
                push(&rev, OP_ADD, lo_a + (size_t)x, lo_b + (size_t)y);
            } else {
                x--;
                push(&rev, OP_DEL, lo_a + (size_t)x, lo_b + (size_t)y);
            }
        }
        while (x > 0 && y > 0) {
            x--;
            y--;
            push(&rev, OP_SAME, lo_a + (size_t)x, lo_b + (size_t)y);
        }
        if (rev.failed)
            s->failed = 1;
        for (i = rev.n; i > 0; i--)
            push(s, rev.e[i - 1].op, rev.e[i - 1].a, rev.e[i - 1].b);
        sg_free(rev.e);
    }
    goto done;
oom:
    s->failed = 1;
done:
    if (trace)
        for (d = 0; d <= dmax; d++)
            sg_free(trace[d]);
    sg_free(trace);
    if (v)
        sg_free(v - (dmax + 1));
}

/* Appends one diff line: mark, the line without its newline, newline, and
 * diff's note when the text ends without one. */
static void put_line(struct sbuf *out, char mark, const struct lines *ln,
                     size_t k)
{
    size_t len = line_len(ln, k);
    int nl = len && ln->start[k][len - 1] == '\n';

    sbuf_putc(out, mark);
    sbuf_putn(out, ln->start[k], nl ? len - 1 : len);
    sbuf_putc(out, '\n');
    if (!nl)
        sbuf_puts(out, "\\ No newline at end of file\n");
}

/* "start,count" of a hunk side as diff -u writes it (1-based; an empty
 * side names the line before it). */
static void put_range(struct sbuf *out, size_t first, size_t count)
{
    if (count == 1)
        sbuf_printf(out, "%lu", (unsigned long)first + 1);
    else
        sbuf_printf(out, "%lu,%lu",
                    (unsigned long)(count ? first + 1 : first),
                    (unsigned long)count);
}

/* Appends a file name as GNU diff writes it in the "---" and "+++" lines,
 * so that patch reads it back: as it is, or, when it holds a space, a
 * double quote, a backslash, or a control or non-ASCII byte, in double
 * quotes with C escapes (\t, \n, \", \\, ..., else 3 octal digits). */
static void put_name(struct sbuf *out, const char *name)
{
    static const char plain[] = "\a\b\t\n\v\f\r\"\\";
    static const char letter[] = "abtnvfr\"\\";
    const unsigned char *p;
    int quote = 0;

    for (p = (const unsigned char *)name; *p; p++)
        if (*p == ' ' || *p == '"' || *p == '\\' || *p < 32 || *p >= 128)
            quote = 1;
    if (!quote) {
        sbuf_puts(out, name);
        return;
    }
    sbuf_putc(out, '"');
    for (p = (const unsigned char *)name; *p; p++) {
        const char *e = strchr(plain, *p);

        if (e != NULL) {
            sbuf_putc(out, '\\');
            sbuf_putc(out, letter[e - plain]);
        } else if (*p < 32 || *p >= 128) {
            sbuf_printf(out, "\\%03o", (unsigned)*p);
        } else {
            sbuf_putc(out, (char)*p);
        }
    }
    sbuf_putc(out, '"');
}

void udiff(const char *old_name, const struct sbuf *old, const char *new_name,
           const struct sbuf *new_, size_t max_lines, struct sbuf *out)
{
    struct lines a, b;
    struct script s;
    size_t pre = 0, post = 0, i, shown = 0, hidden = 0;

    memset(&s, 0, sizeof s);
    if (split_lines(old, &a) != 0) {
        out->failed = 1;
        return;
    }
    if (split_lines(new_, &b) != 0) {
        lines_free(&a);
        out->failed = 1;
        return;
    }
    while (pre < a.n && pre < b.n && line_eq(&a, pre, &b, pre))
        pre++;
    while (post < a.n - pre && post < b.n - pre &&
           line_eq(&a, a.n - 1 - post, &b, b.n - 1 - post))
        post++;
    if (pre == a.n && pre == b.n)
        goto done; /* equal */
    for (i = 0; i < pre; i++)
        push(&s, OP_SAME, i, i);
    middle_script(&a, pre, a.n - post, &b, pre, b.n - post, &s);
    for (i = 0; i < post; i++)
        push(&s, OP_SAME, a.n - post + i, b.n - post + i);
    if (s.failed) {
        out->failed = 1;
        goto done;
    }
    sbuf_puts(out, "--- ");
    put_name(out, old_name);
    sbuf_puts(out, "\n+++ ");
    put_name(out, new_name);
    sbuf_putc(out, '\n');
    i = 0;
    while (i < s.n) {
        size_t first, last, j, na = 0, nb = 0, gap;

        while (i < s.n && s.e[i].op == OP_SAME)
            i++;
        if (i == s.n)
            break;
        /* The hunk: from context before the change to the end of the last
         * change that is at most 2 * context lines after the previous. */
        first = i > UDIFF_CONTEXT ? i - UDIFF_CONTEXT : 0;
        last = i;
        for (j = i; j < s.n; j++) {
            if (s.e[j].op != OP_SAME) {
                last = j;
                continue;
            }
            for (gap = j; gap < s.n && s.e[gap].op == OP_SAME; gap++)
                ;
            if (gap == s.n || gap - j > 2 * UDIFF_CONTEXT)
                break;
            j = gap - 1;
        }
        last = last + UDIFF_CONTEXT < s.n ? last + UDIFF_CONTEXT : s.n - 1;
        for (j = first; j <= last; j++) {
            na += s.e[j].op != OP_ADD;
            nb += s.e[j].op != OP_DEL;
        }
        if (hidden || shown + 1 + (last - first + 1) > max_lines) {
            hidden += 1 + (last - first + 1);
            i = last + 1;
            continue;
        }
        sbuf_puts(out, "@@ -");
        put_range(out, s.e[first].a, na);
        sbuf_puts(out, " +");
        put_range(out, s.e[first].b, nb);
        sbuf_puts(out, " @@\n");
        for (j = first; j <= last; j++) {
            if (s.e[j].op == OP_ADD)
                put_line(out, '+', &b, s.e[j].b);
            else
                put_line(out, s.e[j].op == OP_DEL ? '-' : ' ', &a, s.e[j].a);
        }
        shown += 1 + (last - first + 1);
        i = last + 1;
    }
    if (hidden)
        sbuf_printf(out, "... %lu more line%s of this diff not shown\n",
                    (unsigned long)hidden, hidden == 1 ? "" : "s");
done:
    sg_free(s.e);
    lines_free(&a);
    lines_free(&b);
}
