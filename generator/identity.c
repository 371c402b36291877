/* SPDX-License-Identifier: MIT */
/*
 * identity.c - the identity of a spec model (see emit.h).
 *
 * The identity is a hash of a canonical serialisation of the model, not of
 * the spec's bytes: comments, key order within a mapping, quoting and
 * layout do not count, so an edit that changes none of them leaves every
 * output as it was.  Every value is fed with a tag and its length, so no
 * two different models serialise alike by shifting bytes between fields.
 * The hash is SHA-256, so that two models with one identity cannot be
 * made on purpose either (a 64-bit hash could be: a header from one spec
 * and a source from another would then build together).
 */
#include "emit.h"
#include "sha256.h"

#include <string.h>

/* The serialisation's sink. */
struct id_hash {
    struct sha256 h;
};

static void id_bytes(struct id_hash *ih, const void *p, size_t n)
{
    sha256_update(&ih->h, p, n);
}

/* A number as 8 bytes, least significant first (the same on every host). */
static void id_num(struct id_hash *ih, char tag, unsigned long long v)
{
    unsigned char b[9];
    int i;

    b[0] = (unsigned char)tag;
    for (i = 0; i < 8; i++)
        b[i + 1] = (unsigned char)(v >> (8 * i));
    id_bytes(ih, b, sizeof b);
}

/* A text value: absent and empty differ. */
static void id_str(struct id_hash *ih, char tag, const struct sg_str *s)
{
    if (s->s == NULL) {
        id_num(ih, tag, 0);
        return;
    }
    id_num(ih, tag, 1 + (unsigned long long)strlen(s->s));
    id_bytes(ih, s->s, strlen(s->s));
}

static void id_strs(struct id_hash *ih, char tag, const struct sg_str *v,
                    size_t n)
{
    size_t i;

    id_num(ih, tag, n);
    for (i = 0; i < n; i++)
        id_str(ih, tag, &v[i]);
}

/* A language map (see model.h): one text per language, absent ones
 * included; an absent map differs from a map of absent texts. */
static void id_map(struct id_hash *ih, char tag, const struct sg_str *v,
                   size_t nl)
{
    size_t l;

    id_num(ih, tag, v ? 1 + (unsigned long long)nl : 0);
    for (l = 0; v && l < nl; l++)
        id_str(ih, tag, &v[l]);
}

/* A field's value: every member, as each type uses some of them. */
static void id_value(struct id_hash *ih, const struct field_value *v,
                     size_t nl)
{
    id_num(ih, 'i', (unsigned long long)v->num);
    id_str(ih, 'a', &v->str);
    id_map(ih, 'z', v->text, nl);
}

/*
 * EVERY FIELD OF THE MODEL THAT REACHES AN OUTPUT MUST BE HASHED HERE.
 * A field left out would let two different models share an identity, and
 * a generated .c would then compile against a header it does not match.
 * When the model grows a field (or an option changes the model before
 * emission), add it below with its own tag letter.  Positions are left
 * out on purpose: they reach no output.
 */
void spec_identity(const struct spec *spec, char id[SPEC_ID_HEX + 1])
{
    struct id_hash ih;
    unsigned char digest[SHA256_DIGEST];
    const struct spec_registry *reg = &spec->reg;
    size_t i, nl = reg->nlang;

    sha256_init(&ih.h);
    id_bytes(&ih, "statusgen " STATUSGEN_VERSION,
             strlen("statusgen " STATUSGEN_VERSION));
    id_num(&ih, 'V', (unsigned long long)spec->version);

    id_str(&ih, 'n', &reg->name);
    id_str(&ih, 'm', &reg->macro);
    id_map(&ih, 't', reg->title, nl);
    id_str(&ih, 'u', &reg->updated);
    id_num(&ih, 'r', (unsigned long long)reg->lo);
    id_num(&ih, 'R', (unsigned long long)reg->hi);
    id_strs(&ih, 'L', reg->languages, nl);
    /* What later versions added is fed only when a spec uses it, so that
     * the identity of a spec that does not stays what it was (each part
     * starts with a tag of its own: still one serialisation per model). */
    if (reg->no_phrases)
        id_num(&ih, 'Q', 1);

    id_num(&ih, 'C', spec->nclasses);
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        id_str(&ih, 'c', &c->name);
        id_num(&ih, 'l', (unsigned long long)c->lo);
        id_num(&ih, 'h', (unsigned long long)c->hi);
        id_map(&ih, 'T', c->title, nl);
        id_num(&ih, 'E', (unsigned long long)c->error);
    }

    id_num(&ih, 'B', spec->ntraits);
    for (i = 0; i < spec->ntraits; i++) {
        id_str(&ih, 'b', &spec->traits[i].name);
        id_map(&ih, 'd', spec->traits[i].doc, nl);
    }

    id_num(&ih, 'S', spec->nsources);
    for (i = 0; i < spec->nsources; i++) {
        const struct spec_source *s = &spec->sources[i];

        id_str(&ih, 's', &s->id);
        id_str(&ih, 'f', &s->file);
        id_str(&ih, 'g', &s->language);
        id_map(&ih, 'o', s->doc, nl);
    }

    /* Codes in spec order: the emitters sort them, but the order of equal
     * keys and of lists is the spec's. */
    id_num(&ih, 'K', spec->ncodes);
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[i];

        id_num(&ih, 'k', (unsigned long long)c->code);
        id_str(&ih, 'N', &c->name);
        id_str(&ih, 'P', &c->phrase);
        id_strs(&ih, 'p', c->former, c->nformer);
        id_num(&ih, 'Z', (unsigned long long)c->status);
        id_str(&ih, 'F', &c->reference);
        id_map(&ih, 'O', c->note, nl);
        id_strs(&ih, 'A', c->aliases, c->naliases);
        id_strs(&ih, 'X', c->traits, c->ntraits);
        id_map(&ih, 'D', c->desc, nl);
        id_strs(&ih, 'Y', c->sources, c->nsources);
    }

    /* Fields, and each code's value by its number (when there are any:
     * see 'Q' above). */
    if (spec->nfields)
        id_num(&ih, 'W', spec->nfields);
    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        size_t j;

        id_str(&ih, 'w', &f->name);
        id_num(&ih, 'y', (unsigned long long)f->type);
        id_strs(&ih, 'v', f->values, f->nvalues);
        id_map(&ih, 'x', f->doc, nl);
        id_num(&ih, 'q', (unsigned long long)f->required);
        id_num(&ih, 'j', (unsigned long long)f->has_default);
        if (f->has_default)
            id_value(&ih, &f->def, nl);
        id_num(&ih, 'J', f->nvals);
        for (j = 0; j < f->nvals; j++) {
            id_num(&ih, 'e',
                   (unsigned long long)spec->codes[f->vals[j].code].code);
            id_value(&ih, &f->vals[j], nl);
        }
    }
    sha256_final(&ih.h, digest);
    for (i = 0; i < SPEC_ID_HEX / 2; i++) {
        id[2 * i] = "0123456789abcdef"[digest[i] >> 4];
        id[2 * i + 1] = "0123456789abcdef"[digest[i] & 15];
    }
    id[SPEC_ID_HEX] = '\0';
}
