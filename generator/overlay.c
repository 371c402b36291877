/* SPDX-License-Identifier: MIT */
/*
 * overlay.c - specs that extend other specs (see overlay.h).
 *
 * The merge works on document trees, before any value is read:
 *   - 'extends' and 'remove' are the overlay's own: 'remove' takes codes
 *     of the base out before the overlay's codes come in (so removing a
 *     code and listing it again replaces it whole);
 *   - 'codes' match by number, 'classes', 'traits' and 'fields' by name,
 *     'sources' by id: an entry that matches is merged key by key into
 *     the base's, any other is added;
 *   - registry.languages, 'reserved' and 'reserved_names' are added to;
 *   - any other mapping is merged key by key (a language map gains or
 *     changes languages; a plain text in the base stands for its first
 *     language), and any other value replaces the base's.
 * A spec that extends another builds on the result of that one's own
 * merge, so a chain of overlays applies from the bottom up.
 */
#include "overlay.h"

#include "sbuf.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void overlay_init(struct overlay *ov)
{
    memset(ov, 0, sizeof *ov);
    sg_arena_init(&ov->arena);
}

void overlay_free(struct overlay *ov)
{
    size_t i;

    for (i = 0; i < ov->ntrees; i++)
        node_free(ov->trees[i]);
    sg_free(ov->trees);
    sg_arena_free(&ov->arena);
    overlay_init(ov);
}

int text_lines(const char *data, size_t len)
{
    const char *p = data, *end = data + len;
    int n = 1;

    while ((p = (const char *)memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    return n;
}

int spec_add_input(struct spec *spec, const char *name)
{
    if (spec->inputs == NULL) {
        spec->inputs = (char **)sg_arena_calloc(
            &spec->texts, (SG_MAX_EXTENDS + 1) * sizeof *spec->inputs);
        if (spec->inputs == NULL)
            return -1;
    }
    if (spec->ninputs > SG_MAX_EXTENDS)
        return 0; /* past the limit: reported by overlay_merge */
    spec->inputs[spec->ninputs] =
        sg_arena_strndup(&spec->texts, name, strlen(name));
    if (spec->inputs[spec->ninputs] == NULL)
        return -1;
    spec->ninputs++;
    return 0;
}

static int keep_tree(struct overlay *ov, struct node *t)
{
    if (sg_grow((void **)&ov->trees, &ov->cap, ov->ntrees + 1,
                sizeof *ov->trees) != 0) {
        node_free(t);
        return -1;
    }
    ov->trees[ov->ntrees++] = t;
    return 0;
}

/* --- paths ----------------------------------------------------------- */

/* The length of path's directory part with its final '/' (for a git
 * path without one, its "REV:"); 0 when it has none. */
static size_t dir_len(const char *path, int rev_paths)
{
    const char *slash = strrchr(path, '/');
    const char *colon;

    if (slash)
        return (size_t)(slash - path) + 1;
    if (rev_paths && (colon = strchr(path, ':')) != NULL)
        return (size_t)(colon - path) + 1;
    return 0;
}

/* name taken from the directory of from: a new string, or NULL. */
static char *join_path(const char *from, const char *name, int rev_paths)
{
    struct sbuf sb;

    sbuf_init(&sb);
    if (name[0] != '/' && strcmp(from, "-") != 0)
        sbuf_putn(&sb, from, dir_len(from, rev_paths));
    sbuf_puts(&sb, name);
    if (sbuf_failed(&sb)) {
        sbuf_free(&sb);
        return NULL;
    }
    return sb.data;
}

/* path with "." and "dir/.." taken out by its text alone: a new string,
 * or NULL. */
static char *tidy_path(const char *path)
{
    struct sbuf sb;
    const char *p = path;
    size_t *starts = NULL, n = 0, cap = 0;
    int absolute = path[0] == '/';

    sbuf_init(&sb);
    if (absolute)
        sbuf_putc(&sb, '/');
    while (*p) {
        size_t len = strcspn(p, "/");

        if ((len == 1 && p[0] == '.') || len == 0) {
            /* nothing */
        } else if (len == 2 && p[0] == '.' && p[1] == '.' && n > 0) {
            sb.len = starts[--n];
            sb.data[sb.len] = '\0';
        } else if (len == 2 && p[0] == '.' && p[1] == '.' && absolute) {
            /* /.. is / */
        } else if (len == 2 && p[0] == '.' && p[1] == '.') {
            sbuf_puts(&sb, "../");
        } else {
            if (sg_grow((void **)&starts, &cap, n + 1, sizeof *starts) != 0)
                sb.failed = 1;
            else
                starts[n++] = sb.len;
            sbuf_putn(&sb, p, len);
            sbuf_putc(&sb, '/');
        }
        p += len;
        if (*p == '/')
            p++;
    }
    sg_free(starts);
    if (sb.len > 1 && sb.data[sb.len - 1] == '/')
        sb.data[--sb.len] = '\0';
    if (sb.len == 0)
        sbuf_putc(&sb, '.');
    if (sbuf_failed(&sb)) {
        sbuf_free(&sb);
        return NULL;
    }
    return sb.data;
}

/* One spec of the chain being read. */
struct link {
    char *name;              /* as diagnostics and --depfile name it */
    int have_id;
    dev_t dev;
    ino_t ino;
    struct node *root;
    const struct node *extends; /* its 'extends' value, or NULL */
};

/* Fills l's name (the tidy path when it is the same file as the joined
 * one, else the joined one) and its file identity. */
static int name_link(struct link *l, const char *joined, int rev_paths)
{
    struct stat a, b;
    char *tidy;

    l->have_id = 0;
    if (rev_paths) {
        /* REV:PATH: git's paths have no "..", and no links to follow */
        const char *colon = strchr(joined, ':');
        struct sbuf sb;

        tidy = tidy_path(colon ? colon + 1 : joined);
        if (tidy == NULL)
            return -1;
        sbuf_init(&sb);
        if (colon)
            sbuf_putn(&sb, joined, (size_t)(colon - joined) + 1);
        sbuf_puts(&sb, tidy);
        sg_free(tidy);
        if (sbuf_failed(&sb)) {
            sbuf_free(&sb);
            return -1;
        }
        l->name = sb.data;
        return 0;
    }
    tidy = tidy_path(joined);
    if (tidy == NULL)
        return -1;
    if (stat(joined, &a) == 0) {
        l->have_id = 1;
        l->dev = a.st_dev;
        l->ino = a.st_ino;
        if (strcmp(tidy, joined) != 0 &&
            (stat(tidy, &b) != 0 || b.st_dev != a.st_dev ||
             b.st_ino != a.st_ino)) {
            sg_free(tidy);
            l->name = sg_strdup(joined);
            return l->name ? 0 : -1;
        }
    }
    l->name = tidy;
    return 0;
}

static int same_file(const struct link *a, const struct link *b)
{
    if (a->have_id && b->have_id)
        return a->dev == b->dev && a->ino == b->ino;
    return strcmp(a->name, b->name) == 0;
}

/* --- merging trees --------------------------------------------------- */

/* The index of key in mapping map, or -1. */
static long find_key(const struct node *map, const char *key)
{
    size_t i;

    for (i = 0; i < map->count; i++) {
        const struct node *k = map->items[2 * i];

        if (k->kind == NODE_SCALAR && strcmp(k->text, key) == 0)
            return (long)i;
    }
    return -1;
}

/* The value of a plain integer scalar in *v; 0, or -1 when n is not one. */
static int plain_int(const struct node *n, long *v)
{
    char *end;

    if (n == NULL || n->kind != NODE_SCALAR || !n->plain || n->len == 0 ||
        n->len > 12)
        return -1;
    errno = 0;
    *v = strtol(n->text, &end, 10);
    return errno == 0 && *end == '\0' ? 0 : -1;
}

struct merger {
    struct overlay *ov;
    struct node *root;       /* the base's root: the tree being changed */
    struct diag_list *dl;
    const char *first_lang;  /* registry.languages[0] after the merge */
    int failed;              /* out of memory */
};

static void merge_value(struct merger *m, struct node *map, size_t i,
                        struct node *value);

/* Appends to the base's collection, or records that memory ran out. */
static void append(struct merger *m, struct node *coll, struct node *item,
                   struct node *value)
{
    if (node_append(m->root, coll, item, value) != 0)
        m->failed = 1;
}

/* Every key of the overlay's mapping o into the base's mapping b: a
 * mapping on both sides merges, anything else replaces. */
static void merge_map(struct merger *m, struct node *b, struct node *o)
{
    size_t i;

    for (i = 0; i < o->count; i++) {
        struct node *k = o->items[2 * i], *v = o->items[2 * i + 1];
        long at;

        if (k->kind != NODE_SCALAR)
            continue; /* reported by the loader */
        at = find_key(b, k->text);
        if (at < 0)
            append(m, b, k, v);
        else
            merge_value(m, b, (size_t)at, v);
    }
}

/* The value of pair i of the base's mapping map becomes value, or takes
 * it in when both are mappings.  A plain text meets a mapping as the
 * first language's text (a language map written short). */
static void merge_value(struct merger *m, struct node *map, size_t i,
                        struct node *value)
{
    struct node *old = map->items[2 * i + 1];

    if (old->kind == NODE_MAPPING && value->kind == NODE_MAPPING) {
        merge_map(m, old, value);
        return;
    }
    if (old->kind == NODE_SCALAR && value->kind == NODE_MAPPING &&
        m->first_lang && old->len > 0) {
        struct node *lang, *wrap;
        struct sg_arena *a = &m->ov->arena;

        /* {first: old}, then the overlay's languages over it */
        lang = (struct node *)sg_arena_calloc(a, sizeof *lang);
        wrap = (struct node *)sg_arena_calloc(a, sizeof *wrap);
        if (lang == NULL || wrap == NULL ||
            (lang->text = sg_arena_strndup(a, m->first_lang,
                                           strlen(m->first_lang))) == NULL ||
            (wrap->items = (struct node **)sg_arena_calloc(
                 a, 2 * sizeof *wrap->items)) == NULL) {
            m->failed = 1;
            return;
        }
        lang->kind = NODE_SCALAR;
        lang->len = strlen(m->first_lang);
        lang->plain = 1;
        lang->pos = old->pos;
        wrap->kind = NODE_MAPPING;
        wrap->pos = value->pos; /* its shape is the overlay's */
        wrap->items[0] = lang;
        wrap->items[1] = old;
        wrap->count = 1;
        wrap->cap = 2;
        map->items[2 * i + 1] = wrap;
        merge_map(m, wrap, value);
        return;
    }
    map->items[2 * i + 1] = value;
}

/* The overlay's sequence o added to the value of pair at of the base's
 * mapping b. */
static void merge_append(struct merger *m, struct node *b, long at,
                         struct node *o)
{
    struct node *old = b->items[2 * at + 1];
    size_t i;

    if (old->kind != NODE_SEQUENCE || o->kind != NODE_SEQUENCE) {
        b->items[2 * at + 1] = o; /* the schema reports the shape */
        return;
    }
    for (i = 0; i < o->count; i++)
        append(m, old, o->items[i], NULL);
}

/* The key an entry of a named list goes by: a code's number as text,
 * else the value of key ("name", "id"); NULL when it has none. */
static const struct node *entry_key(const struct node *e, const char *key)
{
    long at;

    if (e->kind != NODE_MAPPING || (at = find_key(e, key)) < 0)
        return NULL;
    return e->items[2 * at + 1];
}

/* Whether two entries' keys are the same (codes by number). */
static int same_key(const struct node *a, const struct node *b, int numeric)
{
    long x, y;

    if (a == NULL || b == NULL || a->kind != NODE_SCALAR ||
        b->kind != NODE_SCALAR)
        return 0;
    if (numeric)
        return plain_int(a, &x) == 0 && plain_int(b, &y) == 0 && x == y;
    return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/* A base entry of a list with its key k (a code's number in num) and
 * its index, sorted by key. */
struct keyed {
    const struct node *k;
    long num;
    int numeric;
    size_t index;
};

static int keyed_cmp(const void *a, const void *b)
{
    const struct keyed *x = (const struct keyed *)a;
    const struct keyed *y = (const struct keyed *)b;

    if (x->num != y->num)
        return x->num < y->num ? -1 : 1;
    if (x->numeric)
        return 0;
    if (x->k->len != y->k->len)
        return x->k->len < y->k->len ? -1 : 1;
    return memcmp(x->k->text, y->k->text, x->k->len);
}

/* The base's entries of a named list, sorted for lookups; NULL when
 * memory runs out (*n 0 for an empty list). */
static struct keyed *index_entries(const struct node *list, const char *key,
                                   int numeric, size_t *n)
{
    struct keyed *v = (struct keyed *)sg_calloc(list->count + 1, sizeof *v);
    size_t i;

    *n = 0;
    if (v == NULL)
        return NULL;
    for (i = 0; i < list->count; i++) {
        const struct node *k = entry_key(list->items[i], key);
        long num = 0;

        if (k == NULL || k->kind != NODE_SCALAR ||
            (numeric && plain_int(k, &num) != 0))
            continue;
        v[*n].k = k;
        v[*n].num = num;
        v[*n].numeric = numeric;
        v[*n].index = i;
        (*n)++;
    }
    qsort(v, *n, sizeof *v, keyed_cmp);
    return v;
}

/* The index in the base's list of the entry whose key is k, or -1. */
static long lookup_entry(const struct keyed *v, size_t n, const struct node *k,
                         int numeric)
{
    struct keyed key;
    const struct keyed *hit;

    memset(&key, 0, sizeof key);
    key.k = k;
    key.numeric = numeric;
    if (k == NULL || k->kind != NODE_SCALAR ||
        (numeric && plain_int(k, &key.num) != 0))
        return -1;
    hit = (const struct keyed *)bsearch(&key, v, n, sizeof *v, keyed_cmp);
    return hit ? (long)hit->index : -1;
}

/* A list of named entries ('codes' by number, 'classes'... by name). */
static void merge_named(struct merger *m, struct node *b, long at,
                        struct node *o, const char *key, int numeric)
{
    struct node *list = at >= 0 ? b->items[2 * at + 1] : NULL;
    struct keyed *idx;
    size_t i, n, base_count;

    if (list == NULL || list->kind != NODE_SEQUENCE ||
        o->kind != NODE_SEQUENCE) {
        merge_append(m, b, at, o);
        return;
    }
    base_count = list->count;
    idx = index_entries(list, key, numeric, &n);
    if (idx == NULL) {
        m->failed = 1;
        return;
    }
    for (i = 0; i < o->count; i++) {
        struct node *e = o->items[i];
        long hit = lookup_entry(idx, n, entry_key(e, key), numeric);
        size_t j;

        /* an entry the overlay added itself is looked for too */
        for (j = base_count; hit < 0 && j < list->count; j++)
            if (same_key(entry_key(list->items[j], key), entry_key(e, key),
                         numeric))
                hit = (long)j;
        if (hit >= 0 && e->kind == NODE_MAPPING &&
            list->items[hit]->kind == NODE_MAPPING)
            merge_map(m, list->items[hit], e);
        else
            append(m, list, e, NULL);
    }
    sg_free(idx);
}

/* 'remove': the base's codes listed go. */
static void apply_remove(struct merger *m, struct node *b, const struct node *r,
                         const char *base_name)
{
    long at = find_key(b, "codes");
    struct node *codes = at >= 0 ? b->items[2 * at + 1] : NULL;
    struct keyed *idx = NULL;
    unsigned char *gone = NULL;
    size_t i, n = 0, k;

    if (r->kind != NODE_SEQUENCE) {
        diag_error(m->dl, r->pos, "'remove' must be a list of codes");
        return;
    }
    if (codes && codes->kind == NODE_SEQUENCE) {
        idx = index_entries(codes, "code", 1, &n);
        gone = (unsigned char *)sg_calloc(codes->count + 1, 1);
        if (idx == NULL || gone == NULL) {
            m->failed = 1;
            goto done;
        }
    }
    for (i = 0; i < r->count; i++) {
        const struct node *c = r->items[i];
        long hit, v;

        if (plain_int(c, &v) != 0) {
            diag_error(m->dl, c->pos, "'remove' lists codes (integers), "
                       "not %s%.40s%s",
                       c->kind == NODE_SCALAR ? "'" : "",
                       c->kind == NODE_SCALAR ? c->text
                       : c->kind == NODE_MAPPING ? "a mapping"
                                                 : "a sequence",
                       c->kind == NODE_SCALAR ? "'" : "");
            continue;
        }
        hit = idx ? lookup_entry(idx, n, c, 1) : -1;
        if (hit < 0 || gone[hit]) {
            diag_error(m->dl, c->pos, "code %ld in 'remove' is not a code "
                       "of '%s', the spec this one extends", v, base_name);
            continue;
        }
        gone[hit] = 1;
    }
    if (gone) {
        for (i = 0, k = 0; i < codes->count; i++)
            if (!gone[i])
                codes->items[k++] = codes->items[i];
        codes->count = k;
    }
done:
    sg_free(idx);
    sg_free(gone);
}

/* The first language of the merged registry, or NULL. */
static const char *first_language(const struct node *root)
{
    const struct node *reg = node_get(root, "registry");
    const struct node *langs = node_get(reg, "languages");

    if (langs == NULL)
        return NULL;
    if (langs->kind == NODE_SCALAR)
        return langs->text;
    if (langs->kind == NODE_SEQUENCE && langs->count &&
        langs->items[0]->kind == NODE_SCALAR)
        return langs->items[0]->text;
    return NULL;
}

/* The overlay's tree o into the base's tree b (both mappings). */
static void merge_spec(struct merger *m, struct node *b, struct node *o,
                       const char *base_name)
{
    static const struct {
        const char *list, *key;
        int numeric;
    } named[] = {{"codes", "code", 1},  {"classes", "name", 0},
                 {"traits", "name", 0}, {"fields", "name", 0},
                 {"sources", "id", 0}};
    const struct node *r = node_get(o, "remove");
    long at;
    size_t i, j;

    /* The registry first: the languages decide how texts merge. */
    if ((at = find_key(o, "registry")) >= 0) {
        struct node *oreg = o->items[2 * at + 1];
        long bat = find_key(b, "registry");

        if (bat >= 0 && oreg->kind == NODE_MAPPING &&
            b->items[2 * bat + 1]->kind == NODE_MAPPING) {
            struct node *breg = b->items[2 * bat + 1];

            for (i = 0; i < oreg->count; i++) {
                struct node *k = oreg->items[2 * i];
                struct node *v = oreg->items[2 * i + 1];
                long kat;

                if (k->kind != NODE_SCALAR)
                    continue;
                kat = find_key(breg, k->text);
                if (kat >= 0 && strcmp(k->text, "languages") == 0)
                    merge_append(m, breg, kat, v);
                else if (kat >= 0)
                    merge_value(m, breg, (size_t)kat, v);
                else
                    append(m, breg, k, v);
            }
        } else if (bat >= 0) {
            b->items[2 * bat + 1] = oreg;
        } else {
            append(m, b, o->items[2 * at], oreg);
        }
    }
    m->first_lang = first_language(b);
    if (r)
        apply_remove(m, b, r, base_name);
    for (i = 0; i < o->count; i++) {
        struct node *k = o->items[2 * i], *v = o->items[2 * i + 1];

        if (k->kind != NODE_SCALAR || strcmp(k->text, "registry") == 0 ||
            strcmp(k->text, "extends") == 0 ||
            strcmp(k->text, "remove") == 0)
            continue;
        at = find_key(b, k->text);
        for (j = 0; j < sizeof named / sizeof named[0]; j++)
            if (strcmp(named[j].list, k->text) == 0)
                break;
        if (j < sizeof named / sizeof named[0]) {
            if (at < 0)
                append(m, b, k, v);
            else
                merge_named(m, b, at, v, named[j].key, named[j].numeric);
        } else if (strcmp(k->text, "reserved") == 0 ||
                   strcmp(k->text, "reserved_names") == 0) {
            if (at < 0)
                append(m, b, k, v);
            else
                merge_append(m, b, at, v);
        } else if (at < 0) {
            append(m, b, k, v);
        } else {
            merge_value(m, b, (size_t)at, v);
        }
    }
}

/* --- reading the chain ----------------------------------------------- */

/* Checks a base's top: a mapping that says statusgen: 1. */
static int check_base(const struct node *root, const struct link *l,
                      const struct node *ext, struct diag_list *dl)
{
    const struct node *v;

    if (root == NULL) {
        diag_error(dl, ext->pos, "'%.200s', the spec 'extends' names, is "
                   "empty", l->name);
        return -1;
    }
    if (root->kind != NODE_MAPPING) {
        diag_error(dl, root->pos, "a spec must be a mapping with the keys "
                   "statusgen, registry and codes");
        return -1;
    }
    v = node_get(root, "statusgen");
    if (v == NULL || v->kind != NODE_SCALAR || strcmp(v->text, "1") != 0) {
        diag_error(dl, v ? v->pos : root->pos, "a spec that another "
                   "extends must say 'statusgen: 1' (the spec format "
                   "version)");
        return -1;
    }
    return 0;
}

/* Reads the spec that link from's 'extends' names into to. */
static int read_link(struct link *from, struct link *to, int *base,
                     const struct spec_reader *rd, struct spec *spec,
                     struct diag_list *dl)
{
    const struct node *ext = from->extends;
    struct diag_list rdl;
    char *joined, *data = NULL;
    size_t len = 0;
    int rc = -1;

    if (ext->kind != NODE_SCALAR || ext->len == 0 ||
        memchr(ext->text, '\0', ext->len) != NULL) {
        diag_error(dl, ext->pos, "'extends' must name the spec this one "
                   "builds on (a file name)");
        return -1;
    }
    joined = join_path(from->name, ext->text, rd->rev_paths);
    if (joined == NULL || name_link(to, joined, rd->rev_paths) != 0) {
        sg_free(joined);
        diag_oom(dl);
        return -1;
    }
    /* A file is read by the path as joined (so that links lead where
     * they lead); a git path by its tidy name. */
    diag_init(&rdl, joined);
    if (rd->read(rd->arg, rd->rev_paths ? to->name : joined, &data, &len,
                 &rdl) != 0) {
        diag_error(dl, ext->pos, "cannot read '%.200s', the spec 'extends' "
                   "names: %s", rd->rev_paths ? to->name : joined,
                   rdl.count ? rdl.items[0].msg : "out of memory");
        goto done;
    }
    if (diag_add_file(dl, to->name, *base) != 0 ||
        spec_add_input(spec, to->name) != 0) {
        diag_oom(dl);
        goto done;
    }
    if (spec_parse_at(data, len, *base, dl, NULL, &to->root) == 0 &&
        check_base(to->root, to, ext, dl) == 0) {
        rc = 0;
        to->extends = node_get(to->root, "extends");
    }
    *base += text_lines(data, len);
done:
    sg_free(data);
    sg_free(joined);
    diag_free(&rdl);
    return rc;
}

int overlay_merge(struct overlay *ov, const char *path, int lines,
                  struct node **root, const struct spec_reader *rd,
                  struct spec *spec, struct diag_list *dl)
{
    struct link chain[SG_MAX_EXTENDS + 1];
    size_t n = 1, i;
    int base = lines, rc = -1;
    struct merger m;

    memset(chain, 0, sizeof chain);
    if (keep_tree(ov, *root) != 0) {
        *root = NULL;
        diag_oom(dl);
        return -1;
    }
    chain[0].root = *root;
    chain[0].extends = node_get(*root, "extends");
    if (strcmp(path, "-") == 0)
        chain[0].name = sg_strdup("-");
    else if (name_link(&chain[0], path, rd->rev_paths) != 0)
        chain[0].name = NULL;
    if (chain[0].name == NULL) {
        diag_oom(dl);
        goto done;
    }
    while (chain[n - 1].extends) {
        const struct node *ext = chain[n - 1].extends;

        if (n > SG_MAX_EXTENDS) {
            diag_error(dl, ext->pos, "'extends' goes deeper than %d specs",
                       SG_MAX_EXTENDS);
            goto done;
        }
        if (read_link(&chain[n - 1], &chain[n], &base, rd, spec, dl) != 0) {
            if (chain[n].root && keep_tree(ov, chain[n].root) != 0)
                diag_oom(dl);
            n++;
            goto done;
        }
        if (keep_tree(ov, chain[n].root) != 0) {
            diag_oom(dl);
            n++;
            goto done;
        }
        for (i = 0; i < n; i++) {
            if (!same_file(&chain[i], &chain[n]))
                continue;
            diag_error(dl, ext->pos, "'extends' goes round in a circle: "
                       "'%.200s' is read already", chain[n].name);
            if (chain[i].extends)
                diag_note(dl, chain[i].extends->pos, "'%.200s' extends "
                          "'%.200s' here", chain[i].name, chain[i + 1].name);
            n++;
            goto done;
        }
        n++;
    }
    /* The last spec is the base of them all: merge upwards. */
    memset(&m, 0, sizeof m);
    m.ov = ov;
    m.root = chain[n - 1].root;
    m.dl = dl;
    for (i = n - 1; i > 0; i--)
        merge_spec(&m, chain[n - 1].root, chain[i - 1].root, chain[i].name);
    if (m.failed) {
        diag_oom(dl);
        goto done;
    }
    /* Errors of the merge ('remove') leave a tree worth checking. */
    *root = chain[n - 1].root;
    rc = 0;
done:
    for (i = 0; i < n; i++)
        sg_free(chain[i].name);
    if (rc != 0)
        *root = NULL;
    return rc;
}
