/* SPDX-License-Identifier: MIT */
/*
 * emit_rust.c - the registry as a Rust module: <name>.rs.
 *
 * One file without dependencies or unsafe code, for Rust 1.63 and later
 * (edition 2021), that builds without a warning under -D warnings and
 * clippy's default lints, whether it is a module (#[path] mod) or
 * include!d (so: no inner attributes, no //! comments).  It holds an enum
 * of the known codes with their lookups as methods, the class and
 * lifecycle enums, a trait bit set, and free functions that answer for
 * any code as the C functions do.  Lookups by code are matches (rustc
 * makes them jump tables); lookups by name and phrase are binary searches
 * over tables sorted here.
 *
 * Names: a code's NAME becomes the variant Name (CamelCase), a former
 * name a deprecated associated constant of the same form.  A word that
 * starts with a digit keeps its underscore (HTTP_2 is Http_2), so that no
 * two names meet (HTTP2 is Http2).  CamelCase leaves one Rust keyword
 * possible, Self, which no raw identifier can spell: it becomes Self_.
 * The type takes a '_' as well where it would hide one of the prelude
 * names the file uses (Option, Some, None, Result, Ok, Err).
 *
 * A declared field <field> is a free function over any code and a method
 * of the code enum, both named after the field; an enum field's values
 * are the enum <Registry><Field> (numbered from 0 as in C, with None = -1
 * when the field has no default).  A field name that is a Rust keyword,
 * or a name the module, the code enum or its standard traits use
 * (rust_taken), takes a trailing '_', which no field name has.
 *
 * Codes are u16 when the registry range fits it, else u32 (a range never
 * goes below 0 nor above INT_MAX).
 */
#include "emit.h"

#include <string.h>

/* What the emitting functions share. */
struct rs {
    const struct spec *spec;
    struct sbuf *out;
    const char *ty;         /* the code type: "u16" or "u32" */
    struct sbuf name;       /* the enum's name, escaped */
    struct sbuf base;       /* the same unescaped: the other types' stem */
};

/* The registry's words for lifecycles, after NONE (enum code_status
 * order), in CamelCase. */
static const char *const lifecycle_words[STATUS_COUNT_] = {
    "Standard", "Temporary", "Deprecated", "Unused", "Obsolete",
    "Unofficial",
};

/* What each lifecycle means (as the C header says it). */
static const char *const lifecycle_docs[STATUS_COUNT_] = {
    "Registered and in use.",
    "Registered for a limited time.",
    "Registered, but its use is discouraged.",
    "Registered as unused: not to be sent.",
    "Registered as no longer in use.",
    "Known, but not in the upstream registry.",
};

/* Appends a variant or constant name made from a spec name (CamelCase,
 * Self escaped). */
static void put_ident(struct sbuf *out, const char *s)
{
    sbuf_puts_pascal(out, s);
    if (strcmp(s, "SELF") == 0)
        sbuf_putc(out, '_');
}

/* True when the CamelCase of s keeps an underscore. */
static int keeps_underscore(const char *s)
{
    for (; *s; s++)
        if (s[0] == '_' && s[1] >= '0' && s[1] <= '9')
            return 1;
    return 0;
}

/* Appends the n bytes of UTF-8 text s as the body of a Rust string
 * literal: printable ASCII as itself, quotes and backslashes escaped,
 * \n \r \t by name, other control bytes as \xHH and every non-ASCII
 * character as \u{...}, so that the file is plain ASCII (a byte that is
 * no UTF-8, which the loader lets not in, as U+FFFD). */
static void put_rust_escaped(struct sbuf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < n) {
        unsigned long cp;
        size_t len;
        char buf[16];
        int d;

        if (p[i] >= 0x20 && p[i] < 0x7f) {
            size_t run = i;

            while (run < n && p[run] >= 0x20 && p[run] < 0x7f &&
                   p[run] != '"' && p[run] != '\\')
                run++;
            if (run > i) {
                sbuf_putn(out, s + i, run - i);
                i = run;
                continue;
            }
            sbuf_putc(out, '\\');
            sbuf_putc(out, (char)p[i++]);
            continue;
        }
        if (p[i] < 0x80) {
            if (p[i] == '\n')
                sbuf_puts(out, "\\n");
            else if (p[i] == '\r')
                sbuf_puts(out, "\\r");
            else if (p[i] == '\t')
                sbuf_puts(out, "\\t");
            else {
                sbuf_puts(out, "\\x");
                sbuf_putc(out, hex[p[i] >> 4]);
                sbuf_putc(out, hex[p[i] & 15]);
            }
            i++;
            continue;
        }
        len = sg_utf8_next(s + i, n - i, &cp);
        d = 0;
        do {
            buf[d++] = hex[cp & 15];
            cp >>= 4;
        } while (cp);
        sbuf_puts(out, "\\u{");
        while (d > 0)
            sbuf_putc(out, buf[--d]);
        sbuf_putc(out, '}');
        i += len;
    }
}

/* Appends "text" as a Rust string literal. */
static void put_str(struct sbuf *out, const char *s)
{
    sbuf_putc(out, '"');
    put_rust_escaped(out, s, strlen(s));
    sbuf_putc(out, '"');
}

/* Appends Some("text"), or None for a text that is absent or empty (the
 * C lookups answer NULL for both). */
static void put_opt_str(struct sbuf *out, const char *s)
{
    if (s == NULL || *s == '\0') {
        sbuf_puts(out, "None");
        return;
    }
    sbuf_puts(out, "Some(");
    put_str(out, s);
    sbuf_putc(out, ')');
}

/* Appends s for a doc comment: ASCII (a non-ASCII character becomes '?'),
 * control characters as spaces, and what Markdown or HTML would read
 * escaped with a backslash, so rustdoc shows the text as it is. */
static void put_doc_text(struct sbuf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    for (; *p; p++) {
        if (*p >= 0x80) {
            if ((*p & 0xC0) != 0x80)
                sbuf_putc(out, '?');
        } else if (*p < 0x20 || *p == 0x7f) {
            sbuf_putc(out, ' ');
        } else {
            if (strchr("\\`*_[]<>&|#~", *p))
                sbuf_putc(out, '\\');
            sbuf_putc(out, (char)*p);
        }
    }
}

/* The documentation of one code: "404 Not Found (RFC 9110, ...)." */
static void put_code_doc(struct sbuf *out, const struct spec_code *c,
                         const char *indent)
{
    sbuf_puts(out, indent);
    sbuf_puts(out, "/// ");
    sbuf_put_long(out, c->code);
    sbuf_putc(out, ' ');
    put_doc_text(out, spec_reason(c));
    if (c->reference.s && *c->reference.s) {
        sbuf_puts(out, " (");
        put_doc_text(out, c->reference.s);
        sbuf_putc(out, ')');
    }
    sbuf_puts(out, ".");
    if (c->status != STATUS_STANDARD) {
        sbuf_puts(out, " ");
        sbuf_puts(out, lifecycle_docs[c->status]);
    }
    sbuf_putc(out, '\n');
}

/* The banner, as // lines (an include!d file may not start with //!). */
static void emit_banner(const struct emit_ctx *ctx, struct rs *r)
{
    const struct spec *spec = ctx->spec;
    struct sbuf *out = r->out;
    struct sbuf file;

    sbuf_init(&file);
    sbuf_printf(&file, "%s.rs", spec->reg.name.s);
    emit_banner_lines(ctx, sbuf_str(&file), "// ", out);
    if (sbuf_failed(&file))
        out->failed = 1;
    sbuf_free(&file);
    sbuf_puts(out, "//\n");
    sbuf_printf(out,
        "// A module for Rust 1.63 or later, edition 2021, with no "
        "dependency and no\n// unsafe code: `#[path = \"%s.rs\"] mod %s;`, "
        "or include!(\"%s.rs\").\n\n",
        spec->reg.name.s, spec->reg.name.s, spec->reg.name.s);
    if (spec->nfields)
        sbuf_puts(out,
            "// The fields the spec declares are functions over any code and "
            "methods of\n// the code enum, under the field's name; one that "
            "is a Rust keyword or a\n// name the module, the enum or its "
            "standard traits already use takes a\n// trailing '_' "
            "(match_, self_, default_, new_, all_).\n\n");
    sbuf_printf(out,
        "/// The identity of the spec model behind this file: the C header "
        "made from\n/// the same model defines it as `%s_SPEC_ID`.\n"
        "pub const SPEC_ID: &str = \"%s\";\n\n",
        spec->reg.macro.s, ctx->spec_id);
}

/* The enum of the known codes. */
static void emit_code_enum(struct rs *r)
{
    const struct spec *spec = r->spec;
    struct sbuf *out = r->out;
    int underscore = 0;
    size_t i;

    for (i = 0; i < spec->ncodes; i++)
        underscore |= keeps_underscore(spec->codes[i].name.s);
    sbuf_puts(out, "/// ");
    put_doc_text(out, spec->reg.title ? spec->reg.title[0].s
                                      : spec->reg.name.s);
    if (spec->reg.updated.s) {
        sbuf_puts(out, ", registry state of ");
        put_doc_text(out, spec->reg.updated.s);
    }
    sbuf_puts(out, ": every known code.\n"
                   "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, "
                   "PartialOrd, Ord)]\n"
                   "#[allow(clippy::enum_variant_names, "
                   "clippy::upper_case_acronyms)]\n");
    if (underscore)
        sbuf_puts(out, "#[allow(non_camel_case_types)]\n");
    sbuf_printf(out, "#[repr(%s)]\npub enum %s {\n", r->ty,
                sbuf_str(&r->name));
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        put_code_doc(out, c, "    ");
        sbuf_puts(out, "    ");
        put_ident(out, c->name.s);
        sbuf_puts(out, " = ");
        sbuf_put_long(out, c->code);
        sbuf_puts(out, ",\n");
    }
    sbuf_puts(out, "}\n\n");
}

/* The class enum: None, then the classes in spec order. */
static void emit_class_enum(struct rs *r)
{
    const struct spec *spec = r->spec;
    struct sbuf *out = r->out;
    int underscore = 0;
    size_t i;

    for (i = 0; i < spec->nclasses; i++)
        underscore |= keeps_underscore(spec->classes[i].name.s);
    sbuf_printf(out,
        "/// Classes of codes, by range (`class_of`, `%s::class`).\n"
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, "
        "Ord)]\n"
        "#[allow(clippy::enum_variant_names, clippy::upper_case_acronyms)]"
        "\n", sbuf_str(&r->name));
    if (underscore)
        sbuf_puts(out, "#[allow(non_camel_case_types)]\n");
    sbuf_printf(out, "pub enum %sClass {\n"
                     "    /// In no class's range.\n    None = 0,\n",
                sbuf_str(&r->base));
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_puts(out, "    /// ");
        sbuf_put_long(out, c->lo);
        if (c->hi != c->lo) {
            sbuf_putc(out, '-');
            sbuf_put_long(out, c->hi);
        }
        if (c->title && c->title[0].s) {
            sbuf_putc(out, ' ');
            put_doc_text(out, c->title[0].s);
        }
        sbuf_puts(out, ".\n    ");
        put_ident(out, c->name.s);
        sbuf_printf(out, " = %lu,\n", (unsigned long)i + 1);
    }
    sbuf_puts(out, "}\n\n");
}

/* The lifecycle enum and the trait set. */
static void emit_small_types(struct rs *r)
{
    const struct spec *spec = r->spec;
    struct sbuf *out = r->out;
    const char *b = sbuf_str(&r->base);
    size_t i;

    sbuf_printf(out,
        "/// The status of a known code in its registry (`%s::status`, "
        "`status_of`);\n/// the values are the C enum's.\n"
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, "
        "Ord)]\npub enum %sLifecycle {\n", sbuf_str(&r->name), b);
    for (i = 0; i < STATUS_COUNT_; i++)
        sbuf_printf(out, "    /// %s\n    %s = %lu,\n", lifecycle_docs[i],
                    lifecycle_words[i], (unsigned long)i + 1);
    sbuf_puts(out, "}\n\n");

    sbuf_printf(out,
        "/// A set of traits (`%s::traits`, `traits`); the bits are the C "
        "header's\n/// `%s_TRAIT_*`.\n"
        "#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]\n"
        "pub struct %sTraits(pub u16);\n\nimpl %sTraits {\n",
        sbuf_str(&r->name), spec->reg.macro.s, b, b);
    for (i = 0; i < spec->ntraits; i++) {
        const struct spec_trait *t = &spec->traits[i];

        if (t->doc && t->doc[0].s) {
            sbuf_puts(out, "    /// ");
            put_doc_text(out, t->doc[0].s);
            sbuf_putc(out, '\n');
        }
        if (i == 0)
            sbuf_printf(out, "    pub const %s: Self = Self(1);\n",
                        t->name.s);
        else
            sbuf_printf(out, "    pub const %s: Self = Self(1 << %lu);\n",
                        t->name.s, (unsigned long)i);
    }
    if (spec->ntraits)
        sbuf_putc(out, '\n');
    sbuf_puts(out,
        "    /// The bits.\n"
        "    pub const fn bits(self) -> u16 {\n        self.0\n    }\n\n"
        "    /// True when every trait of `other` is in `self`.\n"
        "    pub const fn contains(self, other: Self) -> bool {\n"
        "        self.0 & other.0 == other.0\n    }\n\n"
        "    /// True when the set is empty.\n"
        "    pub const fn is_empty(self) -> bool {\n"
        "        self.0 == 0\n    }\n}\n\n");
    sbuf_printf(out,
        "impl ::core::ops::BitOr for %sTraits {\n"
        "    type Output = Self;\n\n"
        "    fn bitor(self, other: Self) -> Self {\n"
        "        Self(self.0 | other.0)\n    }\n}\n\n"
        "impl ::core::ops::BitAnd for %sTraits {\n"
        "    type Output = Self;\n\n"
        "    fn bitand(self, other: Self) -> Self {\n"
        "        Self(self.0 & other.0)\n    }\n}\n\n", b, b);

    sbuf_printf(out,
        "/// The error of `%s::try_from` and `str::parse`: the code or the "
        "name is\n/// not known.\n"
        "#[derive(Clone, Copy, Debug, PartialEq, Eq)]\n"
        "pub struct Unknown%s;\n\n"
        "impl ::core::fmt::Display for Unknown%s {\n"
        "    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> "
        "::core::fmt::Result {\n"
        "        f.write_str(\"not a known %s code or name\")\n    }\n}\n\n"
        "impl ::std::error::Error for Unknown%s {}\n\n",
        sbuf_str(&r->name), b, b, spec->reg.name.s, b);
}

/* "    pub const fn NAME(self) -> TYPE {\n        match self {\n" */
static void match_self_begin(struct rs *r, const char *doc,
                             const char *fn, const char *type)
{
    sbuf_printf(r->out, "%s    pub const fn %s(self) -> %s {\n"
                        "        match self {\n", doc, fn, type);
}

/* "            Self::Name => " */
static void arm(struct rs *r, const struct spec_code *c)
{
    sbuf_puts(r->out, "            Self::");
    put_ident(r->out, c->name.s);
    sbuf_puts(r->out, " => ");
}

/* Closes a match begun by match_self_begin, with a default arm when
 * some variant has none of its own (a needless one would warn). */
static void match_self_end(struct rs *r, size_t narms, const char *dflt)
{
    if (narms < r->spec->ncodes)
        sbuf_printf(r->out, "            _ => %s,\n", dflt);
    sbuf_puts(r->out, "        }\n    }\n\n");
}

/* Appends a pattern of the codes in [lo[i], hi[i]] (sorted, disjoint):
 * "1..=9 | 20". */
static void put_ranges(struct sbuf *out, const long *lo, const long *hi,
                       size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (i)
            sbuf_puts(out, " | ");
        sbuf_put_long(out, lo[i]);
        if (hi[i] != lo[i]) {
            sbuf_puts(out, "..=");
            sbuf_put_long(out, hi[i]);
        }
    }
}

/* True when ranges of total size n cover every value of the code type
 * (a default arm after them would be unreachable). */
static int covers_type(const struct rs *r, unsigned long n)
{
    return strcmp(r->ty, "u16") == 0 && n == 65536UL;
}

/* A by-range test: "pub const fn is_x(code: u16) -> bool", true for the
 * ranges given (sorted, disjoint; adjacent ones merged here). */
static void emit_range_test(struct rs *r, const char *doc, const char *fn,
                            const long *lo, const long *hi, size_t n)
{
    struct sbuf *out = r->out;
    long mlo[SG_MAX_CLASSES], mhi[SG_MAX_CLASSES];
    unsigned long total = 0;
    size_t m = 0, i;

    for (i = 0; i < n; i++) {
        if (m > 0 && mhi[m - 1] + 1 == lo[i]) {
            mhi[m - 1] = hi[i];
        } else {
            mlo[m] = lo[i];
            mhi[m++] = hi[i];
        }
        total += (unsigned long)(hi[i] - lo[i]) + 1;
    }
    sbuf_puts(out, doc);
    if (m == 0 || covers_type(r, total)) {
        sbuf_printf(out, "pub const fn %s(_code: %s) -> bool {\n    %s\n"
                         "}\n\n", fn, r->ty, m ? "true" : "false");
        return;
    }
    sbuf_printf(out, "pub const fn %s(code: %s) -> bool {\n"
                     "    matches!(code, ", fn, r->ty);
    put_ranges(out, mlo, mhi, m);
    sbuf_puts(out, ")\n}\n\n");
}

/* Sorts class indices by range (insertion sort: at most 256). */
static void classes_by_range(const struct spec *spec, size_t *idx,
                             size_t n)
{
    size_t i, j;

    for (i = 1; i < n; i++) {
        size_t v = idx[i];

        for (j = i; j > 0 && spec->classes[idx[j - 1]].lo >
                                 spec->classes[v].lo; j--)
            idx[j] = idx[j - 1];
        idx[j] = v;
    }
}

/* class_of, is_<class> and is_error: free functions over any code. */
static void emit_class_fns(struct rs *r)
{
    const struct spec *spec = r->spec;
    struct sbuf *out = r->out;
    const char *b = sbuf_str(&r->base);
    size_t idx[SG_MAX_CLASSES], nerr = 0, i;
    long lo[SG_MAX_CLASSES], hi[SG_MAX_CLASSES];
    unsigned long total = 0;
    struct sbuf fn, doc;

    sbuf_printf(out, "/// The class whose range holds `code`, known or not; "
                     "`%sClass::None`\n/// when none does.\n", b);
    if (spec->nclasses == 0) {
        sbuf_printf(out, "pub const fn class_of(_code: %s) -> %sClass {\n"
                         "    %sClass::None\n}\n\n", r->ty, b, b);
    } else {
        sbuf_printf(out, "pub const fn class_of(code: %s) -> %sClass {\n"
                         "    match code {\n", r->ty, b);
        for (i = 0; i < spec->nclasses; i++) {
            const struct spec_class *c = &spec->classes[i];

            sbuf_puts(out, "        ");
            put_ranges(out, &c->lo, &c->hi, 1);
            sbuf_printf(out, " => %sClass::", b);
            put_ident(out, c->name.s);
            sbuf_puts(out, ",\n");
            total += (unsigned long)(c->hi - c->lo) + 1;
        }
        if (!covers_type(r, total))
            sbuf_printf(out, "        _ => %sClass::None,\n", b);
        sbuf_puts(out, "    }\n}\n\n");
    }

    sbuf_init(&fn);
    sbuf_init(&doc);
    for (i = 0; i < spec->nclasses; i++) {
        const struct spec_class *c = &spec->classes[i];

        sbuf_reset(&fn);
        sbuf_puts(&fn, "is_");
        sbuf_puts_case(&fn, c->name.s, 0);
        sbuf_reset(&doc);
        sbuf_puts(&doc, "/// True when `code` is in the range of class ");
        put_ident(&doc, c->name.s);
        sbuf_puts(&doc, " (");
        put_ranges(&doc, &c->lo, &c->hi, 1);
        sbuf_puts(&doc, "), known or not.\n");
        emit_range_test(r, sbuf_str(&doc), sbuf_str(&fn), &c->lo, &c->hi,
                        1);
        if (c->error)
            idx[nerr++] = i;
    }
    classes_by_range(spec, idx, nerr);
    for (i = 0; i < nerr; i++) {
        lo[i] = spec->classes[idx[i]].lo;
        hi[i] = spec->classes[idx[i]].hi;
    }
    emit_range_test(r, "/// True when `code` is in the range of a class "
                       "marked as errors, known\n/// or not.\n",
                    "is_error", lo, hi, nerr);
    if (sbuf_failed(&fn) || sbuf_failed(&doc))
        out->failed = 1;
    sbuf_free(&fn);
    sbuf_free(&doc);
}

/* The description method: the texts of each code by language. */
static void emit_description(struct rs *r)
{
    const struct spec *spec = r->spec;
    struct sbuf *out = r->out;
    size_t nl = spec->reg.nlang, i, l;

    if (spec->reg.no_descriptions) {
        sbuf_puts(out,
            "    /// Always `None`: this file was generated without "
            "descriptions\n    /// (statusgen --languages none).\n"
            "    pub fn description(self, lang: Option<&str>) -> "
            "Option<&'static str> {\n"
            "        let _ = (self, lang);\n        None\n    }\n\n");
        return;
    }
    sbuf_puts(out, "    /// The description in language `lang`, a language "
                   "code or locale name\n    /// (");
    for (l = 0; l < nl; l++)
        sbuf_printf(out, "%s\"%s\"", l ? ", " : "",
                    spec->reg.languages[l].s);
    sbuf_printf(out, "; \"%s-XX\" and \"%s_XX.UTF-8\" too); `None` or an "
                     "unknown\n    /// language gives the first language, "
                     "\"%s\".\n",
                spec->reg.languages[0].s, spec->reg.languages[0].s,
                spec->reg.languages[0].s);
    sbuf_puts(out, "    pub fn description(self, lang: Option<&str>) -> "
                   "Option<&'static str> {\n");
    if (nl == 1) {
        sbuf_puts(out, "        let _ = lang; // one language\n"
                       "        match self {\n");
    } else {
        sbuf_printf(out, "        let texts: [Option<&'static str>; %lu] = "
                         "match self {\n", (unsigned long)nl);
    }
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        arm(r, c);
        if (nl == 1) {
            put_opt_str(out, c->desc[0].s);
        } else {
            sbuf_putc(out, '[');
            for (l = 0; l < nl; l++) {
                if (l)
                    sbuf_puts(out, ", ");
                put_opt_str(out, c->desc[l].s);
            }
            sbuf_putc(out, ']');
        }
        sbuf_puts(out, ",\n");
    }
    if (nl == 1)
        sbuf_puts(out, "        }\n    }\n\n");
    else
        sbuf_puts(out, "        };\n"
                       "        texts[lang_row(lang)].or(texts[0])\n"
                       "    }\n\n");
}

/* --- declared fields ------------------------------------------------- */

/* Field names that take a trailing '_' as Rust names: the keywords of
 * every edition (strict and reserved: match, static, self, async...),
 * the names the module's free functions and helpers take, the code
 * enum's methods, and the methods of the standard traits the enum has or
 * clippy expects under their names (clone, cmp, default, new, next...).
 * A field name never ends in '_', so the escaped name is no other
 * field's. */
static const char *const rust_taken[] = {
    "abstract", "as", "async", "await", "become", "box", "break", "const",
    "continue", "crate", "do", "dyn", "else", "enum", "extern", "false",
    "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro",
    "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try",
    "type", "typeof", "unsafe", "unsized", "use", "virtual", "where",
    "while", "yield",
    "reason", "name", "description", "traits", "status_of", "reference",
    "is_known", "from_name", "from_reason", "class_of", "is_error",
    "lang_row", "all", "code", "from_code", "phrase", "class", "status",
    "add", "as_mut", "as_ref", "bitand", "bitor", "bitxor", "borrow",
    "borrow_mut", "clamp", "clone", "clone_from", "clone_into", "cmp",
    "default", "deref", "deref_mut", "div", "drop", "eq", "fmt",
    "from", "from_iter", "from_str", "ge", "gt", "hash", "index",
    "index_mut", "into", "into_iter", "le", "lt", "max", "min", "mul", "ne",
    "neg", "new", "next", "not", "partial_cmp", "rem", "shl", "shr", "sub",
    "to_owned", "to_string", "try_from", "try_into", "type_id", NULL};

/* Appends the Rust name of field f's accessors: its name, with a '_'
 * after one of rust_taken. */
static void put_field_fn(struct sbuf *out, const struct spec_field *f)
{
    const char *const *k;

    sbuf_puts(out, f->name.s);
    for (k = rust_taken; *k; k++)
        if (strcmp(*k, f->name.s) == 0) {
            sbuf_putc(out, '_');
            return;
        }
}

/* Appends the type of an enum field: <Registry><Field>. */
static void put_field_type(struct rs *r, const struct spec_field *f)
{
    sbuf_puts(r->out, sbuf_str(&r->base));
    sbuf_puts_pascal(r->out, f->name.s);
}

/* Appends Some("text") for a text, None for NULL ("" is a text). */
static void put_some_str(struct sbuf *out, const char *s)
{
    if (s == NULL) {
        sbuf_puts(out, "None");
        return;
    }
    sbuf_puts(out, "Some(");
    put_str(out, s);
    sbuf_putc(out, ')');
}

/* Appends the Rust type an accessor of field f returns. */
static void put_field_ret(struct rs *r, const struct spec_field *f)
{
    switch (f->type) {
    case FIELD_INT:
        sbuf_puts(r->out, "i32");
        return;
    case FIELD_BOOL:
        sbuf_puts(r->out, "bool");
        return;
    case FIELD_ENUM:
        put_field_type(r, f);
        return;
    case FIELD_STRING:
    case FIELD_TEXT:
    case FIELD_TYPE_COUNT_:
        break;
    }
    sbuf_puts(r->out, "Option<&'static str>");
}

/* Appends value v (NULL: none) of a field that is not a text. */
static void put_field_value(struct rs *r, const struct spec_field *f,
                            const struct field_value *v)
{
    switch (f->type) {
    case FIELD_INT:
        sbuf_put_long(r->out, v ? v->num : -1L);
        return;
    case FIELD_BOOL:
        sbuf_puts(r->out, v && v->num ? "true" : "false");
        return;
    case FIELD_ENUM:
        put_field_type(r, f);
        sbuf_puts(r->out, "::");
        if (v)
            put_ident(r->out, f->values[v->num].s);
        else
            sbuf_puts(r->out, "None");
        return;
    case FIELD_STRING:
        put_some_str(r->out, v ? v->str.s : NULL);
        return;
    case FIELD_TEXT:
    case FIELD_TYPE_COUNT_:
        break;
    }
}

/* Appends a text value's texts by language: "[Some(..), None]", or the
 * first language's alone when the registry has one language. */
static void put_field_texts(struct rs *r, const struct field_value *v)
{
    size_t nl = r->spec->reg.nlang, l;

    if (nl == 1) {
        put_some_str(r->out, v && v->text ? v->text[0].s : NULL);
        return;
    }
    sbuf_putc(r->out, '[');
    for (l = 0; l < nl; l++) {
        if (l)
            sbuf_puts(r->out, ", ");
        put_some_str(r->out, v && v->text ? v->text[l].s : NULL);
    }
    sbuf_putc(r->out, ']');
}

/* Whether two values of field f are the same (NULL: none). */
static int same_field_value(const struct spec *spec,
                            const struct spec_field *f,
                            const struct field_value *a,
                            const struct field_value *b)
{
    size_t l;

    if (a == NULL || b == NULL)
        return a == b;
    switch (f->type) {
    case FIELD_INT:
    case FIELD_BOOL:
    case FIELD_ENUM:
        return a->num == b->num;
    case FIELD_STRING:
        return strcmp(a->str.s, b->str.s) == 0;
    case FIELD_TEXT:
        for (l = 0; l < spec->reg.nlang; l++) {
            const char *x = a->text ? a->text[l].s : NULL;
            const char *y = b->text ? b->text[l].s : NULL;

            if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0))
                return 0;
        }
        return 1;
    case FIELD_TYPE_COUNT_:
        break;
    }
    return 0;
}

/* The doc comment of a field's accessor: its doc (first language) and
 * what a code without a value gives. */
static void put_field_doc(struct rs *r, const struct spec_field *f,
                          const char *indent, const char *what)
{
    struct sbuf *out = r->out;

    sbuf_printf(out, "%s/// The field `%s` (%s) of %s", indent, f->name.s,
                field_type_keyword(f->type), what);
    if (f->doc && f->doc[0].s) {
        sbuf_puts(out, ": ");
        put_doc_text(out, f->doc[0].s);
    } else {
        sbuf_putc(out, '.');
    }
    sbuf_printf(out, "\n%s///\n%s/// A code without a value%s gives ", indent,
                indent, strcmp(what, "`code`") == 0 ? ", or not known," : "");
    if (f->has_default && f->type == FIELD_TEXT) {
        sbuf_puts(out, "the default text");
    } else if (f->type == FIELD_TEXT) {
        sbuf_puts(out, "`None`");
    } else {
        sbuf_putc(out, '`');
        put_field_value(r, f, f->has_default ? &f->def : NULL);
        sbuf_putc(out, '`');
    }
    sbuf_puts(out, ".");
    if (f->type == FIELD_TEXT)
        sbuf_printf(out, "\n%s/// `lang` as for the description.", indent);
    sbuf_putc(out, '\n');
}

/* The enums of the enum fields: their values numbered from 0 as in C,
 * and None = -1 when the field has no default. */
static void emit_field_enums(struct rs *r)
{
    const struct spec *spec = r->spec;
    struct sbuf *out = r->out;
    size_t i, j;

    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        int underscore = keeps_underscore(f->name.s);

        if (f->type != FIELD_ENUM)
            continue;
        for (j = 0; j < f->nvalues; j++)
            underscore |= keeps_underscore(f->values[j].s);
        sbuf_printf(out, "/// The values of the field `%s`; the numbers are "
                         "the C enum's.\n"
                         "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, "
                         "PartialOrd, Ord)]\n"
                         "#[allow(clippy::enum_variant_names, "
                         "clippy::upper_case_acronyms)]\n", f->name.s);
        if (underscore)
            sbuf_puts(out, "#[allow(non_camel_case_types)]\n");
        sbuf_puts(out, "#[repr(i32)]\npub enum ");
        put_field_type(r, f);
        sbuf_puts(out, " {\n");
        if (!f->has_default)
            sbuf_puts(out, "    /// No value.\n    None = -1,\n");
        for (j = 0; j < f->nvalues; j++) {
            sbuf_puts(out, "    /// `");
            sbuf_puts(out, f->values[j].s);
            sbuf_puts(out, "`.\n    ");
            put_ident(out, f->values[j].s);
            sbuf_printf(out, " = %lu,\n", (unsigned long)j);
        }
        sbuf_puts(out, "}\n\n");
    }
}

/* The accessors as methods of the code enum. */
static void emit_field_methods(struct rs *r)
{
    const struct spec *spec = r->spec;
    struct sbuf *out = r->out;
    size_t i;

    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        int text = f->type == FIELD_TEXT;

        sbuf_putc(out, '\n');
        put_field_doc(r, f, "    ", "the code");
        sbuf_printf(out, "    #[allow(clippy::len_without_is_empty, "
                         "clippy::wrong_self_convention)]\n"
                         "    pub %sfn ", text ? "" : "const ");
        put_field_fn(out, f);
        sbuf_printf(out, "(self%s) -> ", text ? ", lang: Option<&str>" : "");
        put_field_ret(r, f);
        sbuf_puts(out, " {\n        ");
        put_field_fn(out, f);
        sbuf_printf(out, "(self as %s%s)\n    }\n", r->ty,
                    text ? ", lang" : "");
    }
}

/* The accessors as free functions over any code: a match over the codes
 * whose value is not the default. */
static void emit_field_fns(struct rs *r)
{
    const struct spec *spec = r->spec;
    struct sbuf *out = r->out;
    size_t i, k, narms, i_arm;

    for (i = 0; i < spec->nfields; i++) {
        const struct spec_field *f = &spec->fields[i];
        const struct field_value *def = f->has_default ? &f->def : NULL;
        int text = f->type == FIELD_TEXT, many = spec->reg.nlang > 1;

        for (k = 0, narms = 0; k < spec->ncodes; k++) {
            const struct field_value *v = spec_field_own(f, k);

            if (v && !same_field_value(spec, f, v, def))
                narms++;
        }
        put_field_doc(r, f, "", "`code`");
        sbuf_printf(out, "pub %sfn ", text ? "" : "const ");
        put_field_fn(out, f);
        sbuf_printf(out, "(%scode: %s%s) -> ", narms ? "" : "_", r->ty,
                    text ? ", lang: Option<&str>" : "");
        put_field_ret(r, f);
        sbuf_puts(out, " {\n");
        if (text && many)
            sbuf_printf(out, "    let texts: [Option<&'static str>; %lu] = ",
                        (unsigned long)spec->reg.nlang);
        else if (text)
            sbuf_puts(out, "    let _ = lang; // one language\n    ");
        else
            sbuf_puts(out, "    ");
        if (narms && f->type == FIELD_BOOL) {
            /* every arm gives the other value: what clippy would have
             * written with matches! */
            sbuf_puts(out, def && def->num ? "!matches!(code, " :
                                             "matches!(code, ");
            for (k = 0, i_arm = 0; k < spec->ncodes; k++) {
                size_t ci = spec->order[k];
                const struct field_value *v = spec_field_own(f, ci);

                if (v == NULL || same_field_value(spec, f, v, def))
                    continue;
                if (i_arm++)
                    sbuf_puts(out, " | ");
                sbuf_put_long(out, spec->codes[ci].code);
            }
            sbuf_puts(out, ")\n}\n\n");
            continue;
        }
        if (narms) {
            sbuf_puts(out, "match code {\n");
            for (k = 0; k < spec->ncodes; k++) {
                size_t ci = spec->order[k];
                const struct field_value *v = spec_field_own(f, ci);

                if (v == NULL || same_field_value(spec, f, v, def))
                    continue;
                sbuf_puts(out, "        ");
                sbuf_put_long(out, spec->codes[ci].code);
                sbuf_puts(out, " => ");
                if (text)
                    put_field_texts(r, v);
                else
                    put_field_value(r, f, v);
                sbuf_puts(out, ",\n");
            }
            sbuf_puts(out, "        _ => ");
        }
        if (text)
            put_field_texts(r, def);
        else
            put_field_value(r, f, def);
        if (narms)
            sbuf_puts(out, ",\n    }");
        if (text && many)
            sbuf_puts(out, ";\n    texts[lang_row(lang)].or(texts[0])");
        sbuf_puts(out, "\n}\n\n");
    }
}

/* Whether the module has a text field and more than one language. */
static int has_text_fields(const struct spec *spec)
{
    size_t i;

    for (i = 0; i < spec->nfields; i++)
        if (spec->fields[i].type == FIELD_TEXT)
            return spec->reg.nlang > 1;
    return 0;
}

/* The methods of the code enum. */
static void emit_methods(struct rs *r)
{
    const struct spec *spec = r->spec;
    struct sbuf *out = r->out;
    const char *n = sbuf_str(&r->name), *b = sbuf_str(&r->base);
    const struct spec_code *ex = &spec->codes[spec->order[0]];
    struct sbuf dflt;
    size_t i, j, narms;

    sbuf_printf(out, "impl %s {\n", n);
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        for (j = 0; j < c->naliases; j++) {
            sbuf_puts(out, "    /// A former name of `");
            put_ident(out, c->name.s);
            sbuf_puts(out, "` (");
            sbuf_put_long(out, c->code);
            sbuf_puts(out, ").\n    #[deprecated(note = \"a former name: "
                           "use ");
            sbuf_printf(out, "%s::", n);
            put_ident(out, c->name.s);
            sbuf_puts(out, "\")]\n    #[allow(non_upper_case_globals)]\n"
                           "    pub const ");
            put_ident(out, c->aliases[j].s);
            sbuf_puts(out, ": Self = Self::");
            put_ident(out, c->name.s);
            sbuf_puts(out, ";\n\n");
        }
    }

    sbuf_printf(out,
        "    /// Every known code, ascending.\n"
        "    pub const fn all() -> &'static [Self] {\n        &[");
    for (i = 0; i < spec->ncodes; i++) {
        sbuf_puts(out, i % 4 == 0 ? "\n            " : " ");
        sbuf_puts(out, "Self::");
        put_ident(out, spec->codes[spec->order[i]].name.s);
        sbuf_putc(out, ',');
    }
    sbuf_puts(out, "\n        ]\n    }\n\n");

    sbuf_printf(out, "    /// The code: %ld for `%s::", ex->code, n);
    put_ident(out, ex->name.s);
    sbuf_printf(out, "`.\n    pub const fn code(self) -> %s {\n"
                     "        self as %s\n    }\n\n", r->ty, r->ty);

    sbuf_printf(out, "    /// The known code `code`, or `None`.\n"
                     "    pub const fn from_code(code: %s) -> Option<Self> "
                     "{\n        match code {\n", r->ty);
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        sbuf_puts(out, "            ");
        sbuf_put_long(out, c->code);
        sbuf_puts(out, " => Some(Self::");
        put_ident(out, c->name.s);
        sbuf_puts(out, "),\n");
    }
    if (!covers_type(r, (unsigned long)spec->ncodes))
        sbuf_puts(out, "            _ => None,\n");
    sbuf_puts(out, "        }\n    }\n\n");

    match_self_begin(r, "    /// The name as the spec writes it, without "
                        "the prefix.\n", "name", "&'static str");
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        arm(r, c);
        put_str(out, c->name.s);
        sbuf_puts(out, ",\n");
    }
    match_self_end(r, spec->ncodes, "");

    match_self_begin(r, spec->reg.no_phrases
                        ? "    /// The reason: the phrase, else the "
                          "description in the first\n    /// language, "
                          "else the name (the registry has no wire "
                          "phrases).\n"
                        : "    /// The phrase (reason-phrase).\n", "phrase",
                     "&'static str");
    for (i = 0; i < spec->ncodes; i++) {
        const struct spec_code *c = &spec->codes[spec->order[i]];

        arm(r, c);
        put_str(out, spec_reason(c));
        sbuf_puts(out, ",\n");
    }
    match_self_end(r, spec->ncodes, "");

    emit_description(r);

    sbuf_printf(out, "    /// The traits.\n"
                     "    pub const fn traits(self) -> %sTraits {\n", b);
    for (i = 0, narms = 0; i < spec->ncodes; i++)
        if (spec->codes[i].trait_bits)
            narms++;
    if (narms == 0) {
        sbuf_printf(out, "        %sTraits(0)\n    }\n\n", b);
    } else {
        sbuf_printf(out, "        %sTraits(match self {\n", b);
        for (i = 0; i < spec->ncodes; i++) {
            const struct spec_code *c = &spec->codes[spec->order[i]];
            int first = 1;

            if (!c->trait_bits)
                continue;
            arm(r, c);
            for (j = 0; j < spec->ntraits; j++) {
                if (!(c->trait_bits & (1u << j)))
                    continue;
                sbuf_printf(out, "%s%sTraits::%s.0", first ? "" : " | ", b,
                            spec->traits[j].name.s);
                first = 0;
            }
            sbuf_puts(out, ",\n");
        }
        if (narms < spec->ncodes)
            sbuf_puts(out, "            _ => 0,\n");
        sbuf_puts(out, "        })\n    }\n\n");
    }

    sbuf_printf(out, "    /// The class, by range.\n"
                     "    pub const fn class(self) -> %sClass {\n"
                     "        class_of(self as %s)\n    }\n\n", b, r->ty);
    for (i = 0; i < spec->nclasses; i++) {
        sbuf_puts(out, "    /// True when the code is in the range of "
                       "class ");
        put_ident(out, spec->classes[i].name.s);
        sbuf_puts(out, ".\n    pub const fn is_");
        sbuf_puts_case(out, spec->classes[i].name.s, 0);
        sbuf_puts(out, "(self) -> bool {\n        is_");
        sbuf_puts_case(out, spec->classes[i].name.s, 0);
        sbuf_printf(out, "(self as %s)\n    }\n\n", r->ty);
    }
    sbuf_printf(out, "    /// True when the code is in the range of a class "
                     "marked as errors.\n"
                     "    pub const fn is_error(self) -> bool {\n"
                     "        is_error(self as %s)\n    }\n\n", r->ty);

    for (i = 0, narms = 0; i < spec->ncodes; i++)
        if (spec->codes[i].status != STATUS_STANDARD)
            narms++;
    sbuf_printf(out, "    /// The status in the registry.\n"
                     "    pub const fn status(self) -> %sLifecycle {\n", b);
    if (narms == 0) {
        sbuf_printf(out, "        %sLifecycle::Standard\n    }\n\n", b);
    } else {
        sbuf_puts(out, "        match self {\n");
        for (i = 0; i < spec->ncodes; i++) {
            const struct spec_code *c = &spec->codes[spec->order[i]];

            if (c->status == STATUS_STANDARD)
                continue;
            arm(r, c);
            sbuf_printf(out, "%sLifecycle::%s,\n", b,
                        lifecycle_words[c->status]);
        }
        sbuf_init(&dflt);
        sbuf_printf(&dflt, "%sLifecycle::Standard", b);
        match_self_end(r, narms, sbuf_str(&dflt));
        if (sbuf_failed(&dflt))
            out->failed = 1;
        sbuf_free(&dflt);
    }

    for (i = 0, narms = 0; i < spec->ncodes; i++)
        if (spec->codes[i].reference.s && *spec->codes[i].reference.s)
            narms++;
    sbuf_puts(out, "    /// Where the code is defined; `None` when the spec "
                   "names no reference.\n"
                   "    pub const fn reference(self) -> "
                   "Option<&'static str> {\n");
    if (narms == 0) {
        sbuf_puts(out, "        None\n    }\n\n");
    } else {
        sbuf_puts(out, "        match self {\n");
        for (i = 0; i < spec->ncodes; i++) {
            const struct spec_code *c = &spec->codes[spec->order[i]];

            if (!c->reference.s || !*c->reference.s)
                continue;
            arm(r, c);
            put_opt_str(out, c->reference.s);
            sbuf_puts(out, ",\n");
        }
        match_self_end(r, narms, "None");
    }

    sbuf_puts(out,
        "    /// The code named `name` (its name or a former name, compared "
        "exactly).\n"
        "    pub fn from_name(name: &str) -> Option<Self> {\n"
        "        BY_NAME\n"
        "            .binary_search_by(|e| e.0.cmp(name))\n"
        "            .ok()\n"
        "            .map(|i| BY_NAME[i].1)\n    }\n");
    if (!spec->reg.no_phrases)
        sbuf_puts(out, "\n"
        "    /// The code whose phrase or a former phrase is `phrase`, "
        "ignoring ASCII\n    /// case.\n"
        "    pub fn from_reason(phrase: &str) -> Option<Self> {\n"
        "        BY_REASON\n"
        "            .binary_search_by(|e| {\n"
        "                e.0.bytes()\n"
        "                    .cmp(phrase.bytes().map(|c| "
        "c.to_ascii_lowercase()))\n"
        "            })\n"
        "            .ok()\n"
        "            .map(|i| BY_REASON[i].1)\n    }\n");
    emit_field_methods(r);
    sbuf_puts(out, "}\n\n");
}

/* Display, FromStr, TryFrom and From. */
static void emit_trait_impls(struct rs *r)
{
    const char *n = sbuf_str(&r->name), *b = sbuf_str(&r->base);

    sbuf_printf(r->out,
        "impl ::core::fmt::Display for %s {\n"
        "    /// The code and its phrase: \"404 Not Found\".\n"
        "    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> "
        "::core::fmt::Result {\n"
        "        write!(f, \"{} {}\", self.code(), self.phrase())\n"
        "    }\n}\n\n"
        "impl ::core::str::FromStr for %s {\n"
        "    type Err = Unknown%s;\n\n"
        "    /// A name or a former name, as `from_name`.\n"
        "    fn from_str(s: &str) -> Result<Self, Self::Err> {\n"
        "        Self::from_name(s).ok_or(Unknown%s)\n    }\n}\n\n"
        "impl ::core::convert::TryFrom<%s> for %s {\n"
        "    type Error = Unknown%s;\n\n"
        "    fn try_from(code: %s) -> Result<Self, Self::Error> {\n"
        "        Self::from_code(code).ok_or(Unknown%s)\n    }\n}\n\n"
        "impl ::core::convert::From<%s> for %s {\n"
        "    fn from(code: %s) -> %s {\n"
        "        code as %s\n    }\n}\n\n",
        n, n, b, b, r->ty, n, b, r->ty, b, n, r->ty, n, r->ty, r->ty);
}

/* The free functions over any code. */
static void emit_free_fns(struct rs *r)
{
    const struct spec *spec = r->spec;
    struct sbuf *out = r->out;
    const char *n = sbuf_str(&r->name), *b = sbuf_str(&r->base),
               *ty = r->ty;
    const struct spec_code *ex = &spec->codes[spec->order[0]];

    sbuf_printf(out,
        "/// The phrase of `code` (\"");
    put_rust_escaped(out, spec_reason(ex), strlen(spec_reason(ex)));
    sbuf_printf(out, "\" for %ld), or `None` when `code` is not\n"
        "/// known.\n"
        "pub fn reason(code: %s) -> Option<&'static str> {\n"
        "    %s::from_code(code).map(%s::phrase)\n}\n\n", ex->code, ty, n, n);
    sbuf_printf(out,
        "/// The name of `code` (\"%s\" for %ld), or `None` when `code` is "
        "not known.\n"
        "pub fn name(code: %s) -> Option<&'static str> {\n"
        "    %s::from_code(code).map(%s::name)\n}\n\n",
        ex->name.s, ex->code, ty, n, n);
    sbuf_printf(out,
        "/// The description of `code` in language `lang` (see "
        "`%s::description`),\n/// or `None` when `code` is not known.\n"
        "pub fn description(code: %s, lang: Option<&str>) -> "
        "Option<&'static str> {\n"
        "    %s::from_code(code).and_then(|c| c.description(lang))\n}\n\n",
        n, ty, n);
    sbuf_printf(out,
        "/// The traits of `code`; empty when `code` is not known.\n"
        "pub fn traits(code: %s) -> %sTraits {\n"
        "    %s::from_code(code).map_or(%sTraits(0), %s::traits)\n}\n\n",
        ty, b, n, b, n);
    sbuf_printf(out,
        "/// The status of `code`, or `None` when `code` is not known.\n"
        "pub fn status_of(code: %s) -> Option<%sLifecycle> {\n"
        "    %s::from_code(code).map(%s::status)\n}\n\n", ty, b, n, n);
    sbuf_printf(out,
        "/// Where `code` is defined, or `None` when `code` is not known or "
        "the spec\n/// names no reference.\n"
        "pub fn reference(code: %s) -> Option<&'static str> {\n"
        "    %s::from_code(code).and_then(%s::reference)\n}\n\n", ty, n, n);
    sbuf_printf(out,
        "/// True when `code` is known (in the spec, registered or not).\n"
        "pub fn is_known(code: %s) -> bool {\n"
        "    %s::from_code(code).is_some()\n}\n\n", ty, n);
    sbuf_printf(out,
        "/// The code named `name` or one of its former names (`%s::"
        "from_name`).\n"
        "pub fn from_name(name: &str) -> Option<%s> {\n"
        "    %s::from_name(name)\n}\n\n", n, n, n);
    if (!spec->reg.no_phrases)
        sbuf_printf(out,
        "/// The code of `phrase` or a former phrase, ignoring ASCII case\n"
        "/// (`%s::from_reason`).\n"
        "pub fn from_reason(phrase: &str) -> Option<%s> {\n"
        "    %s::from_reason(phrase)\n}\n\n", n, n, n);
    emit_field_fns(r);
}

/* The sorted tables of from_name and from_reason, and the language
 * matcher of description. */
static void emit_tables(struct rs *r)
{
    const struct spec *spec = r->spec;
    struct sbuf *out = r->out;
    const char *n = sbuf_str(&r->name);
    struct emit_key *keys;
    size_t nkeys, k, l;
    int phrases;

    for (phrases = 0; phrases <= !spec->reg.no_phrases; phrases++) {
        if (emit_sorted_keys(spec, phrases, &keys, &nkeys) != 0) {
            out->failed = 1;
            return;
        }
        sbuf_printf(out, "/// Every %s, with its code, sorted by bytes%s.\n"
                         "const %s: &[(&str, %s)] = &[\n",
                    phrases ? "phrase and former phrase" :
                              "name and former name",
                    phrases ? " in ASCII lower case" : "",
                    phrases ? "BY_REASON" : "BY_NAME", n);
        for (k = 0; k < nkeys; k++) {
            sbuf_puts(out, "    (");
            put_str(out, keys[k].text);
            sbuf_printf(out, ", %s::", n);
            put_ident(out, keys[k].code->name.s);
            sbuf_puts(out, "),\n");
        }
        sbuf_puts(out, "];\n\n");
        sg_free(keys);
    }

    if ((spec->reg.no_descriptions || spec->reg.nlang < 2) &&
        !has_text_fields(spec))
        return;
    sbuf_puts(out,
        "/// The row of `lang` among the languages: its letters up to "
        "'-', '_', '.',\n"
        "/// '@' or the end, compared ignoring case; 0 (the first "
        "language) when\n"
        "/// `lang` is `None` or not a language of the registry.\n"
        "fn lang_row(lang: Option<&str>) -> usize {\n"
        "    let lang = match lang {\n"
        "        Some(lang) => lang.as_bytes(),\n"
        "        None => return 0,\n"
        "    };\n"
        "    let n = lang\n"
        "        .iter()\n"
        "        .take(8)\n"
        "        .take_while(|c| c.is_ascii_alphabetic())\n"
        "        .count();\n"
        "    match lang.get(n) {\n"
        "        None | Some(0 | b'-' | b'_' | b'.' | b'@') => {}\n"
        "        Some(_) => return 0,\n"
        "    }\n"
        "    let tag = &lang[..n];\n");
    for (l = 1; l < spec->reg.nlang; l++)
        sbuf_printf(out, "    %sif tag.eq_ignore_ascii_case(b\"%s\") {\n"
                         "        %lu\n", l == 1 ? "" : "} else ",
                    spec->reg.languages[l].s, (unsigned long)l);
    sbuf_puts(out, "    } else {\n        0\n    }\n}\n");
}

void emit_rust(const struct emit_ctx *ctx, struct sbuf *out)
{
    static const char *const hidden[] = {"self", "option", "some", "none",
                                         "result", "ok", "err", NULL};
    const struct spec *spec = ctx->spec;
    const char *const *h;
    struct rs r;

    r.spec = spec;
    r.out = out;
    r.ty = spec->reg.hi > 65535 ? "u32" : "u16";
    sbuf_init(&r.name);
    sbuf_init(&r.base);
    sbuf_puts_pascal(&r.base, spec->reg.name.s);
    sbuf_puts_pascal(&r.name, spec->reg.name.s);
    for (h = hidden; *h; h++)
        if (strcmp(spec->reg.name.s, *h) == 0)
            sbuf_putc(&r.name, '_');

    emit_banner(ctx, &r);
    emit_code_enum(&r);
    emit_class_enum(&r);
    emit_small_types(&r);
    emit_field_enums(&r);
    emit_methods(&r);
    emit_trait_impls(&r);
    emit_class_fns(&r);
    emit_free_fns(&r);
    emit_tables(&r);
    if (sbuf_failed(&r.name) || sbuf_failed(&r.base))
        out->failed = 1;
    sbuf_free(&r.name);
    sbuf_free(&r.base);
}
