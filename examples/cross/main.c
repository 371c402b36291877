/*
 * main.c - a program cross-compiled with a registry generated on the host
 * (descriptions left out: LANGUAGES none) and the pre-built HTTP library.
 */
#include "http_status.h"
#include "smtp_reply.h"

#include <stdio.h>
#include <string.h>

int main(void)
{
    const char *smtp = smtp_reply_reason(SMTP_REPLY_OK);
    const char *http = http_status_reason(HTTP_STATUS_NOT_FOUND);

    if (smtp == NULL || http == NULL || strcmp(http, "Not Found") != 0 ||
        smtp_reply_description(SMTP_REPLY_OK, NULL) != NULL) {
        fprintf(stderr, "cross_example: wrong lookups\n");
        return 1;
    }
    printf("250 %s\n404 %s\n", smtp, http);
    return 0;
}
