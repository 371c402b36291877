/* SPDX-License-Identifier: MIT */
/*
 * loader.c - YAML text to document tree, with libyaml's event API.
 *
 * The only file that includes <yaml.h>.  It uses yaml_parser_parse (events)
 * rather than libyaml's document loader: the loader is quadratic on deep
 * nesting, expands aliases and keeps only the last of duplicate keys, while
 * here every event is checked as it comes and nothing is expanded.
 */
#include "node.h"

#include "alloc.h"

#include <yaml.h>

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A tree: the root node and the arena every node and text comes from. */
struct node_tree {
    struct node root;       /* first, so a root is its tree */
    struct sg_arena arena;
};

void node_free(struct node *root)
{
    struct node_tree *t = (struct node_tree *)(void *)root;

    if (t == NULL)
        return;
    sg_arena_free(&t->arena);
    sg_free(t);
}

const struct node *node_get(const struct node *map, const char *key)
{
    size_t i;

    if (map == NULL || map->kind != NODE_MAPPING)
        return NULL;
    for (i = 0; i < map->count; i++) {
        const struct node *k = map->items[2 * i];

        if (k->kind == NODE_SCALAR && k->text[0] == key[0] &&
            strcmp(k->text, key) == 0)
            return map->items[2 * i + 1];
    }
    return NULL;
}

int spec_read_file(const char *path, char **data, size_t *len,
                   struct diag_list *dl)
{
    static const struct sg_pos nopos = {0, 0};
    FILE *f;
    char *buf = NULL;
    size_t used = 0, cap = 0;
    int is_stdin = strcmp(path, "-") == 0;
    struct stat st;

    *data = NULL;
    *len = 0;
    if (!is_stdin && stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            diag_error(dl, nopos, "is a directory, not a file");
            return -1;
        }
        /* A regular file's size is known: refuse before reading it. */
        if (S_ISREG(st.st_mode) &&
            (unsigned long long)st.st_size > SG_MAX_FILE_SIZE) {
            diag_error(dl, nopos, "the file is larger than the limit of %lu MiB",
                       SG_MAX_FILE_SIZE / (1024 * 1024));
            return -1;
        }
    }
    f = is_stdin ? stdin : fopen(path, "rb");
    if (f == NULL) {
        diag_error(dl, nopos, "cannot open: %s", strerror(errno));
        return -1;
    }
    for (;;) {
        size_t n;

        if (cap - used < 65536) {
            if (sg_grow((void **)&buf, &cap, used + 65536 + 1, 1) != 0) {
                diag_oom(dl);
                goto fail;
            }
        }
        n = fread(buf + used, 1, cap - used - 1, f);
        used += n;
        if (used > SG_MAX_FILE_SIZE) {
            diag_error(dl, nopos, "the file is larger than the limit of %lu MiB",
                       SG_MAX_FILE_SIZE / (1024 * 1024));
            goto fail;
        }
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        diag_error(dl, nopos, "cannot read: %s", strerror(errno));
        goto fail;
    }
    if (!is_stdin)
        fclose(f);
    if (buf == NULL && (buf = (char *)sg_malloc(1)) == NULL) {
        diag_oom(dl);
        return -1;
    }
    buf[used] = '\0';
    *data = buf;
    *len = used;
    return 0;
fail:
    if (!is_stdin)
        fclose(f);
    sg_free(buf);
    return -1;
}

/* Position of byte offset off in data, 1-based, columns in characters;
 * lines counted from base + 1 (see struct sg_pos). */
static struct sg_pos pos_of_offset(const char *data, size_t off, int base)
{
    struct sg_pos p;
    size_t i;

    p.line = base + 1;
    p.col = 1;
    for (i = 0; i < off; i++) {
        unsigned char c = (unsigned char)data[i];

        if (c == '\n') {
            p.line++;
            p.col = 1;
        } else if ((c & 0xC0) != 0x80) {
            p.col++;
        }
    }
    return p;
}

/*
 * Checks that data is UTF-8 holding only characters YAML allows (tab, line
 * breaks and printable characters; a byte order mark only as the first
 * character, which the caller has already set aside).  Reports the first
 * offence with its line and column and returns -1; 0 when the text is fine.
 */
static int check_text(const char *data, size_t len, int base,
                      struct diag_list *dl)
{
    const unsigned char *s = (const unsigned char *)data;
    size_t i = 0;

    while (i < len) {
        unsigned long cp;
        size_t n, k;
        unsigned char c;

        while (i < len && s[i] >= 0x20 && s[i] < 0x7f)
            i++; /* printable ASCII, most of any spec */
        if (i == len)
            break;
        c = s[i];
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                diag_error(dl, pos_of_offset(data, i, base),
                           c == 0 ? "NUL byte in the spec"
                                  : "control character 0x%02X in the spec",
                           c);
                return -1;
            }
            if (c == 0x7f) {
                diag_error(dl, pos_of_offset(data, i, base),
                           "control character 0x7F in the spec");
                return -1;
            }
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
        } else {
            goto bad;
        }
        if (i + n > len)
            goto bad;
        for (k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                goto bad;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto bad;
        if ((cp >= 0x80 && cp <= 0x9F && cp != 0x85) || cp == 0xFFFE ||
            cp == 0xFFFF || cp == 0xFEFF) {
            diag_error(dl, pos_of_offset(data, i, base),
                       "character U+%04lX is not allowed in a spec", cp);
            return -1;
        }
        i += n;
    }
    return 0;
bad:
    diag_error(dl, pos_of_offset(data, i, base),
               "invalid UTF-8 (byte 0x%02X); a spec must be UTF-8 text",
               s[i]);
    return -1;
}

/* libyaml marks are 0-based; ours are 1-based, lines from base + 1. */
static struct sg_pos pos_of_mark(yaml_mark_t m, int base)
{
    struct sg_pos p;

    p.line = base + (int)m.line + 1;
    p.col = (int)m.column + 1;
    return p;
}

/* Returns the byte at a 1-based line and character column, or 0. */
static unsigned char byte_at(const char *data, size_t len, struct sg_pos p)
{
    size_t i = 0;
    int line = 1, col = 1;

    while (i < len && line < p.line) {
        if (data[i++] == '\n')
            line++;
    }
    while (i < len && col < p.col && data[i] != '\n') {
        i++;
        while (i < len && ((unsigned char)data[i] & 0xC0) == 0x80)
            i++;
        col++;
    }
    return i < len ? (unsigned char)data[i] : 0;
}

struct loader {
    struct diag_list *dl;
    const char *data;
    size_t len;
    int base;               /* line numbers start at base + 1 */
    struct node_tree *tree; /* root and arena; root unused until set */
    struct node *root;
    struct node *stack[SG_MAX_DEPTH + 1];
    int depth;
    unsigned long nodes;
    int fatal;              /* stop reading events */
    const struct node_stream *stream;
    struct node *streamed;  /* the sequence being streamed, or NULL */
    struct sg_arena_mark item_mark; /* arena before the current item */
};

/* Grows a collection's items to hold need entries, in the arena: the old
 * array stays there unused, which costs at most the size of the final
 * one. */
static int grow_items(struct sg_arena *arena, struct node *n, size_t need)
{
    struct node **items;
    size_t cap;

    if (need <= n->cap)
        return 0;
    cap = n->cap ? n->cap * 2 : 4;
    while (cap < need && cap <= ((size_t)-1) / 4 / sizeof *items)
        cap *= 2;
    if (cap < need || cap > ((size_t)-1) / 2 / sizeof *items)
        return -1;
    items = (struct node **)sg_arena_alloc(arena, cap * sizeof *items);
    if (items == NULL)
        return -1;
    if (n->cap)
        memcpy(items, n->items, n->cap * sizeof *items);
    n->items = items;
    n->cap = cap;
    return 0;
}

int node_append(struct node *root, struct node *coll, struct node *item,
                struct node *value)
{
    struct node_tree *t = (struct node_tree *)(void *)root;
    size_t used = coll->kind == NODE_MAPPING ? coll->count * 2 : coll->count;

    if (grow_items(&t->arena, coll, used + (value ? 2 : 1)) != 0)
        return -1;
    coll->items[used] = item;
    if (value)
        coll->items[used + 1] = value;
    coll->count++;
    return 0;
}

void node_remove(struct node *coll, size_t i)
{
    size_t width = coll->kind == NODE_MAPPING ? 2 : 1;

    memmove(coll->items + i * width, coll->items + (i + 1) * width,
            (coll->count - i - 1) * width * sizeof *coll->items);
    coll->count--;
}

/* Hands a complete item of the streamed sequence to the consumer and
 * frees it. */
static void stream_item(struct loader *ld, const struct node *item)
{
    ld->stream->item(ld->stream->arg, item);
    sg_arena_release(&ld->tree->arena, ld->item_mark);
}

/* Appends child to the open collection, or makes it the root. */
static int attach(struct loader *ld, struct node *child)
{
    struct node *parent;

    if (ld->depth == 0) {
        ld->root = child;
        return 0;
    }
    parent = ld->stack[ld->depth - 1];
    if (parent == ld->streamed) {
        parent->count++;    /* counted, handed on when complete */
        return 0;
    }
    if (parent->kind == NODE_MAPPING) {
        /* mapping: items fill key, value, key, value ...; count (pairs)
         * grows when the value arrives. */
        size_t used = parent->count * 2 + (size_t)parent->open_key;

        if (grow_items(&ld->tree->arena, parent, used + 1) != 0)
            goto oom;
        parent->items[used] = child;
        if (parent->open_key) {     /* this was the value */
            parent->open_key = 0;
            parent->count++;
        } else {
            parent->open_key = 1;   /* a key waits for its value */
        }
        return 0;
    }
    if (grow_items(&ld->tree->arena, parent, parent->count + 1) != 0)
        goto oom;
    parent->items[parent->count++] = child;
    return 0;
oom:
    diag_oom(ld->dl);
    ld->fatal = 1;
    return -1;
}

static struct node *new_node(struct loader *ld, enum node_kind kind,
                             yaml_mark_t mark)
{
    struct node *n;

    if (++ld->nodes > SG_MAX_NODES) {
        diag_error(ld->dl, pos_of_mark(mark, ld->base),
                   "spec has more than %lu YAML nodes", SG_MAX_NODES);
        ld->fatal = 1;
        return NULL;
    }
    if (ld->streamed && ld->depth > 0 &&
        ld->stack[ld->depth - 1] == ld->streamed)
        ld->item_mark = sg_arena_mark(&ld->tree->arena);
    if (ld->depth == 0) {
        n = &ld->tree->root;
        memset(n, 0, sizeof *n);
    } else {
        n = (struct node *)sg_arena_calloc(&ld->tree->arena, sizeof *n);
    }
    if (n == NULL) {
        diag_oom(ld->dl);
        ld->fatal = 1;
        return NULL;
    }
    n->kind = kind;
    n->pos = pos_of_mark(mark, ld->base);
    return n;
}

/* Rejects what a spec has no use for: anchors and explicit tags. */
static void check_props(struct loader *ld, yaml_mark_t mark,
                        const yaml_char_t *anchor, const yaml_char_t *tag)
{
    if (anchor)
        diag_error(ld->dl, pos_of_mark(mark, ld->base),
                   "anchor '&%.40s': anchors and aliases are not allowed in "
                   "a spec", (const char *)anchor);
    if (tag)
        diag_error(ld->dl, pos_of_mark(mark, ld->base),
                   "tag '%.60s': tags are not allowed in a spec",
                   (const char *)tag);
}

struct key_ref {
    const struct node *key;
    size_t index;
};

static int key_cmp(const void *a, const void *b)
{
    const struct key_ref *x = (const struct key_ref *)a;
    const struct key_ref *y = (const struct key_ref *)b;
    int c;

    if (x->key->len != y->key->len)
        return x->key->len < y->key->len ? -1 : 1;
    c = memcmp(x->key->text, y->key->text, x->key->len);
    if (c)
        return c;
    return x->index < y->index ? -1 : (x->index > y->index);
}

static int same_key(const struct node *a, const struct node *b)
{
    return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/*
 * Reports keys that are not scalars and keys given twice (sorting keeps
 * this O(n log n) for any size of mapping).
 */
static void check_keys(struct loader *ld, const struct node *map)
{
    struct key_ref *refs, small_refs[16];
    size_t *first, small_first[16];
    size_t i, n = 0;

    if (map->count <= 16) {
        /* the usual small mapping: no allocation */
        refs = small_refs;
        first = small_first;
    } else {
        refs = (struct key_ref *)sg_calloc(map->count, sizeof *refs);
        first = (size_t *)sg_calloc(map->count, sizeof *first);
        if (refs == NULL || first == NULL) {
            sg_free(refs);
            sg_free(first);
            diag_oom(ld->dl);
            return;
        }
    }
    for (i = 0; i < map->count; i++) {
        const struct node *k = map->items[2 * i];

        first[i] = i;
        if (k->kind != NODE_SCALAR) {
            diag_error(ld->dl, k->pos, "a mapping key must be a scalar");
            continue;
        }
        refs[n].key = k;
        refs[n].index = i;
        n++;
    }
    if (refs == small_refs) {
        /* a few keys: each against those before it */
        for (i = 1; i < n; i++) {
            size_t j;

            for (j = 0; j < i; j++)
                if (same_key(refs[j].key, refs[i].key)) {
                    first[refs[i].index] = refs[j].index;
                    break;
                }
        }
    } else {
        qsort(refs, n, sizeof *refs, key_cmp);
        for (i = 1; i < n; i++)
            if (same_key(refs[i].key, refs[i - 1].key))
                first[refs[i].index] = first[refs[i - 1].index];
    }
    for (i = 0; i < map->count; i++) {
        if (first[i] != i) {
            const struct node *k = map->items[2 * i];

            diag_error(ld->dl, k->pos, "duplicate key '%.60s'", k->text);
            diag_note(ld->dl, map->items[2 * first[i]]->pos,
                      "'%.60s' first given here", k->text);
        }
    }
    if (refs != small_refs) {
        sg_free(refs);
        sg_free(first);
    }
}

/* Columns (1-based) where a line may start a key, from the lines before
 * it: the stack of open block indentations (a "- " item adds its dash and
 * its content).  A heuristic for hints only: block scalars and flow
 * collections over several lines are not followed. */
#define HINT_DEPTH 32

struct indent_stack {
    int col[HINT_DEPTH];
    int n;
};

/* Pushes col unless the top is col; drops the columns deeper than it. */
static void indent_push(struct indent_stack *st, int col)
{
    while (st->n > 0 && st->col[st->n - 1] > col)
        st->n--;
    if ((st->n == 0 || st->col[st->n - 1] != col) && st->n < HINT_DEPTH)
        st->col[st->n++] = col;
}

static int indent_open(const struct indent_stack *st, int col)
{
    int i;

    for (i = 0; i < st->n; i++)
        if (st->col[i] == col)
            return 1;
    return 0;
}

/*
 * Adds a hint to a libyaml structure error at line: when the line starts
 * at a column no block above it is open at (the usual cause of "did not
 * find expected key" and of "mapping values are not allowed"), which
 * columns it may start at; when the line is indented right but holds a
 * second ": " before the problem's column col, that the value must be
 * quoted.
 */
static void yaml_hint(struct loader *ld, int line, int col)
{
    struct indent_stack st;
    const char *s = ld->data, *end = ld->data + ld->len, *l = NULL;
    const char *colon, *prev, *value, *lim;
    int n = 1, prev_line = 0;
    char cols[64];

    st.n = 0;
    while (s < end && n <= line) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        const char *c = s;

        if (e == NULL)
            e = end;
        while (c < e && *c == ' ')
            c++;
        if (n == line) {
            l = s;
            break;
        }
        if (c < e && *c != '#' && *c != '\r' && *c != '\t') {
            indent_push(&st, (int)(c - s) + 1);
            prev_line = n;
            /* "- key: v": the item's mapping starts after the dash */
            while (c + 1 < e && c[0] == '-' && c[1] == ' ') {
                c += 2;
                while (c < e && *c == ' ')
                    c++;
                if (c < e && *c != '#')
                    indent_push(&st, (int)(c - s) + 1);
            }
        }
        s = e + 1;
        n++;
    }
    if (l == NULL || st.n == 0)
        return;
    for (s = l; s < end && *s == ' '; s++)
        ;
    if (s == end || *s == '\n' || *s == '\t')
        return;
    if (!indent_open(&st, (int)(s - l) + 1)) {
        int i, len = 0;

        cols[0] = '\0';
        for (i = st.n - 2; i >= 0 && len < 40; i--)
            len += snprintf(cols + len, sizeof cols - (size_t)len,
                            "%s%d", i == st.n - 2 ? "" : i ? ", " : " or ",
                            st.col[i]);
        diag_note(ld->dl, (struct sg_pos){line, (int)(s - l) + 1},
                  "this line starts at column %d; a key here starts at "
                  "column %d, as on line %d%s%s (indent with spaces)",
                  (int)(s - l) + 1, st.col[st.n - 1], prev_line,
                  st.n > 1 ? ", or, closing blocks, at column " : "",
                  st.n > 1 ? cols : "");
        return;
    }
    /* A second ": " on a well indented line, up to the problem: an
     * unquoted value.  The key is the word before the first of the last
     * two; in a flow collection the value ends at ',' or '}'. */
    for (lim = l, n = 1; lim < end && *lim != '\n' && n < col; n++) {
        lim++;
        while (lim < end && ((unsigned char)*lim & 0xC0) == 0x80)
            lim++;
    }
    colon = prev = NULL;
    for (value = s; value + 1 < end && *value != '\n' && value <= lim;
         value++)
        if (value[0] == ':' && value[1] == ' ') {
            prev = colon;
            colon = value;
        }
    if (prev != NULL) {
        const char *k = prev, *v = prev + 2, *ve;
        int flow;

        while (k > s && (isalnum((unsigned char)k[-1]) || k[-1] == '_' ||
                         k[-1] == '-'))
            k--;
        flow = k > s && (k[-1] == '{' || k[-1] == ',' || k[-1] == ' ') &&
               memchr(s, '{', (size_t)(k - s)) != NULL;
        while (*v == ' ')
            v++;
        for (ve = v; ve < end && *ve != '\n' && *ve != '\r' &&
                     !(flow && (*ve == ',' || *ve == '}'));
             ve++)
            ;
        diag_note(ld->dl, (struct sg_pos){line, (int)(v - l) + 1},
                  "a value holding ': ' must be quoted: %.*s: \"%.*s\"",
                  (int)(prev - k) > 40 ? 40 : (int)(prev - k), k,
                  (int)(ve - v) > 60 ? 60 : (int)(ve - v), v);
    }
}

/* Reports a libyaml error with its position and context. */
static void report_yaml_error(struct loader *ld, const yaml_parser_t *p)
{
    struct sg_pos pos = pos_of_mark(p->problem_mark, ld->base);
    struct sg_pos here = pos_of_mark(p->problem_mark, 0);
    const char *problem = p->problem ? p->problem : "syntax error";

    switch (p->error) {
    case YAML_MEMORY_ERROR:
        diag_oom(ld->dl);
        return;
    case YAML_READER_ERROR:
        diag_error(ld->dl,
                   pos_of_offset(ld->data, p->problem_offset, ld->base),
                   "%s", problem);
        return;
    default:
        break;
    }
    if (byte_at(ld->data, ld->len, here) == '\t')
        diag_error(ld->dl, pos, "tab character: YAML indents with spaces only");
    else if (p->context)
        diag_error(ld->dl, pos, "%s %s", p->context, problem);
    else
        diag_error(ld->dl, pos, "%s", problem);
    if (p->context && (p->context_mark.line != p->problem_mark.line ||
                       p->context_mark.column != p->problem_mark.column))
        diag_note(ld->dl, pos_of_mark(p->context_mark, ld->base),
                  "%s started here",
                  strncmp(p->context, "while ", 6) == 0
                      ? p->context + 6 : p->context);
    if (p->error == YAML_SCANNER_ERROR || p->error == YAML_PARSER_ERROR)
        yaml_hint(ld, pos.line, pos.col);
}

/* Attaches a scalar; an item of the streamed sequence goes straight on. */
static void attach_scalar(struct loader *ld, struct node *n)
{
    if (attach(ld, n) == 0 && ld->streamed && ld->depth > 0 &&
        ld->stack[ld->depth - 1] == ld->streamed)
        stream_item(ld, n);
}

/* True when the sequence starting now is the one to stream: the value of
 * the first top-level key named stream->key, and the consumer wants it. */
static int starts_stream(struct loader *ld)
{
    const struct node *root = ld->root;
    const struct node *key;

    if (ld->stream == NULL || ld->depth != 1 || root == NULL ||
        root->kind != NODE_MAPPING || !root->open_key ||
        ld->stack[0] != root)
        return 0;
    key = root->items[root->count * 2];
    if (key->kind != NODE_SCALAR || strcmp(key->text, ld->stream->key) != 0 ||
        node_get(root, ld->stream->key) != NULL)
        return 0;
    return ld->stream->begin(ld->stream->arg, root) != 0;
}

/* Handles one event; returns 1 at the end of the stream. */
static int handle_event(struct loader *ld, yaml_event_t *ev, int *documents)
{
    struct node *n;

    switch (ev->type) {
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    case YAML_NO_EVENT:
        return 0;
    case YAML_STREAM_END_EVENT:
        return 1;
    case YAML_DOCUMENT_START_EVENT:
        if (++*documents > 1) {
            diag_error(ld->dl, pos_of_mark(ev->start_mark, ld->base),
                       "a second YAML document: a spec is one document");
            ld->fatal = 1;
        }
        return 0;
    case YAML_ALIAS_EVENT:
        diag_error(ld->dl, pos_of_mark(ev->start_mark, ld->base),
                   "alias '*%.40s': anchors and aliases are not allowed in "
                   "a spec", (const char *)ev->data.alias.anchor);
        n = new_node(ld, NODE_SCALAR, ev->start_mark);
        if (n == NULL)
            return 0;
        n->text = sg_arena_strndup(&ld->tree->arena, "", 0);
        n->plain = 1;
        if (n->text == NULL) {
            diag_oom(ld->dl);
            ld->fatal = 1;
            return 0;
        }
        attach_scalar(ld, n);
        return 0;
    case YAML_SCALAR_EVENT:
        check_props(ld, ev->start_mark, ev->data.scalar.anchor,
                    ev->data.scalar.tag);
        n = new_node(ld, NODE_SCALAR, ev->start_mark);
        if (n == NULL)
            return 0;
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        if (ev->data.scalar.length > SG_MAX_SCALAR) {
            diag_error(ld->dl, n->pos,
                       "scalar of %lu bytes is longer than the limit of "
                       "%lu bytes", (unsigned long)ev->data.scalar.length,
                       SG_MAX_SCALAR);
            n->text = sg_arena_strndup(&ld->tree->arena, "", 0);
        } else {
            n->len = ev->data.scalar.length;
            n->text = sg_arena_strndup(&ld->tree->arena,
                                       (const char *)ev->data.scalar.value,
                                       n->len);
        }
        if (n->text == NULL) {
            diag_oom(ld->dl);
            ld->fatal = 1;
            return 0;
        }
        attach_scalar(ld, n);
        return 0;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        if (ev->type == YAML_SEQUENCE_START_EVENT)
            check_props(ld, ev->start_mark, ev->data.sequence_start.anchor,
                        ev->data.sequence_start.tag);
        else
            check_props(ld, ev->start_mark, ev->data.mapping_start.anchor,
                        ev->data.mapping_start.tag);
        if (ld->depth >= SG_MAX_DEPTH) {
            diag_error(ld->dl, pos_of_mark(ev->start_mark, ld->base),
                       "nesting deeper than %d levels", SG_MAX_DEPTH);
            ld->fatal = 1;
            return 0;
        }
        n = new_node(ld, ev->type == YAML_SEQUENCE_START_EVENT
                             ? NODE_SEQUENCE : NODE_MAPPING,
                     ev->start_mark);
        if (n == NULL)
            return 0;
        if (n->kind == NODE_SEQUENCE && starts_stream(ld)) {
            n->streamed = 1;
            ld->streamed = n;
        }
        if (attach(ld, n) != 0)
            return 0;
        ld->stack[ld->depth++] = n;
        return 0;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        if (ld->depth > 0) {
            n = ld->stack[--ld->depth];
            if (n->kind == NODE_MAPPING)
                check_keys(ld, n);
            if (n == ld->streamed)
                ld->streamed = NULL;
            else if (ld->streamed && ld->depth > 0 &&
                     ld->stack[ld->depth - 1] == ld->streamed)
                stream_item(ld, n);
        }
        return 0;
    }
    return 0;
}

int spec_parse(const char *data, size_t len, struct diag_list *dl,
               struct node **root)
{
    return spec_parse_stream(data, len, dl, NULL, root);
}

int spec_parse_stream(const char *data, size_t len, struct diag_list *dl,
                      const struct node_stream *stream, struct node **root)
{
    return spec_parse_at(data, len, 0, dl, stream, root);
}

int spec_parse_at(const char *data, size_t len, int base,
                  struct diag_list *dl, const struct node_stream *stream,
                  struct node **root)
{
    struct loader ld;
    yaml_parser_t parser;
    int documents = 0;
    size_t errors_before = dl->errors;

    *root = NULL;
    /* A UTF-8 byte order mark is allowed, and set aside here: libyaml,
     * told the encoding, skips it as one column of line 1, and a key
     * written after it then starts a mapping at column 1 that the keys of
     * the next lines, at column 0, do not continue.  Columns of line 1
     * count from the character after it, as an editor shows them. */
    if (len >= 3 && (unsigned char)data[0] == 0xEF &&
        (unsigned char)data[1] == 0xBB && (unsigned char)data[2] == 0xBF) {
        data += 3;
        len -= 3;
    }
    memset(&ld, 0, sizeof ld);
    ld.dl = dl;
    ld.data = data;
    ld.len = len;
    ld.base = base;
    ld.stream = stream;
    if (check_text(data, len, base, dl) != 0)
        return -1;
    ld.tree = (struct node_tree *)sg_malloc(sizeof *ld.tree);
    if (ld.tree == NULL) {
        diag_oom(dl);
        return -1;
    }
    sg_arena_init(&ld.tree->arena);
    if (!yaml_parser_initialize(&parser)) {
        sg_free(ld.tree);
        diag_oom(dl);
        return -1;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    while (!ld.fatal) {
        yaml_event_t ev;
        int end;

        if (!yaml_parser_parse(&parser, &ev)) {
            report_yaml_error(&ld, &parser);
            break;
        }
        end = handle_event(&ld, &ev, &documents);
        yaml_event_delete(&ev);
        if (end)
            break;
    }
    yaml_parser_delete(&parser);
    /* A half-built tree's mappings may end on a key with no value: drop
     * the dangling key so the tree stays consistent. */
    while (ld.depth > 0) {
        struct node *n = ld.stack[--ld.depth];

        if (n->kind == NODE_MAPPING && n->open_key)
            n->open_key = 0;
    }
    if (ld.root == NULL)
        node_free(&ld.tree->root); /* frees the arena too */
    *root = ld.root;
    return dl->errors > errors_before ? -1 : 0;
}
