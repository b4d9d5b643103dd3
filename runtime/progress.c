/* progress.c - the progress line on a terminal. */
#include <unistd.h>

#include "connector.h"
#include "progress.h"

/* Shown after this long ("longer than a moment"), redrawn this often. */
static const double SHOW_AFTER = 1.0, REDRAW_EVERY = 0.25;

void rt_progress_init(rt_progress *p, FILE *f, FILE *out)
{
    *p = (rt_progress){isatty(fileno(f)) ? f : NULL, rt_clock(), 0, false, isatty(fileno(out))};
}

void rt_progress_update(rt_progress *p, const char *state, unsigned long long rows)
{
    double now = rt_clock();
    if (rows && p->rows_on_tty) {
        rt_progress_clear(p); /* the rows themselves show the progress */
        return;
    }
    if (!p->f || now - p->start < SHOW_AFTER || now - p->last < REDRAW_EVERY)
        return;
    /* \r and erase-to-end-of-line: the line is rewritten in place. */
    fprintf(p->f, "\r\033[Kcasc: %.1f s, %s, %llu row%s", now - p->start, state, rows,
            rows == 1 ? "" : "s");
    fflush(p->f);
    p->last = now;
    p->shown = true;
}

void rt_progress_clear(rt_progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", p->f);
        fflush(p->f);
        p->shown = false;
    }
}
