/* progress.h - the line on standard error that shows a long statement at
 * work: elapsed time, state, rows so far. Only on a terminal, only once
 * the statement has run for a moment, and erased when it ends. */
#ifndef CASC_RT_PROGRESS_H
#define CASC_RT_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>

typedef struct rt_progress {
    FILE *f;      /* NULL: no progress line */
    double start; /* rt_clock() when the statement was submitted */
    double last;  /* when the line was last drawn */
    bool shown;
    bool rows_on_tty; /* the rows go to a terminal too: no line once they come */
} rt_progress;

/* A progress line on f if it is a terminal (else none); out is where the
 * rows go. */
void rt_progress_init(rt_progress *p, FILE *f, FILE *out);
/* Redraw the line if it is time to. */
void rt_progress_update(rt_progress *p, const char *state, unsigned long long rows);
/* Erase the line (before other output to the same terminal, and at the end). */
void rt_progress_clear(rt_progress *p);

#endif
