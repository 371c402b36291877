/* SPDX-License-Identifier: MIT */
/*
 * sbuf.h - a growable string buffer, and the escaping functions every
 * emitter goes through.
 *
 * A buffer's error is sticky: once an allocation fails, every later append
 * is a no-op and sbuf_failed() is true, so an emitter can append freely and
 * check once at the end.
 */
#ifndef STATUSGEN_SBUF_H
#define STATUSGEN_SBUF_H

#include <stddef.h>
#include <string.h>

struct sbuf_sink;

struct sbuf {
    char *data;   /* NUL-terminated when len > 0; owned by the buffer */
    size_t len;   /* bytes used, without the NUL */
    size_t cap;   /* bytes allocated */
    int failed;   /* nonzero after an allocation failure */
    struct sbuf_sink *sink; /* NULL: keeps everything (see below) */
};

/*
 * A buffer with a sink keeps only a window of its text: once it holds
 * SBUF_CHUNK bytes, all but the last SBUF_KEEP go to the sink, so a long
 * output costs little memory.  An appender may look back at, or cut, at
 * most the last SBUF_KEEP bytes.  put returns 0, or -1 to fail the buffer.
 */
#define SBUF_CHUNK (64 * 1024)
#define SBUF_KEEP 64

struct sbuf_sink {
    int (*put)(struct sbuf_sink *sink, const char *p, size_t n);
};

/* Hands everything the buffer holds to its sink; returns 0 or -1 (the
 * buffer has failed). */
int sbuf_flush(struct sbuf *sb);

void sbuf_init(struct sbuf *sb);
/* Frees the buffer's memory and leaves it empty (and usable again). */
void sbuf_free(struct sbuf *sb);
/* Returns nonzero when an append failed. */
int sbuf_failed(const struct sbuf *sb);
/* Empties the buffer, keeping its memory. */
void sbuf_reset(struct sbuf *sb);
/* Returns the contents ("" when empty); valid until the next append. */
const char *sbuf_str(const struct sbuf *sb);

/*
 * Makes room for n more bytes and the NUL; returns 0, or -1 after an
 * allocation failure (the buffer has failed).  The appends below call it
 * themselves; a writer that fills sb->data directly calls it first.
 */
int sbuf_grow(struct sbuf *sb, size_t n); /* its slow path */

static inline int sbuf_reserve(struct sbuf *sb, size_t n)
{
    if (sb->cap - sb->len > n && !sb->failed)
        return 0;
    return sbuf_grow(sb, n);
}

/*
 * The small appends are inline: the emitters call them several times per
 * code, and for a literal the compiler folds the length and the copy.
 */
static inline void sbuf_putn(struct sbuf *sb, const char *s, size_t n)
{
    if (sbuf_reserve(sb, n) != 0)
        return;
    if (n)
        memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

static inline void sbuf_putc(struct sbuf *sb, char c)
{
    if (sbuf_reserve(sb, 1) != 0)
        return;
    sb->data[sb->len++] = c;
    sb->data[sb->len] = '\0';
}

static inline void sbuf_puts(struct sbuf *sb, const char *s)
{
    sbuf_putn(sb, s, strlen(s));
}

/* Appends s with its ASCII letters in upper case (upper) or lower case:
 * CLIENT_ERROR as client_error. */
void sbuf_puts_case(struct sbuf *sb, const char *s, int upper);
/* Appends a snake_case or UPPER_SNAKE identifier in PascalCase: each word
 * capitalised, the rest in lower case, the underscores dropped except
 * before a word that starts with a digit (http_status as HttpStatus,
 * CLIENT_ERROR as ClientError, A_1B as A_1b), so that two identifiers
 * never give the same result. */
void sbuf_puts_pascal(struct sbuf *sb, const char *s);
/* Appends v in decimal (put_long with its sign). */
void sbuf_put_ulong(struct sbuf *sb, unsigned long v);
void sbuf_put_long(struct sbuf *sb, long v);
/* printf-style append: for text that is written once per output, not
 * per code (the appends above are several times faster). */
void sbuf_printf(struct sbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/*
 * Appends the n bytes of s as the body of a C string literal (without the
 * surrounding quotes): printable ASCII as itself, quotes, backslashes and
 * every '?' escaped (no trigraph can form), \n \t \r by name, and every other
 * byte, NUL and non-ASCII included, as a 3-digit octal escape, so that no
 * following character can extend an escape.  The result is plain ASCII.
 */
void sbuf_c_escape(struct sbuf *sb, const char *s, size_t n);

/*
 * Appends s as one or more adjacent C string literals, broken after "\n" in
 * the text or before a line would pass about 76 columns; continuation lines
 * start with `indent` spaces.
 */
void sbuf_c_literal(struct sbuf *sb, const char *s, size_t n, int indent);

/*
 * Appends s for use inside a C block comment: ASCII only (a non-ASCII
 * character becomes '?'), control characters become spaces, and the
 * sequences "*" "/", "/" "*" and "??" are broken with a space, so the text
 * can neither end the comment, open a nested one, nor form a trigraph.
 */
void sbuf_c_comment(struct sbuf *sb, const char *s);

/*
 * Appends s for use inside an HTML comment (<!-- ... -->): as
 * sbuf_c_comment (ASCII, no control characters), and with every "--"
 * broken by a space, so that the text can neither end the comment nor
 * hold the "--" HTML forbids there.
 */
void sbuf_html_comment(struct sbuf *sb, const char *s);

/*
 * Appends s as Markdown text.  Characters with a meaning in Markdown or HTML
 * are escaped, and the Unicode bidirectional controls become character
 * references (&#x202E;), so they cannot reorder what a reader sees.  With
 * in_table, '|' is escaped and line breaks become <br>.
 */
void sbuf_markdown(struct sbuf *sb, const char *s, int in_table);

/*
 * Appends s for a diagnostic line on a terminal: control characters (and
 * DEL) as \ooo octal escapes, as a C string would have them, and the
 * Unicode bidirectional controls (U+202A..U+202E, U+2066..U+2069) as
 * <U+XXXX>, so that no text from a spec or a CSV can move the cursor,
 * retitle the terminal, reorder what is shown, or start a line that looks
 * like another diagnostic.  Everything else is copied.
 */
void sbuf_put_escaped(struct sbuf *sb, const char *s);

/* How sbuf_put_quoted writes a character past U+007F. */
enum quote_style {
    QUOTE_PYTHON, /* \uXXXX, or \UXXXXXXXX past U+FFFF */
    QUOTE_JS      /* \uXXXX, a surrogate pair past U+FFFF */
};

/*
 * Appends the UTF-8 text s as a double-quoted ASCII string literal of
 * Python or JavaScript: printable ASCII as itself but '"' and '\' escaped,
 * \n \t \r by name, other control characters as \xHH, and every other
 * character as style says.
 */
void sbuf_put_quoted(struct sbuf *sb, const char *s, enum quote_style style);

/*
 * Decodes the UTF-8 character at s, of which n >= 1 bytes are left, into
 * *cp and returns its length in bytes.  A byte that starts no valid
 * sequence (the loader lets none through) decodes as U+FFFD, length 1.
 * For the emitters that escape text by code point (\uXXXX).
 */
size_t sg_utf8_next(const char *s, size_t n, unsigned long *cp);

/* 64-bit FNV-1a hash of n bytes. */
unsigned long long sg_hash64(const char *s, size_t n);

#endif
