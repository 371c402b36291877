/* SPDX-License-Identifier: MIT */
/* naive.h - linear-scan lookups, the baseline of the benchmark. */
#ifndef BENCH_NAIVE_H
#define BENCH_NAIVE_H

const char *naive_reason(int code);
const char *naive_name(int code);
int naive_from_name(const char *name);
int naive_from_reason(const char *phrase);

#endif
