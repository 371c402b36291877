/* SPDX-License-Identifier: MIT */
/*
 * schema.c - document tree to spec model: types, required and unknown keys.
 *
 * The meaning of values (identifier syntax, ranges, duplicates...) is
 * validate.c's business; here a value only has to have the right shape.
 */
#include "model.h"

#include "alloc.h"
#include "node.h"
#include "sbuf.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct builder {
    struct spec *spec;
    struct diag_list *dl;
};

/* True for a plain scalar YAML reads as null: empty, ~, null. */
static int is_null(const struct node *n)
{
    return n->kind == NODE_SCALAR && n->plain && n->len <= 4 &&
           (n->len == 0 || strcmp(n->text, "~") == 0 ||
            strcmp(n->text, "null") == 0 || strcmp(n->text, "Null") == 0 ||
            strcmp(n->text, "NULL") == 0);
}

static const char *kind_name(const struct node *n)
{
    switch (n->kind) {
    case NODE_SEQUENCE: return "a sequence";
    case NODE_MAPPING: return "a mapping";
    case NODE_SCALAR: break;
    }
    return is_null(n) ? "nothing" : "text";
}

static void keep_extra(struct builder *b, const struct spec_code *c,
                       const char *what, const struct node *key,
                       const struct node *value, const char *missing,
                       struct sg_pos map_pos);

/*
 * Checks a mapping's keys against the allowed ones (NULL-terminated):
 * unknown keys are errors with a "did you mean", or else the list of the
 * allowed keys; required ones (a NULL-terminated subset) must be present,
 * but a required key that a "did you mean" already offers is not
 * reported again (the typo is the problem, not a second one).  what
 * names the mapping.  vals, when not NULL, gets the value of each allowed
 * key (the first given), in the order of allowed; NULL for a key not
 * given.  For a code (c not NULL), an unknown key may be a declared
 * field: it is kept for resolve_extras, which reports it when it is not
 * (and then the required key it may be a typo of, when it is one).
 */
static void check_map_keys(struct builder *b, const struct node *map,
                           const char *what, const char *const *allowed,
                           const char *const *required,
                           const struct node **vals,
                           const struct spec_code *c)
{
    const char *offered[8];
    size_t i, noffered = 0;

    if (vals)
        for (i = 0; allowed[i]; i++)
            vals[i] = NULL;
    for (i = 0; i < map->count; i++) {
        const struct node *k = map->items[2 * i];
        const char *const *a;
        const char *hint;

        if (k->kind != NODE_SCALAR)
            continue; /* reported by the loader */
        for (a = allowed; *a; a++)
            if ((*a)[0] == k->text[0] && strcmp(*a, k->text) == 0)
                break;
        if (*a) {
            if (vals && vals[a - allowed] == NULL)
                vals[a - allowed] = map->items[2 * i + 1];
            continue;
        }
        hint = diag_full(b->dl) ? NULL : diag_did_you_mean(k->text, allowed);
        if (c) {
            /* A typo of a required key that is missing: that key is not
             * reported unless the key turns out to be a declared field. */
            const char *missing = NULL;
            const char *const *r;

            for (r = required; hint && r && *r; r++)
                if (strcmp(*r, hint) == 0 && node_get(map, hint) == NULL)
                    missing = hint;
            if (missing && noffered < sizeof offered / sizeof offered[0])
                offered[noffered++] = missing;
            else
                missing = NULL;
            keep_extra(b, c, what, k, map->items[2 * i + 1], missing,
                       map->pos);
            continue;
        }
        if (hint) {
            diag_error(b->dl, k->pos,
                       "unknown key '%.60s' in %s; did you mean '%s'?",
                       k->text, what, hint);
            if (noffered < sizeof offered / sizeof offered[0])
                offered[noffered++] = hint;
        } else {
            char list[400];
            size_t len = 0;

            for (a = allowed; *a && len + strlen(*a) + 3 < sizeof list; a++)
                len += (size_t)snprintf(list + len, sizeof list - len,
                                        "%s%s", a == allowed ? "" : ", ", *a);
            diag_error(b->dl, k->pos, "unknown key '%.60s' in %s (its keys: "
                       "%s)", k->text, what, list);
        }
    }
    for (; required && *required; required++) {
        if (node_get(map, *required) != NULL)
            continue;
        for (i = 0; i < noffered; i++)
            if (strcmp(offered[i], *required) == 0)
                break;
        if (i < noffered)
            continue;
        diag_error(b->dl, map->pos, "%s has no '%s'%s", what, *required,
                   strcmp(*required, "statusgen") == 0
                       ? ": add 'statusgen: 1' (the spec format "
                         "version) at the top"
                       : "");
    }
}

/* Reads a text value into out; returns 0 or -1 (error reported). */
static int get_text(struct builder *b, const struct node *v, const char *key,
                    struct sg_str *out)
{
    out->pos = v->pos;
    if (v->kind != NODE_SCALAR || is_null(v)) {
        diag_error(b->dl, v->pos, "'%s' must be text, not %s", key,
                   kind_name(v));
        return -1;
    }
    if (memchr(v->text, '\0', v->len) != NULL) {
        diag_error(b->dl, v->pos, "'%s' contains a NUL character", key);
        return -1;
    }
    out->s = sg_arena_strndup(&b->spec->texts, v->text, v->len);
    if (out->s == NULL) {
        diag_oom(b->dl);
        return -1;
    }
    return 0;
}

/* Reads map[key] as text when present. */
static void opt_text(struct builder *b, const struct node *map,
                     const char *key, struct sg_str *out)
{
    const struct node *v = node_get(map, key);

    if (v)
        get_text(b, v, key, out);
}

/* Reads an integer; returns 0 or -1 (error reported). */
static int get_int(struct builder *b, const struct node *v, const char *key,
                   long *out)
{
    const char *s;
    char *end;
    long val;

    if (v->kind != NODE_SCALAR || is_null(v)) {
        diag_error(b->dl, v->pos, "'%s' must be an integer, not %s", key,
                   kind_name(v));
        return -1;
    }
    s = v->text;
    if (!v->plain) {
        diag_error(b->dl, v->pos,
                   "'%s' must be an integer, not quoted text \"%.40s\"", key,
                   s);
        return -1;
    }
    if (!((s[0] >= '0' && s[0] <= '9') ||
          ((s[0] == '-' || s[0] == '+') && s[1] >= '0' && s[1] <= '9')) ||
        strspn(s + 1, "0123456789") != v->len - 1) {
        diag_error(b->dl, v->pos, "'%s' must be an integer, not '%.40s'",
                   key, s);
        return -1;
    }
    errno = 0;
    val = strtol(s, &end, 10);
    if (errno == ERANGE || val > INT_MAX || val < -INT_MAX) {
        diag_error(b->dl, v->pos, "'%s' value %.40s is out of range", key,
                   s);
        return -1;
    }
    *out = val;
    return 0;
}

/* Reads [lo, hi]; returns 0 or -1 (error reported). */
static int get_range(struct builder *b, const struct node *v, const char *key,
                     long *lo, long *hi, struct sg_pos *pos)
{
    *pos = v->pos;
    if (v->kind != NODE_SEQUENCE || v->count != 2) {
        diag_error(b->dl, v->pos,
                   "'%s' must be a sequence of two integers [low, high]",
                   key);
        return -1;
    }
    if (get_int(b, v->items[0], key, lo) != 0 ||
        get_int(b, v->items[1], key, hi) != 0)
        return -1;
    return 0;
}

/* Reports a sequence longer than max; returns -1 when it is. */
static int check_count(struct builder *b, const struct node *seq,
                       const char *key, size_t max)
{
    if (seq->kind != NODE_SEQUENCE || seq->count <= max)
        return 0;
    diag_error(b->dl, seq->items[max]->pos,
               "'%s' has %lu entries; the limit is %lu", key,
               (unsigned long)seq->count, (unsigned long)max);
    return -1;
}

/* Reads a sequence of at most max texts (a scalar alone is one item). */
static void get_text_list(struct builder *b, const struct node *v,
                          const char *key, size_t max, struct sg_str **out,
                          size_t *n)
{
    size_t i, count = v->kind == NODE_SEQUENCE ? v->count : 1;

    *out = NULL;
    *n = 0;
    if (v->kind == NODE_MAPPING) {
        diag_error(b->dl, v->pos, "'%s' must be a list, not a mapping", key);
        return;
    }
    if (check_count(b, v, key, max) != 0)
        return;
    if (count == 0)
        return;
    *out = (struct sg_str *)sg_arena_calloc(&b->spec->texts,
                                            count * sizeof **out);
    if (*out == NULL) {
        diag_oom(b->dl);
        return;
    }
    *n = count;
    if (v->kind == NODE_SCALAR) {
        get_text(b, v, key, &(*out)[0]);
        return;
    }
    for (i = 0; i < count; i++)
        get_text(b, v->items[i], key, &(*out)[i]);
}

/*
 * Reads a mapping from language to text, such as {en: ..., zh: ...}, into an
 * array with one slot per registry language (see model.h).  A plain text
 * value is taken as the first language's.  Every slot starts with the
 * value's position, so an absent language can be reported there.  Returns
 * NULL when the value has the wrong shape (reported) or the languages are
 * unknown.
 */
static struct sg_str *get_lang_map(struct builder *b, const struct node *v,
                                   const char *key)
{
    const struct spec_registry *reg = &b->spec->reg;
    struct sg_str *out;
    size_t i, j;

    if (reg->nlang == 0)
        return NULL; /* languages unknown: reported elsewhere */
    if (v->kind == NODE_SEQUENCE) {
        diag_error(b->dl, v->pos,
                   "'%s' must be text or a mapping from language to text, "
                   "not a sequence", key);
        return NULL;
    }
    out = (struct sg_str *)sg_arena_calloc(&b->spec->texts,
                                           reg->nlang * sizeof *out);
    if (out == NULL) {
        diag_oom(b->dl);
        return NULL;
    }
    for (j = 0; j < reg->nlang; j++)
        out[j].pos = v->pos;
    if (v->kind == NODE_SCALAR) {
        if (get_text(b, v, key, &out[0]) != 0)
            return NULL; /* the array stays in spec->texts, unused */
        return out;
    }
    for (i = 0; i < v->count; i++) {
        const struct node *k = v->items[2 * i];

        if (k->kind != NODE_SCALAR)
            continue;
        for (j = 0; j < reg->nlang; j++)
            if (reg->languages[j].s && strcmp(reg->languages[j].s, k->text) == 0)
                break;
        if (j == reg->nlang) {
            const char *cands[65];
            const char *hint;
            size_t c, nc = 0;

            for (c = 0; c < reg->nlang && nc < 64; c++)
                if (reg->languages[c].s)
                    cands[nc++] = reg->languages[c].s;
            cands[nc] = NULL;
            hint = diag_full(b->dl) ? NULL : diag_did_you_mean(k->text, cands);
            diag_error(b->dl, k->pos,
                       "'%.40s' in '%s' is not one of registry.languages%s%s%s",
                       k->text, key, hint ? "; did you mean '" : "",
                       hint ? hint : "", hint ? "'?" : "");
            continue;
        }
        if (out[j].s != NULL)
            continue; /* a duplicate key: reported by the loader */
        get_text(b, v->items[2 * i + 1], key, &out[j]);
    }
    return out;
}

/* Checks that v is a mapping; reports and returns -1 otherwise. */
static int expect_map(struct builder *b, const struct node *v,
                      const char *what)
{
    if (v->kind == NODE_MAPPING)
        return 0;
    diag_error(b->dl, v->pos, "%s must be a mapping, not %s", what,
               kind_name(v));
    return -1;
}

/* Checks that v is a sequence; reports and returns -1 otherwise. */
static int expect_seq(struct builder *b, const struct node *v,
                      const char *what)
{
    if (v->kind == NODE_SEQUENCE)
        return 0;
    diag_error(b->dl, v->pos, "'%s' must be a sequence, not %s", what,
               kind_name(v));
    return -1;
}

static int get_bool(struct builder *b, const struct node *v, const char *key,
                    int *out);

static void build_registry(struct builder *b, const struct node *map)
{
    static const char *const keys[] = {"name", "macro", "title", "range",
                                       "languages", "updated", "phrases",
                                       NULL};
    static const char *const required[] = {"name", "macro", "range",
                                           "languages", NULL};
    struct spec_registry *reg = &b->spec->reg;
    const struct node *v;

    reg->pos = map->pos;
    if (expect_map(b, map, "'registry'") != 0)
        return;
    check_map_keys(b, map, "'registry'", keys, required, NULL, NULL);
    opt_text(b, map, "name", &reg->name);
    opt_text(b, map, "macro", &reg->macro);
    opt_text(b, map, "updated", &reg->updated);
    if ((v = node_get(map, "range")) != NULL &&
        get_range(b, v, "range", &reg->lo, &reg->hi, &reg->range_pos) != 0)
        reg->range_pos.line = 0; /* marks the range as unusable */
    if ((v = node_get(map, "languages")) != NULL) {
        get_text_list(b, v, "languages", SG_MAX_LANGUAGES,
                      &reg->languages, &reg->nlang);
        if (reg->nlang == 0 && v->kind == NODE_SEQUENCE && v->count == 0)
            diag_error(b->dl, v->pos, "'languages' must name at least one "
                                      "language");
    }
    /* after the languages, which a language map needs */
    if ((v = node_get(map, "title")) != NULL)
        reg->title = get_lang_map(b, v, "title");
    if ((v = node_get(map, "phrases")) != NULL) {
        int phrases = 1;

        reg->phrases_pos = v->pos;
        get_bool(b, v, "phrases", &phrases);
        reg->no_phrases = !phrases;
    }
}

/* Reads a boolean, true or false; returns 0 or -1 (error reported). */
static int get_bool(struct builder *b, const struct node *v, const char *key,
                    int *out)
{
    if (v->kind == NODE_SCALAR && v->plain && strcmp(v->text, "true") == 0)
        *out = 1;
    else if (v->kind == NODE_SCALAR && v->plain &&
             strcmp(v->text, "false") == 0)
        *out = 0;
    else {
        diag_error(b->dl, v->pos, "'%s' must be true or false, not %s%.40s%s",
                   key, v->kind == NODE_SCALAR && !is_null(v) ? "'" : "",
                   v->kind == NODE_SCALAR && !is_null(v) ? v->text
                                                          : kind_name(v),
                   v->kind == NODE_SCALAR && !is_null(v) ? "'" : "");
        return -1;
    }
    return 0;
}

/* Allocates count zeroed elements for a list; returns NULL on error. */
static void *alloc_list(struct builder *b, size_t count, size_t size)
{
    void *p = sg_calloc(count, size);

    if (p == NULL)
        diag_oom(b->dl);
    return p;
}

static void build_classes(struct builder *b, const struct node *seq)
{
    static const char *const keys[] = {"name", "range", "title", "error",
                                       NULL};
    static const char *const required[] = {"name", "range", NULL};
    struct spec *spec = b->spec;
    size_t i;

    if (expect_seq(b, seq, "classes") != 0 || seq->count == 0 ||
        check_count(b, seq, "classes", SG_MAX_CLASSES) != 0)
        return;
    spec->classes = (struct spec_class *)alloc_list(b, seq->count,
                                                     sizeof *spec->classes);
    if (spec->classes == NULL)
        return;
    spec->nclasses = seq->count;
    for (i = 0; i < seq->count; i++) {
        const struct node *m = seq->items[i], *v;
        struct spec_class *c = &spec->classes[i];

        c->pos = m->pos;
        if (expect_map(b, m, "a class") != 0)
            continue;
        check_map_keys(b, m, "a class", keys, required, NULL, NULL);
        opt_text(b, m, "name", &c->name);
        if ((v = node_get(m, "range")) != NULL &&
            get_range(b, v, "range", &c->lo, &c->hi, &c->range_pos) != 0)
            c->range_pos.line = 0;
        if ((v = node_get(m, "title")) != NULL)
            c->title = get_lang_map(b, v, "title");
        if ((v = node_get(m, "error")) != NULL)
            get_bool(b, v, "error", &c->error);
    }
}

static void build_traits(struct builder *b, const struct node *seq)
{
    static const char *const keys[] = {"name", "doc", NULL};
    static const char *const required[] = {"name", NULL};
    struct spec *spec = b->spec;
    size_t i;

    if (expect_seq(b, seq, "traits") != 0 || seq->count == 0)
        return;
    spec->traits = (struct spec_trait *)alloc_list(b, seq->count,
                                                    sizeof *spec->traits);
    if (spec->traits == NULL)
        return;
    spec->ntraits = seq->count;
    for (i = 0; i < seq->count; i++) {
        const struct node *m = seq->items[i], *v;
        struct spec_trait *t = &spec->traits[i];

        t->pos = m->pos;
        if (expect_map(b, m, "a trait") != 0)
            continue;
        check_map_keys(b, m, "a trait", keys, required, NULL, NULL);
        opt_text(b, m, "name", &t->name);
        if ((v = node_get(m, "doc")) != NULL)
            t->doc = get_lang_map(b, v, "doc");
    }
}

static void build_sources(struct builder *b, const struct node *seq)
{
    static const char *const keys[] = {"id", "file", "language", "doc", NULL};
    static const char *const required[] = {"id", NULL};
    struct spec *spec = b->spec;
    size_t i;

    if (expect_seq(b, seq, "sources") != 0 || seq->count == 0 ||
        check_count(b, seq, "sources", SG_MAX_SOURCES) != 0)
        return;
    spec->sources = (struct spec_source *)alloc_list(b, seq->count,
                                                      sizeof *spec->sources);
    if (spec->sources == NULL)
        return;
    spec->nsources = seq->count;
    for (i = 0; i < seq->count; i++) {
        const struct node *m = seq->items[i], *v;
        struct spec_source *s = &spec->sources[i];

        s->pos = m->pos;
        if (expect_map(b, m, "a source") != 0)
            continue;
        check_map_keys(b, m, "a source", keys, required, NULL, NULL);
        opt_text(b, m, "id", &s->id);
        opt_text(b, m, "file", &s->file);
        opt_text(b, m, "language", &s->language);
        if ((v = node_get(m, "doc")) != NULL)
            s->doc = get_lang_map(b, v, "doc");
    }
}

/* The status keywords, in enum code_status order; NULL-terminated for
 * "did you mean". */
static const char *const status_words[STATUS_COUNT_ + 1] = {
    "standard", "temporary", "deprecated", "unused", "obsolete",
    "unofficial", NULL};

const char *spec_text(const struct sg_str *texts, size_t lang)
{
    if (texts == NULL)
        return NULL;
    return texts[lang].s ? texts[lang].s : texts[0].s;
}

const char *status_keyword(enum code_status st)
{
    return st < STATUS_COUNT_ ? status_words[st] : "?";
}

static void build_status(struct builder *b, const struct node *v,
                         struct spec_code *c)
{
    struct sg_str st = {NULL, {0, 0}};
    int i;

    c->status_pos = v->pos;
    if (get_text(b, v, "status", &st) != 0)
        return;
    for (i = 0; status_words[i]; i++) {
        if (strcmp(status_words[i], st.s) == 0) {
            c->status = (enum code_status)i;
            return;
        }
    }
    {
        const char *hint =
            diag_full(b->dl) ? NULL : diag_did_you_mean(st.s, status_words);

        diag_error(b->dl, v->pos,
                   "unknown status '%.40s' (one of standard, temporary, "
                   "deprecated, unused, obsolete, unofficial)%s%s%s",
                   st.s, hint ? "; did you mean '" : "", hint ? hint : "",
                   hint ? "'?" : "");
    }
}

/* The keys of a code, in the order its "did you mean" offers them. */
enum code_key {
    CK_CODE, CK_NAME, CK_PHRASE, CK_FORMER, CK_STATUS, CK_REFERENCE,
    CK_ALIASES, CK_TRAITS, CK_DESCRIPTION, CK_SOURCES, CK_NOTE,
    CK_REGISTRY_PHRASE, CK_COUNT
};

static const char *const code_keys[CK_COUNT + 1] = {
    "code", "name", "phrase", "former_phrases", "status", "reference",
    "aliases", "traits", "description", "sources", "note",
    "registry_phrase", NULL};

int spec_is_code_key(const char *key)
{
    size_t i;

    for (i = 0; i < CK_COUNT; i++)
        if (strcmp(code_keys[i], key) == 0)
            return 1;
    return 0;
}

static void build_code(struct builder *b, const struct node *m,
                       struct spec_code *c)
{
    const char *const *keys = code_keys;
    static const char *const required[] = {"code", "name", "phrase",
                                           "description", NULL};
    /* phrases: false: a code need not have a phrase */
    static const char *const required_np[] = {"code", "name", "description",
                                              NULL};
    const struct node *v[CK_COUNT];
    const struct node *num;
    char what[40];

    c->pos = m->pos;
    c->class_index = -1;
    c->code = -1;

    if (expect_map(b, m, "a code") != 0)
        return;
    /* The code's number names it in the messages, when it has one. */
    num = node_get(m, "code");
    if (num != NULL && num->kind == NODE_SCALAR && num->text[0] &&
        strspn(num->text, "0123456789") == strlen(num->text) &&
        strlen(num->text) < 20)
        snprintf(what, sizeof what, "code %s", num->text);
    else
        snprintf(what, sizeof what, "a code");
    check_map_keys(b, m, what, keys,
                   b->spec->reg.no_phrases ? required_np : required, v, c);
    if (v[CK_CODE] != NULL) {
        c->code_pos = v[CK_CODE]->pos;
        if (get_int(b, v[CK_CODE], "code", &c->code) != 0)
            c->code_pos.line = 0; /* no usable code */
    }
    if (v[CK_NAME] != NULL)
        get_text(b, v[CK_NAME], "name", &c->name);
    if (v[CK_PHRASE] != NULL)
        get_text(b, v[CK_PHRASE], "phrase", &c->phrase);
    if (v[CK_REFERENCE] != NULL)
        get_text(b, v[CK_REFERENCE], "reference", &c->reference);
    if (v[CK_REGISTRY_PHRASE] != NULL)
        get_text(b, v[CK_REGISTRY_PHRASE], "registry_phrase",
                 &c->registry_phrase);
    if (v[CK_NOTE] != NULL)
        c->note = get_lang_map(b, v[CK_NOTE], "note");
    if (v[CK_FORMER] != NULL)
        get_text_list(b, v[CK_FORMER], "former_phrases", SG_MAX_LIST,
                      &c->former, &c->nformer);
    if (v[CK_STATUS] != NULL)
        build_status(b, v[CK_STATUS], c);
    if (v[CK_ALIASES] != NULL)
        get_text_list(b, v[CK_ALIASES], "aliases", SG_MAX_LIST, &c->aliases,
                      &c->naliases);
    if (v[CK_TRAITS] != NULL)
        get_text_list(b, v[CK_TRAITS], "traits", SG_MAX_LIST, &c->traits,
                      &c->ntraits);
    if (v[CK_SOURCES] != NULL)
        get_text_list(b, v[CK_SOURCES], "sources", SG_MAX_LIST, &c->sources,
                      &c->nsources);
    if (v[CK_DESCRIPTION] != NULL)
        c->desc = get_lang_map(b, v[CK_DESCRIPTION], "description");
}

/*
 * A key of a code that is not a built-in key: the field of that name, if
 * one is declared (the declarations may come after the codes, and a
 * streamed code's tree is gone by then, so the value is copied).
 */
struct spec_extra {
    size_t code;             /* index into spec->codes */
    struct sg_str key;
    const struct node *value; /* a copy in spec->texts */
    const char *missing;     /* the missing required key it may be a typo
                              * of (a static string), or NULL */
    struct sg_pos map_pos;   /* the code's mapping */
};

/*
 * A copy of n in the spec's texts, deep enough for a field's value: a
 * scalar, or a mapping or sequence of at most 64 scalars (a language
 * map).  Deeper or larger collections are copied empty, which is enough
 * to report that they have the wrong shape.  NULL when memory ran out.
 */
static struct node *copy_value(struct builder *b, const struct node *n,
                               int depth)
{
    struct sg_arena *a = &b->spec->texts;
    struct node *c = (struct node *)sg_arena_calloc(a, sizeof *c);
    size_t i, nitems;

    if (c == NULL)
        return NULL;
    c->kind = n->kind;
    c->pos = n->pos;
    c->plain = n->plain;
    if (n->kind == NODE_SCALAR) {
        c->len = n->len;
        c->text = sg_arena_strndup(a, n->text, n->len);
        return c->text ? c : NULL;
    }
    nitems = n->kind == NODE_MAPPING ? 2 * n->count : n->count;
    if (depth == 0 || n->count > 64 || n->items == NULL)
        return c;
    c->items = (struct node **)sg_arena_calloc(a, (nitems ? nitems : 1) *
                                                  sizeof *c->items);
    if (c->items == NULL)
        return NULL;
    for (i = 0; i < nitems; i++)
        if ((c->items[i] = copy_value(b, n->items[i], depth - 1)) == NULL)
            return NULL;
    c->count = c->cap = n->count;
    return c;
}

static void resolve_extra(struct builder *b, size_t code, const char *what,
                          const struct sg_str *key, const struct node *value,
                          const char *missing, struct sg_pos map_pos);

static void keep_extra(struct builder *b, const struct spec_code *c,
                       const char *what, const struct node *key,
                       const struct node *value, const char *missing,
                       struct sg_pos map_pos)
{
    struct spec *spec = b->spec;
    struct spec_extra *e;

    if (spec->fields_known) {
        /* the declarations are there: no copy to keep */
        struct sg_str k;

        k.s = key->text;
        k.pos = key->pos;
        resolve_extra(b, (size_t)(c - spec->codes), what, &k, value,
                      missing, map_pos);
        return;
    }

    if (sg_grow((void **)&spec->extra, &spec->extra_cap, spec->nextra + 1,
                sizeof *spec->extra) != 0) {
        diag_oom(b->dl);
        return;
    }
    e = &spec->extra[spec->nextra];
    e->code = (size_t)(c - spec->codes);
    e->key.pos = key->pos;
    e->key.s = sg_arena_strndup(&spec->texts, key->text, key->len);
    e->value = copy_value(b, value, 2);
    e->missing = missing;
    e->map_pos = map_pos;
    if (e->key.s == NULL || e->value == NULL) {
        diag_oom(b->dl);
        return;
    }
    spec->nextra++;
}

/* The field types, in enum field_type order; NULL-terminated. */
static const char *const field_types[FIELD_TYPE_COUNT_ + 1] = {
    "int", "string", "bool", "enum", "text", NULL};

const char *field_type_keyword(enum field_type t)
{
    return t < FIELD_TYPE_COUNT_ ? field_types[t] : "?";
}

/*
 * Reads v as a value of field f (its default, or a code's value) into fv:
 * the shape its type wants; what names it in messages.  An enum value is
 * looked up by spec_validate.
 */
static void get_field_value(struct builder *b, const struct spec_field *f,
                            const struct node *v, const char *what,
                            struct field_value *fv)
{
    int flag = 0;

    fv->pos = v->pos;
    switch (f->type) {
    case FIELD_INT:
        get_int(b, v, what, &fv->num);
        break;
    case FIELD_BOOL:
        if (get_bool(b, v, what, &flag) == 0)
            fv->num = flag;
        break;
    case FIELD_STRING:
    case FIELD_ENUM:
        get_text(b, v, what, &fv->str);
        break;
    case FIELD_TEXT:
        fv->text = get_lang_map(b, v, what);
        break;
    case FIELD_TYPE_COUNT_:
        break;
    }
}

static void build_field_type(struct builder *b, const struct node *v,
                             struct spec_field *f)
{
    struct sg_str t = {NULL, {0, 0}};
    const char *hint;
    int i;

    if (get_text(b, v, "type", &t) != 0)
        return;
    for (i = 0; field_types[i]; i++) {
        if (strcmp(field_types[i], t.s) == 0) {
            f->type = (enum field_type)i;
            f->type_pos = v->pos;
            return;
        }
    }
    hint = diag_full(b->dl) ? NULL : diag_did_you_mean(t.s, field_types);
    diag_error(b->dl, v->pos,
               "unknown field type '%.40s' (one of int, string, bool, enum, "
               "text)%s%s%s", t.s, hint ? "; did you mean '" : "",
               hint ? hint : "", hint ? "'?" : "");
}

/* fields: the declared per-code attributes. */
static void build_fields(struct builder *b, const struct node *seq)
{
    static const char *const keys[] = {"name", "type", "values", "doc",
                                       "default", "required", NULL};
    static const char *const required[] = {"name", "type", NULL};
    struct spec *spec = b->spec;
    size_t i;

    if (expect_seq(b, seq, "fields") != 0 || seq->count == 0 ||
        check_count(b, seq, "fields", SG_MAX_FIELDS) != 0)
        return;
    spec->fields = (struct spec_field *)alloc_list(b, seq->count,
                                                    sizeof *spec->fields);
    if (spec->fields == NULL)
        return;
    spec->nfields = seq->count;
    for (i = 0; i < seq->count; i++) {
        const struct node *m = seq->items[i], *v;
        struct spec_field *f = &spec->fields[i];

        f->pos = m->pos;
        if (expect_map(b, m, "a field") != 0)
            continue;
        check_map_keys(b, m, "a field", keys, required, NULL, NULL);
        opt_text(b, m, "name", &f->name);
        if ((v = node_get(m, "type")) != NULL)
            build_field_type(b, v, f);
        if ((v = node_get(m, "values")) != NULL) {
            f->values_pos = v->pos;
            get_text_list(b, v, "values", SG_MAX_ENUM, &f->values,
                          &f->nvalues);
        }
        if ((v = node_get(m, "doc")) != NULL)
            f->doc = get_lang_map(b, v, "doc");
        if ((v = node_get(m, "required")) != NULL) {
            f->required_pos = v->pos;
            get_bool(b, v, "required", &f->required);
        }
        if ((v = node_get(m, "default")) != NULL && f->type_pos.line) {
            f->has_default = 1;
            get_field_value(b, f, v, "default", &f->def);
        } else if (f->type_pos.line && f->type == FIELD_BOOL) {
            /* a bool is false unless said otherwise */
            f->has_default = 1;
            f->def.pos = f->pos;
        }
    }
}

/* The note after an unknown key of a code: the keys it may have. */
static void note_code_keys(struct builder *b, struct sg_pos pos)
{
    const struct spec *spec = b->spec;
    struct sbuf list;
    size_t i, shown = 0;

    sbuf_init(&list);
    for (i = 0; i < CK_COUNT; i++)
        sbuf_printf(&list, "%s%s", i ? ", " : "", code_keys[i]);
    for (i = 0; i < spec->nfields; i++) {
        if (spec->fields[i].name.s == NULL)
            continue;
        if (shown == 12) {
            sbuf_puts(&list, ", ...");
            break;
        }
        sbuf_printf(&list, "%s%.40s", shown ? ", " : "; declared fields: ",
                    spec->fields[i].name.s);
        shown++;
    }
    if (shown == 0)
        sbuf_puts(&list, "; no fields are declared (a key of your own "
                         "needs an entry under 'fields')");
    if (sbuf_failed(&list))
        diag_oom(b->dl);
    else
        diag_note(b->dl, pos, "a code's keys: %s", sbuf_str(&list));
    sbuf_free(&list);
}

/* Reports an unknown key of a code (what names it), with the closest key
 * or field. */
static void report_code_key(struct builder *b, const char *what,
                            const struct sg_str *key)
{
    const struct spec *spec = b->spec;
    const char *cands[CK_COUNT + SG_MAX_FIELDS + 1];
    const char *hint;
    size_t i, n = 0;

    for (i = 0; i < CK_COUNT; i++)
        cands[n++] = code_keys[i];
    for (i = 0; i < spec->nfields; i++)
        if (spec->fields[i].name.s)
            cands[n++] = spec->fields[i].name.s;
    cands[n] = NULL;
    hint = diag_full(b->dl) ? NULL : diag_did_you_mean(key->s, cands);
    if (hint)
        diag_error(b->dl, key->pos,
                   "unknown key '%.60s' in %s; did you mean '%s'?",
                   key->s, what, hint);
    else
        diag_error(b->dl, key->pos, "unknown key '%.60s' in %s", key->s,
                   what);
    if (!diag_full(b->dl))
        note_code_keys(b, key->pos);
}

/*
 * A key of the code at index code (what names it) that is not a built-in
 * key: the value of a declared field, or an unknown key.  Codes come in
 * order, so each field's values are by code index.  missing: the required
 * key the code lacks that key may be a typo of (not reported yet), or
 * NULL; map_pos: the code's mapping.
 */
static void resolve_extra(struct builder *b, size_t code, const char *what,
                          const struct sg_str *key, const struct node *value,
                          const char *missing, struct sg_pos map_pos)
{
    struct spec *spec = b->spec;
    struct spec_field *f = NULL;
    struct field_value *fv;
    size_t j;

    for (j = 0; j < spec->nfields && f == NULL; j++)
        if (spec->fields[j].name.s &&
            strcmp(spec->fields[j].name.s, key->s) == 0)
            f = &spec->fields[j];
    if (f == NULL) {
        report_code_key(b, what, key);
        return;
    }
    if (missing) /* a field after all: the key is missing */
        diag_error(b->dl, map_pos, "%s has no '%s'", what, missing);
    if (!f->type_pos.line)
        return; /* no usable type: reported */
    if (sg_grow((void **)&f->vals, &f->vals_cap, f->nvals + 1,
                sizeof *f->vals) != 0) {
        diag_oom(b->dl);
        return;
    }
    fv = &f->vals[f->nvals++];
    memset(fv, 0, sizeof *fv);
    fv->code = code;
    get_field_value(b, f, value, key->s, fv);
}

/* The keys kept while the declarations were not known yet.  Frees the
 * list. */
static void resolve_extras(struct builder *b)
{
    struct spec *spec = b->spec;
    size_t i;

    for (i = 0; i < spec->nextra; i++) {
        const struct spec_extra *e = &spec->extra[i];
        const struct spec_code *c = &spec->codes[e->code];
        char what[40];

        if (c->code_pos.line && c->code >= 0)
            snprintf(what, sizeof what, "code %ld", c->code);
        else
            snprintf(what, sizeof what, "a code");
        resolve_extra(b, e->code, what, &e->key, e->value, e->missing,
                      e->map_pos);
    }
    sg_free(spec->extra);
    spec->extra = NULL;
    spec->nextra = spec->extra_cap = 0;
}

void spec_stream_init(struct spec_stream *st, struct spec *spec,
                      const char *file)
{
    memset(st, 0, sizeof *st);
    st->spec = spec;
    diag_init(&st->reg_dl, file);
    diag_init(&st->codes_dl, file);
}

void spec_stream_free(struct spec_stream *st)
{
    diag_free(&st->reg_dl);
    diag_free(&st->codes_dl);
}

int spec_stream_begin(void *arg, const struct node *root)
{
    struct spec_stream *st = (struct spec_stream *)arg;
    const struct node *v = node_get(root, "registry");
    struct builder b;

    if (v == NULL)
        return 0; /* codes before the registry: build them from the tree */
    b.spec = st->spec;
    b.dl = &st->reg_dl;
    build_registry(&b, v);
    st->registry_built = 1;
    /* Fields declared before the codes: their values are read as the
     * codes come. */
    if ((v = node_get(root, "fields")) != NULL) {
        build_fields(&b, v);
        st->fields_built = 1;
        st->spec->fields_known = 1;
    }
    return 1;
}

void spec_stream_item(void *arg, const struct node *item)
{
    struct spec_stream *st = (struct spec_stream *)arg;
    struct spec *spec = st->spec;
    size_t i = st->nseen++;
    struct builder b;

    /* Past the limit nothing is built: spec_build_stream reports it. */
    if (st->failed || i >= SG_MAX_CODES)
        return;
    if (sg_grow((void **)&spec->codes, &st->codes_cap, i + 1,
                sizeof *spec->codes) != 0) {
        diag_oom(&st->codes_dl);
        st->failed = 1;
        return;
    }
    memset(&spec->codes[i], 0, sizeof spec->codes[i]);
    spec->ncodes = i + 1;
    b.spec = spec;
    b.dl = &st->codes_dl;
    build_code(&b, item, &spec->codes[i]);
}

/* The codes' checks of build_codes for a streamed sequence, whose codes
 * are built already. */
static void finish_streamed_codes(struct builder *b, const struct node *seq,
                                  struct spec_stream *st)
{
    struct spec *spec = b->spec;
    size_t i;

    if (seq->count > SG_MAX_CODES || seq->count == 0) {
        /* As build_codes: no code is kept and none is reported. */
        struct spec drop;

        memset(&drop, 0, sizeof drop);
        drop.codes = spec->codes;
        drop.ncodes = spec->ncodes;
        drop.reg.nlang = spec->reg.nlang;
        spec_free(&drop);
        spec->codes = NULL;
        spec->ncodes = 0;
        for (i = 0; i < spec->nfields; i++)
            spec->fields[i].nvals = 0; /* of the codes dropped */
        diag_free(&st->codes_dl);
        if (seq->count)
            diag_error(b->dl, seq->pos, "%lu codes: more than the limit "
                       "of %d", (unsigned long)seq->count, SG_MAX_CODES);
        else
            diag_error(b->dl, seq->pos,
                       "'codes' must list at least one code");
        return;
    }
    diag_append(b->dl, &st->codes_dl);
}

static void build_codes(struct builder *b, const struct node *seq)
{
    struct spec *spec = b->spec;
    size_t i;

    if (expect_seq(b, seq, "codes") != 0)
        return;
    if (seq->count > SG_MAX_CODES) {
        diag_error(b->dl, seq->pos, "%lu codes: more than the limit of %d",
                   (unsigned long)seq->count, SG_MAX_CODES);
        return;
    }
    if (seq->count == 0) {
        diag_error(b->dl, seq->pos, "'codes' must list at least one code");
        return;
    }
    spec->codes = (struct spec_code *)alloc_list(b, seq->count,
                                                  sizeof *spec->codes);
    if (spec->codes == NULL)
        return;
    spec->ncodes = seq->count;
    for (i = 0; i < seq->count; i++)
        build_code(b, seq->items[i], &spec->codes[i]);
}

/* reserved: a list of codes (a number alone is one). */
static void build_reserved(struct builder *b, const struct node *v)
{
    size_t i, count = v->kind == NODE_SEQUENCE ? v->count : 1;
    struct spec *spec = b->spec;

    if (v->kind == NODE_MAPPING) {
        diag_error(b->dl, v->pos, "'reserved' must be a list of codes, not "
                   "a mapping");
        return;
    }
    if (check_count(b, v, "reserved", SG_MAX_CODES) != 0 || count == 0)
        return;
    spec->reserved = (struct sg_num *)alloc_list(b, count,
                                                 sizeof *spec->reserved);
    if (spec->reserved == NULL)
        return;
    for (i = 0; i < count; i++) {
        const struct node *n = v->kind == NODE_SEQUENCE ? v->items[i] : v;
        struct sg_num *r = &spec->reserved[spec->nreserved];

        r->pos = n->pos;
        if (get_int(b, n, "reserved", &r->v) == 0)
            spec->nreserved++;
    }
}

/* The index of key among the top-level keys of root; past the end when
 * it is not there. */
static size_t key_index(const struct node *root, const char *key)
{
    size_t i;

    for (i = 0; i < root->count; i++) {
        const struct node *k = root->items[2 * i];

        if (k->kind == NODE_SCALAR && strcmp(k->text, key) == 0)
            return i;
    }
    return (size_t)-1;
}

/* spec_build; st, when not NULL, holds the registry and codes built
 * while the tree was read. */
static int build_spec(const struct node *root, struct spec *spec,
                      struct spec_stream *st, struct diag_list *dl)
{
    static const char *const keys[] = {"statusgen", "registry", "classes",
                                       "traits", "sources", "fields",
                                       "codes", "reserved", "reserved_names",
                                       "extends", "remove", NULL};
    static const char *const required[] = {"statusgen", "registry", "codes",
                                           NULL};
    struct builder b;
    const struct node *v;
    size_t errors_before = dl->errors;

    b.spec = spec;
    b.dl = dl;
    if (root == NULL) {
        static const struct sg_pos nopos = {0, 0};

        diag_error(dl, nopos, "the spec is empty");
        return -1;
    }
    if (root->kind != NODE_MAPPING) {
        diag_error(dl, root->pos,
                   "the spec must be a mapping with the keys statusgen, "
                   "registry and codes, not %s", kind_name(root));
        return -1;
    }
    check_map_keys(&b, root, "the spec", keys, required, NULL, NULL);
    if ((v = node_get(root, "statusgen")) != NULL &&
        get_int(&b, v, "statusgen", &spec->version) == 0 &&
        spec->version != 1)
        diag_error(dl, v->pos,
                   "spec format version %ld; this statusgen reads version 1",
                   spec->version);
    if ((v = node_get(root, "registry")) != NULL) {
        if (st && st->registry_built)
            diag_append(dl, &st->reg_dl);
        else
            build_registry(&b, v);
    }
    if ((v = node_get(root, "classes")) != NULL)
        build_classes(&b, v);
    if ((v = node_get(root, "traits")) != NULL)
        build_traits(&b, v);
    if ((v = node_get(root, "sources")) != NULL)
        build_sources(&b, v);
    if ((v = node_get(root, "reserved")) != NULL)
        build_reserved(&b, v);
    if ((v = node_get(root, "reserved_names")) != NULL)
        get_text_list(&b, v, "reserved_names", SG_MAX_CODES,
                      &spec->reserved_names, &spec->nreserved_names);
    if ((v = node_get(root, "fields")) != NULL && !(st && st->fields_built))
        build_fields(&b, v);
    /* Codes that come after the declarations resolve their fields as
     * they are built, others keep them for later: as when the codes
     * stream in (spec_stream_begin), so that both report alike. */
    if (!(st && st->registry_built) &&
        key_index(root, "fields") < key_index(root, "codes"))
        spec->fields_known = 1;
    if ((v = node_get(root, "codes")) != NULL) {
        if (st && v->streamed)
            finish_streamed_codes(&b, v, st);
        else
            build_codes(&b, v);
    }
    resolve_extras(&b);
    /* An overlay's own keys are taken out when its base is merged in
     * (overlay.c): here they stand in a spec that extends nothing. */
    if ((v = node_get(root, "extends")) != NULL)
        diag_error(dl, v->pos, "'extends' works only in a spec read from a "
                   "file or standard input");
    if ((v = node_get(root, "remove")) != NULL)
        diag_error(dl, v->pos, "'remove' takes codes out of the spec named "
                   "by 'extends', and this spec extends none");
    return dl->errors > errors_before ? -1 : 0;
}

int spec_build(const struct node *root, struct spec *spec,
               struct diag_list *dl)
{
    return build_spec(root, spec, NULL, dl);
}

int spec_build_stream(const struct node *root, struct spec_stream *st,
                      struct diag_list *dl)
{
    return build_spec(root, st->spec, st, dl);
}

void spec_free(struct spec *spec)
{
    size_t i;

    if (spec == NULL)
        return;
    /* Every text and array of texts (reserved_names too) is in
     * spec->texts: only the arrays of structs are freed one by one. */
    sg_free(spec->classes);
    sg_free(spec->traits);
    sg_free(spec->sources);
    sg_free(spec->codes);
    sg_free(spec->reserved);
    sg_free(spec->order);
    for (i = 0; i < spec->nfields; i++)
        sg_free(spec->fields[i].vals);
    sg_free(spec->fields);
    sg_free(spec->extra);
    sg_arena_free(&spec->texts);
    memset(spec, 0, sizeof *spec);
}
