/* num.h - exact decimal numbers for the reference evaluator.
 *
 * A number is an int64 count of 10^-9 units, so every value of the fixture
 * data and every literal the generator writes is exact, and comparisons are
 * the exact comparisons of the numbers written (as PostgreSQL's numeric
 * makes them). A literal beyond that range or precision is refused, never
 * rounded. */
#ifndef SEM_NUM_H
#define SEM_NUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t sem_num;

#define SEM_NUM_ONE INT64_C(1000000000)

/* Parse `-12.5`, `1e6`, `2.5E-3` (the rule language's numbers, and the
 * data's). False when the text is not a number or its value is not a
 * multiple of 10^-9 below 9.2e9 in magnitude. */
bool sem_num_parse(const char *s, size_t n, sem_num *out);

/* Shortest plain text of v (`-0.5`, `12`), in buf of 32 bytes. */
const char *sem_num_format(sem_num v, char buf[32]);

static inline int sem_num_cmp(sem_num a, sem_num b)
{
    return (a > b) - (a < b);
}

/* Compare sum/n (n > 0) with v exactly. */
int sem_num_cmp_ratio(sem_num sum, int64_t n, sem_num v);

#endif
