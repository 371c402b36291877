/* SPDX-License-Identifier: MIT */
/*
 * parse_floor.c - the floor for the generator: read a spec into memory and
 * run libyaml's event parser over it, doing nothing with the events.
 *
 * This is the least any libyaml-based generator must do with the same
 * file, read the same way the loader reads it (whole file, then
 * yaml_parser_set_input_string).  Prints the number of events.
 *
 * Usage: parse_floor SPEC
 */
#include <yaml.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    FILE *f;
    char *buf = NULL;
    size_t used = 0, cap = 0, n;
    yaml_parser_t parser;
    yaml_event_t ev;
    unsigned long events = 0;
    int done = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: parse_floor SPEC\n");
        return 2;
    }
    f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror(argv[1]);
        return 2;
    }
    do {
        if (cap - used < 65536) {
            char *p;

            cap = cap ? cap * 2 : 65536 * 2;
            p = (char *)realloc(buf, cap + 1);
            if (p == NULL) {
                fprintf(stderr, "parse_floor: out of memory\n");
                return 2;
            }
            buf = p;
        }
        n = fread(buf + used, 1, cap - used, f);
        used += n;
    } while (n > 0);
    fclose(f);

    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "parse_floor: cannot initialize libyaml\n");
        return 2;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, used);
    while (!done) {
        if (!yaml_parser_parse(&parser, &ev)) {
            fprintf(stderr, "%s:%lu:%lu: error: %s\n", argv[1],
                    (unsigned long)parser.problem_mark.line + 1,
                    (unsigned long)parser.problem_mark.column + 1,
                    parser.problem ? parser.problem : "parse error");
            yaml_parser_delete(&parser);
            free(buf);
            return 1;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        events++;
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    free(buf);
    printf("%lu events\n", events);
    return 0;
}
