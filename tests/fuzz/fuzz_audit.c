/*
 * fuzz_audit.c - one input as a registry export (CSV) through
 * audit_compare, against a small fixed spec whose codes overlap the
 * inputs the corpus and dictionary suggest.
 *
 * Built like fuzz_spec.c: with libFuzzer (FUZZ_TARGET=audit
 * tests/fuzz/run.sh), or with replay_main.c to replay saved inputs
 * under any compiler.
 */
#include "audit.h"
#include "node.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fixed_spec[] =
    "statusgen: 1\n"
    "registry: {name: fz, macro: FZ, range: [100, 599], languages: [en]}\n"
    "codes:\n"
    "  - {code: 100, name: CONTINUE, phrase: Continue, description: {en: c},"
    " reference: \"RFC 9110, Section 15.2.1\"}\n"
    "  - {code: 306, name: UNUSED, phrase: Unused, status: unused,"
    " registry_phrase: \"(Unused)\", description: {en: u}}\n"
    "  - {code: 404, name: NOT_FOUND, phrase: Not Found, description:"
    " {en: n}}\n"
    "  - {code: 418, name: TEAPOT, phrase: I'm a teapot, status: unofficial,"
    " description: {en: t}}\n";

static struct spec spec;
static int loaded;

static void free_spec(void)
{
    spec_free(&spec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag_list dl;
    struct sbuf report;

    if (!loaded) {
        struct node *root = NULL;

        diag_init(&dl, "fz.yaml");
        if (spec_parse(fixed_spec, strlen(fixed_spec), &dl, &root) != 0 ||
            spec_build(root, &spec, &dl) != 0 ||
            spec_validate(&spec, &dl) != 0)
            abort(); /* the fixed spec must be valid */
        node_free(root);
        diag_free(&dl);
        loaded = 1;
        atexit(free_spec);
    }
    if (size > SG_MAX_FILE_SIZE)
        return 0;
    diag_init(&dl, "fuzz.csv");
    sbuf_init(&report);
    audit_compare(&spec, (const char *)data, size, &report, &dl);
    sbuf_free(&report);
    diag_free(&dl);
    return 0;
}
