/*
 * compat.c - breaking changes between two versions of a spec (see
 * compat.h).
 *
 * Codes, names and reserved entries of both specs are put in sorted
 * arrays, so that each lookup costs O(log n) and a registry of 100,000
 * codes compares in well under a second.
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

static int named_cmp(const void *a, const void *b)
{
    return strcmp(((const struct named *)a)->name,
                  ((const struct named *)b)->name);
}

/* Every name and alias of spec, sorted by name; NULL when out of memory
 * (and when there are none: *n is then 0). */
static struct named *names_of(const struct spec *spec, size_t *n)
{
    struct named *v;
    size_t i, j, k = 0;

    for (i = 0; i < spec->ncodes; i++)
        k += 1 + spec->codes[i].naliases;
    v = (struct named *)sg_calloc(k + 1, sizeof *v);
    *n = 0;
    if (v == NULL)
        return NULL;
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[i];

        v[*n].name = c->name.s;
        v[*n].code = c;
        v[*n].pos = c->name.pos;
        (*n)++;
        for (j = 0; j < c->naliases; j++) {
            v[*n].name = c->aliases[j].s;
            v[*n].code = c;
            v[*n].pos = c->aliases[j].pos;
            v[*n].alias = 1;
            (*n)++;
        }
    }
    qsort(v, *n, sizeof *v, named_cmp);
    return v;
}

static const struct named *find_name(const struct named *v, size_t n,
                                     const char *name)
{
    struct named key;

    memset(&key, 0, sizeof key);
    key.name = name;
    return (const struct named *)bsearch(&key, v, n, sizeof *v, named_cmp);
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

static const struct sg_num *find_reserved(const struct spec *spec, long code)
{
    size_t i;

    for (i = 0; i < spec->nreserved; i++)
        if (spec->reserved[i].v == code)
            return &spec->reserved[i];
    return NULL;
}

static const struct sg_str *find_reserved_name(const struct spec *spec,
                                               const char *name)
{
    size_t i;

    for (i = 0; i < spec->nreserved_names; i++)
        if (strcmp(spec->reserved_names[i].s, name) == 0)
            return &spec->reserved_names[i];
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

/* Classes keep their enum value (index) and range; traits their bit. */
static void compare_classes_traits(const struct spec *o, const struct spec *n,
                                   struct compat_report *r)
{
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
    }
    for (i = 0; i < o->ntraits; i++) {
        const struct spec_trait *ot = &o->traits[i];

        for (j = 0; j < n->ntraits; j++)
            if (strcmp(n->traits[j].name.s, ot->name.s) == 0)
                break;
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

/* Warnings for one code present in both: phrase, status, descriptions. */
static void compare_texts(const struct spec *o, const struct spec_code *oc,
                          const struct spec *n, const struct spec_code *nc,
                          struct compat_report *r)
{
    size_t l, k, j;

    if (oc->phrase.s && nc->phrase.s &&
        strcmp(oc->phrase.s, nc->phrase.s) != 0) {
        for (j = 0; j < nc->nformer; j++)
            if (strcmp(nc->former[j].s, oc->phrase.s) == 0)
                break;
        if (j == nc->nformer) {
            add(r, DIAG_WARNING, COMPAT_NEW, nc->phrase.pos, "phrase of %ld "
                "changed from \"%s\" to \"%s\" (keep the old one in "
                "former_phrases: for from_reason())", nc->code, oc->phrase.s,
                nc->phrase.s);
            add(r, DIAG_NOTE, COMPAT_OLD, oc->phrase.pos, "the old phrase");
        }
    }
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

        if (oc->desc[l].s == NULL)
            continue;
        for (k = 0; k < n->reg.nlang; k++)
            if (strcmp(n->reg.languages[k].s, lang) == 0)
                break;
        if (k == n->reg.nlang || nc->desc == NULL || nc->desc[k].s == NULL) {
            add(r, DIAG_WARNING, COMPAT_NEW, nc->pos, "code %ld lost its "
                "description in '%s'", nc->code, lang);
            add(r, DIAG_NOTE, COMPAT_OLD, oc->desc[l].pos, "the old "
                "description");
        }
    }
}

/* Every old name and alias must still name its code, or be retired. */
static void compare_names(const struct spec *o, const struct named *on,
                          size_t non, const struct spec *n,
                          const struct named *nn, size_t nnn,
                          struct compat_report *r)
{
    size_t i;

    for (i = 0; i < non; i++) {
        const struct named *x = &on[i], *y = find_name(nn, nnn, x->name);
        const char *what = x->alias ? "alias" : "name";
        long code = x->code->code;

        if (y && y->code->code == code)
            continue;
        if (y) {
            add(r, DIAG_ERROR, COMPAT_NEW, y->pos, "%s %s now names %ld, "
                "not %ld", what, x->name, y->code->code, code);
            add(r, DIAG_NOTE, COMPAT_OLD, x->pos, "%s %s of %ld here", what,
                x->name, code);
            continue;
        }
        if (find_code(n, code) == NULL && find_reserved(n, code) &&
            find_reserved_name(n, x->name))
            continue; /* retired with its code */
        if (find_code(n, code)) {
            const struct spec_code *nc = find_code(n, code);

            add(r, DIAG_ERROR, COMPAT_NEW, nc->name.pos, "%s %s of %ld is "
                "gone%s; keep it in %s's aliases", what, x->name, code,
                x->alias ? "" : " (renamed without an alias)", nc->name.s);
        } else {
            add(r, DIAG_ERROR, COMPAT_NEW, nopos, "%s %s of %ld is gone "
                "with its code; list it in reserved_names to retire it",
                what, x->name, code);
        }
        add(r, DIAG_NOTE, COMPAT_OLD, x->pos, "%s %s of %ld here", what,
            x->name, code);
    }
    (void)o;
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

int compat_compare(const struct spec *o, const struct spec *n,
                   struct compat_report *r)
{
    struct named *on = NULL, *nn = NULL;
    size_t non = 0, nnn = 0, i;

    compare_registry(o, n, r);
    compare_classes_traits(o, n, r);
    compare_fields(o, n, r);
    for (i = 0; i < o->ncodes; i++) {
        const struct spec_code *oc = &o->codes[o->order[i]];
        const struct spec_code *nc = find_code(n, oc->code);

        if (nc) {
            compare_texts(o, oc, n, nc, r);
            continue;
        }
        if (find_reserved(n, oc->code))
            continue;
        add(r, DIAG_ERROR, COMPAT_NEW, nopos, "code %ld %s was removed; "
            "list it in reserved: to retire it", oc->code, oc->name.s);
        add(r, DIAG_NOTE, COMPAT_OLD, oc->code_pos, "code %ld was defined "
            "here", oc->code);
    }
    /* Retired codes and names stay retired. */
    for (i = 0; i < o->nreserved; i++) {
        const struct sg_num *rv = &o->reserved[i];
        const struct spec_code *nc = find_code(n, rv->v);

        if (nc) {
            add(r, DIAG_ERROR, COMPAT_NEW, nc->code_pos, "code %ld was "
                "reserved and is used again (as %s)", rv->v, nc->name.s);
            add(r, DIAG_NOTE, COMPAT_OLD, rv->pos, "reserved here");
        } else if (!find_reserved(n, rv->v)) {
            add(r, DIAG_ERROR, COMPAT_NEW, nopos, "code %ld is no longer "
                "reserved", rv->v);
            add(r, DIAG_NOTE, COMPAT_OLD, rv->pos, "reserved here");
        }
    }
    on = names_of(o, &non);
    nn = names_of(n, &nnn);
    if (on == NULL || nn == NULL) {
        r->oom = 1;
        goto done;
    }
    compare_names(o, on, non, n, nn, nnn, r);
    for (i = 0; i < o->nreserved_names; i++) {
        const struct sg_str *rn = &o->reserved_names[i];
        const struct named *y = find_name(nn, nnn, rn->s);

        if (y) {
            add(r, DIAG_ERROR, COMPAT_NEW, y->pos, "name %s was reserved and "
                "is used again (for %ld)", rn->s, y->code->code);
            add(r, DIAG_NOTE, COMPAT_OLD, rn->pos, "reserved here");
        } else if (!find_reserved_name(n, rn->s)) {
            add(r, DIAG_ERROR, COMPAT_NEW, nopos, "name %s is no longer "
                "reserved", rn->s);
            add(r, DIAG_NOTE, COMPAT_OLD, rn->pos, "reserved here");
        }
    }
done:
    sg_free(on);
    sg_free(nn);
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
        execlp("git", "git", "show", "--no-textconv", rev_path, (char *)NULL);
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
