/*
 * check_functions.c - calls every lookup that statusgen --functions kept
 * in http_status.h: FN_<WORD> is defined (-DFN_REASON ...) for each word
 * of the run's list.  Returns nonzero on the first wrong answer.
 */
#include "http_status.h"

#include <stdio.h>
#include <string.h>

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,          \
                    __LINE__, #cond);                                      \
            return 1;                                                      \
        }                                                                  \
    } while (0)

int main(void)
{
    int checked = 0;

#ifdef FN_REASON
    CHECK(strcmp(http_status_reason(404), "Not Found") == 0);
    CHECK(strcmp(http_status_reason(511), "Network Authentication Required")
          == 0);
    CHECK(http_status_reason(999) == NULL && http_status_reason(-1) == NULL);
    checked++;
#endif
#ifdef FN_NAME
    CHECK(strcmp(http_status_name(413), "CONTENT_TOO_LARGE") == 0);
    CHECK(http_status_name(299) == NULL);
    checked++;
#endif
#ifdef FN_DESCRIPTION
#ifdef NO_DESCRIPTIONS
    CHECK(http_status_description(404, "en") == NULL);
#else
    CHECK(http_status_description(404, NULL) != NULL);
    CHECK(http_status_description(404, "zh_CN.UTF-8") !=
          http_status_description(404, "en"));
    CHECK(http_status_description(299, "ru") == NULL);
#endif
    checked++;
#endif
#ifdef FN_CLASS
    CHECK(http_status_class_of(503) == HTTP_STATUS_CLASS_SERVER_ERROR);
    CHECK(http_status_class_of(42) == HTTP_STATUS_CLASS_NONE);
    CHECK(http_status_is_client_error(499) && http_status_is_error(500));
    CHECK(!http_status_is_error(302) && http_status_is_redirection(302));
    checked++;
#endif
#ifdef FN_TRAITS
    CHECK((http_status_traits(204) & HTTP_STATUS_TRAIT_NO_BODY) != 0);
    CHECK(http_status_traits(299) == 0);
    checked++;
#endif
#ifdef FN_IS_KNOWN
    CHECK(http_status_is_known(418) && !http_status_is_known(419));
    checked++;
#endif
#ifdef FN_STATUS
    CHECK(http_status_status_of(305) == HTTP_STATUS_LIFECYCLE_DEPRECATED);
    CHECK(http_status_status_of(999) == HTTP_STATUS_LIFECYCLE_NONE);
    checked++;
#endif
#ifdef FN_REFERENCE
    CHECK(strcmp(http_status_reference(404), "RFC 9110, Section 15.5.5")
          == 0);
    CHECK(http_status_reference(299) == NULL);
    checked++;
#endif
#ifdef FN_FROM_NAME
    CHECK(http_status_from_name("NOT_FOUND") == 404);
    CHECK(http_status_from_name("PAYLOAD_TOO_LARGE") == 413);
    CHECK(http_status_from_name("NOT_FOUNDX") == -1);
    CHECK(http_status_from_name(NULL) == -1);
    checked++;
#endif
#ifdef FN_FROM_REASON
    CHECK(http_status_from_reason("not FOUND") == 404);
    CHECK(http_status_from_reason("Payload Too Large") == 413);
    CHECK(http_status_from_reason("Not Foun") == -1);
    checked++;
#endif
#ifdef FN_CODES
    CHECK(http_status_codes[0] == 100);
    CHECK(http_status_codes[HTTP_STATUS_COUNT - 1] == 511);
    checked++;
#endif
    CHECK(checked > 0);
    return 0;
}
