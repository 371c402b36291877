/*
 * write_driver.c - the generator's write step with a rename that fails, or
 * a signal at a chosen moment:
 *
 *   write_driver SPEC DIR N BANNER_NAME [temp:K:SIG | rename:K:SIG]
 *
 * generates every output of SPEC (header, source, single, docs) into DIR
 * as statusgen does (BANNER_NAME: the spec's path as statusgen would show
 * it in the banners), except that the N-th rename fails as EPERM in a
 * sticky directory would (N 0: none), and, when given, signal number SIG
 * comes just after the K-th temporary file is created or just before the
 * K-th rename.  Exit status: 0 written, 1 the write failed (expected), 2
 * anything else; or death by the signal.
 */
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    struct spec spec;
    struct diag_list dl;
    struct output *outs = NULL;
    struct write_opts opts;
    size_t n = 0;
    int rc = 2, w;

    memset(&opts, 0, sizeof opts);
    if (argc == 6) {
        char where[16];
        int k, sig;

        if (sscanf(argv[5], "%15[a-z]:%d:%d", where, &k, &sig) != 3 ||
            (strcmp(where, "temp") != 0 && strcmp(where, "rename") != 0)) {
            fprintf(stderr, "write_driver: bad signal point '%s'\n", argv[5]);
            return 2;
        }
        if (strcmp(where, "temp") == 0)
            opts.signal_at_temp = k;
        else
            opts.signal_at_rename = k;
        opts.signal = sig;
    } else if (argc != 5) {
        fprintf(stderr, "usage: write_driver SPEC DIR N BANNER_NAME "
                "[temp:K:SIG | rename:K:SIG]\n");
        return 2;
    }
    diag_init(&dl, argv[1]);
    if (spec_load(argv[1], &spec, &dl) != 0 ||
        outputs_plan(&spec, argv[4],
                     EMIT_HEADER | EMIT_SOURCE | EMIT_SINGLE | EMIT_DOCS,
                     &outs, &n) != 0) {
        fprintf(stderr, "write_driver: cannot load or build %s\n", argv[1]);
        goto done;
    }
    opts.fail_rename_at = atoi(argv[3]);
    w = write_outputs(argv[2], outs, n, &opts, &dl);
    if (w < 0 && dl.count > 0)
        fprintf(stderr, "write_driver: %s\n", dl.items[0].msg);
    rc = w < 0 ? 1 : 0;
done:
    outputs_free(outs, n);
    spec_free(&spec);
    diag_free(&dl);
    return rc;
}
