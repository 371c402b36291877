/* SPDX-License-Identifier: MIT */
/* floor.h - hand-written dense-array lookups: the floor of the benchmark. */
#ifndef BENCH_FLOOR_H
#define BENCH_FLOOR_H

/* Fills the tables; call once before the lookups. */
void floor_init(void);

const char *floor_reason(int code);
const char *floor_name(int code);
unsigned floor_traits(int code);
int floor_is_known(int code);
int floor_class_of(int code);
const char *floor_description(int code);

#endif
