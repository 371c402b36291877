/*
 * json_lookups.c - prints what the generated C lookups answer, for
 * check_json.py to compare with the JSON output of the same spec.
 * Built once per registry with -DREG=<name> -DREG_HEADER="<name>.h".
 *
 *   json_lookups LO HI LANG...   one line per code from LO to HI:
 *       code known name reason reference status class is_error traits
 *       description-per-LANG
 *     with each text as hex bytes, "-" for NULL
 *   then, for each line "N text" or "R text" on standard input, the
 *   code from_name() or from_reason() gives for text.
 */
#include REG_HEADER

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define FN(x) CAT(REG, CAT(_, x))

static void put_text(const char *s)
{
    putchar(' ');
    if (s == NULL) {
        putchar('-');
        return;
    }
    if (*s == '\0')
        putchar('=');
    for (; *s; s++)
        printf("%02x", (unsigned char)*s);
}

int main(int argc, char **argv)
{
    char line[4096];
    long code, lo, hi;
    int l;

    if (argc < 3)
        return 2;
    lo = strtol(argv[1], NULL, 10);
    hi = strtol(argv[2], NULL, 10);
    for (code = lo; code <= hi; code++) {
        int c = (int)code;

        printf("%d %d", c, FN(is_known)(c));
        put_text(FN(name)(c));
        put_text(FN(reason)(c));
        put_text(FN(reference)(c));
        printf(" %d %d %d %u", (int)FN(status_of)(c), (int)FN(class_of)(c),
               FN(is_error)(c), FN(traits)(c));
        for (l = 3; l < argc; l++)
            put_text(FN(description)(c, argv[l]));
        putchar('\n');
    }
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strlen(line);

        if (n && line[n - 1] == '\n')
            line[--n] = '\0';
        if (n < 2)
            return 2;
        printf("%d\n", line[0] == 'N' ? FN(from_name)(line + 2)
                                      : FN(from_reason)(line + 2));
    }
    return 0;
}
