/* selftest.h - checks of the evaluator's own arithmetic (selftest.c). */
#ifndef SEM_SELFTEST_H
#define SEM_SELFTEST_H

/* Add the checks that pass and fail (each printed) to the counts. */
void sem_selftest(int *passed, int *failed);

#endif
