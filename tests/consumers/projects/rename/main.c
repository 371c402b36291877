/* Uses the registry under the name it was generated with (REG_NAME). */
#include REG_HEADER

#include <stdio.h>
#include <string.h>

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)

int main(void)
{
    const char *r = CAT(REG_NAME, _reason)(REPLY_OK);

    if (r == NULL || strcmp(r, "Okay") != 0) {
        fprintf(stderr, "rename_app: wrong reason for 250\n");
        return 1;
    }
    return 0;
}
