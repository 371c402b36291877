/* SPDX-License-Identifier: MIT */
/*
 * audit.h - compare a spec with an IANA registry export (CSV).
 */
#ifndef STATUSGEN_AUDIT_H
#define STATUSGEN_AUDIT_H

#include "diag.h"
#include "model.h"
#include "sbuf.h"

/*
 * Compares spec with the registry CSV in data (the registry's own export:
 * "Value,Description,Reference").  Appends one line per difference to
 * report: codes the registry has and the spec lacks, codes the spec holds
 * as registered that the registry lacks, and differences of phrase, status
 * or reference.  Understands the annotations "(Unused)", "(OBSOLETED)" and
 * "(TEMPORARY - ...)", and that unofficial codes are not the registry's.
 * A code whose registry_phrase is what the registry writes gets a "known"
 * line instead of a phrase difference, and does not count.
 * Returns the number of differences, or -1 with errors in dl (file
 * problems are reported against dl->file, the CSV).
 */
int audit_compare(const struct spec *spec, const char *data, size_t len,
                  struct sbuf *report, struct diag_list *dl);

#endif
