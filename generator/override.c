/* SPDX-License-Identifier: MIT */
/*
 * override.c - the command line's changes to a validated spec (--name,
 * --macro, --languages; see model.h).
 *
 * They are applied to the model, so that every emitter, the file names
 * and the identity follow without knowing about them.
 */
#include "model.h"

#include "alloc.h"
#include "sbuf.h"

#include <string.h>

static const struct sg_pos no_pos = {0, 0};

/* Replaces the text of *v with a copy of s in the spec's texts; returns
 * 0 or -1. */
static int replace_text(struct spec *spec, struct sg_str *v, const char *s)
{
    char *copy = sg_arena_strndup(&spec->texts, s, strlen(s));

    if (copy == NULL)
        return -1;
    v->s = copy;
    return 0;
}

/*
 * Parses the language list into sel (indices into the spec's languages,
 * at most SG_MAX_LANGUAGES); returns their number, 0 for "none", -1 with
 * errors in dl.
 */
static long parse_languages(const struct spec *spec, const char *list,
                            size_t *sel, struct diag_list *dl)
{
    const struct spec_registry *reg = &spec->reg;
    const char *p = list;
    size_t n = 0, i, l;
    int bad = 0;

    if (strcmp(list, "none") == 0)
        return 0;
    for (;;) {
        size_t len = strcspn(p, ",");

        for (l = 0; l < reg->nlang; l++)
            if (strlen(reg->languages[l].s) == len &&
                strncmp(reg->languages[l].s, p, len) == 0)
                break;
        if (l == reg->nlang) {
            struct sbuf names;

            sbuf_init(&names);
            for (i = 0; i < reg->nlang; i++)
                sbuf_printf(&names, "%s%s", i ? ", " : "",
                            reg->languages[i].s);
            diag_error(dl, no_pos, "--languages: '%.*s' is not a language "
                       "of the spec (it has %s; or give none)",
                       (int)(len > 40 ? 40 : len), p, sbuf_str(&names));
            if (sbuf_failed(&names))
                diag_oom(dl);
            sbuf_free(&names);
            bad = 1;
        } else {
            for (i = 0; i < n; i++)
                if (sel[i] == l)
                    break;
            if (i < n) {
                diag_error(dl, no_pos, "--languages names '%s' twice",
                           reg->languages[l].s);
                bad = 1;
            } else {
                sel[n++] = l;
            }
        }
        p += len;
        if (*p == '\0')
            break;
        p++;
    }
    return bad ? -1 : (long)n;
}

/*
 * Replaces the per-language texts *texts (the spec's nlang) with a new
 * array of the nsel selected ones; an absent first text takes the spec's first
 * language's, as the full spec would give.  nsel 0 keeps one absent text.
 * The new array still has nlang entries (the rest absent), so that the
 * spec can be freed whether or not every array has been replaced yet.
 * Returns 0 or -1 (then *texts is unchanged).
 */
static int select_texts(struct spec *spec, struct sg_str **texts,
                        size_t nlang, const size_t *sel, size_t nsel)
{
    struct sg_str *old = *texts, *nw;
    size_t i;

    if (old == NULL)
        return 0;
    nw = (struct sg_str *)sg_arena_calloc(&spec->texts, nlang * sizeof *nw);
    if (nw == NULL)
        return -1;
    for (i = 0; i < nsel; i++) {
        const struct sg_str *from = &old[sel[i]];

        if (i == 0 && from->s == NULL)
            from = &old[0];
        nw[i].pos = from->pos;
        nw[i].s = from->s;
    }
    *texts = nw; /* the old array stays in spec->texts, unused */
    return 0;
}

/* Keeps the selected languages of every language map (none: the first,
 * without descriptions). */
static int apply_languages(struct spec *spec, const size_t *sel, size_t nsel)
{
    static const size_t first = 0;
    const size_t *keep = nsel ? sel : &first;
    size_t nl = spec->reg.nlang, nkeep = nsel ? nsel : 1, i;

    if (select_texts(spec, &spec->reg.title, nl, keep, nkeep) != 0)
        return -1;
    for (i = 0; i < spec->nclasses; i++)
        if (select_texts(spec, &spec->classes[i].title, nl, keep, nkeep) != 0)
            return -1;
    for (i = 0; i < spec->ntraits; i++)
        if (select_texts(spec, &spec->traits[i].doc, nl, keep, nkeep) != 0)
            return -1;
    for (i = 0; i < spec->nsources; i++)
        if (select_texts(spec, &spec->sources[i].doc, nl, keep, nkeep) != 0)
            return -1;
    for (i = 0; i < spec->ncodes; i++)
        if (select_texts(spec, &spec->codes[i].note, nl, keep, nkeep) != 0 ||
            select_texts(spec, &spec->codes[i].desc, nl, sel, nsel) != 0)
            return -1;
    for (i = 0; i < spec->nfields; i++) {
        struct spec_field *f = &spec->fields[i];
        size_t j;

        /* a text field keeps its texts as notes do */
        if (select_texts(spec, &f->doc, nl, keep, nkeep) != 0 ||
            select_texts(spec, &f->def.text, nl, keep, nkeep) != 0)
            return -1;
        for (j = 0; j < f->nvals; j++)
            if (select_texts(spec, &f->vals[j].text, nl, keep, nkeep) != 0)
                return -1;
    }
    if (select_texts(spec, &spec->reg.languages, nl, keep, nkeep) != 0)
        return -1;
    spec->reg.nlang = nkeep;
    spec->reg.no_descriptions = nsel == 0;
    return 0;
}

int spec_override(struct spec *spec, const struct spec_overrides *ov,
                  struct diag_list *dl)
{
    size_t sel[SG_MAX_LANGUAGES];
    long nsel = -1;
    int bad = 0;

    if (ov->name && check_registry_name(dl, no_pos, "--name", ov->name))
        bad = 1;
    if (ov->macro && check_registry_macro(dl, no_pos, "--macro", ov->macro))
        bad = 1;
    if (ov->languages && (nsel = parse_languages(spec, ov->languages, sel,
                                                 dl)) < 0)
        bad = 1;
    if (bad)
        return -1;
    if ((ov->name && replace_text(spec, &spec->reg.name, ov->name) != 0) ||
        (ov->macro && replace_text(spec, &spec->reg.macro, ov->macro) != 0) ||
        (nsel >= 0 && apply_languages(spec, sel, (size_t)nsel) != 0)) {
        diag_oom(dl);
        return -1;
    }
    return 0;
}
