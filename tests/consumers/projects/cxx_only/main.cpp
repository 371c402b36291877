// Links the generated registry into a C++ program, and uses the C++
// header beside the C one.
#include "smtp_reply.h"
#include "smtp_reply.hpp"

#include <cstdio>
#include <cstring>

namespace smtp = statusgen::smtp_reply;

static_assert(smtp::from_name("OK") == smtp::code::ok);
static_assert(smtp::spec_id == SMTP_REPLY_SPEC_ID);

int main()
{
    const char *r = smtp_reply_reason(SMTP_REPLY_OK);

    if (r == NULL || std::strcmp(r, "Requested mail action okay completed")) {
        std::fprintf(stderr, "cxx_app: wrong reason for 250\n");
        return 1;
    }
    if (smtp::reason(250) != r) {
        std::fprintf(stderr, "cxx_app: the C++ header differs from the C\n");
        return 1;
    }
    return smtp_reply_from_name("OK") == 250 ? 0 : 1;
}
