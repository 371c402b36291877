/*
 * fuzz_spec.c - one input through every in-memory stage: parse, build,
 * validate and, when the spec is valid, produce every output.
 *
 * Built two ways: with libFuzzer (clang -fsanitize=fuzzer), which supplies
 * main(), and with replay_main.c, which feeds saved files to the same entry
 * point so that any compiler can replay the corpus as a regression test.
 */
#include "model.h"
#include "node.h"
#include "pipeline.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag_list dl;
    struct node *root = NULL;
    struct spec spec;
    struct output *outs = NULL;
    size_t n = 0;
    int ok;

    if (size > SG_MAX_FILE_SIZE)
        return 0;
    diag_init(&dl, "fuzz.yaml");
    memset(&spec, 0, sizeof spec);
    spec.path = "fuzz.yaml";
    ok = spec_parse((const char *)data, size, &dl, &root) == 0;
    if (ok || root != NULL) {
        /* the same order as spec_load: build, then validate */
        int built = spec_build(root, &spec, &dl) == 0;
        int valid = spec_validate(&spec, &dl) == 0;

        /* every kind of the table: the other languages' emitters too */
        if (ok && built && valid &&
            outputs_plan(&spec, "fuzz.yaml", (1u << output_nkinds) - 1u,
                         &outs, &n) == 0) {
            struct sbuf text;
            size_t i;

            sbuf_init(&text);
            for (i = 0; i < n && output_collect(&outs[i], &text) == 0; i++)
                sbuf_reset(&text);
            sbuf_free(&text);
            outputs_free(outs, n);
        }
    }
    node_free(root);
    spec_free(&spec);
    diag_free(&dl);
    return 0;
}
