/* SPDX-License-Identifier: MIT */
/*
 * diag.h - diagnostics as data.
 *
 * Library code never prints: every stage appends what it finds to a diag
 * list with a position, and keeps going, so one run reports every problem.
 * main.c prints the list GNU style: "file:line:col: error: message".
 */
#ifndef STATUSGEN_DIAG_H
#define STATUSGEN_DIAG_H

#include <stddef.h>

enum diag_level { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

/*
 * A position in the spec, 1-based; line 0 means "the file as a whole".
 * When a spec extends others (overlays), the lines of every file read are
 * numbered one after another: the first file's from 1, the next file's
 * from where the first ends (see diag_add_file), so that a position says
 * which file it is in without costing a field.
 */
struct sg_pos {
    int line;
    int col;
};

struct diag {
    enum diag_level level;
    struct sg_pos pos;
    char *msg;              /* owned by the list */
};

/* Messages kept in one list; further errors are only counted, so that no
 * spec can make the output (or the time spent on hints) huge. */
#define SG_MAX_DIAGS 1000

/* A file whose lines are numbered from base + 1 in positions. */
struct diag_file {
    char *name;             /* owned by the list */
    int base;
};

struct diag_list {
    const char *file;       /* name used in messages; not owned */
    struct diag_file *files; /* the files after the first, by base */
    size_t nfiles;
    size_t files_cap;
    struct diag *items;
    size_t count;
    size_t cap;
    size_t errors;          /* number of DIAG_ERROR entries */
    size_t dropped;         /* errors not stored: the list was full */
    int oom;                /* a message could not be stored */
};

void diag_init(struct diag_list *dl, const char *file);
void diag_free(struct diag_list *dl);

/*
 * Appends a message at pos.  An error also counts in dl->errors, even when
 * memory for its text runs out (then dl->oom is set).
 */
void diag_add(struct diag_list *dl, enum diag_level level, struct sg_pos pos,
              const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/*
 * Records that positions past line base (up to the next file's base) are
 * in the file name, at line (line - base); bases must grow from call to
 * call.  Returns 0, or -1 when memory ran out (recorded as an error).
 */
int diag_add_file(struct diag_list *dl, const char *name, int base);

/* The file a position is in and the position within it. */
void diag_locate(const struct diag_list *dl, struct sg_pos pos,
                 const char **file, struct sg_pos *local);

/* Shorthands for diag_add with DIAG_ERROR and DIAG_NOTE. */
void diag_error(struct diag_list *dl, struct sg_pos pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void diag_note(struct diag_list *dl, struct sg_pos pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/*
 * Moves every entry of src to the end of dst, as if each had been added
 * to dst in order (the limit of SG_MAX_DIAGS messages applies to dst),
 * and leaves src empty.
 */
void diag_append(struct diag_list *dst, struct diag_list *src);

/* Returns 1 when the list holds SG_MAX_DIAGS messages and takes no more
 * (callers may then skip work that only improves a message). */
int diag_full(const struct diag_list *dl);

/* Records that memory ran out: an error without a position. */
void diag_oom(struct diag_list *dl);

/*
 * Orders the messages by position, stably; a note stays after the message
 * it belongs to (the one before it).  Messages without a position come
 * first.  Left as it is when memory runs out.
 */
void diag_sort(struct diag_list *dl);

/*
 * Appends entry i as "file:line:col: level: message" (no newline) to out
 * ("file: level: message" when it has no position), escaped as
 * diag_format_line does.
 */
struct sbuf;
void diag_format(const struct diag_list *dl, size_t i, struct sbuf *out);

/* Appends one "file:line:col: level: message" line (no newline; without
 * line:col when pos.line is 0).  File and message go through
 * sbuf_put_escaped: no control character reaches the terminal. */
void diag_format_line(struct sbuf *out, const char *file, struct sg_pos pos,
                      enum diag_level level, const char *msg);

/*
 * Returns the candidate closest to word by edit distance when it is close
 * enough to be a likely typo, else NULL.  candidates ends with NULL.
 */
const char *diag_did_you_mean(const char *word, const char *const *candidates);

#endif
