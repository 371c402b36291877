/* SPDX-License-Identifier: MIT */
/*
 * model.h - the spec as plain C structs.
 *
 * schema.c fills it from the document tree (types and keys); validate.c
 * checks its meaning and fills the derived fields; the emitters only read
 * it.  Every value keeps the position it came from, for diagnostics.
 * All memory belongs to the spec and is released by spec_free().
 */
#ifndef STATUSGEN_MODEL_H
#define STATUSGEN_MODEL_H

#include "alloc.h"
#include "diag.h"

#include <stddef.h>

/* A text value; s is NULL when the key was absent. */
struct sg_str {
    char *s;
    struct sg_pos pos;
};

/*
 * Texts in several languages (a "language map": description, titles, trait
 * and source docs, notes) are arrays of struct sg_str with one slot per
 * registry language, in registry.languages order; a slot's s is NULL when
 * the spec gives no text in that language, and slot 0, the first language,
 * is the fallback.  A plain text in the spec fills slot 0.
 */

/* The text of texts in language lang, else in the first language; NULL
 * when texts is NULL or has neither. */
const char *spec_text(const struct sg_str *texts, size_t lang);

enum code_status {
    STATUS_STANDARD,
    STATUS_TEMPORARY,
    STATUS_DEPRECATED,
    STATUS_UNUSED,
    STATUS_OBSOLETE,
    STATUS_UNOFFICIAL,
    STATUS_COUNT_
};

/* The status keyword as written in a spec ("standard", ...). */
const char *status_keyword(enum code_status st);

#define SG_MAX_TRAITS 16     /* trait bits fit an unsigned int everywhere */
#define SG_MAX_CODES 262144  /* codes in one registry */
#define SG_MAX_LANGUAGES 32  /* description languages (one doc file each) */
#define SG_MAX_CLASSES 256   /* entries of 'classes' */
#define SG_MAX_SOURCES 256   /* entries of 'sources' */
#define SG_MAX_LIST 64       /* aliases, traits or sources of one code */
#define SG_MAX_FIELDS 64     /* entries of 'fields' */
#define SG_MAX_ENUM 256      /* values of an enum field */

struct spec_registry {
    struct sg_pos pos;
    struct sg_str name;      /* lower_snake: type and function prefix */
    struct sg_str macro;     /* UPPER_SNAKE: constant and macro prefix */
    struct sg_str *title;    /* one per language; NULL when absent */
    struct sg_str updated;   /* YYYY-MM-DD, optional */
    long lo, hi;             /* code range, inclusive */
    struct sg_pos range_pos;
    struct sg_str *languages;
    size_t nlang;
    int no_descriptions;     /* --languages none: every desc[].s is NULL */
    int no_phrases;          /* phrases: false: no wire phrases (phrase
                              * optional, not unique; no from_reason) */
    struct sg_pos phrases_pos;
};

struct spec_class {
    struct sg_pos pos;
    struct sg_str name;
    long lo, hi;
    struct sg_pos range_pos;
    struct sg_str *title;    /* one per language; .s NULL when absent */
    int error;               /* 1: its codes are errors (<name>_is_error) */
};

struct spec_trait {
    struct sg_pos pos;
    struct sg_str name;
    struct sg_str *doc;      /* one per language; NULL when absent */
};

struct spec_source {
    struct sg_pos pos;
    struct sg_str id;
    struct sg_str file;
    struct sg_str language;
    struct sg_str *doc;      /* one per language; NULL when absent */
};

struct spec_code {
    struct sg_pos pos;       /* the entry */
    long code;
    struct sg_pos code_pos;
    struct sg_str name;
    struct sg_str phrase;
    enum code_status status;
    struct sg_pos status_pos;
    struct sg_str reference;
    struct sg_str *note;     /* one per language; NULL when absent */
    struct sg_str *aliases;
    size_t naliases;
    struct sg_str *former;   /* former wire phrases, found by from_reason */
    size_t nformer;
    struct sg_str *traits;   /* trait names as written */
    size_t ntraits;
    struct sg_str *desc;     /* one per language; .s NULL when absent */
    struct sg_str *sources;  /* source ids as written */
    size_t nsources;
    /* The upstream registry's text for the code where the spec's phrase
     * differs from it on purpose ("(Unused)"): audit reports the
     * difference as known.  Reaches no generated file. */
    struct sg_str registry_phrase;
    /* derived by spec_validate */
    unsigned trait_bits;     /* bit i: spec->traits[i] */
    int class_index;         /* into spec->classes, or -1 */
};

/* The types of a declared field (see struct spec_field). */
enum field_type {
    FIELD_INT,
    FIELD_STRING,
    FIELD_BOOL,
    FIELD_ENUM,
    FIELD_TEXT,
    FIELD_TYPE_COUNT_
};

/* The type's keyword as written in a spec ("int", ...). */
const char *field_type_keyword(enum field_type t);

/*
 * One value of a field: a code's, or the field's default.  Which members
 * hold it depends on the field's type: num for int, bool (0 or 1) and
 * enum (the index into the field's values, filled by spec_validate); str
 * for string and enum (the value's name as written); text for text (one
 * per language, like a description).
 */
struct field_value {
    size_t code;             /* a code's value: index into spec->codes */
    struct sg_pos pos;
    long num;
    struct sg_str str;
    struct sg_str *text;
};

/*
 * A declared per-code attribute (the top-level 'fields' list): codes give
 * their values under its name, as `grpc: 14`.
 */
struct spec_field {
    struct sg_pos pos;
    struct sg_str name;      /* lower_snake */
    enum field_type type;
    struct sg_pos type_pos;  /* line 0: no usable type */
    struct sg_str *values;   /* enum: the value names, UPPER_SNAKE */
    size_t nvalues;
    struct sg_pos values_pos;
    struct sg_str *doc;      /* one per language; NULL when absent */
    int has_default;
    struct field_value def;
    int required;            /* every code must give a value */
    struct sg_pos required_pos;
    struct field_value *vals; /* the codes' values, by code index */
    size_t nvals;
    size_t vals_cap;
};

/*
 * The value field f gives the code at index ci of spec->codes: its own,
 * else the field's default; NULL when it has neither.
 */
const struct field_value *spec_field_value(const struct spec_field *f,
                                           size_t ci);

/* The value the code at index ci gives itself, or NULL. */
const struct field_value *spec_field_own(const struct spec_field *f,
                                         size_t ci);

/* 1 when key is one of a code's built-in keys (code, name, phrase...). */
int spec_is_code_key(const char *key);

/* A number with the position it came from. */
struct sg_num {
    long v;
    struct sg_pos pos;
};

struct spec {
    const char *path;        /* as given; not owned */
    long version;
    struct spec_registry reg;
    struct spec_class *classes;
    size_t nclasses;
    struct spec_trait *traits;
    size_t ntraits;
    struct spec_source *sources;
    size_t nsources;
    struct spec_code *codes; /* in spec order */
    /* Retired codes and names ('reserved', 'reserved_names'): no code may
     * use them, and compat accepts their removal.  They reach no output. */
    struct sg_num *reserved;
    size_t nreserved;
    struct sg_str *reserved_names;
    size_t nreserved_names;
    size_t ncodes;
    struct spec_field *fields; /* declared per-code fields, spec order */
    size_t nfields;
    /* The spec files read, the spec itself first and then the specs it
     * extends (see 'extends'), as they were opened; for --depfile. */
    char **inputs;
    size_t ninputs;
    /* While building: the keys of codes that are not built-in keys.
     * When 'fields' is built before the codes (fields_known), each is
     * resolved as its code is built; else they are kept here and
     * resolved once the whole spec is read. */
    int fields_known;
    struct spec_extra *extra;
    size_t nextra, extra_cap;
    /* derived by spec_validate */
    size_t *order;           /* indices of codes in ascending code order */
    struct sg_arena texts;   /* every text and array of texts */
};

/* Frees everything a spec holds and zeroes it (NULL is fine). */
void spec_free(struct spec *spec);

/*
 * The text <name>_reason() returns for code c: its phrase; without one
 * (a registry with phrases: false), its description in the first
 * language, else its name.
 */
const char *spec_reason(const struct spec_code *c);

struct node;

/*
 * Fills spec from a document tree: checks that every value has the type the
 * schema says, that required keys are there and that no unknown key is.
 * Returns 0, or -1 with errors in dl (spec then holds what could be read,
 * for spec_free).
 */
int spec_build(const struct node *root, struct spec *spec,
               struct diag_list *dl);

/*
 * Building the codes while the loader reads them, so that the tree never
 * holds them all (see struct node_stream): spec_stream_begin builds the
 * registry, which the codes need, when the codes start; spec_stream_item
 * builds one code.  Their problems wait in lists of their own, and
 * spec_build_stream reports them where spec_build would have, so the
 * messages and their order are the same.
 */
struct spec_stream {
    struct spec *spec;
    struct diag_list reg_dl;     /* problems of the registry */
    struct diag_list codes_dl;   /* problems of the streamed codes */
    int registry_built;
    int fields_built;            /* 'fields' came before the codes */
    size_t nseen;                /* items of the codes sequence so far */
    size_t codes_cap;            /* allocated entries of spec->codes */
    int failed;                  /* out of memory: no more codes built */
};

void spec_stream_init(struct spec_stream *st, struct spec *spec,
                      const char *file);
/* struct node_stream's callbacks; arg is a struct spec_stream. */
int spec_stream_begin(void *arg, const struct node *root);
void spec_stream_item(void *arg, const struct node *item);
/* spec_build, for a tree whose codes went to st. */
int spec_build_stream(const struct node *root, struct spec_stream *st,
                      struct diag_list *dl);
/* Frees the lists st still holds (the spec is the caller's). */
void spec_stream_free(struct spec_stream *st);

/*
 * Checks the meaning of a built spec: identifiers, ranges, duplicates,
 * references to traits and sources, phrases, descriptions.  Fills the
 * derived fields.  Returns 0, or -1 with every problem in dl.
 */
int spec_validate(struct spec *spec, struct diag_list *dl);

/*
 * Check s as a registry name (lower_snake, not reserved, at most 40
 * characters) or macro (UPPER_SNAKE, ...), the way the spec's own values
 * are checked; what names the value in the message ("registry name",
 * "--name").  Return 0, or -1 with an error at pos in dl.
 */
int check_registry_name(struct diag_list *dl, struct sg_pos pos,
                        const char *what, const char *s);
int check_registry_macro(struct diag_list *dl, struct sg_pos pos,
                         const char *what, const char *s);

/* What the command line changes in a validated spec; NULL: no change. */
struct spec_overrides {
    const char *name;       /* registry.name (file stem, function prefix) */
    const char *macro;      /* registry.macro (constant prefix) */
    const char *languages;  /* description languages to keep, comma-
                             * separated, the first the fallback; or "none" */
};

/*
 * Applies ov to a validated spec (before emitting): checks each value like
 * the spec's own and reports problems, without a position, in dl.  A kept
 * language's texts stay what the full spec would give for it (a missing
 * text falls back to the spec's first language); with "none" every
 * description is dropped and reg.no_descriptions is set.  Returns 0, or -1
 * with errors in dl (spec then unchanged or still valid for spec_free).
 */
int spec_override(struct spec *spec, const struct spec_overrides *ov,
                  struct diag_list *dl);

/*
 * Reads, parses, builds and validates the spec at path in one call.
 * Returns 0, or -1 with errors in dl.  The caller frees spec.
 */
int spec_load(const char *path, struct spec *spec, struct diag_list *dl);

/* spec_load for a spec already in memory (data, len bytes, which it takes
 * and frees, as spec_read_file made them); path names it. */
int spec_load_text(const char *path, char *data, size_t len,
                   struct spec *spec, struct diag_list *dl);

#endif
