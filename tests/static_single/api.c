/*
 * api.c - the single header's implementation with every declaration
 * decorated by HTTP_STATUS_API: built into a shared object with
 * -fvisibility=hidden, it exports the lookups only because the
 * decoration says so (run.sh also builds it with the plain extern).
 */
#if !defined(HTTP_STATUS_API) && defined(__GNUC__)
#define HTTP_STATUS_API extern __attribute__((visibility("default")))
#endif
#define HTTP_STATUS_IMPLEMENTATION
#include "http_status_single.h"
