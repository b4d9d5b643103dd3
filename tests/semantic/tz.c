/* tz.c - time zones and calendars (see tz.h). */
#include "tz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "timelit.h"

int64_t sem_floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b < 0);
}

/* Howard Hinnant's civil-date algorithms (proleptic Gregorian). */
int64_t sem_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = sem_floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void sem_civil_from_days(int64_t days, int *y, int *m, int *d)
{
    days += 719468;
    int64_t era = sem_floor_div(days, 146097);
    int64_t doe = days - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ---- zones ---- */

enum { CACHE_DAYS = 80000, MAX_ZONES = 16 }; /* day starts 1860..2079 */
#define UNKNOWN INT64_MIN

typedef struct zone_cache {
    char name[64];
    sem_time *day_start; /* CACHE_DAYS entries from day -CACHE_DAYS/2 */
} zone_cache;

static zone_cache zones[MAX_ZONES];
static zone_cache *current;

static void free_zones(void)
{
    for (int i = 0; i < MAX_ZONES; i++)
        free(zones[i].day_start);
}

bool tz_select(const char *zone)
{
    if (current && strcmp(current->name, zone) == 0)
        return true;
    char path[128];
    snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone);
    if (strlen(zone) >= sizeof current->name || (strcmp(zone, "UTC") && access(path, R_OK)))
        return false;
    int i = 0;
    while (i < MAX_ZONES && zones[i].name[0] && strcmp(zones[i].name, zone))
        i++;
    if (i == MAX_ZONES)
        return false;
    if (!zones[i].name[0]) {
        if (i == 0)
            atexit(free_zones);
        snprintf(zones[i].name, sizeof zones[i].name, "%s", zone);
        zones[i].day_start = malloc(CACHE_DAYS * sizeof *zones[i].day_start);
        if (!zones[i].day_start)
            return false;
        for (int k = 0; k < CACHE_DAYS; k++)
            zones[i].day_start[k] = UNKNOWN;
    }
    current = &zones[i];
    setenv("TZ", zone, 1);
    tzset();
    return true;
}

/* Seconds east of UTC at instant t (seconds). */
static int64_t offset_at(int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!localtime_r(&tt, &tm))
        return 0;
    int64_t wall = sem_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 86400 +
                   tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    return wall - t;
}

sem_time tz_to_wall(sem_time instant)
{
    return instant + offset_at(sem_floor_div(instant, SEM_NS_PER_SEC)) * SEM_NS_PER_SEC;
}

sem_time tz_from_wall(sem_time wall)
{
    int64_t s = sem_floor_div(wall, SEM_NS_PER_SEC);
    /* The offsets a day before and a day after: around a change they are
     * the offsets before and after it. */
    sem_time before = wall - offset_at(s - 86400) * SEM_NS_PER_SEC;
    sem_time after = wall - offset_at(s + 86400) * SEM_NS_PER_SEC;
    bool b_ok = tz_to_wall(before) == wall, a_ok = tz_to_wall(after) == wall;
    if (b_ok && a_ok)
        return before > after ? before : after; /* repeated: the second one */
    if (a_ok)
        return after;
    return before; /* valid, or skipped: read with the offset before */
}

sem_time tz_day_start(int64_t day)
{
    int64_t i = day + CACHE_DAYS / 2;
    if (i < 0 || i >= CACHE_DAYS)
        return tz_from_wall(day * SEM_NS_PER_DAY);
    if (current->day_start[i] == UNKNOWN)
        current->day_start[i] = tz_from_wall(day * SEM_NS_PER_DAY);
    return current->day_start[i];
}

/* ---- calendar ---- */

sem_time cal_step(sem_time wall, int64_t n, casc_unit unit)
{
    int64_t day = sem_floor_div(wall, SEM_NS_PER_DAY);
    sem_time time_of_day = wall - day * SEM_NS_PER_DAY;
    if (unit == CASC_UNIT_DAY || unit == CASC_UNIT_WEEK)
        return wall + (unit == CASC_UNIT_WEEK ? 7 : 1) * n * SEM_NS_PER_DAY;
    int64_t months = n * (unit == CASC_UNIT_QUARTER ? 3 : unit == CASC_UNIT_YEAR ? 12 : 1);
    int y, m, d;
    sem_civil_from_days(day, &y, &m, &d);
    int64_t index = (int64_t)y * 12 + (m - 1) + months;
    int ny = (int)sem_floor_div(index, 12), nm = (int)(index - (int64_t)ny * 12) + 1;
    int nd = d < casc_days_in_month(ny, nm) ? d : casc_days_in_month(ny, nm);
    return sem_days_from_civil(ny, nm, nd) * SEM_NS_PER_DAY + time_of_day;
}

sem_time cal_start(sem_time wall, casc_unit unit)
{
    int64_t day = sem_floor_div(wall, SEM_NS_PER_DAY);
    int y, m, d;
    sem_civil_from_days(day, &y, &m, &d);
    switch (unit) {
    case CASC_UNIT_MINUTE: return sem_floor_div(wall, 60 * SEM_NS_PER_SEC) * 60 * SEM_NS_PER_SEC;
    case CASC_UNIT_HOUR: return sem_floor_div(wall, 3600 * SEM_NS_PER_SEC) * 3600 * SEM_NS_PER_SEC;
    case CASC_UNIT_DAY: break;
    case CASC_UNIT_WEEK:
        day -= day + 3 - sem_floor_div(day + 3, 7) * 7;
        break; /* day 0 is a Thursday */
    case CASC_UNIT_MONTH: day = sem_days_from_civil(y, m, 1); break;
    case CASC_UNIT_QUARTER: day = sem_days_from_civil(y, (m - 1) / 3 * 3 + 1, 1); break;
    case CASC_UNIT_YEAR: day = sem_days_from_civil(y, 1, 1); break;
    }
    return day * SEM_NS_PER_DAY;
}
