/*
 * test_cxx_ns.cpp - the HTTP header under HTTP_STATUS_NAMESPACE, in a
 * translation unit of its own, linked with test_cxx.cpp (which includes
 * it in the default namespace): the two must not clash.
 */
#define HTTP_STATUS_NAMESPACE other::http
#include "http_status.hpp"

int test_cxx_ns(int code);

/* The code whose phrase is code's phrase, or -1: a round trip. */
int test_cxx_ns(int code)
{
    std::optional<other::http::code> c =
        other::http::from_reason(other::http::reason(code));

    return c ? static_cast<int>(*c) : -1;
}
