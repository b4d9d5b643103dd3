/* clock.h - tests/semantic/clock.txt: the pinned nows, the rule zones and
 * the window counts per unit that both the data and the rules use. */
#ifndef SEM_CLOCK_H
#define SEM_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"

enum { SEM_CLOCK_MAX = 16 };

typedef struct sem_clock {
    char now[SEM_CLOCK_MAX][48]; /* --now literals */
    casc_timelit now_lit[SEM_CLOCK_MAX];
    uint32_t nnow;
    char zone[SEM_CLOCK_MAX][48];
    uint32_t nzone;
    int64_t step[CASC_UNIT_YEAR + 1][SEM_CLOCK_MAX]; /* counts per unit */
    uint32_t nstep[CASC_UNIT_YEAR + 1];
} sem_clock;

/* Read path into c; false after printing what is wrong. */
bool sem_clock_read(const char *path, sem_clock *c);

#endif
