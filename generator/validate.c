/* SPDX-License-Identifier: MIT */
/*
 * validate.c - the meaning of a spec: identifiers, ranges, duplicates,
 * references to traits and sources, wire phrases, descriptions.
 *
 * Every check reports and goes on, so one run lists every problem.  A
 * duplicate is reported where it is repeated, with a note at the first
 * definition.
 */
#include "model.h"

#include "alloc.h"
#include "sbuf.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The longest text emitted as one C string literal: C99 guarantees 4095
 * bytes per literal, and the pool keeps a little room. */
#define SG_MAX_TEXT 4000

struct checker {
    struct spec *spec;
    struct diag_list *dl;
};

/* C (to C23) and C++ (to C++26) keywords and alternative tokens, and C's
 * common extensions asm and fortran (C23 J.5.10): no generated identifier
 * may be one of them. */
static const char *const keywords[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor",
    "bool", "break", "case", "catch", "char", "char8_t", "char16_t",
    "char32_t", "class", "compl", "concept", "const", "consteval",
    "constexpr", "constinit", "const_cast", "continue", "contract_assert",
    "co_await",
    "co_return", "co_yield", "decltype", "default", "delete", "do", "double",
    "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false",
    "float", "for", "fortran", "friend", "goto", "if", "inline", "int",
    "long",
    "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr",
    "operator", "or", "or_eq", "private", "protected", "public", "register",
    "reinterpret_cast", "requires", "restrict", "return", "short", "signed",
    "sizeof", "static", "static_assert", "static_cast", "struct", "switch",
    "template", "this", "thread_local", "throw", "true", "try", "typedef",
    "typeid", "typename", "typeof", "typeof_unqual", "union", "unsigned",
    "using", "virtual", "void", "volatile", "wchar_t", "while", "xor",
    "xor_eq", NULL};

/*
 * The registry name is a file stem (<name>.h) and a tag (enum <name>), so
 * it may not be a standard header's stem nor a word the compiler or a
 * standard header gives another meaning.  The lists below say where each
 * comes from; a function-like macro (assert, offsetof) is harmless, since
 * the bare name is never followed by '('.
 */

/* Standard headers without a directory: C (to C23) and POSIX.1-2024. */
static const char *const std_headers[] = {
    /* C */
    "assert", "complex", "ctype", "errno", "fenv", "float", "inttypes",
    "iso646", "limits", "locale", "math", "setjmp", "signal", "stdalign",
    "stdarg", "stdatomic", "stdbit", "stdbool", "stdckdint", "stddef",
    "stdint", "stdio", "stdlib", "stdnoreturn", "string", "tgmath",
    "threads", "time", "uchar", "wchar", "wctype",
    /* POSIX */
    "aio", "cpio", "devctl", "dirent", "dlfcn", "endian", "fcntl", "fmtmsg",
    "fnmatch", "ftw", "glob", "grp", "iconv", "langinfo", "libgen",
    "libintl", "monetary", "mqueue", "ndbm", "netdb", "nl_types", "poll",
    "pthread", "pwd", "regex", "sched", "search", "semaphore", "spawn",
    "strings", "stropts", "syslog", "tar", "termios", "trace", "ulimit",
    "unistd", "utime", "utmpx", "wordexp", NULL};

/* Lower-case object-like macros gcc and clang predefine in the GNU modes
 * (-std=gnu89 ... gnu2x, their default) on their targets: `gcc -dM -E
 * -std=gnu89 - </dev/null` and `clang -target T ...` list them, gcc's
 * builtin_define_std() makes them. */
static const char *const predefined_macros[] = {
    "host_mips", "hp700", "hp800", "hp9000", "hp9k8", "i386", "linux",
    "mc68000", "mc68010", "mc68020", "mc68030", "mc68040", "mc68060", "mips",
    "moxie", "powerpc", "sparc", "sparclite", "sun", "unix", "vax", NULL};

/* A name and the standard header that gives it its meaning. */
struct std_name {
    const char *name;
    const char *header;
};

/* Lower-case object-like macros of the C and POSIX headers (the C23
 * keywords that were macros before, such as bool, are keywords above). */
static const struct std_name std_macros[] = {
    {"h_errno", "<netdb.h>"},
    {"imaginary", "<complex.h>"},
    {"math_errhandling", "<math.h>"},
    {"noreturn", "<stdnoreturn.h>"},
    {"stderr", "<stdio.h>"},
    {"stdin", "<stdio.h>"},
    {"stdout", "<stdio.h>"},
    {NULL, NULL}};

/* Type names and struct tags of the C and POSIX headers that do not end
 * in _t (those are all reserved): enum <name> is an error where the
 * header is included. */
static const struct std_name std_types[] = {
    /* C */
    {"jmp_buf", "<setjmp.h>"},
    {"lconv", "<locale.h>"},
    {"memory_order", "<stdatomic.h>"},
    {"once_flag", "<threads.h>"},
    {"timespec", "<time.h>"},
    {"tm", "<time.h>"},
    {"va_list", "<stdarg.h>"},
    /* POSIX */
    {"addrinfo", "<netdb.h>"},
    {"aiocb", "<aio.h>"},
    {"cmsghdr", "<sys/socket.h>"},
    {"entry", "<search.h>"},
    {"fd_set", "<sys/select.h>"},
    {"flock", "<fcntl.h>"},
    {"group", "<grp.h>"},
    {"hostent", "<netdb.h>"},
    {"if_nameindex", "<net/if.h>"},
    {"in6_addr", "<netinet/in.h>"},
    {"in_addr", "<netinet/in.h>"},
    {"iovec", "<sys/uio.h>"},
    {"ipc_perm", "<sys/ipc.h>"},
    {"itimerspec", "<time.h>"},
    {"itimerval", "<sys/time.h>"},
    {"linger", "<sys/socket.h>"},
    {"mq_attr", "<mqueue.h>"},
    {"msghdr", "<sys/socket.h>"},
    {"netent", "<netdb.h>"},
    {"nl_catd", "<nl_types.h>"},
    {"nl_item", "<nl_types.h>"},
    {"passwd", "<pwd.h>"},
    {"pollfd", "<poll.h>"},
    {"protoent", "<netdb.h>"},
    {"rlimit", "<sys/resource.h>"},
    {"rusage", "<sys/resource.h>"},
    {"sched_param", "<sched.h>"},
    {"sembuf", "<sys/sem.h>"},
    {"servent", "<netdb.h>"},
    {"sigaction", "<signal.h>"},
    {"sigevent", "<signal.h>"},
    {"sigjmp_buf", "<setjmp.h>"},
    {"sigval", "<signal.h>"},
    {"sockaddr", "<sys/socket.h>"},
    {"sockaddr_in", "<netinet/in.h>"},
    {"sockaddr_in6", "<netinet/in.h>"},
    {"sockaddr_storage", "<sys/socket.h>"},
    {"sockaddr_un", "<sys/un.h>"},
    {"stat", "<sys/stat.h>"},
    {"statvfs", "<sys/statvfs.h>"},
    {"timeval", "<sys/time.h>"},
    {"tms", "<sys/times.h>"},
    {"utimbuf", "<utime.h>"},
    {"utsname", "<sys/utsname.h>"},
    {NULL, NULL}};

/* Whether s is one of the NULL-terminated list. */
static int in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return 1;
    return 0;
}

/* The header that gives s its meaning in the table, or NULL. */
static const char *std_name_header(const struct std_name *t, const char *s)
{
    for (; t->name; t++)
        if (strcmp(t->name, s) == 0)
            return t->header;
    return NULL;
}

static int is_upper_snake(const char *s)
{
    const char *p;

    if (!(*s >= 'A' && *s <= 'Z'))
        return 0;
    for (p = s; *p; p++) {
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_'))
            return 0;
        if (p[0] == '_' && p[1] == '_')
            return 0;
    }
    return p[-1] != '_';
}

static int is_lower_snake(const char *s)
{
    const char *p;

    if (!(*s >= 'a' && *s <= 'z'))
        return 0;
    for (p = s; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '_'))
            return 0;
        if (p[0] == '_' && p[1] == '_')
            return 0;
    }
    return p[-1] != '_';
}

/*
 * Why s may not be a registry name (file stem, tag and function prefix),
 * or NULL when it may; the text may be written into buf (size bytes).
 */
static const char *reserved_registry_name(const char *s, char *buf,
                                          size_t size)
{
    const char *h;
    size_t len = strlen(s);

    if (in_list(keywords, s))
        return "a C or C++ keyword";
    if (in_list(std_headers, s)) {
        snprintf(buf, size, "the name of a standard header: %s.h would hide "
                 "<%s.h> from every file compiled with -I to the output "
                 "directory", s, s);
        return buf;
    }
    if (in_list(predefined_macros, s)) {
        snprintf(buf, size, "a macro gcc and clang predefine in the GNU "
                 "modes (-std=gnu11 and the like): enum %s would not "
                 "compile", s);
        return buf;
    }
    if ((h = std_name_header(std_macros, s)) != NULL) {
        snprintf(buf, size, "a macro of %s: enum %s would not compile where "
                 "it is included", h, s);
        return buf;
    }
    if ((h = std_name_header(std_types, s)) != NULL) {
        snprintf(buf, size, "a type of %s: enum %s would clash with it where "
                 "it is included", h, s);
        return buf;
    }
    if (len > 2 && strcmp(s + len - 2, "_t") == 0)
        return "reserved by POSIX for types (a name ending in _t)";
    if ((strncmp(s, "str", 3) == 0 || strncmp(s, "mem", 3) == 0 ||
         strncmp(s, "wcs", 3) == 0) && s[3] >= 'a' && s[3] <= 'z')
        return "reserved by <string.h> (str, mem or wcs and a letter)";
    if ((strncmp(s, "is", 2) == 0 || strncmp(s, "to", 2) == 0) &&
        s[2] >= 'a' && s[2] <= 'z')
        return "reserved by <ctype.h> (is or to and a letter)";
    if (strncmp(s, "atomic_", 7) == 0 && s[7] >= 'a' && s[7] <= 'z')
        return "reserved by <stdatomic.h> (atomic_ and a letter)";
    return NULL;
}

/* Why the macro prefix s is reserved by C, or NULL when it is not. */
static const char *reserved_macro_prefix(const char *s, char *buf,
                                         size_t size)
{
    (void)buf;
    (void)size;
    if (s[0] == 'E' && ((s[1] >= 'A' && s[1] <= 'Z') ||
                        (s[1] >= '0' && s[1] <= '9')))
        return "reserved by <errno.h> (E and a digit or capital)";
    if (strncmp(s, "LC_", 3) == 0)
        return "reserved by <locale.h> (LC_)";
    if (strncmp(s, "SIG", 3) == 0 && (s[3] == '_' ||
                                      (s[3] >= 'A' && s[3] <= 'Z')))
        return "reserved by <signal.h> (SIG)";
    if (strncmp(s, "PRI", 3) == 0 || strncmp(s, "SCN", 3) == 0)
        return "reserved by <inttypes.h> (PRI, SCN)";
    if (strncmp(s, "INT", 3) == 0 || strncmp(s, "UINT", 4) == 0)
        return "reserved by <stdint.h> (INT, UINT)";
    return NULL;
}

/*
 * The identifiers the outputs make of <MACRO>_<word> besides the codes'
 * constants; a code or alias named like one of them would make the same
 * identifier.  A word ending in '*' stands for every word it starts (the
 * bare word too).  STATIC and API are the single header's linkage macros
 * (stb's convention).
 */
static const struct {
    const char *word;
    const char *use;
} generated_macros[] = {
    {"H", "the include guard of the header and the single header"},
    {"IMPLEMENTATION", "the single header's switch to its definitions"},
    {"IMPLEMENTED", "the single header's guard of its definitions"},
    {"IMPLEMENT*", "taken by the single header's switches (IMPLEMENT*)"},
    {"FUNCTIONS*", "taken by the --functions check (FUNCTIONS_<hex>)"},
    {"STATIC", "the single header's storage class for its definitions"},
    {"API", "the single header's linkage of its declarations"},
    {"COUNT", "the number of codes"},
    {"LIST", "the X-macro over every code"},
    {"DEPRECATED", "the attribute of the deprecated aliases"},
    {"SPEC_ID*", "taken by the spec's identity (SPEC_ID, SPEC_ID_<hex>)"},
    {"CAST", "the source's cast helper"},
    {"PUN", "the source's pointer cast helper"},
    {"NULL", "the source's null pointer"},
    {"CLASS*", "taken by the class constants (CLASS_<class>)"},
    {"TRAIT*", "taken by the trait bits (TRAIT_<trait>)"},
    {"LIFECYCLE*", "taken by the status constants (LIFECYCLE_<status>)"},
    {NULL, NULL}};

/*
 * Why a code or alias may not be named s, because the outputs make
 * <macro>_<s> for something else (macro may be NULL); NULL when it may.
 * The text may be written into buf (size bytes).
 */
static const char *reserved_code_name(const char *s, const char *macro,
                                      char *buf, size_t size)
{
    size_t i;

    if (macro == NULL)
        macro = "<MACRO>";
    for (i = 0; generated_macros[i].word; i++) {
        const char *w = generated_macros[i].word;
        size_t len = strlen(w);

        if (w[len - 1] == '*' ? strncmp(s, w, len - 1) == 0
                              : strcmp(s, w) == 0) {
            snprintf(buf, size, "%.40s_%.60s is %s", macro, s,
                     generated_macros[i].use);
            return buf;
        }
    }
    return NULL;
}

/* Reports an UPPER_SNAKE identifier problem; returns 0 when fine. */
static int check_upper(struct checker *ck, const struct sg_str *id,
                       const char *what)
{
    if (id->s == NULL)
        return -1;
    if (!is_upper_snake(id->s)) {
        diag_error(ck->dl, id->pos,
                   "%s '%.60s' is not an UPPER_SNAKE identifier "
                   "(A-Z, 0-9 and single underscores, starting with a "
                   "letter)", what, id->s);
        return -1;
    }
    if (strlen(id->s) > 60) {
        diag_error(ck->dl, id->pos, "%s '%.60s...' is longer than 60 "
                   "characters", what, id->s);
        return -1;
    }
    return 0;
}

/* Checks a text emitted as one C string: length and NUL-free (NUL was
 * checked by the builder). */
static void check_text_len(struct checker *ck, const struct sg_str *t,
                           const char *what)
{
    size_t n;

    if (t->s == NULL)
        return;
    n = strlen(t->s);
    if (n > SG_MAX_TEXT)
        diag_error(ck->dl, t->pos,
                   "%s is %lu bytes long; the limit is %d (C compilers need "
                   "not accept longer strings)", what, (unsigned long)n,
                   SG_MAX_TEXT);
}

/*
 * Checks a language map (see model.h): it must have a text in the first
 * language, the fallback, and each text must fit a C string.
 */
static void check_lang_map(struct checker *ck, const struct sg_str *texts,
                           const char *what)
{
    const struct spec_registry *reg = &ck->spec->reg;
    size_t j;

    if (texts == NULL)
        return;
    if (texts[0].s == NULL && reg->languages[0].s)
        diag_error(ck->dl, texts[0].pos,
                   "%s has no text in '%s', the first (fallback) language",
                   what, reg->languages[0].s);
    for (j = 0; j < reg->nlang; j++)
        check_text_len(ck, &texts[j], what);
}

/* One name in a namespace: text, position, owner. */
struct name_ref {
    const char *s;
    struct sg_pos pos;
    const char *what;        /* what it is, when not the list's default */
};

/* ASCII letter to lower case, locale-independent. */
static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Equality of two names, ignoring ASCII case when fold. */
static int same_name(const char *a, const char *b, int fold)
{
    if (!fold)
        return strcmp(a, b) == 0;
    for (; ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b);
         a++, b++)
        if (*a == '\0')
            return 1;
    return 0;
}

/* FNV-1a over the bytes of s, folded to lower case when fold. */
static size_t name_hash(const char *s, int fold)
{
    unsigned long long h = 14695981039346656037ULL;

    for (; *s; s++) {
        h ^= (unsigned char)(fold ? ascii_lower((unsigned char)*s) : *s);
        h *= 1099511628211ULL;
    }
    return (size_t)(h ^ (h >> 32));
}

/*
 * Reports every repeated name in refs[0..n) (in order of appearance):
 * "duplicate <what> 'X'" at each repeat, with a note at the first.  One
 * pass over a hash set of the first occurrences.  fold: compare ASCII
 * case-insensitively.
 */
static void report_duplicates(struct checker *ck, const struct name_ref *refs,
                              size_t n, const char *what, int fold)
{
    size_t i, nslots = 16, *slot;

    if (n < 2)
        return;
    while (nslots < n * 2)
        nslots *= 2;
    slot = (size_t *)sg_calloc(nslots, sizeof *slot); /* index + 1; 0 free */
    if (slot == NULL) {
        diag_oom(ck->dl);
        return;
    }
    for (i = 0; i < n; i++) {
        size_t h = name_hash(refs[i].s, fold) & (nslots - 1);

        while (slot[h] && !same_name(refs[slot[h] - 1].s, refs[i].s, fold))
            h = (h + 1) & (nslots - 1);
        if (slot[h] == 0) {
            slot[h] = i + 1;
            continue;
        }
        diag_error(ck->dl, refs[i].pos, "duplicate %s '%.60s'",
                   refs[i].what ? refs[i].what : what, refs[i].s);
        diag_note(ck->dl, refs[slot[h] - 1].pos, "'%.60s' first defined here",
                  refs[slot[h] - 1].s);
    }
    sg_free(slot);
}

/* Collects names into a growing name_ref array; -1 when out of memory. */
static int add_ref(struct checker *ck, struct name_ref **refs, size_t *n,
                   size_t *cap, const struct sg_str *t)
{
    if (t->s == NULL)
        return 0;
    if (sg_grow((void **)refs, cap, *n + 1, sizeof **refs) != 0) {
        diag_oom(ck->dl);
        return -1;
    }
    (*refs)[*n].s = t->s;
    (*refs)[*n].pos = t->pos;
    (*refs)[*n].what = NULL;
    (*n)++;
    return 0;
}

/* The checks both registry identifiers share: the word's form (ok, told as
 * form), a reserved prefix (reserved) and the length.  0, or -1 with the
 * error in dl. */
static int check_registry_identifier(struct diag_list *dl, struct sg_pos pos,
                                     const char *what, const char *s,
                                     int (*ok)(const char *),
                                     const char *form,
                                     const char *(*reserved)(const char *,
                                                             char *, size_t))
{
    char buf[256];
    const char *why;

    if (!ok(s))
        diag_error(dl, pos, "%s '%.60s' is not %s", what, s, form);
    else if ((why = reserved(s, buf, sizeof buf)) != NULL)
        diag_error(dl, pos, "%s '%.60s' is %s", what, s, why);
    else if (strlen(s) > 40)
        diag_error(dl, pos, "%s is longer than 40 characters", what);
    else
        return 0;
    return -1;
}

int check_registry_name(struct diag_list *dl, struct sg_pos pos,
                        const char *what, const char *s)
{
    return check_registry_identifier(dl, pos, what, s, is_lower_snake,
                                     "a lower_snake identifier (a-z, 0-9 "
                                     "and single underscores, starting "
                                     "with a letter)",
                                     reserved_registry_name);
}

int check_registry_macro(struct diag_list *dl, struct sg_pos pos,
                         const char *what, const char *s)
{
    return check_registry_identifier(dl, pos, what, s, is_upper_snake,
                                     "an UPPER_SNAKE identifier (A-Z, 0-9 "
                                     "and single underscores, starting "
                                     "with a letter)",
                                     reserved_macro_prefix);
}

static void check_registry(struct checker *ck)
{
    struct spec_registry *reg = &ck->spec->reg;
    struct name_ref *refs = NULL;
    size_t i, n = 0, cap = 0;

    if (reg->name.s)
        check_registry_name(ck->dl, reg->name.pos, "registry name",
                            reg->name.s);
    if (reg->macro.s)
        check_registry_macro(ck->dl, reg->macro.pos, "registry macro",
                             reg->macro.s);
    if (reg->range_pos.line) {
        if (reg->lo < 0)
            diag_error(ck->dl, reg->range_pos,
                       "registry range starts below 0 (-1 is the lookups' "
                       "'not found')");
        else if (reg->lo > reg->hi)
            diag_error(ck->dl, reg->range_pos,
                       "registry range [%ld, %ld] is inverted", reg->lo,
                       reg->hi);
        if (reg->lo < 0 || reg->lo > reg->hi)
            reg->range_pos.line = 0;
    }
    if (reg->updated.s) {
        const char *d = reg->updated.s;
        int ok = strlen(d) == 10 && d[4] == '-' && d[7] == '-';

        for (i = 0; ok && i < 10; i++)
            if (i != 4 && i != 7 && !(d[i] >= '0' && d[i] <= '9'))
                ok = 0;
        if (!ok)
            diag_error(ck->dl, reg->updated.pos,
                       "'updated' must be a date YYYY-MM-DD, not '%.40s'", d);
    }
    check_lang_map(ck, reg->title, "registry title");
    for (i = 0; i < reg->nlang; i++) {
        const char *l = reg->languages[i].s;
        size_t len;

        if (l == NULL)
            continue;
        len = strlen(l);
        if (len < 2 || len > 8 || strspn(l, "abcdefghijklmnopqrstuvwxyz")
                                      != len)
            diag_error(ck->dl, reg->languages[i].pos,
                       "language '%.40s' is not a language code (2 to 8 "
                       "letters a-z, such as en or zh)", l);
        add_ref(ck, &refs, &n, &cap, &reg->languages[i]);
    }
    report_duplicates(ck, refs, n, "language", 0);
    sg_free(refs);
}

/* Sort helper for overlap detection. */
static const struct spec_class *sort_classes_base;

static int class_cmp(const void *a, const void *b)
{
    const struct spec_class *x = &sort_classes_base[*(const size_t *)a];
    const struct spec_class *y = &sort_classes_base[*(const size_t *)b];

    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static void check_classes(struct checker *ck)
{
    struct spec *spec = ck->spec;
    struct name_ref *refs = NULL;
    size_t i, n = 0, cap = 0, nvalid = 0, *idx;

    for (i = 0; i < spec->nclasses; i++) {
        struct spec_class *c = &spec->classes[i];

        if (check_upper(ck, &c->name, "class name") == 0) {
            if (strcmp(c->name.s, "NONE") == 0)
                diag_error(ck->dl, c->name.pos,
                           "class name 'NONE' is taken by <MACRO>_CLASS_NONE, "
                           "the class of codes outside every class");
            else if (strcmp(c->name.s, "KNOWN") == 0 ||
                     strcmp(c->name.s, "ERROR") == 0)
                diag_error(ck->dl, c->name.pos,
                           "class name '%s' is taken: <name>_is_known() and "
                           "<name>_is_error() exist besides <name>_is_<class>()",
                           c->name.s);
            add_ref(ck, &refs, &n, &cap, &c->name);
        }
        check_lang_map(ck, c->title, "class title");
        if (!c->range_pos.line)
            continue;
        if (c->lo > c->hi) {
            diag_error(ck->dl, c->range_pos, "class range [%ld, %ld] is "
                       "inverted", c->lo, c->hi);
            c->range_pos.line = 0;
        } else if (spec->reg.range_pos.line &&
                   (c->lo < spec->reg.lo || c->hi > spec->reg.hi)) {
            diag_error(ck->dl, c->range_pos,
                       "class range [%ld, %ld] is outside the registry "
                       "range [%ld, %ld]", c->lo, c->hi, spec->reg.lo,
                       spec->reg.hi);
        }
        if (c->range_pos.line)
            nvalid++;
    }
    report_duplicates(ck, refs, n, "class", 0);
    sg_free(refs);
    if (nvalid < 2)
        return;
    idx = (size_t *)sg_malloc(nvalid * sizeof *idx);
    if (idx == NULL) {
        diag_oom(ck->dl);
        return;
    }
    for (i = 0, n = 0; i < spec->nclasses; i++)
        if (spec->classes[i].range_pos.line)
            idx[n++] = i;
    sort_classes_base = spec->classes;
    qsort(idx, n, sizeof *idx, class_cmp);
    for (i = 1; i < n; i++) {
        const struct spec_class *a = &spec->classes[idx[i - 1]];
        const struct spec_class *b = &spec->classes[idx[i]];

        if (b->lo <= a->hi) {
            const struct spec_class *later = idx[i] > idx[i - 1] ? b : a;
            const struct spec_class *earlier = later == b ? a : b;

            diag_error(ck->dl, later->range_pos,
                       "class range [%ld, %ld] overlaps class '%.60s'",
                       later->lo, later->hi,
                       earlier->name.s ? earlier->name.s : "?");
            diag_note(ck->dl, earlier->range_pos,
                      "'%.60s' has the range [%ld, %ld]",
                      earlier->name.s ? earlier->name.s : "?", earlier->lo,
                      earlier->hi);
        }
    }
    sg_free(idx);
}

static void check_traits(struct checker *ck)
{
    struct spec *spec = ck->spec;
    struct name_ref *refs = NULL;
    size_t i, n = 0, cap = 0;

    if (spec->ntraits > SG_MAX_TRAITS)
        diag_error(ck->dl, spec->traits[SG_MAX_TRAITS].pos,
                   "more than %d traits (each is a bit of an unsigned int, "
                   "which may have 16 bits)", SG_MAX_TRAITS);
    for (i = 0; i < spec->ntraits; i++) {
        if (check_upper(ck, &spec->traits[i].name, "trait name") == 0)
            add_ref(ck, &refs, &n, &cap, &spec->traits[i].name);
        check_lang_map(ck, spec->traits[i].doc, "trait doc");
    }
    report_duplicates(ck, refs, n, "trait", 0);
    sg_free(refs);
}

static void check_sources(struct checker *ck)
{
    struct spec *spec = ck->spec;
    struct name_ref *refs = NULL;
    size_t i, n = 0, cap = 0;

    for (i = 0; i < spec->nsources; i++) {
        const struct sg_str *id = &spec->sources[i].id;

        check_lang_map(ck, spec->sources[i].doc, "source doc");
        if (id->s == NULL)
            continue;
        if (*id->s == '\0' ||
            strspn(id->s, "abcdefghijklmnopqrstuvwxyz"
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") !=
                strlen(id->s))
            diag_error(ck->dl, id->pos, "source id '%.60s' may hold only "
                       "letters, digits, '_', '.' and '-'", id->s);
        add_ref(ck, &refs, &n, &cap, id);
    }
    report_duplicates(ck, refs, n, "source id", 0);
    sg_free(refs);
}

/* Checks a wire phrase against RFC 9112's reason-phrase, ASCII only;
 * what is "phrase" or "former phrase". */
static void check_phrase(struct checker *ck, const struct sg_str *p,
                         const char *what)
{
    const unsigned char *s = (const unsigned char *)p->s;
    size_t len;

    if (s == NULL)
        return;
    len = strlen(p->s);
    if (len == 0) {
        diag_error(ck->dl, p->pos, "%s is empty", what);
        return;
    }
    for (; *s; s++) {
        if (*s == '\n' || *s == '\r') {
            diag_error(ck->dl, p->pos, "%s spans more than one line; a "
                       "wire phrase is one line (RFC 9112, reason-phrase)", what);
            return;
        }
        if (*s >= 0x80) {
            diag_error(ck->dl, p->pos, "%s has a non-ASCII character; "
                       "wire phrases are ASCII (descriptions take any "
                       "language)", what);
            return;
        }
        if (*s != '\t' && (*s < 0x20 || *s == 0x7f)) {
            diag_error(ck->dl, p->pos, "%s has the control character "
                       "0x%02X (RFC 9112 allows tab, space and visible "
                       "characters)", what, *s);
            return;
        }
    }
    if (p->s[0] == ' ' || p->s[0] == '\t' || p->s[len - 1] == ' ' ||
        p->s[len - 1] == '\t')
        diag_error(ck->dl, p->pos, "%s starts or ends with white space",
                   what);
    else if (len > 200)
        diag_error(ck->dl, p->pos, "%s is %lu bytes long; the limit is "
                   "200", what, (unsigned long)len);
}

/* Finds name among the spec's traits; returns its index or -1. */
static int find_trait(const struct spec *spec, const char *name)
{
    size_t i;

    for (i = 0; i < spec->ntraits; i++)
        if (spec->traits[i].name.s && strcmp(spec->traits[i].name.s, name) == 0)
            return (int)i;
    return -1;
}

/* Reports an undeclared reference, with the closest declared name. */
static void report_undeclared(struct checker *ck, const struct sg_str *ref,
                              const char *what, const char *section,
                              const char *const *cands)
{
    const char *hint = cands && !diag_full(ck->dl)
                           ? diag_did_you_mean(ref->s, cands) : NULL;

    if (hint)
        diag_error(ck->dl, ref->pos, "%s '%.60s' is not declared in '%s'; "
                   "did you mean '%s'?", what, ref->s, section, hint);
    else
        diag_error(ck->dl, ref->pos, "%s '%.60s' is not declared in '%s'",
                   what, ref->s, section);
}

/* Returns a NULL-terminated array of names (for "did you mean"), or NULL. */
static const char **name_list(const struct sg_str *first, size_t n,
                              size_t stride)
{
    const char **v = (const char **)sg_calloc(n + 1, sizeof *v);
    size_t i, k = 0;

    if (v == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        const struct sg_str *t =
            (const struct sg_str *)((const char *)first + i * stride);

        if (t->s)
            v[k++] = t->s;
    }
    return v;
}

static int str_ptr_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Checks a code's traits and sources; sorted_ids holds the nsorted
 * declared source ids in strcmp order (a lookup costs O(log n)). */
static void check_code_refs(struct checker *ck, struct spec_code *c,
                            const char **trait_names,
                            const char **source_ids,
                            const char **sorted_ids, size_t nsorted)
{
    struct spec *spec = ck->spec;
    size_t j, k;

    for (j = 0; j < c->ntraits; j++) {
        int t;

        /* Past the trait limit (reported) the references are not
         * looked up: that could cost traits x references. */
        if (c->traits[j].s == NULL || spec->ntraits > SG_MAX_TRAITS)
            continue;
        t = find_trait(spec, c->traits[j].s);
        if (t < 0) {
            report_undeclared(ck, &c->traits[j], "trait", "traits",
                              trait_names);
            continue;
        }
        if (t < SG_MAX_TRAITS) {
            if (c->trait_bits & (1u << t))
                diag_error(ck->dl, c->traits[j].pos,
                           "trait '%.60s' is listed twice", c->traits[j].s);
            c->trait_bits |= 1u << t;
        }
    }
    for (j = 0; j < c->nsources; j++) {
        if (c->sources[j].s == NULL)
            continue;
        if (sorted_ids != NULL &&
            bsearch(&c->sources[j].s, sorted_ids, nsorted,
                    sizeof *sorted_ids, str_ptr_cmp) == NULL)
            report_undeclared(ck, &c->sources[j], "source", "sources",
                              source_ids);
        for (k = 0; k < j; k++)
            if (c->sources[k].s && strcmp(c->sources[k].s, c->sources[j].s)
                                       == 0) {
                diag_error(ck->dl, c->sources[j].pos,
                           "source '%.60s' is listed twice", c->sources[j].s);
                break;
            }
    }
}

static const struct spec_code *sort_codes_base;

static int code_order_cmp(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    long x = sort_codes_base[i].code, y = sort_codes_base[j].code;

    if (x != y)
        return x < y ? -1 : 1;
    return i < j ? -1 : (i > j);
}

static void check_codes(struct checker *ck)
{
    struct spec *spec = ck->spec;
    const struct spec_registry *reg = &spec->reg;
    struct name_ref *names = NULL, *phrases = NULL;
    size_t i, j, nn = 0, cn = 0, np = 0, cp = 0;
    const char **trait_names, **source_ids, **sorted_ids;
    size_t nsorted = 0;
    int ascending = 1;

    trait_names = name_list(spec->traits ? &spec->traits[0].name : NULL,
                            spec->ntraits, sizeof *spec->traits);
    source_ids = name_list(spec->sources ? &spec->sources[0].id : NULL,
                           spec->nsources, sizeof *spec->sources);
    sorted_ids = name_list(spec->sources ? &spec->sources[0].id : NULL,
                           spec->nsources, sizeof *spec->sources);
    if (trait_names == NULL || source_ids == NULL || sorted_ids == NULL)
        diag_oom(ck->dl);
    if (sorted_ids) {
        while (sorted_ids[nsorted])
            nsorted++;
        qsort(sorted_ids, nsorted, sizeof *sorted_ids, str_ptr_cmp);
    }
    for (i = 0; i < spec->ncodes; i++) {
        struct spec_code *c = &spec->codes[i];
        const char *why;
        char buf[256];

        if (c->code_pos.line && reg->range_pos.line &&
            (c->code < reg->lo || c->code > reg->hi))
            diag_error(ck->dl, c->code_pos,
                       "code %ld is outside the registry range [%ld, %ld]",
                       c->code, reg->lo, reg->hi);
        else if (c->code_pos.line && c->code < 0)
            diag_error(ck->dl, c->code_pos, "code %ld is negative", c->code);
        if (check_upper(ck, &c->name, "name") == 0) {
            if ((why = reserved_code_name(c->name.s, reg->macro.s, buf,
                                          sizeof buf)) != NULL)
                diag_error(ck->dl, c->name.pos, "name '%.60s' is reserved: "
                           "%s", c->name.s, why);
            add_ref(ck, &names, &nn, &cn, &c->name);
        }
        for (j = 0; j < c->naliases; j++) {
            if (check_upper(ck, &c->aliases[j], "alias") != 0)
                continue;
            if ((why = reserved_code_name(c->aliases[j].s, reg->macro.s,
                                          buf, sizeof buf)) != NULL)
                diag_error(ck->dl, c->aliases[j].pos, "alias '%.60s' is "
                           "reserved: %s", c->aliases[j].s, why);
            add_ref(ck, &names, &nn, &cn, &c->aliases[j]);
        }
        check_phrase(ck, &c->phrase, "phrase");
        /* Without wire phrases (phrases: false) a phrase is a label,
         * which codes may share. */
        if (!reg->no_phrases)
            add_ref(ck, &phrases, &np, &cp, &c->phrase);
        if (reg->no_phrases && c->nformer)
            diag_error(ck->dl, c->former[0].pos,
                       "'former_phrases' are wire phrases, and this "
                       "registry has none (registry.phrases: false)");
        /* Former phrases share the phrases' namespace: from_reason()
         * finds either. */
        for (j = 0; j < c->nformer; j++) {
            check_phrase(ck, &c->former[j], "former phrase");
            if (add_ref(ck, &phrases, &np, &cp, &c->former[j]) == 0 &&
                c->former[j].s)
                phrases[np - 1].what = "former phrase (compared ignoring "
                                       "case)";
        }
        if (c->desc) {
            if (c->desc[0].s == NULL && reg->nlang && reg->languages[0].s)
                diag_error(ck->dl, c->pos,
                           "code %ld has no description in '%s', the first "
                           "(fallback) language", c->code,
                           reg->languages[0].s);
            for (j = 0; j < reg->nlang; j++)
                check_text_len(ck, &c->desc[j], "description");
        }
        check_lang_map(ck, c->note, "note");
        if (c->registry_phrase.s) {
            /* what the registry writes instead of the phrase: one line of
             * ASCII like a phrase, and only where it differs */
            check_phrase(ck, &c->registry_phrase, "registry_phrase");
            if (c->status == STATUS_UNOFFICIAL)
                diag_error(ck->dl, c->registry_phrase.pos, "registry_phrase "
                           "of an unofficial code: the upstream registry "
                           "does not list it");
            else if (c->phrase.s &&
                     strcmp(c->registry_phrase.s, c->phrase.s) == 0)
                diag_error(ck->dl, c->registry_phrase.pos, "registry_phrase "
                           "is the phrase itself; give it only where the "
                           "registry writes something else");
        }
        check_code_refs(ck, c, trait_names, source_ids, sorted_ids, nsorted);
        for (j = 0; j < spec->nclasses; j++) {
            const struct spec_class *k = &spec->classes[j];

            if (k->range_pos.line && c->code >= k->lo && c->code <= k->hi) {
                c->class_index = (int)j;
                break;
            }
        }
    }
    sg_free(trait_names);
    sg_free(source_ids);
    sg_free(sorted_ids);
    report_duplicates(ck, names, nn, "name", 0);
    sg_free(names); /* before the phrases' sort needs its room */
    report_duplicates(ck, phrases, np, "phrase (compared ignoring case)", 1);
    sg_free(phrases);

    /* Codes: sort an index, report repeats, keep the order for emitters. */
    spec->order = (size_t *)sg_malloc((spec->ncodes + 1) * sizeof(size_t));
    if (spec->order == NULL) {
        diag_oom(ck->dl);
        return;
    }
    for (i = 0; i < spec->ncodes; i++) {
        spec->order[i] = i;
        if (i > 0 && spec->codes[i - 1].code > spec->codes[i].code)
            ascending = 0;
    }
    sort_codes_base = spec->codes;
    if (!ascending) /* as most specs list them: the order stands */
        qsort(spec->order, spec->ncodes, sizeof *spec->order,
              code_order_cmp);
    for (i = 1; i < spec->ncodes; i++) {
        const struct spec_code *a = &spec->codes[spec->order[i - 1]];
        const struct spec_code *b = &spec->codes[spec->order[i]];
        size_t first = i - 1;

        if (!a->code_pos.line || !b->code_pos.line || a->code != b->code)
            continue;
        while (first > 0 &&
               spec->codes[spec->order[first - 1]].code == b->code)
            first--;
        diag_error(ck->dl, b->code_pos, "duplicate code %ld", b->code);
        diag_note(ck->dl, spec->codes[spec->order[first]].code_pos,
                  "code %ld first defined here", b->code);
    }
}

/* The reserved codes and names: in the range, and used by no code. */
static void check_reserved(struct checker *ck)
{
    struct spec *spec = ck->spec;
    const char **names = NULL;
    size_t i, j, n = 0;

    for (i = 0; i < spec->nreserved; i++) {
        const struct sg_num *r = &spec->reserved[i];
        size_t lo = 0, hi = spec->order ? spec->ncodes : 0;

        if (spec->reg.range_pos.line &&
            (r->v < spec->reg.lo || r->v > spec->reg.hi))
            diag_error(ck->dl, r->pos, "reserved code %ld is outside the "
                       "registry range [%ld, %ld]", r->v, spec->reg.lo,
                       spec->reg.hi);
        while (lo < hi) { /* spec->order is ascending */
            size_t mid = lo + (hi - lo) / 2;
            const struct spec_code *c = &spec->codes[spec->order[mid]];

            if (c->code == r->v) {
                diag_error(ck->dl, r->pos, "code %ld is reserved and also "
                           "defined", r->v);
                diag_note(ck->dl, c->code_pos, "code %ld defined here", r->v);
                break;
            }
            if (c->code < r->v)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    if (spec->nreserved_names == 0)
        return;
    for (i = 0; i < spec->ncodes; i++)
        n += 1 + spec->codes[i].naliases;
    names = (const char **)sg_calloc(n + 1, sizeof *names);
    if (names == NULL) {
        diag_oom(ck->dl);
        return;
    }
    n = 0;
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[i];

        if (c->name.s)
            names[n++] = c->name.s;
        for (j = 0; j < c->naliases; j++)
            if (c->aliases[j].s)
                names[n++] = c->aliases[j].s;
    }
    qsort(names, n, sizeof *names, str_ptr_cmp);
    for (i = 0; i < spec->nreserved_names; i++) {
        const struct sg_str *r = &spec->reserved_names[i];

        if (check_upper(ck, r, "reserved name") != 0)
            continue;
        if (bsearch(&r->s, names, n, sizeof *names, str_ptr_cmp))
            diag_error(ck->dl, r->pos, "name '%.60s' is reserved and also "
                       "used by a code", r->s);
    }
    sg_free(names);
}

/* Why the field name s would clash with a code's key or a name the
 * generated code uses, or NULL. */
static const char *reserved_field_name(const char *s)
{
    /* <name>_<field>() beside the generated functions, tables and types
     * (enum <name>_<field> beside enum <name>_class...); <MACRO>_<FIELD>_*
     * beside <MACRO>_CLASS_*, _TRAIT_*, _LIFECYCLE_*, _SPEC_ID. */
    static const char *const taken[] = {
        "reason", "description", "reference", "traits", "codes", "class",
        "class_of", "class_index", "traits_of", "known", "lifecycle",
        "lifecycle_of", "status_of", "lang", "equal", "equal_nocase", "same",
        "same_nocase", "u32", "desc", "single", "trait", "spec", NULL};
    static const char *const prefixes[] = {
        "is_", "from_", "name_", "phrase_", "reason_", "ref_", "desc_",
        "field_", NULL};
    const char *const *t;

    if (spec_is_code_key(s))
        return "a built-in key of a code";
    for (t = taken; *t; t++)
        if (strcmp(*t, s) == 0)
            return "a name the generated code uses";
    for (t = prefixes; *t; t++)
        if (strncmp(*t, s, strlen(*t)) == 0)
            return "reserved: the generated code names its own functions "
                   "and tables is_*, from_*, name_*, phrase_*, reason_*, "
                   "ref_*, desc_* and field_*";
    return NULL;
}

/* Checks one value of field f (a code's or the default); what names it.
 * Sets an enum value's index. */
static void check_field_value(struct checker *ck, const struct spec_field *f,
                              struct field_value *v, const char *what)
{
    size_t i;

    switch (f->type) {
    case FIELD_ENUM:
        if (v->str.s == NULL || f->nvalues == 0)
            return;
        for (i = 0; i < f->nvalues; i++)
            if (f->values[i].s && strcmp(f->values[i].s, v->str.s) == 0) {
                v->num = (long)i;
                return;
            }
        {
            const char **names = (const char **)sg_calloc(f->nvalues + 1,
                                                          sizeof *names);
            const char *hint = NULL;
            size_t k = 0;

            if (names) {
                for (i = 0; i < f->nvalues; i++)
                    if (f->values[i].s)
                        names[k++] = f->values[i].s;
                hint = diag_full(ck->dl) ? NULL
                                         : diag_did_you_mean(v->str.s, names);
                sg_free(names);
            }
            diag_error(ck->dl, v->pos, "'%.60s' is not a value of the enum "
                       "field '%s'%s%s%s", v->str.s, f->name.s,
                       hint ? "; did you mean '" : "", hint ? hint : "",
                       hint ? "'?" : "");
            diag_note(ck->dl, f->values_pos, "the values of '%s'",
                      f->name.s);
        }
        return;
    case FIELD_STRING:
        check_text_len(ck, &v->str, what);
        return;
    case FIELD_TEXT:
        check_lang_map(ck, v->text, what);
        return;
    case FIELD_INT:
    case FIELD_BOOL:
    case FIELD_TYPE_COUNT_:
        return;
    }
}

/* The declaration of field f: its name, its type's needs, its values. */
static void check_field_decl(struct checker *ck, struct spec_field *f)
{
    struct name_ref *refs = NULL;
    size_t i, n = 0, cap = 0;
    const char *why;

    if (f->name.s) {
        if (!is_lower_snake(f->name.s))
            diag_error(ck->dl, f->name.pos, "field name '%.60s' is not a "
                       "lower_snake identifier (a-z, 0-9 and single "
                       "underscores, starting with a letter)", f->name.s);
        else if (strlen(f->name.s) > 30)
            diag_error(ck->dl, f->name.pos, "field name '%.60s' is longer "
                       "than 30 characters", f->name.s);
        else if ((why = reserved_field_name(f->name.s)) != NULL)
            diag_error(ck->dl, f->name.pos, "field name '%.60s' is %s",
                       f->name.s, why);
    }
    check_lang_map(ck, f->doc, "field doc");
    if (!f->type_pos.line)
        return;
    if (f->type == FIELD_ENUM && f->nvalues == 0)
        diag_error(ck->dl, f->values_pos.line ? f->values_pos : f->pos,
                   "enum field '%s' needs 'values', the names of its "
                   "values", f->name.s ? f->name.s : "?");
    if (f->type != FIELD_ENUM && f->values_pos.line)
        diag_error(ck->dl, f->values_pos, "'values' is for enum fields, "
                   "and '%s' is %s", f->name.s ? f->name.s : "?",
                   field_type_keyword(f->type));
    for (i = 0; f->type == FIELD_ENUM && i < f->nvalues; i++) {
        const struct sg_str *v = &f->values[i];

        if (check_upper(ck, v, "enum value") != 0)
            continue;
        if (strlen(v->s) > 30)
            diag_error(ck->dl, v->pos, "enum value '%.60s' is longer than "
                       "30 characters", v->s);
        else if (strcmp(v->s, "NONE") == 0 || strcmp(v->s, "LIST") == 0)
            diag_error(ck->dl, v->pos, "enum value '%s' is taken: the "
                       "header defines <MACRO>_<FIELD>_NONE and "
                       "<MACRO>_<FIELD>_LIST", v->s);
        add_ref(ck, &refs, &n, &cap, v);
    }
    report_duplicates(ck, refs, n, "enum value", 0);
    sg_free(refs);
    if (f->has_default)
        check_field_value(ck, f, &f->def, "the default");
}

/* Reports the field's generated constant <MACRO>_<suffix> when a code or
 * alias has that name (sorted: the names of codes and aliases). */
static void check_field_macro(struct checker *ck, const struct spec_field *f,
                              struct sg_pos pos, const char *suffix,
                              const struct name_ref *sorted, size_t n)
{
    const char *macro = ck->spec->reg.macro.s;
    const char *why;
    char buf[200];
    size_t lo = 0, hi = n;

    /* The words the outputs put after <MACRO>_ themselves. */
    why = reserved_code_name(suffix, macro, buf, sizeof buf);
    if (why) {
        diag_error(ck->dl, pos, "field '%s' makes the constant %s_%s, and %s",
                   f->name.s, macro ? macro : "<MACRO>", suffix, why);
        return;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(sorted[mid].s, suffix);

        if (c == 0) {
            diag_error(ck->dl, pos, "field '%s' makes the constant "
                       "%s_%s, the same as a code's name or alias",
                       f->name.s, ck->spec->reg.macro.s ? ck->spec->reg.macro.s
                                                        : "<MACRO>", suffix);
            diag_note(ck->dl, sorted[mid].pos, "'%s' defined here",
                      sorted[mid].s);
            return;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
}

static int name_ref_cmp(const void *a, const void *b)
{
    return strcmp(((const struct name_ref *)a)->s,
                  ((const struct name_ref *)b)->s);
}

/* Fields: declarations, the codes' values, required values, and the
 * generated constants against the codes' names. */
static void check_fields(struct checker *ck)
{
    struct spec *spec = ck->spec;
    struct name_ref *refs = NULL, *names = NULL;
    size_t i, j, n = 0, cap = 0, nn = 0, cn = 0;
    char suffix[128], what[64];

    for (i = 0; i < spec->nfields; i++) {
        check_field_decl(ck, &spec->fields[i]);
        add_ref(ck, &refs, &n, &cap, &spec->fields[i].name);
    }
    report_duplicates(ck, refs, n, "field", 0);
    sg_free(refs);
    if (spec->nfields == 0)
        return;
    for (i = 0; i < spec->nfields; i++) {
        struct spec_field *f = &spec->fields[i];
        size_t next = 0;

        if (!f->type_pos.line || f->name.s == NULL)
            continue;
        sprintf(what, "field '%.40s'", f->name.s);
        for (j = 0; j < f->nvals; j++)
            check_field_value(ck, f, &f->vals[j], what);
        if (!f->required)
            continue;
        /* f->vals is in code index order */
        for (j = 0; j < spec->ncodes; j++) {
            if (next < f->nvals && f->vals[next].code == j) {
                next++;
                continue;
            }
            diag_error(ck->dl, spec->codes[j].pos, "code %ld has no '%s', "
                       "a required field", spec->codes[j].code, f->name.s);
            diag_note(ck->dl, f->required_pos, "'%s' is required here",
                      f->name.s);
        }
    }
    for (i = 0; i < spec->ncodes; i++) {
        add_ref(ck, &names, &nn, &cn, &spec->codes[i].name);
        for (j = 0; j < spec->codes[i].naliases; j++)
            add_ref(ck, &names, &nn, &cn, &spec->codes[i].aliases[j]);
    }
    if (nn)
        qsort(names, nn, sizeof *names, name_ref_cmp);
    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        struct sbuf up;

        if (f->name.s == NULL || strlen(f->name.s) > 30)
            continue;
        sbuf_init(&up);
        sbuf_puts_case(&up, f->name.s, 1);
        sprintf(suffix, "%.30s_LIST", sbuf_str(&up));
        check_field_macro(ck, f, f->name.pos, suffix, names, nn);
        if (f->type == FIELD_ENUM && !f->has_default) {
            sprintf(suffix, "%.30s_NONE", sbuf_str(&up));
            check_field_macro(ck, f, f->name.pos, suffix, names, nn);
        }
        for (j = 0; f->type == FIELD_ENUM && j < f->nvalues; j++) {
            if (f->values[j].s == NULL || strlen(f->values[j].s) > 60)
                continue;
            sprintf(suffix, "%.30s_%.60s", sbuf_str(&up), f->values[j].s);
            check_field_macro(ck, f, f->values[j].pos, suffix, names, nn);
        }
        if (sbuf_failed(&up))
            diag_oom(ck->dl);
        sbuf_free(&up);
    }
    sg_free(names);
}

int spec_validate(struct spec *spec, struct diag_list *dl)
{
    struct checker ck;
    size_t errors_before = dl->errors;

    ck.spec = spec;
    ck.dl = dl;
    check_registry(&ck);
    check_classes(&ck);
    check_traits(&ck);
    check_sources(&ck);
    check_codes(&ck);
    check_reserved(&ck);
    check_fields(&ck);
    return dl->errors > errors_before ? -1 : 0;
}
