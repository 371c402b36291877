/*
 * expect_gen.c - writes what a spec's generated lookups must return, read
 * with libyaml's document loader (not statusgen's loader), as a C header:
 *
 *   #define EXPECT_NLANG n
 *   static const char *const expect_langs[] = {"en", ...};
 *   static const struct expect_code expect_codes[] = {
 *       {code, name, phrase, {desc per language, fallback applied}}, ...};
 *   static const char *const expect_aliases[] / expect_alias_codes[]
 *
 * Every text is written as a brace list of byte values, so the expected
 * bytes do not depend on how anyone escapes string literals.
 *   expect_gen SPEC.yaml OUT.h
 */
#include <yaml.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static yaml_document_t doc;
static FILE *defs;          /* the byte arrays, written before the tables */
static unsigned long nstr;  /* arrays written */

static yaml_node_t *get(yaml_node_t *map, const char *key)
{
    yaml_node_pair_t *p;

    if (map == NULL || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = yaml_document_get_node(&doc, p->key);

        if (k->type == YAML_SCALAR_NODE &&
            strcmp((const char *)k->data.scalar.value, key) == 0)
            return yaml_document_get_node(&doc, p->value);
    }
    return NULL;
}

static yaml_node_t *item(yaml_node_t *seq, size_t i)
{
    return yaml_document_get_node(&doc, seq->data.sequence.items.start[i]);
}

static size_t count(yaml_node_t *seq)
{
    if (seq == NULL || seq->type != YAML_SEQUENCE_NODE)
        return 0;
    return (size_t)(seq->data.sequence.items.top -
                    seq->data.sequence.items.start);
}

/* Defines a byte array holding a scalar and writes its name to out, or
 * "0" when there is no scalar. */
static void put_bytes(FILE *out, yaml_node_t *s)
{
    size_t i;

    if (s == NULL || s->type != YAML_SCALAR_NODE) {
        fputs("0", out);
        return;
    }
    fprintf(defs, "static const char s%lu[] = {", nstr);
    for (i = 0; i < s->data.scalar.length; i++)
        fprintf(defs, "%d,", (int)(signed char)s->data.scalar.value[i]);
    fputs("0};\n", defs);
    fprintf(out, "s%lu", nstr++);
}

int main(int argc, char **argv)
{
    yaml_parser_t parser;
    FILE *in, *out;
    yaml_node_t *root, *langs, *codes;
    size_t i, j, k, nlang;
    FILE *file;
    char buf[4096];

    if (argc != 3) {
        fprintf(stderr, "usage: expect_gen SPEC.yaml OUT.h\n");
        return 2;
    }
    in = fopen(argv[1], "rb");
    if (in == NULL) {
        perror(argv[1]);
        return 2;
    }
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, in);
    if (!yaml_parser_load(&parser, &doc) ||
        (root = yaml_document_get_root_node(&doc)) == NULL) {
        fprintf(stderr, "%s: cannot load\n", argv[1]);
        return 2;
    }
    langs = get(get(root, "registry"), "languages");
    codes = get(root, "codes");
    nlang = count(langs);
    file = fopen(argv[2], "w");
    defs = file;
    out = tmpfile();
    if (file == NULL || out == NULL || nlang == 0 || count(codes) == 0) {
        fprintf(stderr, "%s: cannot write, or no languages or codes\n",
                argv[2]);
        return 2;
    }
    fprintf(file, "/* expected values of %s */\n#define EXPECT_NLANG %lu\n",
            argv[1], (unsigned long)nlang);
    fputs("struct expect_code {\n    int code;\n    const char *name;\n"
          "    const char *phrase;\n    const char *desc[EXPECT_NLANG];\n};\n",
          file);
    fputs("static const char *const expect_langs[] = {", out);
    for (i = 0; i < nlang; i++) {
        put_bytes(out, item(langs, i));
        fputs(", ", out);
    }
    fputs("0};\nstatic const struct expect_code expect_codes[] = {\n", out);
    for (i = 0; i < count(codes); i++) {
        yaml_node_t *c = item(codes, i), *d = get(c, "description");

        fprintf(out, "    {%s, ",
                (const char *)get(c, "code")->data.scalar.value);
        put_bytes(out, get(c, "name"));
        fputs(",\n     ", out);
        put_bytes(out, get(c, "phrase"));
        fputs(",\n     {", out);
        for (j = 0; j < nlang; j++) {
            yaml_node_t *t = NULL;

            if (d && d->type == YAML_SCALAR_NODE)
                t = d;
            else if (d)
                t = get(d, (const char *)item(langs, j)->data.scalar.value);
            if (t == NULL) /* absent: the first language's text */
                t = d->type == YAML_SCALAR_NODE
                        ? d : get(d, (const char *)item(langs, 0)
                                         ->data.scalar.value);
            put_bytes(out, t);
            fputs(j + 1 < nlang ? ",\n      " : "}},\n", out);
        }
    }
    fputs("};\nstatic const char *const expect_aliases[] = {", out);
    for (i = 0; i < count(codes); i++) {
        yaml_node_t *a = get(item(codes, i), "aliases");

        for (k = 0; k < count(a); k++) {
            put_bytes(out, item(a, k));
            fputs(", ", out);
        }
    }
    fputs("0};\nstatic const int expect_alias_codes[] = {", out);
    for (i = 0; i < count(codes); i++) {
        yaml_node_t *c = item(codes, i), *a = get(c, "aliases");

        for (k = 0; k < count(a); k++)
            fprintf(out, "%s, ",
                    (const char *)get(c, "code")->data.scalar.value);
    }
    fputs("-1};\n", out);
    rewind(out);
    while ((k = fread(buf, 1, sizeof buf, out)) > 0)
        fwrite(buf, 1, k, file);
    fclose(out);
    if (fclose(file) != 0) {
        perror(argv[2]);
        return 2;
    }
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    fclose(in);
    return 0;
}
