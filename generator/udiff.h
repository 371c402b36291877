/* SPDX-License-Identifier: MIT */
/*
 * udiff.h - unified diffs of two texts, as `diff -u` prints them.
 */
#ifndef STATUSGEN_UDIFF_H
#define STATUSGEN_UDIFF_H

#include "sbuf.h"

#include <stddef.h>

/* Lines of context around each change, as diff -u. */
#define UDIFF_CONTEXT 3

/*
 * Appends to out the unified diff that turns old into new_: "--- old_name"
 * and "+++ new_name" lines, then one "@@ -l,n +l,n @@" hunk per group of
 * changes with UDIFF_CONTEXT lines of context; nothing when the texts are
 * equal.  At most max_lines lines of hunks are shown; then one line says
 * how many were left out.  A missing file is an empty old text with
 * old_name "/dev/null".  The diff is a shortest one (Myers) up to a bound
 * on its size, past which the differing middle is shown as one change.
 * Running out of memory marks out as failed.
 */
void udiff(const char *old_name, const struct sbuf *old, const char *new_name,
           const struct sbuf *new_, size_t max_lines, struct sbuf *out);

#endif
