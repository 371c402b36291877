/* SPDX-License-Identifier: MIT */
/*
 * diag.c - diagnostics as data (see diag.h).
 */
#include "diag.h"

#include "alloc.h"
#include "sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void diag_init(struct diag_list *dl, const char *file)
{
    memset(dl, 0, sizeof *dl);
    dl->file = file;
}

void diag_free(struct diag_list *dl)
{
    size_t i;

    for (i = 0; i < dl->count; i++)
        sg_free(dl->items[i].msg);
    sg_free(dl->items);
    for (i = 0; i < dl->nfiles; i++)
        sg_free(dl->files[i].name);
    sg_free(dl->files);
    diag_init(dl, dl->file);
}

int diag_add_file(struct diag_list *dl, const char *name, int base)
{
    char *copy = sg_strdup(name);

    if (copy == NULL || sg_grow((void **)&dl->files, &dl->files_cap,
                                dl->nfiles + 1, sizeof *dl->files) != 0) {
        sg_free(copy);
        diag_oom(dl);
        return -1;
    }
    dl->files[dl->nfiles].name = copy;
    dl->files[dl->nfiles].base = base;
    dl->nfiles++;
    return 0;
}

void diag_locate(const struct diag_list *dl, struct sg_pos pos,
                 const char **file, struct sg_pos *local)
{
    size_t i = dl->nfiles;

    *file = dl->file;
    *local = pos;
    while (i > 0 && pos.line <= dl->files[i - 1].base)
        i--;
    if (i > 0) {
        *file = dl->files[i - 1].name;
        local->line = pos.line - dl->files[i - 1].base;
    }
}

static void diag_vadd(struct diag_list *dl, enum diag_level level,
                      struct sg_pos pos, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 0)))
#endif
    ;

static void diag_vadd(struct diag_list *dl, enum diag_level level,
                      struct sg_pos pos, const char *fmt, va_list ap)
{
    struct sbuf sb;

    if (level == DIAG_ERROR)
        dl->errors++;
    if (diag_full(dl)) {
        if (level == DIAG_ERROR)
            dl->dropped++;
        return;
    }
    sbuf_init(&sb);
    {
        char tmp[512];
        /* Messages quote at most a short excerpt of the spec, so a fixed
         * buffer is enough; longer ones are cut. */
        vsnprintf(tmp, sizeof tmp, fmt, ap);
        sbuf_puts(&sb, tmp);
    }
    if (sbuf_failed(&sb) ||
        sg_grow((void **)&dl->items, &dl->cap, dl->count + 1,
                sizeof *dl->items) != 0) {
        sbuf_free(&sb);
        dl->oom = 1;
        return;
    }
    dl->items[dl->count].level = level;
    dl->items[dl->count].pos = pos;
    dl->items[dl->count].msg = sb.data;
    dl->count++;
}

void diag_add(struct diag_list *dl, enum diag_level level, struct sg_pos pos,
              const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    diag_vadd(dl, level, pos, fmt, ap);
    va_end(ap);
}

void diag_error(struct diag_list *dl, struct sg_pos pos, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    diag_vadd(dl, DIAG_ERROR, pos, fmt, ap);
    va_end(ap);
}

void diag_note(struct diag_list *dl, struct sg_pos pos, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    diag_vadd(dl, DIAG_NOTE, pos, fmt, ap);
    va_end(ap);
}

void diag_append(struct diag_list *dst, struct diag_list *src)
{
    size_t i;

    /* src's error count already holds its stored, dropped and
     * out-of-memory errors. */
    dst->errors += src->errors;
    dst->dropped += src->dropped;
    dst->oom |= src->oom;
    for (i = 0; i < src->count; i++) {
        struct diag *d = &src->items[i];

        if (diag_full(dst) ||
            sg_grow((void **)&dst->items, &dst->cap, dst->count + 1,
                    sizeof *dst->items) != 0) {
            if (!diag_full(dst))
                dst->oom = 1;
            else if (d->level == DIAG_ERROR)
                dst->dropped++;
            sg_free(d->msg);
            continue;
        }
        dst->items[dst->count++] = *d;
    }
    src->count = 0;
    diag_free(src);
}

int diag_full(const struct diag_list *dl)
{
    return dl->count >= SG_MAX_DIAGS;
}

void diag_oom(struct diag_list *dl)
{
    dl->errors++;
    dl->oom = 1;
}

/* 1 when a is after b in the file. */
static int pos_after(struct sg_pos a, struct sg_pos b)
{
    return a.line > b.line || (a.line == b.line && a.col > b.col);
}

void diag_sort(struct diag_list *dl)
{
    struct diag *sorted;
    size_t *head, ngroups = 0, i, j, k;

    if (dl->count < 2)
        return;
    head = (size_t *)sg_calloc(dl->count + 1, sizeof *head);
    sorted = (struct diag *)sg_calloc(dl->count, sizeof *sorted);
    if (head == NULL || sorted == NULL)
        goto done; /* left as it is: still every message */
    /* Groups: a message and the notes after it. */
    for (i = 0; i < dl->count; i++)
        if (i == 0 || dl->items[i].level != DIAG_NOTE)
            head[ngroups++] = i;
    head[ngroups] = dl->count;
    /* Insertion sort of the group starts: stable, and the lists are short
     * (SG_MAX_DIAGS) and nearly sorted already. */
    for (i = 1; i < ngroups; i++) {
        size_t g = head[i];

        for (j = i; j > 0 && pos_after(dl->items[head[j - 1]].pos,
                                       dl->items[g].pos); j--)
            head[j] = head[j - 1];
        head[j] = g;
    }
    for (i = 0, k = 0; i < ngroups; i++) {
        size_t g = head[i];

        do
            sorted[k++] = dl->items[g++];
        while (g < dl->count && dl->items[g].level == DIAG_NOTE);
    }
    memcpy(dl->items, sorted, dl->count * sizeof *sorted);
done:
    sg_free(head);
    sg_free(sorted);
}

void diag_format_line(struct sbuf *out, const char *file, struct sg_pos pos,
                      enum diag_level level, const char *msg)
{
    static const char *const names[] = {"error", "warning", "note"};

    sbuf_put_escaped(out, file);
    if (pos.line > 0)
        sbuf_printf(out, ":%d:%d", pos.line, pos.col > 0 ? pos.col : 1);
    sbuf_printf(out, ": %s: ", names[level]);
    sbuf_put_escaped(out, msg);
}

void diag_format(const struct diag_list *dl, size_t i, struct sbuf *out)
{
    const struct diag *d = &dl->items[i];
    const char *file;
    struct sg_pos pos;

    diag_locate(dl, d->pos, &file, &pos);
    diag_format_line(out, file, pos, d->level, d->msg);
}

/* Levenshtein distance, capped: returns a value > cap when it is larger. */
static size_t edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    size_t row[64];

    if (la >= 64 || lb >= 64)
        return cap + 1;
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t diag = row[0];

        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);

            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *diag_did_you_mean(const char *word, const char *const *candidates)
{
    const char *best = NULL;
    size_t best_d, cap = strlen(word) <= 3 ? 1 : 2;

    best_d = cap + 1;
    for (; *candidates; candidates++) {
        size_t d = edit_distance(word, *candidates, cap);

        if (d < best_d) {
            best_d = d;
            best = *candidates;
        }
    }
    return best;
}
