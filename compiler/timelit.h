/* timelit.h - date and timestamp literals (spec §1): shape and calendar. */
#ifndef CASC_TIMELIT_H
#define CASC_TIMELIT_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"

/* Parse `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ss[.fraction][Z|+hh:mm|-hhmm]`
 * (a space may stand for the T) into out. On failure returns false and sets
 * *why to what is wrong, in words ("February 2026 has 28 days"); the
 * message is static or written into why_buf. */
bool casc_timelit_parse(const char *s, size_t n, casc_timelit *out, char *why_buf,
                        size_t why_size);

bool casc_is_leap_year(int year);
int casc_days_in_month(int year, int month);

#endif
