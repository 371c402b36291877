/* SPDX-License-Identifier: MIT */
/*
 * audit.c - a spec against an IANA registry CSV (see audit.h).
 */
#include "audit.h"

#include "alloc.h"

#include <stdlib.h>
#include <string.h>

/* One registry row that assigns a single code. */
struct iana_row {
    long code;
    int line;
    char *phrase;            /* without annotation; NULL for "(Unused)" */
    enum code_status status;
    char *reference;         /* normalized (see norm_reference) */
};

/*
 * Reads one CSV record (RFC 4180: quoted fields, "" inside quotes, CRLF or
 * LF) starting at *pos into fields (up to max, each a new string).
 * Returns the number of fields, 0 at the end of data, -1 on error.
 */
static int csv_record(const char *data, size_t len, size_t *pos, int *line,
                      char **fields, int max, struct diag_list *dl)
{
    size_t i = *pos, bol = *pos; /* bol: where the current line starts */
    int nf = 0;
    struct sbuf f;

    if (i >= len)
        return 0;
    sbuf_init(&f);
    for (;;) {
        int quoted = 0;

        sbuf_reset(&f);
        if (i < len && data[i] == '"') {
            /* where the quote opens, for a quote that never closes */
            struct sg_pos open = {0, 0};

            open.line = *line;
            open.col = (int)(i - bol) + 1;
            quoted = 1;
            i++;
            for (;;) {
                if (i >= len) {
                    diag_error(dl, open, "unterminated quoted field (the "
                               "quote opened here)");
                    goto fail;
                }
                if (data[i] == '"') {
                    if (i + 1 < len && data[i + 1] == '"') {
                        sbuf_putc(&f, '"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (data[i] == '\n') {
                    (*line)++;
                    bol = i + 1;
                }
                sbuf_putc(&f, data[i++]);
            }
        }
        while (i < len && data[i] != ',' && data[i] != '\n' &&
               data[i] != '\r') {
            if (quoted) {
                struct sg_pos p = {0, 1};

                p.line = *line;
                diag_error(dl, p, "text after a quoted field");
                goto fail;
            }
            sbuf_putc(&f, data[i++]);
        }
        if (sbuf_failed(&f)) {
            diag_oom(dl);
            goto fail;
        }
        if (nf < max) {
            fields[nf] = sg_strdup(sbuf_str(&f));
            if (fields[nf] == NULL) {
                diag_oom(dl);
                goto fail;
            }
        }
        nf++;
        if (i < len && data[i] == ',') {
            i++;
            continue;
        }
        break;
    }
    if (i < len && data[i] == '\r')
        i++;
    if (i < len && data[i] == '\n')
        i++;
    (*line)++;
    *pos = i;
    sbuf_free(&f);
    return nf;
fail:
    sbuf_free(&f);
    if (nf > max)
        nf = max; /* the fields past max were counted, not kept */
    while (nf > 0)
        sg_free(fields[--nf]);
    return -1;
}

/*
 * Normalizes a reference for comparison: "[RFC9110, Section 15.5.14]" and
 * "RFC 9110, Section 15.5.14" both become "RFC 9110, Section 15.5.14";
 * several bracketed references are joined with "; ".
 */
static char *norm_reference(const char *s)
{
    struct sbuf out;
    const char *p;

    sbuf_init(&out);
    for (p = s; *p; p++) {
        if (*p == '[') {
            if (out.len)
                sbuf_puts(&out, "; ");
            continue;
        }
        if (*p == ']')
            continue;
        if (*p == ';') {
            sbuf_puts(&out, "; ");
            while (p[1] == ' ')
                p++;
            continue;
        }
        if (strncmp(p, "RFC", 3) == 0 && p[3] >= '0' && p[3] <= '9') {
            sbuf_puts(&out, "RFC ");
            p += 2;
            continue;
        }
        sbuf_putc(&out, *p);
    }
    if (sbuf_failed(&out)) {
        sbuf_free(&out);
        return NULL;
    }
    if (out.data == NULL)
        return sg_strdup("");
    return out.data;
}

/* Splits a registry description into phrase and status. */
static int parse_description(const char *d, struct iana_row *row)
{
    const char *paren = strrchr(d, '(');
    size_t len = strlen(d);

    row->status = STATUS_STANDARD;
    if (strcmp(d, "(Unused)") == 0) {
        row->status = STATUS_UNUSED;
        row->phrase = NULL;
        return 0;
    }
    if (paren && paren > d && paren[-1] == ' ' && d[len - 1] == ')') {
        if (strncmp(paren, "(OBSOLETED)", 11) == 0)
            row->status = STATUS_OBSOLETE;
        else if (strncmp(paren, "(TEMPORARY", 10) == 0)
            row->status = STATUS_TEMPORARY;
        if (row->status != STATUS_STANDARD)
            len = (size_t)(paren - d) - 1;
    }
    row->phrase = sg_strndup(d, len);
    return row->phrase ? 0 : -1;
}

static int row_cmp(const void *a, const void *b)
{
    long x = ((const struct iana_row *)a)->code;
    long y = ((const struct iana_row *)b)->code;

    return x < y ? -1 : (x > y);
}

static void free_rows(struct iana_row *rows, long n)
{
    long k;

    for (k = 0; k < n; k++) {
        sg_free(rows[k].phrase);
        sg_free(rows[k].reference);
    }
    sg_free(rows);
}

/* The length of the valid UTF-8 sequence at s (1 to 4), or 0 when the
 * bytes there are not one (a stray byte, an overlong form, a surrogate,
 * past U+10FFFF, cut short). */
static size_t utf8_len(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        return (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F))
            return 0;
        return 3;
    }
    if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80 || (s[0] == 0xF0 && s[1] < 0x90) ||
            (s[0] == 0xF4 && s[1] > 0x8F))
            return 0;
        return 4;
    }
    return 0;
}

/*
 * A copy of at most max bytes of s (cut between characters) that is safe
 * to print: a byte that is not valid UTF-8 becomes a three-digit octal
 * escape, and control characters and bidirectional controls are escaped
 * as diagnostics escape them (sbuf_put_escaped).  NULL when out of
 * memory.
 */
static char *escaped_dup(const char *s, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    struct sbuf valid, sb;
    size_t used = 0;

    sbuf_init(&valid);
    while (*p) {
        size_t n = utf8_len(p);

        if (used + (n ? n : 1) > max)
            break;
        if (n == 0) {
            sbuf_printf(&valid, "\\%03o", (unsigned)*p);
            n = 1;
        } else {
            sbuf_putn(&valid, (const char *)p, n);
        }
        p += n;
        used += n;
    }
    sbuf_init(&sb);
    sbuf_put_escaped(&sb, sbuf_str(&valid));
    if (sbuf_failed(&valid) || sbuf_failed(&sb)) {
        sbuf_free(&valid);
        sbuf_free(&sb);
        return NULL;
    }
    sbuf_free(&valid);
    return sb.data ? sb.data : sg_strdup("");
}

/*
 * Reads a Value field: a code ("404") or a range ("104-199"), digits only.
 * Returns 1 for a code (*code), 2 for a range, 0 when it is neither.
 */
static int parse_value(const char *s, long *code)
{
    size_t d = strspn(s, "0123456789"), e;

    if (d == 0 || d > 9) /* codes are ints: at most 9 digits */
        return 0;
    *code = strtol(s, NULL, 10);
    if (s[d] == '\0')
        return 1;
    if (s[d] != '-')
        return 0;
    e = strspn(s + d + 1, "0123456789");
    return e > 0 && e <= 9 && s[d + 1 + e] == '\0' ? 2 : 0;
}

/* Reads every single-code row; returns the count or -1 (rows freed). */
static long read_rows(const char *data, size_t len, struct iana_row **rows,
                      struct diag_list *dl)
{
    static const struct sg_pos whole = {0, 0};
    size_t pos = 0, cap = 0;
    long n = 0, k2;
    int line = 1, first = 1, dup = 0;

    *rows = NULL;
    /* A UTF-8 byte order mark, as spreadsheets write it, is not text. */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    if (memchr(data, '\0', len) != NULL) {
        const char *nul = (const char *)memchr(data, '\0', len);
        struct sg_pos p = {1, 1};
        const char *q;

        for (q = data; q < nul; q++)
            if (*q == '\n')
                p.line++;
        diag_error(dl, p, "a NUL byte: not a registry export (text CSV)");
        return -1;
    }
    for (;;) {
        char *f[3] = {NULL, NULL, NULL};
        int rec_line = line, nf, k, kind;
        struct sg_pos p = {0, 1};
        long code;

        nf = csv_record(data, len, &pos, &line, f, 3, dl);
        if (nf < 0)
            goto fail;
        if (nf == 0)
            break;
        p.line = rec_line;
        if (first) {
            first = 0;
            if (nf < 3 || strcmp(f[0], "Value") != 0 ||
                strcmp(f[1], "Description") != 0) {
                diag_error(dl, p, "not an IANA registry export: the first "
                           "line must be \"Value,Description,Reference\"");
                for (k = 0; k < nf && k < 3; k++)
                    sg_free(f[k]);
                goto fail;
            }
            for (k = 0; k < 3; k++)
                sg_free(f[k]);
            continue;
        }
        if (nf == 1 && f[0][0] == '\0') { /* blank line */
            sg_free(f[0]);
            continue;
        }
        kind = nf < 2 ? 0 : parse_value(f[0], &code);
        if (kind == 0) {
            char *shown = escaped_dup(f[0], 40);

            if (shown == NULL)
                diag_oom(dl);
            else
                diag_error(dl, p, "expected a code or a range of codes, "
                           "not '%s'", shown);
            sg_free(shown);
            for (k = 0; k < nf && k < 3; k++)
                sg_free(f[k]);
            goto fail;
        }
        if (kind == 2 || strcmp(f[1], "Unassigned") == 0) {
            for (k = 0; k < nf && k < 3; k++)
                sg_free(f[k]);
            continue; /* ranges are unassigned space */
        }
        if (sg_grow((void **)rows, &cap, (size_t)n + 1, sizeof **rows) != 0)
            goto oom;
        memset(&(*rows)[n], 0, sizeof **rows);
        (*rows)[n].code = code;
        (*rows)[n].line = rec_line;
        {
            char *ref = norm_reference(nf > 2 ? f[2] : "");
            char *desc = escaped_dup(f[1], (size_t)-1);

            (*rows)[n].reference = ref ? escaped_dup(ref, (size_t)-1) : NULL;
            sg_free(ref);
            if ((*rows)[n].reference == NULL || desc == NULL ||
                parse_description(desc, &(*rows)[n]) != 0) {
                sg_free(desc);
                sg_free((*rows)[n].reference);
                goto oom;
            }
            sg_free(desc);
        }
        n++;
        for (k = 0; k < nf && k < 3; k++)
            sg_free(f[k]);
        continue;
    oom:
        for (k = 0; k < nf && k < 3; k++)
            sg_free(f[k]);
        diag_oom(dl);
        goto fail;
    }
    if (first) {
        diag_error(dl, whole, "the file is empty: not an IANA registry "
                   "export (\"Value,Description,Reference\" and a row per "
                   "code)");
        goto fail;
    }
    if (n == 0) {
        diag_error(dl, whole, "no codes after the first line: not an IANA "
                   "registry export");
        goto fail;
    }
    if (n > 1)
        qsort(*rows, (size_t)n, sizeof **rows, row_cmp);
    for (k2 = 1; k2 < n; k2++) {
        if ((*rows)[k2].code == (*rows)[k2 - 1].code) {
            dup = 1;
            struct sg_pos a = {0, 1}, b = {0, 1};
            const struct iana_row *x = &(*rows)[k2 - 1], *y = &(*rows)[k2];

            a.line = x->line < y->line ? y->line : x->line;
            b.line = x->line < y->line ? x->line : y->line;
            diag_error(dl, a, "code %ld is listed twice", y->code);
            diag_note(dl, b, "code %ld first listed here", y->code);
        }
    }
    if (dup)
        goto fail;
    return n;
fail:
    free_rows(*rows, n);
    *rows = NULL;
    return -1;
}

/*
 * A code whose spec gives registry_phrase: the registry's text (without
 * the annotations parse_description reads; "(Unused)" is all of it) must
 * be that, and is then a known, intended difference, not counted.
 * Returns the differences (0 or 1).
 */
static int compare_registry_phrase(const struct spec_code *c,
                                   const struct iana_row *r,
                                   struct sbuf *report)
{
    const char *text = r->phrase ? r->phrase : "(Unused)";

    if (strcmp(c->registry_phrase.s, text) == 0) {
        sbuf_printf(report, "known %ld: spec \"%s\", registry \"%s\" "
                    "(intended, as the spec's registry_phrase says)\n",
                    c->code, c->phrase.s, text);
        return 0;
    }
    sbuf_printf(report, "phrase %ld: spec's registry_phrase \"%s\", "
                "registry \"%s\"\n", c->code, c->registry_phrase.s, text);
    return 1;
}

/* Compares one registered code with the spec's entry. */
static int compare_code(const struct spec_code *c, const struct iana_row *r,
                        struct sbuf *report)
{
    int diffs = 0;

    if (c->status == STATUS_UNOFFICIAL) {
        sbuf_printf(report, "status %ld: the spec has it as unofficial, the "
                    "registry assigns it (\"%s\")\n", c->code,
                    r->phrase ? r->phrase : "(Unused)");
        return 1;
    }
    if (c->registry_phrase.s)
        diffs += compare_registry_phrase(c, r, report);
    if (r->status == STATUS_UNUSED) {
        if (c->status != STATUS_UNUSED) {
            sbuf_printf(report, "status %ld: spec %s, registry unused\n",
                        c->code, status_keyword(c->status));
            diffs++;
        }
    } else {
        /* a code without a phrase (phrases: false) shows its label */
        if (c->registry_phrase.s == NULL &&
            strcmp(spec_reason(c), r->phrase) != 0) {
            sbuf_printf(report, "phrase %ld: spec \"%s\", registry \"%s\"\n",
                        c->code, spec_reason(c), r->phrase);
            diffs++;
        }
        /* The registry marks temporary and obsolete codes; the spec may
         * also call a plain entry deprecated (RFC text, not an
         * annotation). */
        if (c->status != r->status &&
            !(r->status == STATUS_STANDARD &&
              c->status == STATUS_DEPRECATED)) {
            sbuf_printf(report, "status %ld: spec %s, registry %s\n",
                        c->code, status_keyword(c->status),
                        status_keyword(r->status));
            diffs++;
        }
    }
    {
        char *ref = norm_reference(c->reference.s ? c->reference.s : "");

        if (ref == NULL)
            return -1;
        if (strcmp(ref, r->reference) != 0) {
            sbuf_printf(report, "reference %ld: spec \"%s\", registry "
                        "\"%s\"\n", c->code, ref, r->reference);
            diffs++;
        }
        sg_free(ref);
    }
    return diffs;
}

int audit_compare(const struct spec *spec, const char *data, size_t len,
                  struct sbuf *report, struct diag_list *dl)
{
    struct iana_row *rows = NULL;
    long nrows, r = 0;
    size_t i = 0;
    int diffs = 0;

    nrows = read_rows(data, len, &rows, dl);
    if (nrows < 0)
        goto done;
    /* Both sides ascending: one merge pass. */
    while (i < spec->ncodes || r < nrows) {
        const struct spec_code *c =
            i < spec->ncodes ? &spec->codes[spec->order[i]] : NULL;
        const struct iana_row *row = r < nrows ? &rows[r] : NULL;

        if (c && (row == NULL || c->code < row->code)) {
            if (c->status != STATUS_UNOFFICIAL) {
                sbuf_printf(report, "extra %ld \"%s\": the spec has it as "
                            "%s, the registry does not assign it\n", c->code,
                            spec_reason(c), status_keyword(c->status));
                diffs++;
            }
            i++;
        } else if (row && (c == NULL || row->code < c->code)) {
            sbuf_printf(report, "missing %ld \"%s\": in the registry, not "
                        "in the spec\n", row->code,
                        row->phrase ? row->phrase : "(Unused)");
            diffs++;
            r++;
        } else {
            int d = compare_code(c, row, report);

            if (d < 0) {
                diag_oom(dl);
                diffs = -1;
                goto done;
            }
            diffs += d;
            i++;
            r++;
        }
    }
    if (sbuf_failed(report)) {
        diag_oom(dl);
        diffs = -1;
    }
done:
    if (nrows > 0)
        free_rows(rows, nrows);
    return nrows < 0 ? -1 : diffs;
}
