/*
 * cli_main.c - statusgen's command line as a function, statusgen_main(),
 * so that alloc_walk can run it many times in one process.
 */
#define main statusgen_main
int statusgen_main(int argc, char **argv);
#include "../../generator/main.c"
