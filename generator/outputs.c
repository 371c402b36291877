/* SPDX-License-Identifier: MIT */
/*
 * outputs.c - the table of output kinds (see outputs.h).
 */
#include "outputs.h"

#include <string.h>

const struct output_kind output_kinds[] = {
    {"header", ".h", emit_header, NULL, 1,
     "<name>.h: enums, trait bits, <MACRO>_LIST, prototypes"},
    {"source", ".c", emit_source, NULL, 1,
     "<name>.c: the lookup functions (needs header)"},
    {"single", "_single.h", emit_single, NULL, 0,
     "<name>_single.h: header and source in one file (stb style)"},
    {"json", ".json", emit_json, NULL, 0,
     "<name>.json: the whole model, for other programs"},
    {"docs", ".md", NULL, emit_docs, 1,
     "<name>.<lang>.md: Markdown docs, one per language"},
    {"python", ".py", emit_python, NULL, 0,
     "<name>.py: a Python module (enum.IntEnum, lookups)"},
    {"typescript", ".ts", emit_typescript, NULL, 0,
     "<name>.ts: a TypeScript module (const object, lookups)"},
    {"rust", ".rs", emit_rust, NULL, 0,
     "<name>.rs: a Rust module (edition 2021, Rust 1.63+)"},
    {"cxx", ".hpp", emit_cxx, NULL, 0,
     "<name>.hpp: a C++17 header beside the C one"},
};

const size_t output_nkinds = sizeof output_kinds / sizeof output_kinds[0];

unsigned output_kind_bit(const char *word)
{
    size_t i;

    for (i = 0; i < output_nkinds; i++)
        if (strcmp(output_kinds[i].word, word) == 0)
            return 1u << i;
    return 0;
}

unsigned output_default_kinds(void)
{
    unsigned kinds = 0;
    size_t i;

    for (i = 0; i < output_nkinds; i++)
        if (output_kinds[i].by_default)
            kinds |= 1u << i;
    return kinds;
}

unsigned emit_parse_kinds(const char *list)
{
    unsigned kinds = 0;
    const char *p = list;

    while (*p) {
        size_t len = strcspn(p, ","), i;

        for (i = 0; i < output_nkinds; i++)
            if (strlen(output_kinds[i].word) == len &&
                strncmp(output_kinds[i].word, p, len) == 0)
                break;
        if (i == output_nkinds)
            return 0;
        kinds |= 1u << i;
        p += len;
        if (*p == ',')
            p++;
    }
    return kinds;
}

void output_kind_words(struct sbuf *out)
{
    size_t i;

    for (i = 0; i < output_nkinds; i++) {
        if (i)
            sbuf_puts(out, ", ");
        sbuf_puts(out, output_kinds[i].word);
    }
}

void output_kind_help(struct sbuf *out)
{
    size_t i;
    int width = 0;

    for (i = 0; i < output_nkinds; i++)
        if ((int)strlen(output_kinds[i].word) > width)
            width = (int)strlen(output_kinds[i].word);
    for (i = 0; i < output_nkinds; i++)
        sbuf_printf(out, "  %-*s  %s\n", width,
                    output_kinds[i].word, output_kinds[i].help);
}
