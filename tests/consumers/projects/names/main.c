/* Uses the project's own http_status library, statusgen's and a registry
 * generated at build time. */
#include "http_status.h"
#include "mini.h"

#include <stdio.h>
#include <string.h>

int own_http_status(void);

int main(void)
{
    const char *r = http_status_reason(own_http_status());
    const char *m = mini_reason(MINI_FINE);

    if (r == NULL || strcmp(r, "OK") != 0 || m == NULL ||
        strcmp(m, "Fine") != 0) {
        fprintf(stderr, "names_app: wrong lookups\n");
        return 1;
    }
    return 0;
}
