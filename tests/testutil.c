/*
 * testutil.c - helpers shared by the unit tests (see testutil.h).
 */
#include "testutil.h"

#include "alloc.h"
#include "node.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int tu_load_text(const char *yaml, struct spec *spec, struct diag_list *dl)
{
    size_t len = strlen(yaml);
    char *data = (char *)sg_malloc(len + 1);

    diag_init(dl, "t.yaml");
    if (data == NULL) {
        memset(spec, 0, sizeof *spec);
        diag_oom(dl);
        return -1;
    }
    memcpy(data, yaml, len + 1);
    /* the production path, which takes and frees data */
    return spec_load_text("t.yaml", data, len, spec, dl);
}

void tu_diags(const struct diag_list *dl, struct sbuf *out)
{
    size_t i;

    for (i = 0; i < dl->count; i++) {
        diag_format(dl, i, out);
        sbuf_putc(out, '\n');
    }
}

int tu_read_file(const char *path, struct sbuf *out)
{
    FILE *f = fopen(path, "rb");
    char buf[4096];
    size_t n;

    if (f == NULL)
        return -1;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_putn(out, buf, n);
    fclose(f);
    return sbuf_failed(out) ? -1 : 0;
}

int tu_write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");

    if (f == NULL)
        return -1;
    if (fwrite(text, 1, len, f) != len) {
        fclose(f);
        return -1;
    }
    return fclose(f) == 0 ? 0 : -1;
}

const char *tu_temp_dir(const char *tag)
{
    static char path[256];
    const char *base = getenv("TMPDIR");

    snprintf(path, sizeof path, "%s/statusgen-%s-XXXXXX",
             base && *base ? base : "/tmp", tag);
    return mkdtemp(path);
}

void tu_produce_text(const void *arg, size_t which, struct sbuf *out)
{
    sbuf_puts(out, ((const char *const *)arg)[which]);
}

unsigned tu_seed(unsigned fallback)
{
    const char *env = getenv("STATUSGEN_SEED");
    unsigned seed = fallback;

    if (env != NULL && *env != '\0') {
        char *end;
        unsigned long v;

        errno = 0;
        v = strtoul(env, &end, 10);
        if (*env == '-' || *end != '\0' || errno != 0 || v > UINT_MAX) {
            fprintf(stderr, "STATUSGEN_SEED='%s' is not a seed (0 to %u)\n",
                    env, UINT_MAX);
            exit(2);
        }
        seed = (unsigned)v;
    }
    printf("seed: %u\n", seed);
    fflush(stdout);
    return seed;
}
