/* SPDX-License-Identifier: MIT */
/*
 * source_text.c - the invariant text of the generated source, as
 * templates: each reads as the C it becomes, with insertion points
 * @name@ that emit_template() fills (see emit.h).  The points every
 * template may use: @n@, the registry's name (the prefix of every
 * function), and @m@, its macro.  Others are named at their template.
 *
 * Only the text that does not depend on the codes is here; the tables and
 * switches that hold the registry are made by the files emit_source.h
 * names.  The one function here renders the language matcher, which the
 * descriptions and the text fields share.
 */
#include "emit_source.h"

#include <stdio.h>

/* --- emit_source.c ---------------------------------------------------- */

const char source_text_prelude[] =
    "#include <limits.h>\n"
    "#include <stddef.h>\n"
    "#include <string.h>\n"
    "\n"
    "/* At least 32 bits, for offsets past 65535. */\n"
    "#if UINT_MAX >= 4294967295u\n"
    "typedef unsigned int @n@_u32;\n"
    "#else\n"
    "typedef unsigned long @n@_u32;\n"
    "#endif\n"
    "\n";

const char source_text_spellings_head[] =
    "/* C++ compilers warn about C's casts (-Wold-style-cast) and, from "
    "C++11 on,\n"
    " * about NULL (-Wzero-as-null-pointer-constant): the few conversions "
    "and null\n"
    " * pointers below are spelt in the language the file is compiled as. "
    "*/\n"
    "#ifdef __cplusplus\n";

const struct source_spelling source_text_spellings[] = {
    {USE_CAST, "CAST",
     "#define @m@_CAST(T, x) static_cast<T>(x)\n",
     "#define @m@_CAST(T, x) ((T)(x))\n"},
    {USE_PUN, "PUN",
     "#define @m@_PUN(T, x) reinterpret_cast<T>(x)\n",
     "#define @m@_PUN(T, x) ((T)(x))\n"},
    {USE_NULL, "NULL",
     "#if __cplusplus >= 201103L\n"
     "#define @m@_NULL nullptr\n"
     "#else\n"
     "#define @m@_NULL NULL\n"
     "#endif\n",
     "#define @m@_NULL NULL\n"},
    {0, NULL, NULL, NULL}
};

/* The exact compare of the language matcher. */
const char source_text_equal[] =
    "static int @n@_equal(const char *a, const char *b)\n"
    "{\n"
    "    while (*a && *a == *b) {\n"
    "        a++;\n"
    "        b++;\n"
    "    }\n"
    "    return *a == *b;\n"
    "}\n"
    "\n";

/* A language matcher <n>_@fn@(lang) (after its comment): the primary
 * subtag of a language tag or locale name, then a line per language but
 * the first (@lang@, its @row@; the letters compared by
 * @equal@(tag, "@lang@")@is_equal@), then its end. */
const char source_text_lang_head[] =
    "static unsigned @n@_@fn@(const char *lang)\n"
    "{\n"
    "    char tag[9];\n"
    "    unsigned i = 0;\n"
    "\n"
    "    if (!lang)\n"
    "        return 0;\n"
    "    for (; i < 8; i++) {\n"
    "        char c = lang[i] | 0x20; /* a letter in lower case */\n"
    "\n"
    "        if (c < 'a' || c > 'z')\n"
    "            break;\n"
    "        tag[i] = c;\n"
    "    }\n"
    "    if (lang[i] != '\\0' && lang[i] != '-' && lang[i] != '_' &&\n"
    "        lang[i] != '.' && lang[i] != '@@')\n"
    "        return 0;\n"
    "    tag[i] = '\\0';\n";
const char source_text_lang_case[] =
    "    if (@equal@(tag, \"@lang@\")@is_equal@)\n"
    "        return @row@;\n";
const char source_text_lang_tail[] =
    "    return 0;\n"
    "}\n"
    "\n";

/* description() of a registry generated without descriptions, of one
 * language, of several. */
const char source_text_description_none[] =
    "const char *@n@_description(int code, const char *lang)\n"
    "{\n"
    "    (void)code; /* generated without descriptions */\n"
    "    (void)lang;\n"
    "    return @m@_NULL;\n"
    "}\n"
    "\n";
const char source_text_description_one[] =
    "const char *@n@_description(int code, const char *lang)\n"
    "{\n"
    "    (void)lang; /* the registry has one language */\n"
    "    return @n@_desc_first(code);\n"
    "}\n"
    "\n";
const char source_text_description_many[] =
    "const char *@n@_description(int code, const char *lang)\n"
    "{\n"
    "    unsigned long row, off;\n"
    "\n"
    "    if (!lang)\n"
    "        return @n@_desc_first(code);\n"
    "    row = @n@_row(code);\n"
    "    if (row == 0)\n"
    "        return @m@_NULL;\n"
    "    off = @n@_desc[row - 1][@n@_lang(lang)];\n"
    "    if (off == 0)\n"
    "        off = @n@_desc[row - 1][0];\n"
    "    return off ? @n@_desc_text(off) : @m@_NULL;\n"
    "}\n"
    "\n";

/* class_of() over the dense switch <name>_class_index(). */
const char source_text_class_of_dense[] =
    "enum @n@_class @n@_class_of(int code)\n"
    "{\n"
    "    unsigned i = @n@_class_index(code);\n"
    "\n"
    "    return @m@_CAST(enum @n@_class, i);\n"
    "}\n"
    "\n";

const char source_text_traits_none[] =
    "unsigned @n@_traits(int code)\n"
    "{\n"
    "    (void)code;\n"
    "    return 0u; /* the registry declares no traits */\n"
    "}\n"
    "\n";

const char source_text_is_known[] =
    "int @n@_is_known(int code)\n"
    "{\n"
    "    return @n@_row(code) != 0;\n"
    "}\n"
    "\n";

/* reference()'s body when no code has a reference (after its head). */
const char source_text_reference_none[] =
    "{\n"
    "    (void)code; /* no code has a reference */\n"
    "    return @m@_NULL;\n"
    "}\n"
    "\n";

/* --- lookup_probe.c ----------------------------------------------------- */

/* ASCII case-insensitive equality of n bytes (locale-independent, unlike
 * strncasecmp): bytes that differ must be the two cases of one letter. */
const char source_text_equal_nocase[] =
    "static int @n@_equal_nocase(const char *a, const char *b, size_t n)\n"
    "{\n"
    "    size_t i;\n"
    "\n"
    "    for (i = 0; i < n; i++) {\n"
    "        int x = a[i], y = b[i];\n"
    "\n"
    "        if (x != y) {\n"
    "            x |= 0x20;\n"
    "            if (x != (y | 0x20) || x < 'a' || x > 'z')\n"
    "                return 0;\n"
    "        }\n"
    "    }\n"
    "    return 1;\n"
    "}\n"
    "\n";

/* The probing lookup <n>_from_@fn@(const char *@arg@) over the tables
 * <n>_@what@_slot, _len, _key and _code: @byte@ is what each byte adds to
 * the hash, @mask@ the table's size - 1, and a key matches when
 * @equal@(text, @arg@, len)@equal_end@. */
const char source_text_probe_lookup[] =
    "int @n@_from_@fn@(const char *@arg@)\n"
    "{\n"
    "    const unsigned char *s = @m@_PUN(const unsigned char *, @arg@), *p;\n"
    "    unsigned long h = 2166136261UL;\n"
    "    unsigned long i;\n"
    "    size_t len;\n"
    "\n"
    "    if (!@arg@)\n"
    "        return -1;\n"
    "    for (p = s; *p; p++) {\n"
    "        h ^= @byte@;\n"
    "        h *= 16777619UL;\n"
    "    }\n"
    "    len = @m@_CAST(size_t, p - s);\n"
    "    for (i = h & @mask@UL;; i = (i + 1) & @mask@UL) {\n"
    "        unsigned long e = @n@_@what@_slot[i];\n"
    "\n"
    "        if (e == 0)\n"
    "            return -1;\n"
    "        if (@n@_@what@_len[e - 1] == len &&\n"
    "            @equal@(@n@_@kind@_text(@n@_@what@_key[e - 1]), @arg@, "
    "len)@equal_end@)\n"
    "            return @m@_CAST(int, @n@_@what@_code[e - 1]);\n"
    "    }\n"
    "}\n"
    "\n";

/* --- lookup_phash.c ----------------------------------------------------- */

/* The compare of a key longer than four bytes with the pool, a machine
 * word at a time: exact, and ignoring case (the letter mask of the folded
 * pool @mask@ bytes after the key). */
const char source_text_same[] =
    "/* 1 when the n > 4 bytes at a and k are the same. */\n"
    "static int @n@_same(const unsigned char *a, const unsigned char *k, "
    "size_t n)\n"
    "{\n"
    "    unsigned long x = 0, y = 0, x2 = 0, y2 = 0;\n"
    "    size_t i;\n"
    "\n"
    "    if (n <= 8) {\n"
    "        memcpy(&x, a, 4);\n"
    "        memcpy(&y, k, 4);\n"
    "        memcpy(&x2, a + n - 4, 4);\n"
    "        memcpy(&y2, k + n - 4, 4);\n"
    "        return x == y && x2 == y2;\n"
    "    }\n"
    "    if (n <= 2 * sizeof x) {\n"
    "        memcpy(&x, a, sizeof x);\n"
    "        memcpy(&y, k, sizeof x);\n"
    "        memcpy(&x2, a + n - sizeof x, sizeof x);\n"
    "        memcpy(&y2, k + n - sizeof x, sizeof x);\n"
    "        return x == y && x2 == y2;\n"
    "    }\n"
    "    for (i = 0; i + sizeof x < n; i += sizeof x) {\n"
    "        memcpy(&x, a + i, sizeof x);\n"
    "        memcpy(&y, k + i, sizeof x);\n"
    "        if (x != y)\n"
    "            return 0;\n"
    "    }\n"
    "    memcpy(&x, a + n - sizeof x, sizeof x);\n"
    "    memcpy(&y, k + n - sizeof x, sizeof x);\n"
    "    return x == y;\n"
    "}\n"
    "\n";
const char source_text_same_nocase[] =
    "static int @n@_same_nocase(const unsigned char *a,\n"
    "                          const unsigned char *k, size_t n)\n"
    "{\n"
    "    unsigned long x = 0, y = 0, m = 0, x2 = 0, y2 = 0, m2 = 0;\n"
    "    size_t i;\n"
    "\n"
    "    if (n <= 8) {\n"
    "        memcpy(&x, a, 4);\n"
    "        memcpy(&y, k, 4);\n"
    "        memcpy(&x2, a + n - 4, 4);\n"
    "        memcpy(&y2, k + n - 4, 4);\n"
    "        memcpy(&m, k + @mask@, 4);\n"
    "        memcpy(&m2, k + @mask@ + n - 4, 4);\n"
    "        return (x | m) == y && (x2 | m2) == y2;\n"
    "    }\n"
    "    if (n <= 2 * sizeof x) {\n"
    "        memcpy(&x, a, sizeof x);\n"
    "        memcpy(&y, k, sizeof x);\n"
    "        memcpy(&x2, a + n - sizeof x, sizeof x);\n"
    "        memcpy(&y2, k + n - sizeof x, sizeof x);\n"
    "        memcpy(&m, k + @mask@, sizeof x);\n"
    "        memcpy(&m2, k + @mask@ + n - sizeof x, sizeof x);\n"
    "        return (x | m) == y && (x2 | m2) == y2;\n"
    "    }\n"
    "    for (i = 0; i + sizeof x < n; i += sizeof x) {\n"
    "        memcpy(&x, a + i, sizeof x);\n"
    "        memcpy(&m, k + @mask@ + i, sizeof x);\n"
    "        memcpy(&y, k + i, sizeof x);\n"
    "        if ((x | m) != y)\n"
    "            return 0;\n"
    "    }\n"
    "    memcpy(&x, a + n - sizeof x, sizeof x);\n"
    "    memcpy(&m, k + @mask@ + n - sizeof x, sizeof x);\n"
    "    memcpy(&y, k + n - sizeof x, sizeof x);\n"
    "    return (x | m) == y;\n"
    "}\n"
    "\n";

/* The perfect-hash lookup <n>_from_@fn@(const char *@arg@) over the
 * table <n>_@table@ (keys of @minlen@ to @minlen@ + @span@ bytes): its
 * fingerprint @print@ ^ the length, times @mult@, shifted right by
 * @shift@, picks the slot; the slot's key matches when @seen@ is its
 * fingerprint, the lengths agree and (@compare@) the rest of the bytes. */
const char source_text_perfect_lookup[] =
    "int @n@_from_@fn@(const char *@arg@)\n"
    "{\n"
    "    const unsigned char *p = @m@_PUN(const unsigned char *, @arg@);\n"
    "    const struct @n@_@table@ *e;\n"
    "    @n@_u32 a, h;\n"
    "    size_t n;\n"
    "\n"
    "    if (!p)\n"
    "        return -1;\n"
    "    n = strlen(@arg@);\n"
    "    if (n - @minlen@ > @span@) /* shorter or longer than every key */\n"
    "        return -1;\n"
    "    a = @m@_CAST(@n@_u32, p[0]) |\n"
    "        @m@_CAST(@n@_u32, p[1]) << 8 |\n"
    "        @m@_CAST(@n@_u32, p[n / 2]) << 16 |\n"
    "        @m@_CAST(@n@_u32, p[n - 1]) << 24;\n"
    "    h = @print@ ^ (n & 0xffffffffU);\n"
    "    e = &@n@_@table@[(h * @mult@U & 0xffffffffU) >> @shift@];\n"
    "    /* A free slot's fingerprint, 0, is no input's. */\n"
    "    if (@seen@ != e->print || e->len != n)\n"
    "        return -1;\n"
    "@compare@"
    "    return @m@_CAST(int, e->code);\n"
    "}\n"
    "\n";
/* @compare@ of a table of keys longer than four bytes: @guard@ leaves
 * out the keys of four bytes or fewer, whose fingerprint is the key; the
 * rest are compared with <n>_@kind@_@store@, the pool or its folded copy
 * (@nocase@: "_nocase"). */
const char source_text_perfect_compare[] =
    "    if (@guard@!@n@_same@nocase@(p, @m@_PUN(const unsigned char *, "
    "&@n@_@kind@_@store@) + e->off,\n"
    "        n))\n"
    "        return -1;\n";

/* --- rendered here: used by emit_source.c and emit_fields.c ----------- */

void emit_lang_matcher(const struct spec *spec, const char *fn,
                       const char *equal, struct sbuf *out)
{
    const char *vars[] = {"n", spec->reg.name.s, "fn", fn,
                          "equal", equal ? equal : "strcmp",
                          "is_equal", equal ? "" : " == 0",
                          "lang", NULL, "row", NULL, NULL};
    char row[24];
    size_t i;

    emit_template(out, source_text_lang_head, vars);
    for (i = 1; i < spec->reg.nlang; i++) {
        sprintf(row, "%lu", (unsigned long)i);
        vars[9] = spec->reg.languages[i].s;
        vars[11] = row;
        emit_template(out, source_text_lang_case, vars);
    }
    emit_template(out, source_text_lang_tail, vars);
}
