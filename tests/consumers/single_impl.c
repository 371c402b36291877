/* The translation unit with the definitions of the single header; it is
 * included twice to check the guards. */
#define HTTP_STATUS_IMPLEMENTATION
/* clang-format off */
#include "http_status_single.h"
#include "http_status_single.h"
/* clang-format on */

/* Something of this unit's own, so that main can check that both units
 * were linked. */
int single_impl_reason_is(int code, const char *phrase);

int single_impl_reason_is(int code, const char *phrase)
{
    const char *r = http_status_reason(code);
    const char *p = phrase;

    if (r == 0)
        return phrase == 0;
    while (*r != '\0' && *r == *p) {
        r++;
        p++;
    }
    return *r == *p;
}
