/*
 * main.c - checks the generated SMTP registry and the installed HTTP one.
 *
 *   smtp_example               run the checks; exit 0 when all pass
 *   smtp_example CODE PHRASE   exit 0 when CODE's phrase is PHRASE
 */
#include "http_status.h" /* from statusgen::http_status */
#include "smtp_reply.h"  /* generated from smtp_reply.yaml */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "smtp_example: FAILED: %s\n", what);
        failures++;
    }
}

static int same(const char *a, const char *b)
{
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

int main(int argc, char **argv)
{
    if (argc == 3) {
        const char *phrase = smtp_reply_reason(atoi(argv[1]));

        printf("%s %s\n", argv[1], phrase ? phrase : "(not registered)");
        return same(phrase, argv[2]) ? 0 : 1;
    }
    if (argc != 1) {
        fprintf(stderr, "usage: smtp_example [CODE PHRASE]\n");
        return 2;
    }

    check(same(smtp_reply_reason(SMTP_REPLY_OK),
               "Requested mail action okay completed"),
          "reason of 250");
    check(same(smtp_reply_name(421), "NOT_AVAILABLE"), "name of 421");
    check(smtp_reply_class_of(421) == SMTP_REPLY_CLASS_TRANSIENT,
          "class of 421");
    check(smtp_reply_class_of(599) == SMTP_REPLY_CLASS_PERMANENT,
          "class of an unregistered 5xx");
    check((smtp_reply_traits(450) & SMTP_REPLY_TRAIT_RETRY) != 0,
          "450 may be retried");
    check(smtp_reply_traits(550) == 0, "550 has no trait");
    check(smtp_reply_from_name("MAILBOX_BUSY") == 450, "from_name");
    check(smtp_reply_from_reason("start MAIL input") == 354, "from_reason");
    check(smtp_reply_reason(404) == NULL, "404 is not an SMTP reply");

    check(same(http_status_reason(HTTP_STATUS_NOT_FOUND), "Not Found"),
          "HTTP reason of 404");
    check(http_status_from_name("NOT_FOUND") == 404, "HTTP from_name");

    if (failures == 0)
        printf("smtp_example: %d SMTP codes, all checks passed\n",
               SMTP_REPLY_COUNT);
    return failures == 0 ? 0 : 1;
}
