/*
 * gperf_keys.c - writes the gperf input for a case-insensitive phrase
 * lookup over the registry's phrases (from HTTP_STATUS_LIST), so that the
 * benchmark can compare the generated from_reason with what gperf makes.
 */
#include "http_status.h"

#include <stdio.h>

#define GPERF_KEY(n, c, p) printf("\"%s\", %d\n", p, c);

int main(void)
{
    printf("%%{\n#include <string.h>\n%%}\n"
           "%%struct-type\n%%language=ANSI-C\n%%ignore-case\n%%readonly-tables\n"
           "%%define hash-function-name gperf_reason_hash\n"
           "%%define lookup-function-name gperf_reason_lookup\n"
           "%%compare-strncmp\n"
           "struct gperf_reason { const char *name; int code; };\n%%%%\n");
    HTTP_STATUS_LIST(GPERF_KEY)
    printf("%%%%\n"
           "int gperf_from_reason(const char *phrase)\n"
           "{\n"
           "    const struct gperf_reason *r;\n"
           "\n"
           "    if (phrase == NULL)\n"
           "        return -1;\n"
           "    r = gperf_reason_lookup(phrase, strlen(phrase));\n"
           "    return r ? r->code : -1;\n"
           "}\n");
    return 0;
}
