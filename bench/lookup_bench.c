/* SPDX-License-Identifier: MIT */
/*
 * lookup_bench.c - runs one lookup function N times over a fixed mix of
 * inputs, for callgrind to count (bench/run.sh runs it under
 * valgrind --tool=callgrind --toggle-collect=FUNCTION, so only the
 * instructions executed inside the measured function and its callees are
 * counted, not the loop, the setup or the input generation).
 *
 * The mix: 90% common codes with fixed weights (200, 304, 404, ...), 10%
 * uniform over 0..999 (mostly unregistered codes), drawn with a fixed LCG,
 * so every run and every implementation sees the same sequence.  The string
 * lookups get the name or phrase of each code in the mix, and a string no
 * code has for the unregistered ones.
 *
 * Usage: lookup_bench MODE [N]     run MODE N times (default 1000000)
 *        lookup_bench check [N]    verify every implementation on the mix
 *        lookup_bench list         list the modes and their functions
 */
#include "floor.h"
#include "http_status.h"
#include "naive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libmicrohttpd's phrase lookup, linked from its reason_phrase.o. */
#ifdef BENCH_HAVE_MHD
const char *MHD_get_reason_phrase_for(unsigned int code);
#endif
/* gperf's case-insensitive phrase lookup and its name lookup, when they
 * were built. */
int gperf_from_reason(const char *phrase);
int gperf_from_name(const char *name);

/* Common codes and their weight in percent of all lookups (sum 90). */
static const struct {
    int code;
    int weight;
} common[] = {
    {200, 41}, {304, 10}, {404, 8}, {302, 5}, {301, 4}, {500, 3},
    {201, 3}, {204, 3}, {400, 2}, {401, 2}, {403, 2}, {503, 2},
    {206, 1}, {502, 1}, {307, 1}, {429, 1}, {504, 1}
};

static unsigned long lcg_state = 12345UL;

static unsigned long lcg(void)
{
    lcg_state = (lcg_state * 1103515245UL + 12345UL) & 0x7fffffffUL;
    return lcg_state >> 8;
}

/* The code sequence: the same for every mode. */
static int *make_codes(size_t n)
{
    int *codes = (int *)malloc(n * sizeof *codes);
    size_t i, j;

    if (codes == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        unsigned long r = lcg() % 100;

        if (r >= 90) {
            codes[i] = (int)(lcg() % 1000);
            continue;
        }
        for (j = 0; r >= (unsigned long)common[j].weight; j++)
            r -= (unsigned long)common[j].weight;
        codes[i] = common[j].code;
    }
    return codes;
}

/* Names and phrases of the registry, from the header's X-macro (not from
 * the functions under test, whose setup calls would be counted). */
struct row {
    int code;
    const char *name;
    const char *phrase;
};
#define ROW(n, c, p) {c, #n, p},
static const struct row rows[] = {HTTP_STATUS_LIST(ROW)};
#define NROWS (sizeof rows / sizeof rows[0])

static const struct row *row_of(int code)
{
    size_t i;

    for (i = 0; i < NROWS; i++)
        if (rows[i].code == code)
            return &rows[i];
    return NULL;
}

/* The string inputs: the name (or phrase) of each code in the mix; for an
 * unregistered code, a miss of similar length. */
static const char **make_keys(const int *codes, size_t n, int phrases)
{
    static char miss[2][1000][24];
    const char **keys = (const char **)malloc(n * sizeof *keys);
    size_t i;

    if (keys == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        const struct row *r = row_of(codes[i]);

        if (r != NULL) {
            keys[i] = phrases ? r->phrase : r->name;
        } else {
            char *m = miss[phrases != 0][codes[i]];

            sprintf(m, phrases ? "Unassigned %d" : "UNASSIGNED_%d", codes[i]);
            keys[i] = m;
        }
    }
    return keys;
}

typedef const char *(*code_fn)(int);
typedef int (*int_fn)(int);
typedef int (*key_fn)(const char *);

/* Adapters to the driver's three shapes of function; callgrind counts only
 * the function each calls. */
static int traits(int code)
{
    return (int)http_status_traits(code);
}

static int class_of(int code)
{
    return (int)http_status_class_of(code);
}

static const char *description(int code)
{
    return http_status_description(code, NULL);
}

static const char *description_zh(int code)
{
    return http_status_description(code, "zh");
}

static int floor_traits_int(int code)
{
    return (int)floor_traits(code);
}

#ifdef BENCH_HAVE_MHD
static const char *mhd_reason(int code)
{
    return MHD_get_reason_phrase_for((unsigned)code);
}
#endif

static const struct mode {
    const char *name;     /* mode on the command line */
    const char *measured; /* function callgrind counts */
    code_fn by_code;
    int_fn by_int;
    key_fn by_key;
    int phrases;          /* by_key takes phrases, not names */
} modes[] = {
    {"reason", "http_status_reason", http_status_reason, NULL, NULL, 0},
    {"name", "http_status_name", http_status_name, NULL, NULL, 0},
    {"traits", "http_status_traits", NULL, traits, NULL, 0},
    {"is_known", "http_status_is_known", NULL, http_status_is_known, NULL,
     0},
    {"class_of", "http_status_class_of", NULL, class_of, NULL, 0},
    {"description", "http_status_description", description, NULL, NULL, 0},
    {"description_zh", "http_status_description", description_zh, NULL,
     NULL, 0},
    {"floor_reason", "floor_reason", floor_reason, NULL, NULL, 0},
    {"floor_name", "floor_name", floor_name, NULL, NULL, 0},
    {"floor_traits", "floor_traits", NULL, floor_traits_int, NULL, 0},
    {"floor_is_known", "floor_is_known", NULL, floor_is_known, NULL, 0},
    {"floor_class_of", "floor_class_of", NULL, floor_class_of, NULL, 0},
    {"floor_description", "floor_description", floor_description, NULL,
     NULL, 0},
    {"from_name", "http_status_from_name", NULL, NULL,
     http_status_from_name, 0},
    {"from_reason", "http_status_from_reason", NULL, NULL,
     http_status_from_reason, 1},
#ifdef BENCH_HAVE_MHD
    {"mhd_reason", "MHD_get_reason_phrase_for", mhd_reason, NULL, NULL, 0},
#endif
    {"naive_reason", "naive_reason", naive_reason, NULL, NULL, 0},
    {"naive_name", "naive_name", naive_name, NULL, NULL, 0},
    {"naive_from_name", "naive_from_name", NULL, NULL, naive_from_name, 0},
    {"naive_from_reason", "naive_from_reason", NULL, NULL,
     naive_from_reason, 1},
#ifdef BENCH_HAVE_GPERF
    {"gperf_from_name", "gperf_from_name", NULL, NULL, gperf_from_name, 0},
    {"gperf_from_reason", "gperf_from_reason", NULL, NULL,
     gperf_from_reason, 1},
#endif
    {NULL, NULL, NULL, NULL, NULL, 0}
};

/* The measured loops: results are summed so no call can be dropped. */
static unsigned long run_codes(code_fn f, const int *codes, size_t n)
{
    unsigned long sum = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        const char *s = f(codes[i]);

        sum += s ? (unsigned char)s[0] : 1;
    }
    return sum;
}

static unsigned long run_ints(int_fn f, const int *codes, size_t n)
{
    unsigned long sum = 0;
    size_t i;

    for (i = 0; i < n; i++)
        sum += (unsigned long)f(codes[i]);
    return sum;
}

static unsigned long run_keys(key_fn f, const char *const *keys, size_t n)
{
    unsigned long sum = 0;
    size_t i;

    for (i = 0; i < n; i++)
        sum += (unsigned long)(f(keys[i]) + 1);
    return sum;
}

/* Every implementation must give the same answers on the mix. */
static int check(const int *codes, const char *const *names,
                 const char *const *phrases, size_t n)
{
    size_t i;
    int bad = 0;

    for (i = 0; i < n && bad < 10; i++) {
        const struct row *r = row_of(codes[i]);
        const char *want_phrase = r ? r->phrase : NULL;
        const char *want_name = r ? r->name : NULL;
        int want = r ? r->code : -1;
        const char *got;

        got = http_status_reason(codes[i]);
        if ((got == NULL) != (want_phrase == NULL) ||
            (got && strcmp(got, want_phrase) != 0))
            bad++, fprintf(stderr, "reason(%d) wrong\n", codes[i]);
        got = http_status_name(codes[i]);
        if ((got == NULL) != (want_name == NULL) ||
            (got && strcmp(got, want_name) != 0))
            bad++, fprintf(stderr, "name(%d) wrong\n", codes[i]);
        if (naive_reason(codes[i]) != want_phrase ||
            (naive_name(codes[i]) == NULL) != (want_name == NULL))
            bad++, fprintf(stderr, "naive lookup of %d wrong\n", codes[i]);
        if (http_status_from_name(names[i]) != want ||
            naive_from_name(names[i]) != want)
            bad++, fprintf(stderr, "from_name(%s) wrong\n", names[i]);
        if (http_status_from_reason(phrases[i]) != want ||
            naive_from_reason(phrases[i]) != want)
            bad++, fprintf(stderr, "from_reason(%s) wrong\n", phrases[i]);
        if (floor_reason(codes[i]) != want_phrase ||
            (floor_name(codes[i]) == NULL) != (want_name == NULL) ||
            (want_name && strcmp(floor_name(codes[i]), want_name) != 0))
            bad++, fprintf(stderr, "floor lookup of %d wrong\n", codes[i]);
        if (http_status_is_known(codes[i]) != (r != NULL) ||
            floor_is_known(codes[i]) != (r != NULL))
            bad++, fprintf(stderr, "is_known(%d) wrong\n", codes[i]);
        /* HTTP's classes are the hundreds 1xx..5xx. */
        if (class_of(codes[i]) !=
                (codes[i] >= 100 && codes[i] <= 599
                     ? (int)HTTP_STATUS_CLASS_INFORMATIONAL + codes[i] / 100 - 1
                     : (int)HTTP_STATUS_CLASS_NONE) ||
            floor_class_of(codes[i]) != class_of(codes[i]))
            bad++, fprintf(stderr, "class_of(%d) wrong\n", codes[i]);
        if (floor_traits(codes[i]) != http_status_traits(codes[i]) ||
            (r == NULL && http_status_traits(codes[i]) != 0))
            bad++, fprintf(stderr, "traits(%d) wrong\n", codes[i]);
        got = description(codes[i]);
        if ((got == NULL) != (r == NULL) || got != floor_description(codes[i]) ||
            got != http_status_description(codes[i], "en") ||
            (description_zh(codes[i]) == NULL) != (r == NULL) ||
            (r && strcmp(description_zh(codes[i]), got) == 0))
            bad++, fprintf(stderr, "description(%d) wrong\n", codes[i]);
#ifdef BENCH_HAVE_GPERF
        if (gperf_from_reason(phrases[i]) != want ||
            gperf_from_name(names[i]) != want)
            bad++, fprintf(stderr, "gperf(%s) wrong\n", phrases[i]);
#endif
#ifdef BENCH_HAVE_MHD
        if (MHD_get_reason_phrase_for((unsigned)codes[i]) == NULL)
            bad++, fprintf(stderr, "MHD(%d) returned NULL\n", codes[i]);
#endif
    }
    return bad;
}

int main(int argc, char **argv)
{
    size_t n = 1000000, m;
    int *codes;
    const char **keys, **phrases;
    unsigned long sum;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: lookup_bench MODE|check|list [N]\n");
        return 2;
    }
    if (strcmp(argv[1], "list") == 0) {
        for (m = 0; modes[m].name; m++)
            printf("%s %s\n", modes[m].name, modes[m].measured);
        return 0;
    }
    if (argc == 3)
        n = (size_t)strtoul(argv[2], NULL, 10);
    codes = make_codes(n);
    keys = codes ? make_keys(codes, n, 0) : NULL;
    phrases = codes ? make_keys(codes, n, 1) : NULL;
    if (keys == NULL || phrases == NULL) {
        fprintf(stderr, "lookup_bench: out of memory\n");
        return 2;
    }
    if (strcmp(argv[1], "check") == 0) {
        int bad;

        floor_init();
        bad = check(codes, keys, phrases, n);

        printf("check: %lu lookups per function, %s\n", (unsigned long)n,
               bad ? "FAILED" : "ok");
        return bad ? 1 : 0;
    }
    for (m = 0; modes[m].name; m++)
        if (strcmp(modes[m].name, argv[1]) == 0)
            break;
    if (modes[m].name == NULL) {
        fprintf(stderr, "lookup_bench: unknown mode '%s'\n", argv[1]);
        return 2;
    }
    floor_init();
    if (modes[m].by_code)
        sum = run_codes(modes[m].by_code, codes, n);
    else if (modes[m].by_int)
        sum = run_ints(modes[m].by_int, codes, n);
    else
        sum = run_keys(modes[m].by_key, modes[m].phrases ? phrases : keys,
                       n);
    printf("%s: %lu lookups, checksum %lu\n", modes[m].name,
           (unsigned long)n, sum);
    free(codes);
    free(keys);
    free(phrases);
    return 0;
}
