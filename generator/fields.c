/* SPDX-License-Identifier: MIT */
/*
 * fields.c - reading the model's declared fields and derived texts, for
 * the emitters (see model.h).
 */
#include "model.h"

#include <stddef.h>

const struct field_value *spec_field_own(const struct spec_field *f,
                                         size_t ci)
{
    size_t lo = 0, hi = f->nvals;

    /* f->vals is in code index order (schema.c, resolve_extras) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (f->vals[mid].code == ci)
            return &f->vals[mid];
        if (f->vals[mid].code < ci)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const struct field_value *spec_field_value(const struct spec_field *f,
                                           size_t ci)
{
    const struct field_value *v = spec_field_own(f, ci);

    if (v)
        return v;
    return f->has_default ? &f->def : NULL;
}

const char *spec_reason(const struct spec_code *c)
{
    if (c->phrase.s)
        return c->phrase.s;
    if (c->desc && c->desc[0].s)
        return c->desc[0].s;
    return c->name.s;
}
