/* SPDX-License-Identifier: MIT */
/*
 * outputs.c - the table of output kinds, built from the rows of
 * outputs.def (see outputs.h).
 */
#include "outputs.h"

#include <string.h>

const struct output_kind output_kinds[] = {
#define OUTPUT(word, suffix, emitter, by_default, help)                  \
    {#word, suffix, emitter, NULL, by_default, help},
#define OUTPUT_PER_LANG(word, suffix, emitter, by_default, help)         \
    {#word, suffix, NULL, emitter, by_default, help},
#include "outputs.def"
#undef OUTPUT
#undef OUTPUT_PER_LANG
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
