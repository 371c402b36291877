/*
 * testutil.h - helpers shared by the unit tests.
 */
#ifndef STATUSGEN_TESTUTIL_H
#define STATUSGEN_TESTUTIL_H

#include "diag.h"
#include "model.h"
#include "sbuf.h"

#include <stddef.h>

/*
 * Loads the YAML text through spec_load_text, the path spec_load takes for
 * a file; diagnostics go to dl (whose file name is "t.yaml").  Returns 0
 * or -1.  The caller frees spec and dl.
 */
int tu_load_text(const char *yaml, struct spec *spec, struct diag_list *dl);

/* All diagnostics of dl, one "file:line:col: level: msg" per line, in
 * out. */
void tu_diags(const struct diag_list *dl, struct sbuf *out);

/* Reads a whole file into out; returns 0 or -1. */
int tu_read_file(const char *path, struct sbuf *out);

/* Writes text to path; returns 0 or -1. */
int tu_write_file(const char *path, const char *text, size_t len);

/* A new empty directory under the system's temp directory; the result is
 * static storage. */
const char *tu_temp_dir(const char *tag);

/* A struct output producer for outputs given as literal texts: arg is an
 * array of strings, and output which is the string at that index. */
void tu_produce_text(const void *arg, size_t which, struct sbuf *out);

/* The seed of a randomised test: STATUSGEN_SEED when it is set (a
 * decimal number; anything else stops the test), else fallback.  Prints
 * "seed: N" to standard output, so that a failure can be replayed with
 * STATUSGEN_SEED=N. */
unsigned tu_seed(unsigned fallback);

#endif
