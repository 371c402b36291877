/* SPDX-License-Identifier: MIT */
/*
 * writer.h - putting outputs on disk, atomically and only when changed.
 *
 * Nothing is written until every output has been produced.  A run with
 * something to write locks the output directory (DIR/.statusgen.lock,
 * an fcntl lock, removed when the run ends), so concurrent runs take
 * turns.  Each changed file is first written in full (and fsynced) to a
 * temporary file <file>.tmp-<random> beside it, with the mode, owner and
 * group of the file it replaces, and the file it replaces gets a second
 * name of the same form (a hard link, else a copy); only when all of them
 * are there are they renamed over their targets, and the directory is
 * fsynced.  A rename that fails undoes the ones before it.
 *
 * What a failure leaves: every target as it was, no temporary file and no
 * lock file, after an error at any step (a rename refused part-way: the
 * renames before it are undone) and after SIGINT, SIGTERM or SIGHUP before
 * the first rename.  Those signals during the renames are held until the
 * set is complete: the run then cleans up and dies of the signal, every
 * target new.  Only when undoing a rename fails too (the file system failed
 * meanwhile) are some files new and some old, each complete: the error
 * names each output left new, and the generated code's identity check
 * makes such a .c and .h fail to build.  SIGKILL or a crash during the
 * renames can leave the same, and temporary files and the lock file at any
 * time, which the next run into the directory removes.  Never a partly
 * written output.
 */
#ifndef STATUSGEN_WRITER_H
#define STATUSGEN_WRITER_H

#include "diag.h"
#include "sbuf.h"

#include <stddef.h>

struct output {
    char *name;              /* file name within the output directory */
    /* Makes the contents: produce(arg, which, out) appends them to out.
     * When writing, out has a sink (see sbuf.h), so only a window of the
     * file is ever in memory; output_collect gives it none.  It may be
     * called more than once and must give the same bytes each time; out
     * has failed when memory ran out. */
    void (*produce)(const void *arg, size_t which, struct sbuf *out);
    const void *arg;
    size_t which;
};

/*
 * Runs o's producer into into, which keeps everything (no sink): the whole
 * contents in memory, for what needs them at once (--check's diff, -o -).
 * Returns 0, or -1 when memory ran out (into has failed).
 */
int output_collect(const struct output *o, struct sbuf *into);

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
    /* For tests: send the signal `signal' (0: none) to this process just
     * after the n-th temporary file is created (signal_at_temp), or just
     * before the n-th rename (signal_at_rename); 1-based, 0: never. */
    int signal_at_temp;
    int signal_at_rename;
    int signal;
};

/*
 * Writes the outputs into dir (created, with its parents, if missing).
 * Each producer runs into a sink, to compare and again to write, so
 * no output is ever whole in memory.
 * Files whose bytes are already right are not touched; a run with none to
 * write still removes what a killed run left (temporary files, the lock
 * file) when it can take the lock at once.  Returns the number of files written, or -1 with an error in
 * dl (what is then left: see above).
 */
int write_outputs(const char *dir, const struct output *outs, size_t n,
                  const struct write_opts *opts, struct diag_list *dl);

/*
 * Compares the outputs with the files in dir, writing nothing; each output
 * is collected (output_collect) in turn.  For each file that is missing or
 * differs, appends "path: missing" or "path: out of date" and the unified
 * diff from the file to the output (context 3, at most 200 lines per file,
 * then a count of the lines left out) to report; `patch -p0` applies an
 * uncut report.  Returns the number of such files, or -1 with an error in
 * dl when a file cannot be read or memory ran out.
 */
int check_outputs(const char *dir, const struct output *outs, size_t n,
                  struct sbuf *report, struct diag_list *dl);

#endif
