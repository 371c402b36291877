/*
 * test_audit.c - a spec against a registry export in memory: one report
 * line per difference (missing, extra, phrase, status, reference), the
 * registry's annotations and reference spellings understood, CSV quoting,
 * and a broken export reported with its line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "audit.h"
#include "model.h"
#include "sbuf.h"
#include "testutil.h"

#include <string.h>

#define HEAD                                                               \
    "statusgen: 1\n"                                                       \
    "registry: {name: web, macro: WEB, range: [100, 599], "                \
    "languages: [en]}\n"                                                   \
    "codes:\n"

/* code, name, phrase, then the rest of the entry's keys */
#define CODE(code, name, phrase, more)                                     \
    "  - {code: " code ", name: " name ", phrase: \"" phrase "\", "        \
    "description: d" more "}\n"

#define CSV_HEAD "Value,Description,Reference\n"

struct audit_result {
    int rc;
    char report[4096];
    char diags[4096];
};

/* Loads the spec (which must be valid) and audits csv, named reg.csv. */
static void audit(const char *yaml, const char *csv, struct audit_result *r)
{
    struct spec spec;
    struct diag_list dl;
    struct sbuf report, msgs;

    if (tu_load_text(yaml, &spec, &dl) != 0) {
        sbuf_init(&msgs);
        tu_diags(&dl, &msgs);
        fail_msg("the test's spec does not load:\n%s", sbuf_str(&msgs));
    }
    diag_free(&dl);
    diag_init(&dl, "reg.csv");
    sbuf_init(&report);
    sbuf_init(&msgs);
    r->rc = audit_compare(&spec, csv, strlen(csv), &report, &dl);
    tu_diags(&dl, &msgs);
    assert_true(report.len < sizeof r->report);
    assert_true(msgs.len < sizeof r->diags);
    strcpy(r->report, sbuf_str(&report));
    strcpy(r->diags, sbuf_str(&msgs));
    sbuf_free(&report);
    sbuf_free(&msgs);
    diag_free(&dl);
    spec_free(&spec);
}

static const char spec_main[] =
    HEAD
    CODE("100", "CONTINUE", "Continue", ", reference: \"RFC 9110, Section 15.2.1\"")
    CODE("200", "OK", "OK", ", reference: \"RFC 9110, Section 15.3.1\"")
    CODE("306", "UNUSED", "Switch Proxy", ", status: unused, reference: \"RFC 9110, Section 15.4.7\"")
    CODE("404", "NOT_FOUND", "Not Found", ", reference: \"RFC 9110, Section 15.5.5\"");

/* The same registry, written the ways an export writes it: quoted
 * fields, bracketed references, ranges and "Unassigned" rows, CRLF line
 * ends, a blank line, rows out of order. */
static void test_audit_same_registry_reports_nothing(void **state)
{
    struct audit_result r;

    (void)state;
    audit(spec_main,
          "Value,Description,Reference\r\n"
          "100,Continue,\"[RFC9110, Section 15.2.1]\"\r\n"
          "101-199,Unassigned,\r\n"
          "404,Not Found,\"[RFC9110, Section 15.5.5]\"\r\n"
          "\r\n"
          "200,\"OK\",\"[RFC9110, Section 15.3.1]\"\r\n"
          "306,(Unused),\"[RFC9110, Section 15.4.7]\"\r\n"
          "600-999,Unassigned,\r\n",
          &r);
    assert_string_equal(r.diags, "");
    assert_string_equal(r.report, "");
    assert_int_equal(r.rc, 0);
}

/* A code on one side only: missing (the registry's, (Unused) ones too)
 * or extra (the spec's as registered; an unofficial one is not). */
static void test_audit_missing_and_extra(void **state)
{
    struct audit_result r;

    (void)state;
    audit(HEAD
          CODE("100", "CONTINUE", "Continue", ", reference: RFC 1")
          CODE("299", "EXTRA", "Extra", ", reference: RFC 1")
          CODE("499", "CLOSED", "Client Closed Request", ", status: unofficial")
          CODE("599", "GONE_AWAY", "Gone Away", ", status: deprecated"),
          CSV_HEAD
          "100,Continue,[RFC1]\n"
          "102,Processing,[RFC2518]\n"
          "306,(Unused),[RFC9110]\n",
          &r);
    assert_string_equal(r.diags, "");
    assert_string_equal(
        r.report,
        "missing 102 \"Processing\": in the registry, not in the spec\n"
        "extra 299 \"Extra\": the spec has it as standard, the registry "
        "does not assign it\n"
        "missing 306 \"(Unused)\": in the registry, not in the spec\n"
        "extra 599 \"Gone Away\": the spec has it as deprecated, the "
        "registry does not assign it\n");
    assert_int_equal(r.rc, 4);
}

/* The registry's annotations give the status: "(Unused)", "(OBSOLETED)",
 * "(TEMPORARY - ...)"; a plain registered code may be deprecated in the
 * spec; an unofficial one the registry assigns is a difference. */
static void test_audit_phrase_status_reference(void **state)
{
    struct audit_result r;

    (void)state;
    audit(HEAD
          CODE("101", "SWITCHING", "Switching Protocols", ", reference: RFC 1")
          CODE("103", "EARLY_HINTS", "Early Hints", ", reference: RFC 1")
          CODE("104", "UPLOAD", "Upload Resumption Supported", ", reference: RFC 1")
          CODE("305", "USE_PROXY", "Use Proxy", ", status: deprecated, reference: RFC 1")
          CODE("306", "SWITCH_PROXY", "Switch Proxy", ", reference: RFC 1")
          CODE("418", "TEAPOT", "I'm a teapot", ", status: unofficial")
          CODE("419", "OLD", "Old", ", status: obsolete, reference: RFC 1")
          CODE("420", "ALSO_OLD", "Also Old", ", reference: RFC 1"),
          CSV_HEAD
          "101,Switching,[RFC1]\n"
          "103,Early Hints,[RFC2]\n"
          "104,\"Upload Resumption Supported (TEMPORARY - registered "
          "2024-11-13, expires 2025-11-13)\",[RFC1]\n"
          "305,Use Proxy,[RFC1]\n"
          "306,(Unused),[RFC1]\n"
          "418,(Unused),[RFC9110]\n"
          "419,Old (OBSOLETED),[RFC1]\n"
          "420,Also Old (OBSOLETED),[RFC1]\n",
          &r);
    assert_string_equal(r.diags, "");
    assert_string_equal(
        r.report,
        "phrase 101: spec \"Switching Protocols\", registry \"Switching\"\n"
        "reference 103: spec \"RFC 1\", registry \"RFC 2\"\n"
        "status 104: spec standard, registry temporary\n"
        "status 306: spec standard, registry unused\n"
        "status 418: the spec has it as unofficial, the registry assigns "
        "it (\"(Unused)\")\n"
        "status 420: spec standard, registry obsolete\n");
    assert_int_equal(r.rc, 6);
}

/* "[RFC9110, Section 1]" is "RFC 9110, Section 1"; several bracketed
 * references, or ones split by ";", are joined with "; ". */
static void test_audit_reference_spellings(void **state)
{
    struct audit_result r;

    (void)state;
    audit(HEAD
          CODE("100", "A", "A", ", reference: \"RFC 9110, Section 1\"")
          CODE("101", "B", "B", ", reference: \"RFC 1; RFC 2\"")
          CODE("102", "C", "C", ", reference: \"[RFC7;  RFC8]\"")
          CODE("103", "D", "D", ""),
          CSV_HEAD
          "100,A,\"[RFC9110, Section 1]\"\n"
          "101,B,[RFC1][RFC2]\n"
          "102,C,[RFC7; RFC8]\n"
          "103,D,\n",
          &r);
    assert_string_equal(r.diags, "");
    assert_string_equal(r.report, "");
    assert_int_equal(r.rc, 0);
}

/* A registry text reaches the report with its control characters
 * escaped; quotes inside a quoted field are doubled. */
static void test_audit_report_is_escaped(void **state)
{
    struct audit_result r;

    (void)state;
    audit(HEAD CODE("100", "A", "A", ""),
          CSV_HEAD
          "100,A,\n"
          "150,\"Clear \x1b[2J \"\"Screen\"\"\",\n",
          &r);
    assert_string_equal(r.diags, "");
    assert_string_equal(r.report, "missing 150 \"Clear \\033[2J \"Screen\"\": "
                                  "in the registry, not in the spec\n");
    assert_int_equal(r.rc, 1);
}

/* A broken export is an error at its line (counted across a quoted
 * field's line breaks), and no report. */
static void test_audit_broken_export_is_an_error(void **state)
{
    struct audit_result r;

    (void)state;
    audit(HEAD CODE("100", "A", "A", ""), "Code,Phrase\n100,A\n", &r);
    assert_int_equal(r.rc, -1);
    assert_string_equal(r.diags,
                        "reg.csv:1:1: error: not an IANA registry export: "
                        "the first line must be "
                        "\"Value,Description,Reference\"\n");
    assert_string_equal(r.report, "");

    audit(HEAD CODE("100", "A", "A", ""),
          CSV_HEAD
          "100,\"A\nwith a line break\",\n"
          "1xx,B,\n",
          &r);
    assert_int_equal(r.rc, -1);
    assert_string_equal(r.diags, "reg.csv:4:1: error: expected a code or a "
                                 "range of codes, not '1xx'\n");

    audit(HEAD CODE("100", "A", "A", ""),
          CSV_HEAD "100,A,\n200,OK,\n100,A again,\n", &r);
    assert_int_equal(r.rc, -1);
    assert_string_equal(r.diags,
                        "reg.csv:4:1: error: code 100 is listed twice\n"
                        "reg.csv:2:1: note: code 100 first listed here\n");
    assert_string_equal(r.report, "");

    audit(HEAD CODE("100", "A", "A", ""), CSV_HEAD "101-199,Unassigned,\n",
          &r);
    assert_int_equal(r.rc, -1);
    assert_string_equal(r.diags, "reg.csv: error: no codes after the first "
                                 "line: not an IANA registry export\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_audit_same_registry_reports_nothing),
        cmocka_unit_test(test_audit_missing_and_extra),
        cmocka_unit_test(test_audit_phrase_status_reference),
        cmocka_unit_test(test_audit_reference_spellings),
        cmocka_unit_test(test_audit_report_is_escaped),
        cmocka_unit_test(test_audit_broken_export_is_an_error),
    };

    return cmocka_run_group_tests_name("audit", tests, NULL, NULL);
}
