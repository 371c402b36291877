#include "mini.h"

#include <stdio.h>

int main(void)
{
    const char *r = mini_reason(1);

    printf("%s\n", r ? r : "(none)");
    return 0;
}
