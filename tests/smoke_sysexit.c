/*
 * smoke_sysexit.c - a plain program over the generated sysexit API (the
 * non-HTTP fixture), built by the compile matrix in every mode.
 */
#include "sysexit.h"

#include <stdio.h>
#include <string.h>

int main(void)
{
    int bad = 0;

    bad |= strcmp(sysexit_reason(SYSEXIT_USAGE), "Command line usage error");
    bad |= sysexit_from_name("TEMPFAIL") != 75;
    bad |= sysexit_class_of(64) != SYSEXIT_CLASS_SYSEXITS;
    bad |= sysexit_traits(75) != SYSEXIT_TRAIT_TRANSIENT;
    bad |= sysexit_reason(3) != NULL;
    bad |= !sysexit_is_sysexits(64) || sysexit_is_success(64);
    bad |= !sysexit_is_error(64) || sysexit_is_error(0);
    bad |= sysexit_status_of(130) != SYSEXIT_LIFECYCLE_UNOFFICIAL;
    bad |= sysexit_reference(3) != NULL;
    bad |= sysexit_from_reason("software bug") != SYSEXIT_SOFTWARE;
    if (bad)
        fprintf(stderr, "smoke_sysexit: wrong answer\n");
    return bad != 0;
}
