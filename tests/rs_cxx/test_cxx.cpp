/*
 * test_cxx.cpp - the generated HTTP header's C++ API: every lookup is
 * constexpr (the static_asserts are the test: this file does not compile
 * otherwise), and the header lives beside the C header and the C source
 * in one program.  cxx_strict.sh builds it with test_cxx_ns.cpp (the
 * header again, in HTTP_STATUS_NAMESPACE) and http_status.c, and runs it.
 */
#include "http_status.h"
#include "http_status.hpp"

#include <cstdio>
#include <cstring>
#include <optional>
#include <string_view>

namespace hs = statusgen::http_status;

int test_cxx_ns(int code); /* test_cxx_ns.cpp */

static_assert(hs::reason(404) == "Not Found");
static_assert(hs::reason(hs::code::not_found) == "Not Found");
static_assert(hs::reason(299).empty() && hs::reason(-1).empty());
static_assert(hs::name(413) == "CONTENT_TOO_LARGE");
static_assert(hs::to_string(hs::code::im_a_teapot) == "418 I'm a teapot");
static_assert(hs::to_string(299).empty());
static_assert(static_cast<int>(hs::http_status_code::not_found) == 404);
static_assert(hs::from_name("NOT_FOUND") == hs::code::not_found);
static_assert(hs::from_name("PAYLOAD_TOO_LARGE") == hs::code::content_too_large);
static_assert(!hs::from_name("not_found"));
static_assert(hs::from_reason("not FOUND") == hs::code::not_found);
static_assert(hs::from_reason("Payload Too Large") == hs::code::content_too_large);
static_assert(!hs::from_reason("Not Found "));
static_assert(hs::class_of(404) == hs::code_class::client_error);
static_assert(hs::class_of(299) == hs::code_class::successful);
static_assert(hs::class_of(600) == hs::code_class::none);
static_assert(hs::is_client_error(499) && !hs::is_client_error(500));
static_assert(hs::is_error(503) && !hs::is_error(302));
static_assert(hs::is_redirection(hs::code::found));
static_assert(hs::traits(204) == (hs::trait::no_body | hs::trait::cacheable));
static_assert(hs::traits(299) == 0u);
static_assert(hs::status_of(305) == hs::lifecycle::deprecated);
static_assert(hs::status_of(449) == hs::lifecycle::unofficial);
static_assert(hs::status_of(299) == hs::lifecycle::none);
static_assert(hs::reference(404) == "RFC 9110, Section 15.5.5");
static_assert(hs::is_known(449) && !hs::is_known(299));
static_assert(hs::description(404, "zh_CN.UTF-8") == hs::description(404, "zh"));
static_assert(hs::description(404, "ZH") == hs::description(404, "zh"));
static_assert(hs::description(404, "zh") != hs::description(404));
static_assert(hs::description(404, "xx") == hs::description(404));
static_assert(hs::description(404, "en") == hs::description(404));
static_assert(hs::description(299, "zh").empty());
static_assert(hs::spec_id == HTTP_STATUS_SPEC_ID);
/* the grpc field: gRPC's mapping, UNKNOWN (2) for any other code */
static_assert(hs::grpc(404) == 12);
static_assert(hs::grpc(429) == 14);
static_assert(hs::grpc(418) == 2 && hs::grpc(299) == 2);
static_assert(hs::grpc(hs::code::unauthorized) == 16);

int main()
{
    int failed = 0;
    int code;

    /* The same answers as the C functions, linked in. */
    for (code = 90; code < 610; code++) {
        const char *r = http_status_reason(code);
        const char *d = http_status_description(code, "ru");

        if (hs::reason(code) != (r ? r : "") ||
            hs::description(code, "ru") != (d ? d : "") ||
            static_cast<int>(hs::class_of(code)) !=
                static_cast<int>(http_status_class_of(code)) ||
            hs::traits(code) != http_status_traits(code)) {
            std::printf("test_cxx: %d differs from the C\n", code);
            failed = 1;
        }
    }
    /* The header in another namespace, in another translation unit. */
    if (test_cxx_ns(404) != 404 || test_cxx_ns(299) != -1) {
        std::printf("test_cxx: HTTP_STATUS_NAMESPACE\n");
        failed = 1;
    }
    if (!failed)
        std::printf("test_cxx: the C++ header answers like the C\n");
    return failed;
}
