/*
 * dump_c.c - the reference dumper of the agreement test (README.md here):
 * reads the queries on standard input and prints, for each, the query, a
 * TAB and what the generated C lookups answer.  Every other language's
 * dumper must print the same bytes.
 *
 * Built against one generated registry: agree_spec.h (queries.py
 * --c-header) names its prefix (SG_PREFIX), its header (SG_HEADER) and its
 * classes (SG_CLASS_TESTS).
 */
#include "agree_spec.h"
#include SG_HEADER

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SG_CAT2(a, b) a##b
#define SG_CAT(a, b) SG_CAT2(a, b)
/* The registry's function <prefix><suffix>. */
#define SG_FN(suffix) SG_CAT(SG_PREFIX, suffix)

/* Reads one line without its newline into *buf (grown as needed);
 * returns its length, or -1 at the end of the input. */
static long read_line(char **buf, size_t *cap)
{
    size_t len = 0;
    int c;

    while ((c = getchar()) != EOF && c != '\n') {
        if (len + 2 > *cap) {
            size_t ncap = *cap ? *cap * 2 : 256;
            char *p = (char *)realloc(*buf, ncap);

            if (p == NULL) {
                fputs("dump_c: out of memory\n", stderr);
                exit(2);
            }
            *buf = p;
            *cap = ncap;
        }
        (*buf)[len++] = (char)c;
    }
    if (c == EOF && len == 0)
        return -1;
    if (*buf == NULL) {
        *buf = (char *)malloc(1);
        if (*buf == NULL)
            exit(2);
        *cap = 1;
    }
    (*buf)[len] = '\0';
    return (long)len;
}

static int hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Undoes a query field's escapes in place (\\, \t, \n, \xHH). */
static void unescape(char *s)
{
    char *w = s;

    while (*s) {
        if (s[0] == '\\' && s[1] == '\\') {
            *w++ = '\\';
            s += 2;
        } else if (s[0] == '\\' && s[1] == 't') {
            *w++ = '\t';
            s += 2;
        } else if (s[0] == '\\' && s[1] == 'n') {
            *w++ = '\n';
            s += 2;
        } else if (s[0] == '\\' && s[1] == 'x' && hex_digit(s[2]) >= 0 &&
                   hex_digit(s[3]) >= 0) {
            *w++ = (char)(hex_digit(s[2]) * 16 + hex_digit(s[3]));
            s += 4;
        } else {
            *w++ = *s++;
        }
    }
    *w = '\0';
}

/* Prints an answer string: null, or quoted with its escapes. */
static void put_str(const char *s)
{
    static const char hex[] = "0123456789ABCDEF";

    if (s == NULL) {
        fputs("null", stdout);
        return;
    }
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '\\')
            fputs("\\\\", stdout);
        else if (c == '"')
            fputs("\\\"", stdout);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\t')
            fputs("\\t", stdout);
        else if (c < 0x20 || c == 0x7f)
            printf("\\x%c%c", hex[c >> 4], hex[c & 15]);
        else
            putchar(c);
    }
    putchar('"');
}

static void answer_code(int n)
{
    const char *sep = "";

    printf("known=%d reason=", SG_FN(_is_known)(n) ? 1 : 0);
    put_str(SG_FN(_reason)(n));
    fputs(" name=", stdout);
    put_str(SG_FN(_name)(n));
    printf(" class=%d traits=%u status=%d reference=",
           (int)SG_FN(_class_of)(n), SG_FN(_traits)(n),
           (int)SG_FN(_status_of)(n));
    put_str(SG_FN(_reference)(n));
    printf(" error=%d is=", SG_FN(_is_error)(n) ? 1 : 0);
#define SG_IS_CLASS(c)                                                  \
    printf("%s%d", sep, SG_FN(SG_CAT(_is_, c))(n) ? 1 : 0);             \
    sep = ",";
    SG_CLASS_TESTS(SG_IS_CLASS)
#undef SG_IS_CLASS
    (void)sep;
}

/* Answers one field query: field<TAB>NAME<TAB>N[<TAB>LANG]; returns 0 when
 * the registry has no field NAME. */
#define SG_ANSWER_INT(f) printf("%d", SG_FN(SG_CAT(_, f))(n))
#define SG_ANSWER_BOOL(f) printf("%d", SG_FN(SG_CAT(_, f))(n) ? 1 : 0)
#define SG_ANSWER_ENUM(f) printf("%d", (int)SG_FN(SG_CAT(_, f))(n))
#define SG_ANSWER_STRING(f) put_str(SG_FN(SG_CAT(_, f))(n))
#define SG_ANSWER_TEXT(f) put_str(SG_FN(SG_CAT(_, f))(n, lang))
static int answer_field(const char *name, int n, const char *lang)
{
#define SG_FIELD(type, f)                                               \
    if (strcmp(name, #f) == 0) {                                        \
        SG_ANSWER_##type(f);                                            \
        return 1;                                                       \
    }
    SG_FIELDS(SG_FIELD)
#undef SG_FIELD
    (void)name;
    (void)n;
    (void)lang;
    return 0;
}

int main(void)
{
    char *line = NULL, *copy = NULL;
    size_t cap = 0;
    long len;

    while ((len = read_line(&line, &cap)) >= 0) {
        char *kind, *arg, *arg2, *arg3 = NULL;

        copy = (char *)realloc(copy, (size_t)len + 1);
        if (copy == NULL)
            return 2;
        memcpy(copy, line, (size_t)len + 1);
        kind = copy;
        arg = strchr(kind, '\t');
        if (arg == NULL) {
            fprintf(stderr, "dump_c: a query without a TAB: %s\n", line);
            return 2;
        }
        *arg++ = '\0';
        arg2 = strchr(arg, '\t');
        if (arg2) {
            *arg2++ = '\0';
            arg3 = strchr(arg2, '\t');
            if (arg3)
                *arg3++ = '\0';
        }
        fputs(line, stdout);
        putchar('\t');
        if (strcmp(kind, "code") == 0) {
            answer_code(atoi(arg));
        } else if (strcmp(kind, "desc") == 0 && arg2) {
            unescape(arg2);
            put_str(SG_FN(_description)(atoi(arg),
                                        strcmp(arg2, "-") == 0 ? NULL
                                                               : arg2));
        } else if (strcmp(kind, "from_name") == 0) {
            unescape(arg);
            printf("%d", SG_FN(_from_name)(arg));
#if SG_PHRASES
        } else if (strcmp(kind, "from_reason") == 0) {
            unescape(arg);
            printf("%d", SG_FN(_from_reason)(arg));
#endif
        } else if (strcmp(kind, "field") == 0 && arg2) {
            if (arg3)
                unescape(arg3);
            if (!answer_field(arg, atoi(arg2),
                              arg3 == NULL || strcmp(arg3, "-") == 0
                                  ? NULL
                                  : arg3)) {
                fprintf(stderr, "dump_c: no field %s\n", arg);
                return 2;
            }
        } else {
            fprintf(stderr, "dump_c: an unknown query: %s\n", line);
            return 2;
        }
        putchar('\n');
    }
    free(line);
    free(copy);
    return fflush(stdout) == 0 ? 0 : 2;
}
