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
 * Compares two validated specs.  Each old code is found in NEW by its
 * name (as a name or an alias there), else by its number when no old
 * code took that code by name.
 *
 * Errors (breaking): a code removed that NEW does not list in 'reserved',
 * or whose number now names another code; a code moved to another number
 * or merged into another code; a code renamed without its old name kept
 * as an alias; an alias gone or naming another code (unless its code was
 * retired and NEW lists it in 'reserved_names'); a reserved code or name
 * used or no longer reserved; a class whose range, enum value or error
 * flag changed, or that is gone (when OLD marks no class as an error, a
 * new mark is a warning); a trait whose bit changed or that is gone, or
 * that a code lost; a phrase or former phrase that from_reason() now finds
 * in another code; another registry name or macro.
 *
 * Warnings: a code renamed with its old name kept as an alias; a phrase
 * that changed (unless kept in former_phrases) or a former phrase
 * dropped; a status that changed; a trait a code gained; a description
 * that is gone; a language removed; another first (fallback) language.
 *
 * Each finding has a note at its place in the other spec.  Returns 0, or
 * -1 when memory ran out (r->oom).
 */
int compat_compare(const struct spec *old, const struct spec *new_,
                   struct compat_report *r);

/*
 * Reads the file `git show REV:PATH` prints (rev_path is "REV:PATH") into
 * a new buffer, as spec_read_file does for a file.  rev_path is always a
 * revision to git, never an option: one starting with '-' is refused.
 * Returns 0, or -1 with an error in dl (git's own message went to
 * standard error).
 */
int compat_read_git(const char *rev_path, char **data, size_t *len,
                    struct diag_list *dl);

#endif
