/* SPDX-License-Identifier: MIT */
/*
 * sbuf.c - growable string buffer and escaping (see sbuf.h).
 */
#include "sbuf.h"

#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sbuf_init(struct sbuf *sb)
{
    sb->data = NULL;
    sb->len = 0;
    sb->cap = 0;
    sb->failed = 0;
    sb->sink = NULL;
}

void sbuf_free(struct sbuf *sb)
{
    sg_free(sb->data);
    sbuf_init(sb);
}

int sbuf_failed(const struct sbuf *sb)
{
    return sb->failed;
}

void sbuf_reset(struct sbuf *sb)
{
    sb->len = 0;
    if (sb->data)
        sb->data[0] = '\0';
}

const char *sbuf_str(const struct sbuf *sb)
{
    return sb->data ? sb->data : "";
}

/* Hands all but the last keep bytes to the sink. */
static int sbuf_drain(struct sbuf *sb, size_t keep)
{
    size_t out;

    if (sb->len <= keep)
        return 0;
    out = sb->len - keep;
    if (sb->sink->put(sb->sink, sb->data, out) != 0) {
        sb->failed = 1;
        return -1;
    }
    memmove(sb->data, sb->data + out, keep);
    sb->len = keep;
    sb->data[sb->len] = '\0';
    return 0;
}

int sbuf_flush(struct sbuf *sb)
{
    if (sb->failed)
        return -1;
    return sb->sink ? sbuf_drain(sb, 0) : 0;
}

/* The slow path of sbuf_reserve: drains a buffer with a sink, else grows
 * it to at least twice its size, so that a long run of appends costs
 * O(total) copying. */
int sbuf_grow(struct sbuf *sb, size_t n)
{
    size_t need, ncap;
    char *p;

    if (sb->failed)
        return -1;
    if (sb->sink && sb->len >= SBUF_CHUNK) {
        if (sbuf_drain(sb, SBUF_KEEP) != 0)
            return -1;
        if (sb->cap - sb->len > n)
            return 0;
    }
    if (n > ((size_t)-1) / 4 - sb->len) {
        sb->failed = 1;
        return -1;
    }
    need = sb->len + n + 1;
    ncap = sb->cap < 256 ? 256 : sb->cap * 2;
    if (ncap < need)
        ncap = need;
    p = (char *)sg_realloc(sb->data, ncap);
    if (p == NULL) {
        sb->failed = 1;
        return -1;
    }
    sb->data = p;
    sb->cap = ncap;
    return 0;
}

void sbuf_puts_case(struct sbuf *sb, const char *s, int upper)
{
    for (; *s; s++) {
        char c = *s;

        if (upper && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        else if (!upper && c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        sbuf_putc(sb, c);
    }
}

void sbuf_puts_pascal(struct sbuf *sb, const char *s)
{
    int word_start = 1;

    for (; *s; s++) {
        char c = *s;

        if (c == '_') {
            word_start = 1;
            if (s[1] >= '0' && s[1] <= '9')
                sbuf_putc(sb, '_');
            continue;
        }
        if (word_start && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        else if (!word_start && c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        word_start = 0;
        sbuf_putc(sb, c);
    }
}

void sbuf_put_ulong(struct sbuf *sb, unsigned long v)
{
    char buf[24];
    size_t i = sizeof buf;

    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    sbuf_putn(sb, buf + i, sizeof buf - i);
}

void sbuf_put_long(struct sbuf *sb, long v)
{
    if (v < 0) {
        sbuf_putc(sb, '-');
        sbuf_put_ulong(sb, 0UL - (unsigned long)v);
    } else {
        sbuf_put_ulong(sb, (unsigned long)v);
    }
}

void sbuf_printf(struct sbuf *sb, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (sb->failed)
        return;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        sb->failed = 1;
        return;
    }
    if (sbuf_reserve(sb, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

/* Writes the escaped form of one byte at p (room for 4 bytes); returns
 * its width in bytes and columns. */
static int c_escape_byte(char *p, unsigned char c)
{
    switch (c) {
    case '"':  p[0] = '\\'; p[1] = '"'; return 2;
    case '\\': p[0] = '\\'; p[1] = '\\'; return 2;
    case '?':  p[0] = '\\'; p[1] = '?'; return 2;
    case '\n': p[0] = '\\'; p[1] = 'n'; return 2;
    case '\t': p[0] = '\\'; p[1] = 't'; return 2;
    case '\r': p[0] = '\\'; p[1] = 'r'; return 2;
    default:
        break;
    }
    if (c >= 0x20 && c < 0x7f) {
        p[0] = (char)c;
        return 1;
    }
    p[0] = '\\';
    p[1] = (char)('0' + ((c >> 6) & 7));
    p[2] = (char)('0' + ((c >> 3) & 7));
    p[3] = (char)('0' + (c & 7));
    return 4;
}

void sbuf_c_escape(struct sbuf *sb, const char *s, size_t n)
{
    size_t i;

    if (n > ((size_t)-1) / 8 || sbuf_reserve(sb, 4 * n) != 0) {
        sb->failed = 1;
        return;
    }
    for (i = 0; i < n; i++)
        sb->len += (size_t)c_escape_byte(sb->data + sb->len,
                                         (unsigned char)s[i]);
    sb->data[sb->len] = '\0';
}

/* True for a byte a C string literal holds as itself. */
static int c_plain_byte(unsigned char c)
{
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?';
}

void sbuf_c_literal(struct sbuf *sb, const char *s, size_t n, int indent)
{
    const int width = 76;
    int col = indent + 1, w;
    size_t i, run;

    sbuf_putc(sb, '"');
    for (i = 0; i < n; i++) {
        unsigned char c;
        int more;

        /* A run of plain bytes that stays short of the width is copied
         * at once: no line can break inside it. */
        for (run = 0; i + run < n && col + (int)run + 1 < width &&
                      c_plain_byte((unsigned char)s[i + run]);
             run++)
            ;
        if (run) {
            sbuf_putn(sb, s + i, run);
            col += (int)run;
            i += run;
            if (i == n)
                break;
        }
        c = (unsigned char)s[i];
        more = i + 1 < n;

        if (sbuf_reserve(sb, 4) != 0)
            return;
        w = c_escape_byte(sb->data + sb->len, c);
        sb->len += (size_t)w;
        col += w;
        /* Break after a newline in the text or at the width, but never
         * inside a UTF-8 sequence, so each piece stays readable. */
        if (more && (c == '\n' || (col >= width &&
                     ((unsigned char)s[i + 1] & 0xC0) != 0x80))) {
            if (sbuf_reserve(sb, (size_t)indent + 3) != 0)
                return;
            sb->data[sb->len++] = '"';
            sb->data[sb->len++] = '\n';
            memset(sb->data + sb->len, ' ', (size_t)(indent > 0 ? indent : 0));
            sb->len += (size_t)(indent > 0 ? indent : 0);
            sb->data[sb->len++] = '"';
            col = indent + 1;
        }
    }
    sbuf_putc(sb, '"');
}

void sbuf_c_comment(struct sbuf *sb, const char *s)
{
    char prev = ' ';

    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char out;

        if (c >= 0x80) {
            if ((c & 0xC0) == 0x80)
                continue; /* continuation byte: one '?' per character */
            out = '?';
        } else if (c < 0x20 || c == 0x7f) {
            out = ' ';
        } else {
            out = (char)c;
        }
        if ((prev == '*' && out == '/') || (prev == '/' && out == '*') ||
            (prev == '?' && out == '?'))
            sbuf_putc(sb, ' ');
        sbuf_putc(sb, out);
        prev = out;
    }
}

/* Nonzero for the bytes sbuf_markdown looks at; runs of other bytes are
 * copied as they are. */
/* Returns the code point of a bidi control at s (UTF-8), or 0. */
static unsigned bidi_control(const unsigned char *s)
{
    if (s[0] != 0xE2)
        return 0;
    if (s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE)
        return 0x2000u + (s[2] - 0x80u);
    if (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9)
        return 0x2040u + (s[2] - 0x80u);
    return 0;
}

static int markdown_special(unsigned char c)
{
    switch (c) {
    case '\0': case '\r': case '\n': case '<': case '>': case '&':
    case '\\': case '`': case '*': case '_': case '[': case ']': case '|':
    case '#': case '-': case '+': case 0xE2:
        return 1;
    default:
        return 0;
    }
}

void sbuf_markdown(struct sbuf *sb, const char *s, int in_table)
{
    int line_start = 1;

    for (;;) {
        const char *run = s;
        char c;

        while (!markdown_special((unsigned char)*s))
            s++;
        if (s != run) {
            sbuf_putn(sb, run, (size_t)(s - run));
            line_start = 0;
        }
        c = *s++;
        switch (c) {
        case '\0':
            return;
        case '\r':
            continue;
        case '\n':
            if (in_table) {
                sbuf_putn(sb, "<br>", 4);
            } else {
                sbuf_putn(sb, "  \n", 3);
                line_start = 1;
                continue;
            }
            break;
        case '<': sbuf_putn(sb, "&lt;", 4); break;
        case '>': sbuf_putn(sb, "&gt;", 4); break;
        case '&': sbuf_putn(sb, "&amp;", 5); break;
        case '\xE2': { /* a bidi control would reorder the text shown */
            unsigned cp = bidi_control((const unsigned char *)s - 1);

            if (cp) {
                sbuf_printf(sb, "&#x%04X;", cp);
                s += 2;
            } else {
                sbuf_putc(sb, c);
            }
            break;
        }
        case '|':
            if (in_table)
                sbuf_putc(sb, '\\');
            sbuf_putc(sb, c);
            break;
        case '#': case '-': case '+':
            if (line_start && !in_table)
                sbuf_putc(sb, '\\');
            sbuf_putc(sb, c);
            break;
        default: /* backslash, ` * _ [ ] */
            sbuf_putc(sb, '\\');
            sbuf_putc(sb, c);
            break;
        }
        line_start = 0;
    }
}

size_t sg_utf8_next(const char *s, size_t n, unsigned long *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned long c = u[0], min;
    size_t len, i;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        c &= 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        c &= 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        c &= 0x07;
        min = 0x10000;
    } else {
        goto invalid;
    }
    if (n < len)
        goto invalid;
    for (i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            goto invalid;
        c = (c << 6) | (u[i] & 0x3F);
    }
    /* overlong forms, surrogates and what lies past U+10FFFF */
    if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        goto invalid;
    *cp = c;
    return len;
invalid:
    *cp = 0xFFFD;
    return 1;
}

unsigned long long sg_hash64(const char *s, size_t n)
{
    unsigned long long h = 14695981039346656037ULL;
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

void sbuf_put_escaped(struct sbuf *sb, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        size_t run = 0;
        unsigned cp;

        while (p[run] >= 0x20 && p[run] != 0x7f && p[run] != 0xE2)
            run++;
        sbuf_putn(sb, (const char *)p, run);
        p += run;
        if (*p == '\0')
            break;
        if (*p == 0xE2) {
            if ((cp = bidi_control(p)) != 0) {
                sbuf_printf(sb, "<U+%04X>", cp);
                p += 3;
            } else {
                sbuf_putc(sb, (char)*p++);
            }
            continue;
        }
        sbuf_printf(sb, "\\%03o", (unsigned)*p++);
    }
}

void sbuf_html_comment(struct sbuf *sb, const char *s)
{
    struct sbuf tmp;
    size_t i;
    char prev = ' ';

    sbuf_init(&tmp);
    sbuf_c_comment(&tmp, s);
    if (sbuf_failed(&tmp))
        sb->failed = 1;
    for (i = 0; i < tmp.len; i++) {
        char c = tmp.data[i];

        if (c == '-' && prev == '-')
            sbuf_putc(sb, ' ');
        sbuf_putc(sb, c);
        prev = c;
    }
    sbuf_free(&tmp);
}

/* Appends \u and four hex digits of unit. */
static void put_u4(struct sbuf *sb, unsigned long unit)
{
    static const char hex[] = "0123456789abcdef";
    int shift;

    sbuf_puts(sb, "\\u");
    for (shift = 12; shift >= 0; shift -= 4)
        sbuf_putc(sb, hex[(unit >> shift) & 15]);
}

void sbuf_put_quoted(struct sbuf *sb, const char *s, enum quote_style style)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = strlen(s), i = 0;

    sbuf_putc(sb, '"');
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        unsigned long cp;
        int digits;

        if (c >= 0x80) {
            i += sg_utf8_next(s + i, n - i, &cp);
            if (cp <= 0xFFFF) {
                put_u4(sb, cp);
            } else if (style == QUOTE_JS) {
                put_u4(sb, 0xD800 + ((cp - 0x10000) >> 10));
                put_u4(sb, 0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else {
                sbuf_puts(sb, "\\U");
                for (digits = 7; digits >= 0; digits--)
                    sbuf_putc(sb, hex[(cp >> (4 * digits)) & 15]);
            }
            continue;
        }
        i++;
        if (c == '"' || c == '\\') {
            sbuf_putc(sb, '\\');
            sbuf_putc(sb, (char)c);
        } else if (c >= 0x20 && c < 0x7f) {
            sbuf_putc(sb, (char)c);
        } else if (c == '\n') {
            sbuf_puts(sb, "\\n");
        } else if (c == '\t') {
            sbuf_puts(sb, "\\t");
        } else if (c == '\r') {
            sbuf_puts(sb, "\\r");
        } else {
            sbuf_puts(sb, "\\x");
            sbuf_putc(sb, hex[c >> 4]);
            sbuf_putc(sb, hex[c & 15]);
        }
    }
    sbuf_putc(sb, '"');
}
