/* The HTTP registry with the overlay's three unofficial codes. */
#include "http_status.h"

#include <stdio.h>

int main(void)
{
    static const int codes[] = {404, 419, 420, 429, 440};
    size_t i;

    for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
        printf("%d %s (HTTP_STATUS_%s)\n", codes[i],
               http_status_reason(codes[i]), http_status_name(codes[i]));
    /* the added codes are known, unofficial, and found by their phrases */
    return !(http_status_is_known(HTTP_STATUS_PAGE_EXPIRED) &&
             http_status_status_of(420) == HTTP_STATUS_LIFECYCLE_UNOFFICIAL &&
             http_status_class_of(440) == HTTP_STATUS_CLASS_CLIENT_ERROR &&
             http_status_from_reason("enhance your calm") == 420 &&
             HTTP_STATUS_COUNT == 69);
}
