/*
 * test_spec.c - the shipped spec as data: every code its source documents
 * name is there, the merge decisions are written down, the statuses and
 * traits are the ones RFC 9110 and the IANA registry give.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "model.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct spec spec;

static int setup(void **state)
{
    struct diag_list dl;
    int rc;

    (void)state;
    diag_init(&dl, SPEC_DIR "/http_status.yaml");
    rc = spec_load(SPEC_DIR "/http_status.yaml", &spec, &dl);
    diag_free(&dl);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    spec_free(&spec);
    return 0;
}

static const struct spec_code *find(long code)
{
    size_t i;

    for (i = 0; i < spec.ncodes; i++)
        if (spec.codes[i].code == code)
            return &spec.codes[i];
    return NULL;
}

static int has_trait(const struct spec_code *c, const char *trait)
{
    size_t i;

    for (i = 0; i < c->ntraits; i++)
        if (strcmp(c->traits[i].s, trait) == 0)
            return 1;
    return 0;
}

static int lang_index(const char *lang)
{
    size_t j;

    for (j = 0; j < spec.reg.nlang; j++)
        if (strcmp(spec.reg.languages[j].s, lang) == 0)
            return (int)j;
    fail_msg("the spec has no language %s", lang);
    return -1;
}

/* The code's note in language lang (index into registry.languages), NULL
 * when the spec gives none in that language. */
static const char *note_text(const struct spec_code *c, size_t lang)
{
    return c->note ? c->note[lang].s : NULL;
}

/* The doc of trait name in language lang; fails when there is none. */
static const char *trait_doc(const char *name, size_t lang)
{
    size_t i;

    for (i = 0; i < spec.ntraits; i++)
        if (strcmp(spec.traits[i].name.s, name) == 0 &&
            spec.traits[i].doc != NULL && spec.traits[i].doc[lang].s != NULL)
            return spec.traits[i].doc[lang].s;
    fail_msg("trait %s has no doc", name);
    return NULL;
}

/* Every text of the spec in language lang, each with what it is, the code
 * it belongs to and its first-language counterpart: descriptions, notes,
 * trait and source docs, class titles and the registry title.  Texts the
 * spec does not give in lang are left out.  Returns how many were stored in
 * out (room for max). */
struct text_ref {
    const char *kind; /* "description", "note", ... */
    long code;        /* -1 for texts that belong to no code */
    const char *s, *first;
};

static size_t texts_max(void)
{
    return spec.ncodes * 2 + spec.ntraits + spec.nsources + spec.nclasses + 1;
}

static size_t texts_in(size_t lang, struct text_ref *out, size_t max)
{
    size_t i, n = 0;

#define ADD(k, c, map)                                                    \
    do {                                                                  \
        if ((map) != NULL && (map)[lang].s != NULL && n < max) {          \
            out[n].kind = (k);                                            \
            out[n].code = (c);                                            \
            out[n].s = (map)[lang].s;                                     \
            out[n++].first = (map)[0].s;                                  \
        }                                                                 \
    } while (0)
    for (i = 0; i < spec.ncodes; i++) {
        ADD("description", spec.codes[i].code, spec.codes[i].desc);
        ADD("note", spec.codes[i].code, spec.codes[i].note);
    }
    for (i = 0; i < spec.ntraits; i++)
        ADD("trait doc", -1L, spec.traits[i].doc);
    for (i = 0; i < spec.nsources; i++)
        ADD("source doc", -1L, spec.sources[i].doc);
    for (i = 0; i < spec.nclasses; i++)
        ADD("class title", -1L, spec.classes[i].title);
    ADD("title", -1L, spec.reg.title);
#undef ADD
    return n;
}

/* Every number of three digits, 100 to 599, standing alone in a source
 * document (not inside a longer number or a version like 1.100) is a code
 * of the spec. */
static void test_spec_has_every_code_the_sources_name(void **state)
{
    static const char *const files[] = {
        "000_aa323585a85c8293.txt", "001_be3ea27c154908aa.txt",
        "002_65c88373163b3447.txt", "003_bc06bbd9eecb4ada.txt",
        "004_7635752ea33d72c9.txt"};
    size_t f, found = 0;

    (void)state;
    for (f = 0; f < sizeof files / sizeof files[0]; f++) {
        char path[512];
        struct sbuf text;
        const char *s;
        size_t i;

        snprintf(path, sizeof path, "%s/sources/%s", SPEC_DIR, files[f]);
        sbuf_init(&text);
        assert_int_equal(tu_read_file(path, &text), 0);
        s = sbuf_str(&text);
        for (i = 0; i + 3 <= text.len; i++) {
            long code;

            if (!(s[i] >= '1' && s[i] <= '5') || !(s[i + 1] >= '0' &&
                s[i + 1] <= '9') || !(s[i + 2] >= '0' && s[i + 2] <= '9'))
                continue;
            if (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') ||
                          s[i - 1] == '.'))
                continue;
            if (s[i + 3] >= '0' && s[i + 3] <= '9')
                continue;
            code = (s[i] - '0') * 100 + (s[i + 1] - '0') * 10 + s[i + 2] - '0';
            found++;
            if (find(code) == NULL)
                fail_msg("%s names %ld, which the spec lacks", files[f], code);
        }
        sbuf_free(&text);
    }
    assert_true(found > 300);
}

static void test_spec_every_code_complete(void **state)
{
    size_t i, j;

    (void)state;
    assert_int_equal(spec.reg.nlang, 3);
    for (i = 0; i < spec.ncodes; i++) {
        const struct spec_code *c = &spec.codes[i];

        for (j = 0; j < 3; j++)
            if (c->desc[j].s == NULL || strlen(c->desc[j].s) < 10)
                fail_msg("code %ld lacks a %s description", c->code,
                         spec.reg.languages[j].s);
        if (c->nsources == 0)
            fail_msg("code %ld names no source", c->code);
        if (c->reference.s == NULL)
            fail_msg("code %ld has no reference", c->code);
    }
}

static void test_spec_statuses(void **state)
{
    static const struct {
        long code;
        enum code_status status;
    } want[] = {
        {104, STATUS_TEMPORARY}, {305, STATUS_DEPRECATED},
        {306, STATUS_UNUSED},    {418, STATUS_UNUSED},
        {449, STATUS_UNOFFICIAL}, {509, STATUS_UNOFFICIAL},
        {510, STATUS_OBSOLETE},  {200, STATUS_STANDARD},
        {425, STATUS_STANDARD},
    };
    size_t i, special = 0;

    (void)state;
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const struct spec_code *c = find(want[i].code);

        assert_non_null(c);
        assert_int_equal(c->status, want[i].status);
        if (want[i].status != STATUS_STANDARD)
            assert_non_null(c->note);
    }
    for (i = 0; i < spec.ncodes; i++)
        if (spec.codes[i].status != STATUS_STANDARD)
            special++;
    /* exactly the seven above are not standard */
    assert_int_equal(special, 7);
}

static void test_spec_merge_decisions_are_noted(void **state)
{
    static const long noted[] = {200, 203, 408, 421, 422, 425, 426, 507, 510};
    size_t i;

    (void)state;
    for (i = 0; i < sizeof noted / sizeof noted[0]; i++) {
        const struct spec_code *c = find(noted[i]);

        assert_non_null(c);
        if (c->note == NULL || c->note[0].s == NULL)
            fail_msg("code %ld: the sources' conflict is not noted",
                     noted[i]);
    }
}

static void test_spec_traits_follow_rfc9110(void **state)
{
    /* RFC 9110, Section 15.1: heuristically cacheable by default; 451 is
     * too (RFC 7725, Section 3) */
    static const long cacheable[] = {200, 203, 204, 206, 300, 301, 308,
                                     404, 405, 410, 414, 451, 501};
    static const long redirect[] = {300, 301, 302, 303, 307, 308};
    size_t i, n;

    (void)state;
    for (i = 0, n = 0; i < spec.ncodes; i++)
        n += has_trait(&spec.codes[i], "CACHEABLE");
    assert_int_equal(n, sizeof cacheable / sizeof cacheable[0]);
    for (i = 0; i < sizeof cacheable / sizeof cacheable[0]; i++)
        assert_true(has_trait(find(cacheable[i]), "CACHEABLE"));
    for (i = 0, n = 0; i < spec.ncodes; i++)
        n += has_trait(&spec.codes[i], "REDIRECT");
    assert_int_equal(n, sizeof redirect / sizeof redirect[0]);
    for (i = 0; i < sizeof redirect / sizeof redirect[0]; i++)
        assert_true(has_trait(find(redirect[i]), "REDIRECT"));
    for (i = 0; i < spec.ncodes; i++) {
        const struct spec_code *c = &spec.codes[i];
        int no_body = c->code < 200 || c->code == 204 || c->code == 205 ||
                      c->code == 304;

        assert_int_equal(has_trait(c, "NO_BODY"), no_body);
        /* a retry cannot fix a client error, except timing ones */
        if (has_trait(c, "RETRYABLE") && c->code < 500)
            assert_true(c->code == 408 || c->code == 425 || c->code == 429);
    }
    assert_true(has_trait(find(503), "RETRYABLE"));
}

static void test_spec_modern_phrases_with_former_names(void **state)
{
    static const struct {
        long code;
        const char *phrase, *alias;
    } want[] = {
        {413, "Content Too Large", "PAYLOAD_TOO_LARGE"},
        {413, "Content Too Large", "REQUEST_ENTITY_TOO_LARGE"},
        {414, "URI Too Long", "REQUEST_URI_TOO_LONG"},
        {416, "Range Not Satisfiable", "REQUESTED_RANGE_NOT_SATISFIABLE"},
        {422, "Unprocessable Content", "UNPROCESSABLE_ENTITY"},
    };
    size_t i, j;

    (void)state;
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const struct spec_code *c = find(want[i].code);
        int found = 0;

        assert_string_equal(c->phrase.s, want[i].phrase);
        for (j = 0; j < c->naliases; j++)
            found |= strcmp(c->aliases[j].s, want[i].alias) == 0;
        if (!found)
            fail_msg("%ld lacks the alias %s", want[i].code, want[i].alias);
    }
}

/* Each trait doc names every member code, so a reader can check the
 * list; the docs say where the membership comes from. */
static void test_spec_trait_docs_name_members_and_grounds(void **state)
{
    static const char *const listed[] = {"CACHEABLE", "REDIRECT",
                                         "RETRYABLE"};
    const char *doc;
    size_t t, i, lang;

    (void)state;
    for (t = 0; t < sizeof listed / sizeof listed[0]; t++)
        for (lang = 0; lang < spec.reg.nlang; lang++) {
            doc = trait_doc(listed[t], lang);
            for (i = 0; i < spec.ncodes; i++) {
                char num[16];

                if (!has_trait(&spec.codes[i], listed[t]))
                    continue;
                snprintf(num, sizeof num, "%ld", spec.codes[i].code);
                if (strstr(doc, num) == NULL)
                    fail_msg("the %s %s doc does not name %s",
                             spec.reg.languages[lang].s, listed[t], num);
            }
        }
    doc = trait_doc("CACHEABLE", 0);
    assert_non_null(strstr(doc, "RFC 9110, Section 15.1"));
    assert_non_null(strstr(doc, "RFC 7725, Section 3"));
    /* RFC 9110 gives 502 and 504 no retry rule; retrying automatically is
     * bound to idempotent methods (RFC 9110, Section 9.2.2) */
    doc = trait_doc("RETRYABLE", 0);
    assert_null(strstr(doc, "15.6.3"));
    assert_null(strstr(doc, "15.6.5"));
    assert_non_null(strstr(doc, "Section 9.2.2"));
    assert_non_null(strstr(doc, "idempotent"));
    /* RFC 9110, Section 15.4.6 and RFC 7231, Appendix B say why 305 is
     * deprecated; neither says clients must not follow it */
    doc = trait_doc("REDIRECT", 0);
    assert_null(strstr(doc, "must not follow"));
    assert_non_null(strstr(doc, "in-band configuration of a proxy"));
}

/* Collects the numbers standing alone in s (not parts of dotted numbers
 * such as 15.5.9 or 1.1) into nums, sorted and unique; returns how many
 * (at most max). */
static size_t numbers_in(const char *s, long *nums, size_t max)
{
    size_t n = 0, i, j;

    while (*s) {
        const char *p = s;
        int dotted = 0;
        long v = 0;

        if (!(*s >= '0' && *s <= '9')) {
            s++;
            continue;
        }
        while ((*p >= '0' && *p <= '9') ||
               (*p == '.' && p[1] >= '0' && p[1] <= '9')) {
            if (*p == '.')
                dotted = 1;
            else if (v < 100000000L)
                v = v * 10 + (*p - '0');
            p++;
        }
        s = p;
        if (dotted)
            continue;
        for (i = 0; i < n && nums[i] < v; i++)
            ;
        if ((i < n && nums[i] == v) || n == max)
            continue;
        for (j = n; j > i; j--)
            nums[j] = nums[j - 1];
        nums[i] = v;
        n++;
    }
    return n;
}

/* The three languages say the same things: the numbers every text gives
 * (codes, RFCs, sections, dates) are the same in each translation as in the
 * first language, and every text has its translations. */
static void test_spec_languages_say_the_same_things(void **state)
{
    size_t max = texts_max(), n0 = 0;
    struct text_ref *refs = malloc(max * sizeof *refs);
    size_t lang, n, i;

    (void)state;
    assert_non_null(refs);
    for (lang = 0; lang < spec.reg.nlang; lang++) {
        n = texts_in(lang, refs, max);
        if (lang == 0)
            n0 = n;
        else if (n != n0)
            fail_msg("%lu texts lack a %s translation",
                     (unsigned long)(n0 - n), spec.reg.languages[lang].s);
        for (i = 0; i < n; i++) {
            long first[64], other[64];
            size_t nf = numbers_in(refs[i].first, first, 64);
            size_t no = numbers_in(refs[i].s, other, 64), k;

            for (k = 0; k < nf && k < no && first[k] == other[k]; k++)
                ;
            if (k < nf || k < no)
                fail_msg("%s of %ld: the %s text gives different numbers "
                         "than the %s one (%ld)", refs[i].kind, refs[i].code,
                         spec.reg.languages[lang].s,
                         spec.reg.languages[0].s,
                         k < nf ? first[k] : other[k]);
        }
    }
    free(refs);
}

/* Counts the characters (code points) of UTF-8 text s. */
static size_t chars_in(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void test_spec_translations_no_longer_than_english(void **state)
{
    /* In characters, a Chinese text saying what the English one says is
     * well under 0.55 of it (0.26 to 0.49 in the spec); a Russian one is
     * 0.7 to 1.4 of it. */
    size_t zh = (size_t)lang_index("zh"), ru = (size_t)lang_index("ru");
    size_t i;

    (void)state;
    for (i = 0; i < spec.ncodes; i++) {
        const struct spec_code *c = &spec.codes[i];
        size_t en = chars_in(c->desc[0].s);

        if (chars_in(c->desc[zh].s) * 100 > en * 55)
            fail_msg("code %ld: the zh description says more than the en "
                     "one", c->code);
        if (chars_in(c->desc[ru].s) * 10 > en * 14 ||
            chars_in(c->desc[ru].s) * 10 < en * 7)
            fail_msg("code %ld: the ru description and the en one differ "
                     "in length", c->code);
    }
}

/* Words the native reading corrected, which must not come back. */
static void test_spec_wording(void **state)
{
    static const struct {
        long code;
        const char *lang, *has, *lacks;
    } want[] = {
        /* RFC 9110, Section 15.2.1: the server intends to send a final
         * response; RFC 2616's MUST is gone */
        {100, "zh", NULL, "\345\277\205\351\241\273"},          
        {100, "ru", NULL, "\320\276\320\261\321\217\320\267\320\260\320\275"},
        {100, "en", "intends to", NULL},
        /* "cannot process", not "cannot respond" */
        {422, "zh", "\346\227\240\346\263\225\345\244\204\347\220\206",
         "\346\227\240\346\263\225\345\223\215\345\272\224"},
        /* "Web accelerator", not "network accelerator" */
        {203, "zh", "Web \345\212\240\351\200\237\345\231\250",
         "\347\275\221\347\273\234\345\212\240\351\200\237\345\231\250"},
        /* no download tools en and ru do not name (Xunlei) */
        {206, "zh", NULL, "\350\277\205\351\233\267"},
        {206, "zh", NULL, "FlashGet"},
        /* RFC 9110, Section 15.5.19: not assignable *currently* */
        {418, "en", "re-assigned", "anything else"},
        {305, "en", "in-band configuration of a proxy", "must not follow"},
        /* RFC 7725, Section 4: SHOULD identify itself; Section 3 */
        {451, "en", "should identify itself", "may identify"},
        {451, "en", "Cacheable by default", NULL},
        /* authority is host and port (RFC 3986, Section 3.2) */
        {421, "en", "host and port", NULL},
        {421, "zh", "\344\270\273\346\234\272\345\222\214\347\253\257"
                    "\345\217\243", NULL},                      
        {421, "ru", "\321\205\320\276\321\201\321\202\320\260 \320\270 "
                    "\320\277\320\276\321\200\321\202\320\260", NULL},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const struct spec_code *c = find(want[i].code);
        const char *d;

        assert_non_null(c);
        d = c->desc[lang_index(want[i].lang)].s;
        if (want[i].has && strstr(d, want[i].has) == NULL)
            fail_msg("%ld %s lacks '%s'", want[i].code, want[i].lang,
                     want[i].has);
        if (want[i].lacks && strstr(d, want[i].lacks) != NULL)
            fail_msg("%ld %s says '%s'", want[i].code, want[i].lang,
                     want[i].lacks);
    }
    /* RFC 9110 gives 418 no phrase; the capitalised one is RFC 7168's */
    assert_non_null(strstr(note_text(find(418), 0), "RFC 7168"));
    assert_null(strstr(note_text(find(418), 0), "RFC 9110 writes"));
}

/* Across every text of a language (descriptions, notes, docs, titles): no
 * zh description adds usage scenarios ("chuxian changjing") the other
 * languages lack; the English word authority only in parentheses after the
 * translated term (zh "host and port (authority)" with a full-width
 * parenthesis, ru likewise); the Russian term for user agent is
 * "polzovatelskiy agent", not "agent polzovatelya". */
static void test_spec_terms_in_every_text(void **state)
{
    static const char scene[] = "\345\207\272\347\216\260\345\234\272"
                                "\346\231\257";
    static const char agent[] = "\320\260\320\263\320\265\320\275\321\202";
    static const char user[] = " \320\277\320\276\320\273\321\214\320\267"
                               "\320\276\320\262\320\260\321\202\320\265"
                               "\320\273";
    static const char zh_paren[] = "\357\274\210"; /* full-width ( */
    size_t max = texts_max();
    struct text_ref *refs = malloc(max * sizeof *refs);
    size_t zh = (size_t)lang_index("zh"), ru = (size_t)lang_index("ru");
    size_t n, i;

    (void)state;
    assert_non_null(refs);
    n = texts_in(zh, refs, max);
    assert_true(n >= spec.ncodes);
    for (i = 0; i < n; i++) {
        const char *s = refs[i].s, *a;

        if (strcmp(refs[i].kind, "description") == 0 &&
            strstr(s, scene) != NULL)
            fail_msg("code %ld: zh adds a usage scenario", refs[i].code);
        for (a = strstr(s, "authority"); a; a = strstr(a + 1, "authority"))
            if (a - s < 3 || memcmp(a - 3, zh_paren, 3) != 0)
                fail_msg("%s of %ld: zh leaves 'authority' untranslated",
                         refs[i].kind, refs[i].code);
    }
    n = texts_in(ru, refs, max);
    assert_true(n >= spec.ncodes);
    for (i = 0; i < n; i++) {
        const char *s = refs[i].s, *a;

        for (a = strstr(s, "authority"); a; a = strstr(a + 1, "authority"))
            if (a == s || a[-1] != '(' || a - s < 3 || a[-2] != ' ' ||
                ((unsigned char)a[-3] & 0x80) == 0)
                fail_msg("%s of %ld: ru leaves 'authority' untranslated",
                         refs[i].kind, refs[i].code);
        for (a = strstr(s, agent); a; a = strstr(a + 1, agent)) {
            const char *p = a + sizeof agent - 1;

            /* skip the case ending, Cyrillic letters of two bytes */
            while (((unsigned char)p[0] == 0xD0 ||
                    (unsigned char)p[0] == 0xD1) && p[1] != '\0')
                p += 2;
            if (strncmp(p, user, sizeof user - 1) == 0)
                fail_msg("%s of %ld: ru says 'agent polzovatelya'",
                         refs[i].kind, refs[i].code);
        }
    }
    free(refs);
}

/* Former phrases: the RFC 2616, RFC 4918 and RFC 7231 phrases peers still
 * send, each with its source in the note; none differs from the phrase in
 * case only (from_reason ignores case). */
static void test_spec_former_phrases(void **state)
{
    static const struct {
        long code;
        const char *former;
    } want[] = {
        {302, "Moved Temporarily"},
        {408, "Request Time-out"},
        {413, "Request Entity Too Large"},
        {413, "Payload Too Large"},
        {414, "Request-URI Too Long"},
        {414, "Request-URI Too Large"},
        {416, "Requested Range Not Satisfiable"},
        {422, "Unprocessable Entity"},
        {504, "Gateway Time-out"},
    };
    size_t i, j, n = 0;

    (void)state;
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const struct spec_code *c = find(want[i].code);
        int found = 0;

        assert_non_null(c);
        for (j = 0; j < c->nformer; j++)
            found |= strcmp(c->former[j].s, want[i].former) == 0;
        if (!found)
            fail_msg("%ld lacks the former phrase %s", want[i].code,
                     want[i].former);
        if (note_text(c, 0) == NULL ||
            strstr(note_text(c, 0), want[i].former) == NULL)
            fail_msg("%ld: the note does not say where %s comes from",
                     want[i].code, want[i].former);
    }
    for (i = 0; i < spec.ncodes; i++) {
        n += spec.codes[i].nformer;
        for (j = 0; j < spec.codes[i].nformer; j++) {
            const char *a = spec.codes[i].former[j].s;
            const char *b = spec.codes[i].phrase.s;

            while (*a && *b && (*a | 0x20) == (*b | 0x20))
                a++, b++;
            if (*a == '\0' && *b == '\0')
                fail_msg("%ld: former phrase %s differs in case only",
                         spec.codes[i].code, spec.codes[i].former[j].s);
        }
    }
    assert_int_equal(n, sizeof want / sizeof want[0]);
}

/* 4xx and 5xx are the error classes (RFC 9110, Sections 15.5 and 15.6). */
static void test_spec_error_classes(void **state)
{
    size_t i;

    (void)state;
    assert_int_equal(spec.nclasses, 5);
    for (i = 0; i < spec.nclasses; i++)
        assert_int_equal(spec.classes[i].error, spec.classes[i].lo >= 400);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_has_every_code_the_sources_name),
        cmocka_unit_test(test_spec_every_code_complete),
        cmocka_unit_test(test_spec_statuses),
        cmocka_unit_test(test_spec_merge_decisions_are_noted),
        cmocka_unit_test(test_spec_traits_follow_rfc9110),
        cmocka_unit_test(test_spec_modern_phrases_with_former_names),
        cmocka_unit_test(test_spec_trait_docs_name_members_and_grounds),
        cmocka_unit_test(test_spec_languages_say_the_same_things),
        cmocka_unit_test(test_spec_translations_no_longer_than_english),
        cmocka_unit_test(test_spec_wording),
        cmocka_unit_test(test_spec_terms_in_every_text),
        cmocka_unit_test(test_spec_former_phrases),
        cmocka_unit_test(test_spec_error_classes),
    };

    return cmocka_run_group_tests_name("spec", tests, setup, teardown);
}
