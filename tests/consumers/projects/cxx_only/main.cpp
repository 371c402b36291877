// Links the generated registry into a C++ program.
#include "smtp_reply.h"

#include <cstdio>
#include <cstring>

int main()
{
    const char *r = smtp_reply_reason(SMTP_REPLY_OK);

    if (r == NULL || std::strcmp(r, "Requested mail action okay completed")) {
        std::fprintf(stderr, "cxx_app: wrong reason for 250\n");
        return 1;
    }
    return smtp_reply_from_name("OK") == 250 ? 0 : 1;
}
