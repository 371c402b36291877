/* SPDX-License-Identifier: MIT */
/*
 * timeit.c - runs a command several times; prints the best wall time in
 * seconds and the largest peak resident set size in KiB (the figure GNU
 * time -v reports as "Maximum resident set size", from wait4's rusage).
 * Exits nonzero when any run fails.
 *
 * Usage: timeit RUNS COMMAND [ARG...]
 * Output: "<best seconds> <peak KiB>"
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int runs, i;
    double best = -1.0;
    long peak = 0;

    if (argc < 3 || (runs = atoi(argv[1])) < 1) {
        fprintf(stderr, "usage: timeit RUNS COMMAND [ARG...]\n");
        return 2;
    }
    for (i = 0; i < runs; i++) {
        struct rusage ru;
        int status;
        double t0 = now(), t;
        pid_t pid = fork();

        if (pid < 0) {
            perror("fork");
            return 2;
        }
        if (pid == 0) {
            if (freopen("/dev/null", "w", stdout) == NULL)
                _exit(127);
            execvp(argv[2], argv + 2);
            perror(argv[2]);
            _exit(127);
        }
        if (wait4(pid, &status, 0, &ru) < 0) {
            perror("wait4");
            return 2;
        }
        t = now() - t0;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "timeit: %s failed\n", argv[2]);
            return 1;
        }
        if (best < 0 || t < best)
            best = t;
        if (ru.ru_maxrss > peak)
            peak = ru.ru_maxrss;
    }
    printf("%.4f %ld\n", best, peak);
    return 0;
}
