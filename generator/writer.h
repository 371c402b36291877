/*
 * writer.h - putting outputs on disk, atomically and only when changed.
 *
 * Nothing is written until every output has been produced.  Then each
 * changed file is first written in full to a temporary file in the same
 * directory, and only when all of them are written are they renamed over
 * their targets.  A failure before the renames leaves every target as it
 * was and removes the temporary files.
 */
#ifndef STATUSGEN_WRITER_H
#define STATUSGEN_WRITER_H

#include "diag.h"
#include "sbuf.h"

#include <stddef.h>

struct output {
    char *name;              /* file name within the output directory */
    struct sbuf text;        /* its complete contents */
};

/* For tests: make the write of the n-th temporary file (1-based) fail
 * after half of it is written, as a full disk would; 0: never. */
struct write_opts {
    int fail_at;
};

/*
 * Writes the outputs into dir (created, with its parents, if missing).
 * Files whose bytes are already right are not touched.  Returns the number
 * of files written, or -1 with an error in dl and nothing changed.
 */
int write_outputs(const char *dir, const struct output *outs, size_t n,
                  const struct write_opts *opts, struct diag_list *dl);

/*
 * Compares the outputs with the files in dir, writing nothing.  For each
 * file that is missing or differs, appends "path: message" and a short
 * diff to report.  Returns the number of such files, or -1 with an error
 * in dl when a file cannot be read.
 */
int check_outputs(const char *dir, const struct output *outs, size_t n,
                  struct sbuf *report, struct diag_list *dl);

#endif
