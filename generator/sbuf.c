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

/* Makes room for n more bytes and the NUL; returns 0 or -1. */
static int sbuf_reserve(struct sbuf *sb, size_t n)
{
    if (sb->failed)
        return -1;
    if (n > ((size_t)-1) / 2 - sb->len ||
        sg_grow((void **)&sb->data, &sb->cap, sb->len + n + 1, 1) != 0) {
        sb->failed = 1;
        return -1;
    }
    return 0;
}

void sbuf_putn(struct sbuf *sb, const char *s, size_t n)
{
    if (sbuf_reserve(sb, n) != 0)
        return;
    if (n)
        memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void sbuf_putc(struct sbuf *sb, char c)
{
    sbuf_putn(sb, &c, 1);
}

void sbuf_puts(struct sbuf *sb, const char *s)
{
    sbuf_putn(sb, s, strlen(s));
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

/* Appends the escaped form of one byte; returns its width in columns. */
static int c_escape_byte(struct sbuf *sb, unsigned char c)
{
    char tmp[5];

    switch (c) {
    case '"':  sbuf_puts(sb, "\\\""); return 2;
    case '\\': sbuf_puts(sb, "\\\\"); return 2;
    case '?':  sbuf_puts(sb, "\\?"); return 2;
    case '\n': sbuf_puts(sb, "\\n"); return 2;
    case '\t': sbuf_puts(sb, "\\t"); return 2;
    case '\r': sbuf_puts(sb, "\\r"); return 2;
    default:
        break;
    }
    if (c >= 0x20 && c < 0x7f) {
        sbuf_putc(sb, (char)c);
        return 1;
    }
    tmp[0] = '\\';
    tmp[1] = (char)('0' + ((c >> 6) & 7));
    tmp[2] = (char)('0' + ((c >> 3) & 7));
    tmp[3] = (char)('0' + (c & 7));
    tmp[4] = '\0';
    sbuf_putn(sb, tmp, 4);
    return 4;
}

void sbuf_c_escape(struct sbuf *sb, const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        c_escape_byte(sb, (unsigned char)s[i]);
}

void sbuf_c_literal(struct sbuf *sb, const char *s, size_t n, int indent)
{
    const int width = 76;
    int col = indent + 1;
    size_t i;

    sbuf_putc(sb, '"');
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int more = i + 1 < n;

        col += c_escape_byte(sb, c);
        /* Break after a newline in the text or at the width, but never
         * inside a UTF-8 sequence, so each piece stays readable. */
        if (more && (c == '\n' || (col >= width &&
                     ((unsigned char)s[i + 1] & 0xC0) != 0x80))) {
            sbuf_printf(sb, "\"\n%*s\"", indent, "");
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

void sbuf_markdown(struct sbuf *sb, const char *s, int in_table)
{
    int line_start = 1;

    for (; *s; s++) {
        char c = *s;

        switch (c) {
        case '\r':
            continue;
        case '\n':
            if (in_table) {
                sbuf_puts(sb, "<br>");
            } else {
                sbuf_puts(sb, "  \n");
                line_start = 1;
                continue;
            }
            break;
        case '<': sbuf_puts(sb, "&lt;"); break;
        case '>': sbuf_puts(sb, "&gt;"); break;
        case '&': sbuf_puts(sb, "&amp;"); break;
        case '\\': case '`': case '*': case '_': case '[': case ']':
            sbuf_putc(sb, '\\');
            sbuf_putc(sb, c);
            break;
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
        default:
            sbuf_putc(sb, c);
            break;
        }
        line_start = 0;
    }
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
