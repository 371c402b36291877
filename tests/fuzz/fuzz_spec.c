/*
 * fuzz_spec.c - one input through every in-memory stage: the generator's
 * load (parse, build, validate) and, when the spec is valid, every output.
 *
 * Built two ways: with libFuzzer (clang -fsanitize=fuzzer), which supplies
 * main(), and with replay_main.c, which feeds saved files to the same entry
 * point so that any compiler can replay the corpus as a regression test.
 */
#include "alloc.h"
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
    struct spec spec;
    struct output *outs = NULL;
    size_t n = 0;
    char *text;

    if (size > SG_MAX_FILE_SIZE)
        return 0;
    text = (char *)sg_malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    diag_init(&dl, "fuzz.yaml");
    /* the generator's own load path (it takes and frees text) */
    if (spec_load_text("fuzz.yaml", text, size, &spec, &dl) == 0 &&
        outputs_plan(&spec, "fuzz.yaml", (1u << output_nkinds) - 1u, &outs,
                     &n) == 0) {
        /* every kind of the table: the other languages' emitters too */
        struct sbuf out;
        size_t i;

        sbuf_init(&out);
        for (i = 0; i < n && output_collect(&outs[i], &out) == 0; i++)
            sbuf_reset(&out);
        sbuf_free(&out);
        outputs_free(outs, n);
    }
    spec_free(&spec);
    diag_free(&dl);
    return 0;
}
