/* tz.h - instants, wall clocks and calendars for the reference evaluator.
 *
 * Times are nanoseconds since 1970-01-01T00:00:00Z. A wall-clock time (what
 * a clock in a zone shows) is held the same way, as if that clock were UTC.
 * Zones come from the system's tz database through TZ and localtime_r, so
 * one zone is current at a time (the harness is single-threaded).
 *
 * A wall-clock time that a DST change skips is read with the offset before
 * the change (02:30 becomes 03:30 new time); one that it repeats is the
 * second occurrence. PostgreSQL reads them the same way. */
#ifndef SEM_TZ_H
#define SEM_TZ_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"

typedef int64_t sem_time;

#define SEM_NS_PER_US INT64_C(1000)
#define SEM_NS_PER_SEC INT64_C(1000000000)
#define SEM_NS_PER_DAY (86400 * SEM_NS_PER_SEC)

int64_t sem_days_from_civil(int64_t y, int m, int d);
void sem_civil_from_days(int64_t days, int *y, int *m, int *d);
/* floor(a / b) for b > 0. */
int64_t sem_floor_div(int64_t a, int64_t b);

/* Make zone (an IANA name) current; false if the tz database lacks it. */
bool tz_select(const char *zone);
sem_time tz_to_wall(sem_time instant);
sem_time tz_from_wall(sem_time wall);
/* The instant a day (days since 1970-01-01) starts in the current zone. */
sem_time tz_day_start(int64_t day);

/* Calendar arithmetic on a wall-clock time: n days, weeks (7 days),
 * months, quarters (3 months) or years; a month step keeps the day of the
 * month unless the month is shorter (March 31 - 1 month = February 28/29).
 * Not for minutes and hours: they are elapsed time, added to an instant. */
sem_time cal_step(sem_time wall, int64_t n, casc_unit unit);
/* The start of the calendar unit (day, week from Monday, month, quarter,
 * year) holding wall. */
sem_time cal_start(sem_time wall, casc_unit unit);

#endif
