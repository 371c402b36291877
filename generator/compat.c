/* SPDX-License-Identifier: MIT */
/*
 * compat.c - breaking changes between two versions of a spec (see
 * compat.h).
 *
 * Codes are matched by name first (a code renumbered, renamed with its
 * old name kept as an alias, or merged into another follows its name),
 * then by number (a code renamed).  Names, phrases and reserved entries
 * of both specs are put in sorted arrays, so that each lookup costs
 * O(log n) and the whole comparison O(n log n): see bench/compat.sh.
 */
#include "compat.h"

#include "alloc.h"
#include "node.h"
#include "sbuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

void compat_report_init(struct compat_report *r)
{
    memset(r, 0, sizeof *r);
}

void compat_report_free(struct compat_report *r)
{
    size_t i;

    for (i = 0; i < r->n; i++)
        sg_free(r->items[i].msg);
    sg_free(r->items);
    compat_report_init(r);
}

static void add(struct compat_report *r, enum diag_level level,
                enum compat_side side, struct sg_pos pos, const char *fmt,
                ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void add(struct compat_report *r, enum diag_level level,
                enum compat_side side, struct sg_pos pos, const char *fmt,
                ...)
{
    char tmp[512];
    va_list ap;
    char *msg;

    if (level == DIAG_ERROR)
        r->errors++;
    else if (level == DIAG_WARNING)
        r->warnings++;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    msg = sg_strdup(tmp);
    if (msg == NULL ||
        sg_grow((void **)&r->items, &r->cap, r->n + 1, sizeof *r->items) != 0) {
        sg_free(msg);
        r->oom = 1;
        return;
    }
    r->items[r->n].level = level;
    r->items[r->n].side = side;
    r->items[r->n].pos = pos;
    r->items[r->n].msg = msg;
    r->n++;
}

/* A name (or alias) and the code it names. */
struct named {
    const char *name;
    const struct spec_code *code;
    struct sg_pos pos;
    int alias;
};

/* A wire phrase (or former phrase) and the code from_reason() gives for
 * it. */
struct phrased {
    const char *phrase;
    const struct spec_code *code;
    struct sg_pos pos;
    int former;
};

/* One spec's lookups, each a sorted array: O(log n) a query. */
struct index {
    struct named *names;     /* every name and alias, by strcmp */
    size_t nnames;
    struct phrased *phrases; /* every phrase and former phrase, ignoring
                              * case as from_reason() does */
    size_t nphrases;
    long *reserved;          /* 'reserved', ascending */
    size_t nreserved;
    const char **reserved_names; /* 'reserved_names', by strcmp */
    size_t nreserved_names;
};

static int named_cmp(const void *a, const void *b)
{
    return strcmp(((const struct named *)a)->name,
                  ((const struct named *)b)->name);
}

/* strcmp ignoring ASCII case (wire phrases are ASCII). */
static int fold_cmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;

        if (x >= 'A' && x <= 'Z')
            x += 'a' - 'A';
        if (y >= 'A' && y <= 'Z')
            y += 'a' - 'A';
        if (x != y || x == 0)
            return x - y;
    }
}

static int phrased_cmp(const void *a, const void *b)
{
    return fold_cmp(((const struct phrased *)a)->phrase,
                    ((const struct phrased *)b)->phrase);
}

static int long_cmp(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;

    return x < y ? -1 : (x > y);
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void index_free(struct index *ix)
{
    sg_free(ix->names);
    sg_free(ix->phrases);
    sg_free(ix->reserved);
    sg_free(ix->reserved_names);
    memset(ix, 0, sizeof *ix);
}

/* Fills ix from a validated spec; returns 0, or -1 when memory ran out
 * (ix then holds what it could, for index_free). */
static int index_build(const struct spec *spec, struct index *ix)
{
    size_t i, j, nn = 0, np = 0;

    memset(ix, 0, sizeof *ix);
    for (i = 0; i < spec->ncodes; i++) {
        nn += 1 + spec->codes[i].naliases;
        np += 1 + spec->codes[i].nformer;
    }
    ix->names = (struct named *)sg_calloc(nn + 1, sizeof *ix->names);
    ix->phrases = (struct phrased *)sg_calloc(np + 1, sizeof *ix->phrases);
    ix->reserved = (long *)sg_calloc(spec->nreserved + 1, sizeof(long));
    ix->reserved_names = (const char **)sg_calloc(spec->nreserved_names + 1,
                                                  sizeof(const char *));
    if (ix->names == NULL || ix->phrases == NULL || ix->reserved == NULL ||
        ix->reserved_names == NULL)
        return -1;
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[i];
        struct named *v = ix->names;
        struct phrased *p = ix->phrases;

        v[ix->nnames].name = c->name.s;
        v[ix->nnames].code = c;
        v[ix->nnames].pos = c->name.pos;
        ix->nnames++;
        for (j = 0; j < c->naliases; j++) {
            v[ix->nnames].name = c->aliases[j].s;
            v[ix->nnames].code = c;
            v[ix->nnames].pos = c->aliases[j].pos;
            v[ix->nnames].alias = 1;
            ix->nnames++;
        }
        if (c->phrase.s) { /* none: phrases: false */
            p[ix->nphrases].phrase = c->phrase.s;
            p[ix->nphrases].code = c;
            p[ix->nphrases].pos = c->phrase.pos;
            ix->nphrases++;
        }
        for (j = 0; j < c->nformer; j++) {
            p[ix->nphrases].phrase = c->former[j].s;
            p[ix->nphrases].code = c;
            p[ix->nphrases].pos = c->former[j].pos;
            p[ix->nphrases].former = 1;
            ix->nphrases++;
        }
    }
    for (i = 0; i < spec->nreserved; i++)
        ix->reserved[i] = spec->reserved[i].v;
    ix->nreserved = spec->nreserved;
    for (i = 0; i < spec->nreserved_names; i++)
        ix->reserved_names[i] = spec->reserved_names[i].s;
    ix->nreserved_names = spec->nreserved_names;
    qsort(ix->names, ix->nnames, sizeof *ix->names, named_cmp);
    qsort(ix->phrases, ix->nphrases, sizeof *ix->phrases, phrased_cmp);
    qsort(ix->reserved, ix->nreserved, sizeof *ix->reserved, long_cmp);
    qsort(ix->reserved_names, ix->nreserved_names,
          sizeof *ix->reserved_names, str_cmp);
    return 0;
}

static const struct named *find_name(const struct index *ix,
                                     const char *name)
{
    struct named key;

    memset(&key, 0, sizeof key);
    key.name = name;
    return (const struct named *)bsearch(&key, ix->names, ix->nnames,
                                         sizeof key, named_cmp);
}

/* The code from_reason(phrase) gives, with the entry that holds it. */
static const struct phrased *find_phrase(const struct index *ix,
                                         const char *phrase)
{
    struct phrased key;

    memset(&key, 0, sizeof key);
    key.phrase = phrase;
    return (const struct phrased *)bsearch(&key, ix->phrases, ix->nphrases,
                                           sizeof key, phrased_cmp);
}

static int is_reserved(const struct index *ix, long code)
{
    return bsearch(&code, ix->reserved, ix->nreserved, sizeof code,
                   long_cmp) != NULL;
}

static int is_reserved_name(const struct index *ix, const char *name)
{
    return bsearch(&name, ix->reserved_names, ix->nreserved_names,
                   sizeof name, str_cmp) != NULL;
}

/* The code numbered code in spec (validated: spec->order ascending). */
static const struct spec_code *find_code(const struct spec *spec, long code)
{
    size_t lo = 0, hi = spec->ncodes;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct spec_code *c = &spec->codes[spec->order[mid]];

        if (c->code == code)
            return c;
        if (c->code < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static const struct sg_pos nopos = {0, 0};

/* The registry's identity: name and macro make every identifier. */
static void compare_registry(const struct spec *o, const struct spec *n,
                             struct compat_report *r)
{
    if (strcmp(o->reg.name.s, n->reg.name.s) != 0) {
        add(r, DIAG_ERROR, COMPAT_NEW, n->reg.name.pos, "registry name "
            "changed from '%s' to '%s': every function and file is renamed",
            o->reg.name.s, n->reg.name.s);
        add(r, DIAG_NOTE, COMPAT_OLD, o->reg.name.pos, "it was '%s' here",
            o->reg.name.s);
    }
    if (strcmp(o->reg.macro.s, n->reg.macro.s) != 0) {
        add(r, DIAG_ERROR, COMPAT_NEW, n->reg.macro.pos, "registry macro "
            "changed from '%s' to '%s': every constant is renamed",
            o->reg.macro.s, n->reg.macro.s);
        add(r, DIAG_NOTE, COMPAT_OLD, o->reg.macro.pos, "it was '%s' here",
            o->reg.macro.s);
    }
}

/* The index of language lang in spec's languages, or -1. */
static long find_language(const struct spec *spec, const char *lang)
{
    size_t k;

    for (k = 0; k < spec->reg.nlang; k++)
        if (strcmp(spec->reg.languages[k].s, lang) == 0)
            return (long)k;
    return -1;
}

/*
 * The description languages: the first is the fallback description()
 * answers in for NULL and for a language it lacks, so another first
 * language changes its answers (a warning: the texts are for people); a
 * language removed loses every description in it (one warning for all).
 */
static void compare_languages(const struct spec *o, const struct spec *n,
                              struct compat_report *r)
{
    size_t l;

    if (o->reg.nlang == 0 || n->reg.nlang == 0)
        return;
    if (strcmp(o->reg.languages[0].s, n->reg.languages[0].s) != 0) {
        add(r, DIAG_WARNING, COMPAT_NEW, n->reg.languages[0].pos, "the "
            "fallback language changed from '%s' to '%s': description() "
            "now answers in '%s' for NULL and for a language it lacks",
            o->reg.languages[0].s, n->reg.languages[0].s,
            n->reg.languages[0].s);
        add(r, DIAG_NOTE, COMPAT_OLD, o->reg.languages[0].pos, "the old "
            "first language");
    }
    for (l = 0; l < o->reg.nlang; l++) {
        const char *lang = o->reg.languages[l].s;

        if (find_language(n, lang) >= 0)
            continue;
        add(r, DIAG_WARNING, COMPAT_NEW, n->reg.languages[0].pos, "language "
            "'%s' was removed: description(code, \"%s\") now answers in "
            "'%s'", lang, lang, n->reg.languages[0].s);
        add(r, DIAG_NOTE, COMPAT_OLD, o->reg.languages[l].pos, "language "
            "'%s' was listed here", lang);
    }
}

/* Whether spec marks any class as an error class. */
static int has_error_class(const struct spec *spec)
{
    size_t i;

    for (i = 0; i < spec->nclasses; i++)
        if (spec->classes[i].error)
            return 1;
    return 0;
}

/*
 * Classes keep their enum value (index), range and error flag; traits
 * their bit.  tmap[i] is set to the new bit of old trait i, or -1 when it
 * is gone.
 */
static void compare_classes_traits(const struct spec *o, const struct spec *n,
                                   int *tmap, struct compat_report *r)
{
    int old_errors = has_error_class(o);
    size_t i, j;

    for (i = 0; i < o->nclasses; i++) {
        const struct spec_class *oc = &o->classes[i];

        for (j = 0; j < n->nclasses; j++)
            if (strcmp(n->classes[j].name.s, oc->name.s) == 0)
                break;
        if (j == n->nclasses) {
            add(r, DIAG_ERROR, COMPAT_NEW, nopos, "class %s was removed "
                "(class_of() and the class enum change)", oc->name.s);
            add(r, DIAG_NOTE, COMPAT_OLD, oc->pos, "class %s was defined "
                "here", oc->name.s);
            continue;
        }
        if (j != i) {
            add(r, DIAG_ERROR, COMPAT_NEW, n->classes[j].pos, "class %s "
                "moved from position %lu to %lu: its enum value changes",
                oc->name.s, (unsigned long)i + 1, (unsigned long)j + 1);
            add(r, DIAG_NOTE, COMPAT_OLD, oc->pos, "class %s was here",
                oc->name.s);
        }
        if (n->classes[j].lo != oc->lo || n->classes[j].hi != oc->hi) {
            add(r, DIAG_ERROR, COMPAT_NEW, n->classes[j].range_pos,
                "class %s range changed from [%ld, %ld] to [%ld, %ld]: "
                "class_of() answers differently", oc->name.s, oc->lo, oc->hi,
                n->classes[j].lo, n->classes[j].hi);
            add(r, DIAG_NOTE, COMPAT_OLD, oc->range_pos, "the old range");
        }
        /* is_error() answers for every code of the class.  When OLD marks
         * no class, is_error() was 0 for every code and nothing could
         * rely on it: the first marks are a warning. */
        if (!n->classes[j].error != !oc->error) {
            add(r, old_errors ? DIAG_ERROR : DIAG_WARNING, COMPAT_NEW,
                n->classes[j].pos, "class %s %s an error class: is_error() "
                "is now %s for its codes%s", oc->name.s,
                n->classes[j].error ? "became" : "is no longer",
                n->classes[j].error ? "true" : "false",
                old_errors ? "" : " (the old spec marks no class as an "
                                  "error, so is_error() was always false)");
            add(r, DIAG_NOTE, COMPAT_OLD, oc->pos, "class %s was %san "
                "error class here", oc->name.s, oc->error ? "" : "not ");
        }
    }
    for (i = 0; i < o->ntraits; i++) {
        const struct spec_trait *ot = &o->traits[i];

        for (j = 0; j < n->ntraits; j++)
            if (strcmp(n->traits[j].name.s, ot->name.s) == 0)
                break;
        tmap[i] = j < n->ntraits ? (int)j : -1;
        if (j == n->ntraits) {
            add(r, DIAG_ERROR, COMPAT_NEW, nopos, "trait %s was removed "
                "(bit %lu of traits())", ot->name.s, (unsigned long)i);
            add(r, DIAG_NOTE, COMPAT_OLD, ot->pos, "trait %s was defined "
                "here", ot->name.s);
        } else if (j != i) {
            add(r, DIAG_ERROR, COMPAT_NEW, n->traits[j].pos, "trait %s "
                "moved from bit %lu to bit %lu: traits() changes",
                ot->name.s, (unsigned long)i, (unsigned long)j);
            add(r, DIAG_NOTE, COMPAT_OLD, ot->pos, "trait %s was here",
                ot->name.s);
        }
    }
}

/* Where code c lists trait name, or c's entry when it does not. */
static struct sg_pos trait_pos(const struct spec_code *c, const char *name)
{
    size_t k;

    for (k = 0; k < c->ntraits; k++)
        if (strcmp(c->traits[k].s, name) == 0)
            return c->traits[k].pos;
    return c->pos;
}

/*
 * A code's traits, by name (tmap: old bit -> new bit, -1 gone, which
 * compare_classes_traits reported).  A trait taken from a code breaks
 * what relied on it (skipping a body, retrying); one given to a code is
 * a warning.
 */
static void compare_code_traits(const struct spec *o,
                                const struct spec_code *oc,
                                const struct spec *n,
                                const struct spec_code *nc, const int *tmap,
                                struct compat_report *r)
{
    size_t i, j;

    for (i = 0; i < o->ntraits && i < SG_MAX_TRAITS; i++) {
        const char *t = o->traits[i].name.s;

        if (!(oc->trait_bits & (1u << i)) || tmap[i] < 0 ||
            (nc->trait_bits & (1u << tmap[i])))
            continue;
        add(r, DIAG_ERROR, COMPAT_NEW, nc->pos, "code %ld lost trait %s: "
            "traits(%ld) no longer has %s_TRAIT_%s", nc->code, t, nc->code,
            n->reg.macro.s, t);
        add(r, DIAG_NOTE, COMPAT_OLD, trait_pos(oc, t), "code %ld had it "
            "here", oc->code);
    }
    for (j = 0; j < n->ntraits && j < SG_MAX_TRAITS; j++) {
        const char *t = n->traits[j].name.s;

        if (!(nc->trait_bits & (1u << j)))
            continue;
        for (i = 0; i < o->ntraits; i++)
            if (tmap[i] == (int)j)
                break;
        if (i == o->ntraits || (oc->trait_bits & (1u << i)))
            continue; /* a new trait, or one the code had */
        add(r, DIAG_WARNING, COMPAT_NEW, trait_pos(nc, t), "code %ld gained "
            "trait %s: traits(%ld) now has %s_TRAIT_%s", nc->code, t,
            nc->code, n->reg.macro.s, t);
        add(r, DIAG_NOTE, COMPAT_OLD, oc->pos, "code %ld without it",
            oc->code);
    }
}

/*
 * The old code's phrase and former phrases: from_reason() must still give
 * its number for each (or follow the code, when it moved: that is
 * reported).  Another number is breaking (a client parsing the phrase
 * gets another code); none is a warning (keep the phrase in
 * former_phrases), and so is reason(code) in another case.  nc is the
 * code in NEW, x the code NEW numbers like it (NULL when none).
 */
static void compare_phrases(const struct spec_code *oc,
                            const struct spec_code *nc,
                            const struct spec_code *x,
                            const struct index *nix, struct compat_report *r)
{
    struct sg_pos at = x ? x->phrase.pos : nc->phrase.pos;
    size_t j;

    for (j = 0; j <= oc->nformer; j++) {
        const struct sg_str *s = j == 0 ? &oc->phrase : &oc->former[j - 1];
        const struct phrased *z = find_phrase(nix, s->s);

        if (z && z->code->code == oc->code) {
            if (j > 0 || z->former || strcmp(s->s, z->phrase) == 0)
                continue;
            add(r, DIAG_WARNING, COMPAT_NEW, z->pos, "phrase of %ld changed "
                "from \"%s\" to \"%s\" (in case only: from_reason() still "
                "finds it, reason() answers differently)", oc->code, s->s,
                z->phrase);
        } else if (z && z->code == nc) {
            continue; /* it moved with its code */
        } else if (z) {
            add(r, DIAG_ERROR, COMPAT_NEW, z->pos, "%sphrase \"%s\" of %ld "
                "now belongs to %ld %s: from_reason() answers %ld",
                j ? "former " : "", s->s, oc->code, z->code->code,
                z->code->name.s, z->code->code);
        } else if (j == 0 && x) {
            add(r, DIAG_WARNING, COMPAT_NEW, at, "phrase of %ld changed from "
                "\"%s\" to \"%s\" (keep the old one in former_phrases: for "
                "from_reason())", oc->code, s->s, x->phrase.s);
        } else {
            add(r, DIAG_WARNING, COMPAT_NEW, at, "%sphrase \"%s\" of %ld was "
                "dropped: from_reason() no longer finds it (keep it in "
                "former_phrases:)", j ? "former " : "", s->s, oc->code);
        }
        add(r, DIAG_NOTE, COMPAT_OLD, s->pos, "the old %sphrase",
            j ? "former " : "");
    }
}

/* Warnings for one code present in both: status and descriptions (a
 * language NEW lacks was reported once, by compare_languages). */
static void compare_texts(const struct spec *o, const struct spec_code *oc,
                          const struct spec *n, const struct spec_code *nc,
                          struct compat_report *r)
{
    size_t l;

    if (oc->status != nc->status) {
        add(r, DIAG_WARNING, COMPAT_NEW,
            nc->status_pos.line ? nc->status_pos : nc->pos,
            "status of %ld changed from %s to %s", nc->code,
            status_keyword(oc->status), status_keyword(nc->status));
        add(r, DIAG_NOTE, COMPAT_OLD,
            oc->status_pos.line ? oc->status_pos : oc->pos, "the old status");
    }
    for (l = 0; oc->desc && l < o->reg.nlang; l++) {
        const char *lang = o->reg.languages[l].s;
        long k;

        if (oc->desc[l].s == NULL || (k = find_language(n, lang)) < 0)
            continue;
        if (nc->desc == NULL || nc->desc[k].s == NULL) {
            add(r, DIAG_WARNING, COMPAT_NEW, nc->pos, "code %ld lost its "
                "description in '%s'", nc->code, lang);
            add(r, DIAG_NOTE, COMPAT_OLD, oc->desc[l].pos, "the old "
                "description");
        }
    }
}

/* How an old code was found in NEW (see match_codes). */
enum match { MATCH_NONE, MATCH_NAME, MATCH_NUMBER };

/* The state of one comparison. */
struct comparison {
    const struct spec *o, *n;
    struct index oix, nix;
    const struct spec_code **ident; /* per old code: its NEW code or NULL */
    unsigned char *how;             /* per old code: enum match */
    size_t *claims;                 /* per NEW code: old codes matched */
    int tmap[SG_MAX_TRAITS];        /* old trait bit -> new bit, -1 */
    struct compat_report *r;
};

/*
 * Finds each old code in NEW: first by its name (which NEW may hold as a
 * name or as an alias: a code renumbered, renamed with its old name kept
 * as an alias, or merged into another), then, for the rest, by its number
 * when no old code took that NEW code by name (a code renamed).  An old
 * code found neither way was removed.
 */
static void match_codes(struct comparison *k)
{
    const struct spec *o = k->o, *n = k->n;
    size_t i;

    for (i = 0; i < o->ncodes; i++) {
        const struct named *y = find_name(&k->nix, o->codes[i].name.s);

        if (y) {
            k->ident[i] = y->code;
            k->how[i] = MATCH_NAME;
            k->claims[y->code - n->codes]++;
        }
    }
    for (i = 0; i < o->ncodes; i++) {
        const struct spec_code *x;

        if (k->ident[i] || (x = find_code(n, o->codes[i].code)) == NULL ||
            k->claims[x - n->codes] != 0)
            continue;
        k->ident[i] = x;
        k->how[i] = MATCH_NUMBER;
        k->claims[x - n->codes]++;
    }
}

/* --- fields (and phrases: false) ------------------------------------ */

/* A field value in a message: the number, true/false, the string, the
 * enum value's name, a text's first language; "none". */
static void field_value_words(const struct spec_field *f,
                              const struct field_value *v, char *buf,
                              size_t size)
{
    if (v == NULL) {
        snprintf(buf, size, "none");
        return;
    }
    switch (f->type) {
    case FIELD_INT:
        snprintf(buf, size, "%ld", v->num);
        return;
    case FIELD_BOOL:
        snprintf(buf, size, "%s", v->num ? "true" : "false");
        return;
    case FIELD_ENUM:
        snprintf(buf, size, "%s", f->values[v->num].s);
        return;
    case FIELD_STRING:
        snprintf(buf, size, "\"%.60s\"", v->str.s ? v->str.s : "");
        return;
    case FIELD_TEXT:
        snprintf(buf, size, "\"%.60s\"",
                 v->text && v->text[0].s ? v->text[0].s : "");
        return;
    case FIELD_TYPE_COUNT_:
        break;
    }
    snprintf(buf, size, "?");
}

/* Whether two values of a field of one type differ (a text: in any of
 * the old spec's languages). */
static int field_values_differ(const struct spec *o,
                               const struct spec_field *of,
                               const struct field_value *a,
                               const struct spec *n,
                               const struct spec_field *nf,
                               const struct field_value *b)
{
    size_t l, k;

    if (a == NULL || b == NULL)
        return a != b;
    switch (of->type) {
    case FIELD_INT:
    case FIELD_BOOL:
        return a->num != b->num;
    case FIELD_ENUM:
        return strcmp(of->values[a->num].s, nf->values[b->num].s) != 0;
    case FIELD_STRING:
        return strcmp(a->str.s, b->str.s) != 0;
    case FIELD_TEXT:
        for (l = 0; l < o->reg.nlang; l++) {
            const char *x = spec_text(a->text, l), *y = NULL;

            for (k = 0; k < n->reg.nlang; k++)
                if (strcmp(n->reg.languages[k].s, o->reg.languages[l].s) == 0)
                    y = spec_text(b->text, k);
            if (x && (y == NULL || strcmp(x, y) != 0))
                return 1;
        }
        return 0;
    case FIELD_TYPE_COUNT_:
        break;
    }
    return 0;
}

/* An enum field's constants: each old value keeps its name and number;
 * _NONE stays while the field has no default. */
static void compare_enum_values(const struct spec *o,
                                const struct spec_field *of,
                                const struct spec_field *nf,
                                struct compat_report *r)
{
    size_t i, j;

    for (i = 0; i < of->nvalues; i++) {
        for (j = 0; j < nf->nvalues; j++)
            if (strcmp(of->values[i].s, nf->values[j].s) == 0)
                break;
        if (j == nf->nvalues) {
            add(r, DIAG_ERROR, COMPAT_NEW, nf->values_pos, "value %s of "
                "field %s was removed: %s_%s_%s is gone", of->values[i].s,
                of->name.s, o->reg.macro.s, of->name.s, of->values[i].s);
            add(r, DIAG_NOTE, COMPAT_OLD, of->values[i].pos, "it was here");
        } else if (j != i) {
            add(r, DIAG_ERROR, COMPAT_NEW, nf->values[j].pos, "value %s of "
                "field %s moved from %lu to %lu: its constant's number "
                "changes", of->values[i].s, of->name.s, (unsigned long)i,
                (unsigned long)j);
            add(r, DIAG_NOTE, COMPAT_OLD, of->values[i].pos, "it was here");
        }
    }
    if (!of->has_default && nf->has_default) {
        add(r, DIAG_ERROR, COMPAT_NEW, nf->def.pos, "field %s now has a "
            "default, so the constant for no value (<MACRO>_<FIELD>_NONE) "
            "is gone", of->name.s);
        add(r, DIAG_NOTE, COMPAT_OLD, of->pos, "declared here without one");
    }
}

/*
 * The declared fields: a field removed, or of another type, breaks its
 * accessor <name>_<field>(), and an enum value removed or renumbered its
 * constant; a value that changed (a code's, or the default) is a warning
 * (breaking under --strict).  A registry that drops its wire phrases
 * (phrases: false) loses <name>_from_reason().
 */
static void compare_fields(const struct spec *o, const struct spec *n,
                           struct compat_report *r)
{
    size_t i, j;
    char was[128], now[128];

    if (!o->reg.no_phrases && n->reg.no_phrases) {
        add(r, DIAG_ERROR, COMPAT_NEW, n->reg.phrases_pos, "registry.phrases "
            "is now false: %s_from_reason() is gone", n->reg.name.s);
        add(r, DIAG_NOTE, COMPAT_OLD, o->reg.pos, "the registry had wire "
            "phrases");
    }
    for (i = 0; i < o->nfields; i++) {
        const struct spec_field *of = &o->fields[i], *nf = NULL;

        for (j = 0; j < n->nfields && nf == NULL; j++)
            if (strcmp(n->fields[j].name.s, of->name.s) == 0)
                nf = &n->fields[j];
        if (nf == NULL) {
            add(r, DIAG_ERROR, COMPAT_NEW, nopos, "field %s was removed: "
                "%s_%s() is gone", of->name.s, o->reg.name.s, of->name.s);
            add(r, DIAG_NOTE, COMPAT_OLD, of->pos, "field %s was declared "
                "here", of->name.s);
            continue;
        }
        if (nf->type != of->type) {
            add(r, DIAG_ERROR, COMPAT_NEW, nf->type_pos, "field %s changed "
                "type from %s to %s: %s_%s() changes", of->name.s,
                field_type_keyword(of->type), field_type_keyword(nf->type),
                n->reg.name.s, of->name.s);
            add(r, DIAG_NOTE, COMPAT_OLD, of->type_pos, "the old type");
            continue;
        }
        if (of->type == FIELD_ENUM)
            compare_enum_values(o, of, nf, r);
        if (field_values_differ(o, of, of->has_default ? &of->def : NULL, n,
                                nf, nf->has_default ? &nf->def : NULL)) {
            field_value_words(of, of->has_default ? &of->def : NULL, was,
                              sizeof was);
            field_value_words(nf, nf->has_default ? &nf->def : NULL, now,
                              sizeof now);
            add(r, DIAG_WARNING, COMPAT_NEW,
                nf->has_default ? nf->def.pos : nf->pos, "default of field "
                "%s changed from %s to %s (every code without a value, and "
                "every unknown code)", of->name.s, was, now);
            add(r, DIAG_NOTE, COMPAT_OLD,
                of->has_default ? of->def.pos : of->pos, "the old default");
        }
        for (j = 0; j < o->ncodes; j++) {
            const struct spec_code *oc = &o->codes[o->order[j]];
            const struct spec_code *nc = find_code(n, oc->code);
            const struct field_value *ov, *nv;

            if (nc == NULL)
                continue; /* a code removed: reported above */
            ov = spec_field_value(of, o->order[j]);
            nv = spec_field_value(nf, (size_t)(nc - n->codes));
            if (!field_values_differ(o, of, ov, n, nf, nv))
                continue;
            field_value_words(of, ov, was, sizeof was);
            field_value_words(nf, nv, now, sizeof now);
            add(r, DIAG_WARNING, COMPAT_NEW,
                nv && spec_field_own(nf, (size_t)(nc - n->codes)) ? nv->pos
                                                                  : nc->pos,
                "field %s of %ld changed from %s to %s", of->name.s,
                oc->code, was, now);
            add(r, DIAG_NOTE, COMPAT_OLD,
                ov && spec_field_own(of, o->order[j]) ? ov->pos : oc->pos,
                "the old value");
        }
    }
}

/* An old code with no counterpart in NEW, and its names. */
static void report_removed(struct comparison *k, const struct spec_code *oc)
{
    const struct spec_code *x = find_code(k->n, oc->code);
    struct compat_report *r = k->r;
    size_t j;

    if (x) {
        /* Its number went to a code that another old code's name took. */
        const struct named *was = find_name(&k->oix, x->name.s);

        if (was && was->code->code != x->code)
            add(r, DIAG_ERROR, COMPAT_NEW, x->code_pos, "code %ld %s was "
                "removed, and %ld is now %s (moved from %ld)", oc->code,
                oc->name.s, x->code, x->name.s, was->code->code);
        else
            add(r, DIAG_ERROR, COMPAT_NEW, x->code_pos, "code %ld %s was "
                "removed, and %ld is now %s", oc->code, oc->name.s, x->code,
                x->name.s);
        add(r, DIAG_NOTE, COMPAT_OLD, oc->code_pos, "code %ld was defined "
            "here", oc->code);
    } else if (!is_reserved(&k->nix, oc->code)) {
        add(r, DIAG_ERROR, COMPAT_NEW, nopos, "code %ld %s was removed; "
            "list it in reserved: to retire it", oc->code, oc->name.s);
        add(r, DIAG_NOTE, COMPAT_OLD, oc->code_pos, "code %ld was defined "
            "here", oc->code);
    }
    for (j = 0; j <= oc->naliases; j++) {
        const struct sg_str *nm = j == 0 ? &oc->name : &oc->aliases[j - 1];
        const char *what = j == 0 ? "name" : "alias";
        const struct named *y = find_name(&k->nix, nm->s);

        if (y) { /* only an alias: a name would have matched */
            add(r, DIAG_ERROR, COMPAT_NEW, y->pos, "%s %s of %ld now names "
                "%ld, not %ld", what, nm->s, oc->code, y->code->code,
                oc->code);
        } else if (!is_reserved_name(&k->nix, nm->s)) {
            add(r, DIAG_ERROR, COMPAT_NEW, nopos, "%s %s of %ld is gone with "
                "its code; list it in reserved_names to retire it", what,
                nm->s, oc->code);
        } else {
            continue;
        }
        add(r, DIAG_NOTE, COMPAT_OLD, nm->pos, "%s %s of %ld here", what,
            nm->s, oc->code);
    }
}

/* An old code and its counterpart nc in NEW: its number and names; then
 * what the lookups by number answer for its number. */
static void compare_code(struct comparison *k, size_t i)
{
    const struct spec_code *oc = &k->o->codes[i], *nc = k->ident[i], *x;
    const char *m = k->n->reg.macro.s;
    struct compat_report *r = k->r;
    size_t j;

    if (k->how[i] == MATCH_NUMBER) {
        add(r, DIAG_ERROR, COMPAT_NEW, nc->name.pos, "code %ld renamed %s -> "
            "%s, and %s is gone; keep it in %s's aliases", nc->code,
            oc->name.s, nc->name.s, oc->name.s, nc->name.s);
        add(r, DIAG_NOTE, COMPAT_OLD, oc->name.pos, "name %s of %ld here",
            oc->name.s, oc->code);
    } else if (nc->code != oc->code && k->claims[nc - k->n->codes] > 1) {
        const struct named *y = find_name(&k->nix, oc->name.s);

        add(r, DIAG_ERROR, COMPAT_NEW, y->pos, "code %ld %s was merged into "
            "%ld %s: %s_%s and from_name(\"%s\") now give %ld, not %ld",
            oc->code, oc->name.s, nc->code, nc->name.s, m, oc->name.s,
            oc->name.s, nc->code, oc->code);
        add(r, DIAG_NOTE, COMPAT_OLD, oc->code_pos, "code %ld %s here",
            oc->code, oc->name.s);
    } else if (nc->code != oc->code) {
        add(r, DIAG_ERROR, COMPAT_NEW, nc->code_pos, "%s moved %ld -> %ld: "
            "%s_%s and from_name() now give %ld, not %ld", oc->name.s,
            oc->code, nc->code, m, oc->name.s, nc->code, oc->code);
        add(r, DIAG_NOTE, COMPAT_OLD, oc->code_pos, "code %ld %s here",
            oc->code, oc->name.s);
    } else if (strcmp(nc->name.s, oc->name.s) != 0) {
        add(r, DIAG_WARNING, COMPAT_NEW, nc->name.pos, "code %ld renamed %s "
            "-> %s; %s stays as an alias (deprecated: from_name() still "
            "finds it, name(%ld) now gives \"%s\")", nc->code, oc->name.s,
            nc->name.s, oc->name.s, nc->code, nc->name.s);
        add(r, DIAG_NOTE, COMPAT_OLD, oc->name.pos, "code %ld was named %s "
            "here", oc->code, oc->name.s);
    }
    for (j = 0; j < oc->naliases; j++) {
        const struct sg_str *a = &oc->aliases[j];
        const struct named *y = find_name(&k->nix, a->s);

        if (y && y->code == nc)
            continue;
        if (y)
            add(r, DIAG_ERROR, COMPAT_NEW, y->pos, "alias %s of %ld now "
                "names %ld%s", a->s, oc->code, y->code->code,
                y->alias ? "" : " (a code of its own)");
        else
            add(r, DIAG_ERROR, COMPAT_NEW, nc->name.pos, "alias %s of %ld is "
                "gone; keep it in %s's aliases", a->s, oc->code, nc->name.s);
        add(r, DIAG_NOTE, COMPAT_OLD, a->pos, "alias %s of %ld here", a->s,
            oc->code);
    }
    /* The lookups by number answer for the code NEW numbers like it. */
    x = nc->code == oc->code ? nc : find_code(k->n, oc->code);
    /* Without wire phrases on either side there is no from_reason() to
     * compare (losing it is reported by compare_fields). */
    if (!k->o->reg.no_phrases && !k->n->reg.no_phrases)
        compare_phrases(oc, nc, x, &k->nix, r);
    if (x) {
        compare_texts(k->o, oc, k->n, x, r);
        compare_code_traits(k->o, oc, k->n, x, k->tmap, r);
    }
}

/* Retired codes and names stay retired. */
static void compare_reserved(struct comparison *k)
{
    const struct spec *o = k->o, *n = k->n;
    struct compat_report *r = k->r;
    size_t i;

    for (i = 0; i < o->nreserved; i++) {
        const struct sg_num *rv = &o->reserved[i];
        const struct spec_code *nc = find_code(n, rv->v);

        if (nc) {
            add(r, DIAG_ERROR, COMPAT_NEW, nc->code_pos, "code %ld was "
                "reserved and is used again (as %s)", rv->v, nc->name.s);
            add(r, DIAG_NOTE, COMPAT_OLD, rv->pos, "reserved here");
        } else if (!is_reserved(&k->nix, rv->v)) {
            add(r, DIAG_ERROR, COMPAT_NEW, nopos, "code %ld is no longer "
                "reserved", rv->v);
            add(r, DIAG_NOTE, COMPAT_OLD, rv->pos, "reserved here");
        }
    }
    for (i = 0; i < o->nreserved_names; i++) {
        const struct sg_str *rn = &o->reserved_names[i];
        const struct named *y = find_name(&k->nix, rn->s);

        if (y) {
            add(r, DIAG_ERROR, COMPAT_NEW, y->pos, "name %s was reserved and "
                "is used again (for %ld)", rn->s, y->code->code);
            add(r, DIAG_NOTE, COMPAT_OLD, rn->pos, "reserved here");
        } else if (!is_reserved_name(&k->nix, rn->s)) {
            add(r, DIAG_ERROR, COMPAT_NEW, nopos, "name %s is no longer "
                "reserved", rn->s);
            add(r, DIAG_NOTE, COMPAT_OLD, rn->pos, "reserved here");
        }
    }
}

int compat_compare(const struct spec *o, const struct spec *n,
                   struct compat_report *r)
{
    struct comparison k;
    size_t i;

    memset(&k, 0, sizeof k);
    k.o = o;
    k.n = n;
    k.r = r;
    compare_registry(o, n, r);
    compare_languages(o, n, r);
    compare_classes_traits(o, n, k.tmap, r);
    compare_fields(o, n, r);
    k.ident = (const struct spec_code **)sg_calloc(o->ncodes + 1,
                                                   sizeof *k.ident);
    k.how = (unsigned char *)sg_calloc(o->ncodes + 1, 1);
    k.claims = (size_t *)sg_calloc(n->ncodes + 1, sizeof *k.claims);
    if (k.ident == NULL || k.how == NULL || k.claims == NULL ||
        index_build(o, &k.oix) != 0 || index_build(n, &k.nix) != 0) {
        r->oom = 1;
        goto done;
    }
    match_codes(&k);
    for (i = 0; i < o->ncodes; i++) {
        size_t c = o->order[i];

        if (k.ident[c])
            compare_code(&k, c);
        else
            report_removed(&k, &o->codes[c]);
    }
    compare_reserved(&k);
done:
    index_free(&k.oix);
    index_free(&k.nix);
    sg_free(k.ident);
    sg_free(k.how);
    sg_free(k.claims);
    return r->oom ? -1 : 0;
}

int compat_read_git(const char *rev_path, char **data, size_t *len,
                    struct diag_list *dl)
{
    static const struct sg_pos none = {0, 0};
    struct sbuf sb;
    int fd[2], status;
    pid_t pid;
    char buf[65536];
    ssize_t got;

    *data = NULL;
    *len = 0;
    if (strchr(rev_path, ':') == NULL) {
        diag_error(dl, none, "--against takes REV:PATH (such as "
                   "origin/main:spec/http_status.yaml)");
        return -1;
    }
    /* git would read it as an option (--output=FILE writes a file). */
    if (rev_path[0] == '-') {
        diag_error(dl, none, "--against: the revision may not start with "
                   "'-' (git would take it for an option)");
        return -1;
    }
    if (pipe(fd) != 0) {
        diag_error(dl, none, "cannot run git: %s", strerror(errno));
        return -1;
    }
    pid = fork();
    if (pid < 0) {
        diag_error(dl, none, "cannot run git: %s", strerror(errno));
        close(fd[0]);
        close(fd[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        /* --end-of-options: whatever rev_path holds, git reads it as a
         * revision (git 2.24 and later). */
        execlp("git", "git", "show", "--no-textconv", "--end-of-options",
               rev_path, (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    sbuf_init(&sb);
    while ((got = read(fd[0], buf, sizeof buf)) != 0) {
        if (got < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (sb.len + (size_t)got > SG_MAX_FILE_SIZE) {
            sb.failed = 1;
            break;
        }
        sbuf_putn(&sb, buf, (size_t)got);
    }
    close(fd[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        diag_error(dl, none, "git show %s failed%s", rev_path,
                   WIFEXITED(status) && WEXITSTATUS(status) == 127
                       ? ": is git installed?" : " (see its message above)");
        sbuf_free(&sb);
        return -1;
    }
    if (sbuf_failed(&sb)) {
        diag_error(dl, none, "git show %s: too large or out of memory",
                   rev_path);
        sbuf_free(&sb);
        return -1;
    }
    if (sb.data == NULL) {
        sb.data = (char *)sg_malloc(1);
        if (sb.data == NULL) {
            diag_oom(dl);
            return -1;
        }
        sb.data[0] = '\0';
    }
    *data = sb.data;
    *len = sb.len;
    return 0;
}
