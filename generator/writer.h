/* SPDX-License-Identifier: MIT */
/*
 * writer.h - putting outputs on disk, atomically and only when changed.
 *
 * Nothing is written until every output has been produced.  A run with
 * something to write locks the output directory (DIR/.statusgen.lock,
 * an fcntl lock, removed when the run ends), so concurrent runs take
 * turns.  Each changed file is first written in full (and fsynced) to a
 * temporary file <file>.tmp-<random> beside it, with the mode, owner and
 * group of the file it replaces; only when all of them are written are
 * they renamed over their targets, and the directory is fsynced.
 *
 * What a failure leaves: before the renames, every target as it was and no
 * temporary file (also on SIGINT, SIGTERM and SIGHUP).  Between renames,
 * some files new and some old, every one of them complete; the generated
 * code's identity check makes such a .c and .h fail to build.  After
 * SIGKILL or a crash, also temporary files, which the next run into the
 * directory removes.  Never a partly written output.
 */
#ifndef STATUSGEN_WRITER_H
#define STATUSGEN_WRITER_H

#include "diag.h"
#include "sbuf.h"

#include <stddef.h>

struct output {
    char *name;              /* file name within the output directory */
    struct sbuf text;        /* its complete contents, unless produce */
    /* When set, write_outputs asks for the contents instead of reading
     * text: produce(arg, which, out) appends them to out, which has a sink
     * (see sbuf.h), so only a window of the file is ever in memory.  It
     * may be called more than once and must give the same bytes each
     * time; out has failed when memory ran out. */
    void (*produce)(const void *arg, size_t which, struct sbuf *out);
    const void *arg;
    size_t which;
};

/* How write_outputs runs (NULL: the defaults, all zero). */
struct write_opts {
    /* Called once, before waiting, when another run holds the lock of the
     * output directory dir (lock_path: the lock file). */
    void (*waiting)(const char *lock_path, const char *dir);
    /* For tests: make the write of the n-th temporary file (1-based) fail
     * after half of it is written, as a full disk would; 0: never. */
    int fail_at;
    /* For tests: make the n-th rename (1-based) fail, as EPERM in a sticky
     * directory would; 0: never. */
    int fail_rename_at;
};

/*
 * Writes the outputs into dir (created, with its parents, if missing).
 * Files whose bytes are already right are not touched.  Returns the number
 * of files written, or -1 with an error in dl (what is then left: see
 * above).
 */
int write_outputs(const char *dir, const struct output *outs, size_t n,
                  const struct write_opts *opts, struct diag_list *dl);

/*
 * Compares the outputs with the files in dir, writing nothing (outputs
 * with text, not produce).  For each
 * file that is missing or differs, appends "path: missing" or "path: out
 * of date" and the unified diff from the file to the output (context 3,
 * at most 200 lines per file, then a count of the lines left out) to
 * report; `patch -p0` applies an uncut report.  Returns the number of such
 * files, or -1 with an error in dl when a file cannot be read.
 */
int check_outputs(const char *dir, const struct output *outs, size_t n,
                  struct sbuf *report, struct diag_list *dl);

#endif
