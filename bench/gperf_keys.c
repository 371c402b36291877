/* SPDX-License-Identifier: MIT */
/*
 * gperf_keys.c - writes the gperf input for a lookup over the registry's
 * phrases (case-insensitive, `gperf_keys reason`) or names (exact,
 * `gperf_keys name`), from HTTP_STATUS_LIST, so that the benchmark can
 * compare the generated from_reason and from_name with what gperf makes.
 * The names are the codes' names only: the X-macro does not carry the
 * aliases, and the benchmark's mix does not look them up.
 */
#include "http_status.h"

#include <stdio.h>
#include <string.h>

#define GPERF_PHRASE(n, c, p) printf("\"%s\", %d\n", p, c);
#define GPERF_NAME(n, c, p) printf("%s, %d\n", #n, c);

int main(int argc, char **argv)
{
    int names = argc == 2 && strcmp(argv[1], "name") == 0;
    const char *what = names ? "name" : "reason";

    if (argc != 2 || (!names && strcmp(argv[1], "reason") != 0)) {
        fprintf(stderr, "usage: gperf_keys reason|name\n");
        return 2;
    }
    printf("%%{\n#include <string.h>\n%%}\n"
           "%%struct-type\n%%language=ANSI-C\n%s%%readonly-tables\n"
           "%%define hash-function-name gperf_%s_hash\n"
           "%%define lookup-function-name gperf_%s_lookup\n"
           "%%define slot-name key\n"
           "%%compare-strncmp\n"
           "struct gperf_%s { const char *key; int code; };\n%%%%\n",
           names ? "" : "%ignore-case\n", what, what, what);
    if (names) {
        HTTP_STATUS_LIST(GPERF_NAME)
    } else {
        HTTP_STATUS_LIST(GPERF_PHRASE)
    }
    printf("%%%%\n"
           "int gperf_from_%s(const char *key)\n"
           "{\n"
           "    const struct gperf_%s *r;\n"
           "\n"
           "    if (key == NULL)\n"
           "        return -1;\n"
           "    r = gperf_%s_lookup(key, strlen(key));\n"
           "    return r ? r->code : -1;\n"
           "}\n", what, what, what);
    return 0;
}
