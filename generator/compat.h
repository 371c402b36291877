/* SPDX-License-Identifier: MIT */
/*
 * compat.h - is a new version of a spec compatible with an old one?
 *
 * Like `buf breaking` for registries: what code built against the old
 * generated API may rely on must still hold under the new one.
 */
#ifndef STATUSGEN_COMPAT_H
#define STATUSGEN_COMPAT_H

#include "diag.h"
#include "model.h"

/* Which spec a finding points into. */
enum compat_side { COMPAT_OLD, COMPAT_NEW };

struct compat_item {
    enum diag_level level;   /* DIAG_ERROR breaks, DIAG_WARNING may */
    enum compat_side side;
    struct sg_pos pos;       /* line 0: the file as a whole */
    char *msg;               /* owned by the report */
};

struct compat_report {
    struct compat_item *items;
    size_t n, cap;
    size_t errors, warnings;
    int oom;
};

void compat_report_init(struct compat_report *r);
void compat_report_free(struct compat_report *r);

/*
 * Compares two validated specs.  Errors (breaking): a code removed that NEW
 * does not list in 'reserved'; a name or alias that no longer names its
 * code (unless its code was retired and NEW lists the name in
 * 'reserved_names'); a name or number that now means something else; a
 * reserved code or name used or no longer reserved; a class whose range or
 * enum value changed, or that is gone; a trait whose bit changed or that is
 * gone; another registry name or macro.  Warnings: a phrase or status that
 * changed (a phrase kept in former_phrases is fine), a description that is
 * gone.  Each finding has a note at its place in the other spec.  Returns
 * 0, or -1 when memory ran out (r->oom).
 */
int compat_compare(const struct spec *old, const struct spec *new_,
                   struct compat_report *r);

/*
 * Reads the file `git show REV:PATH` prints (rev_path is "REV:PATH") into
 * a new buffer, as spec_read_file does for a file.  Returns 0, or -1 with
 * an error in dl (git's own message went to standard error).
 */
int compat_read_git(const char *rev_path, char **data, size_t *len,
                    struct diag_list *dl);

#endif
