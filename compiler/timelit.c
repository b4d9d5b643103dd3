/* timelit.c - parse and validate date/timestamp literals. */
#include "timelit.h"

#include <stdio.h>

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

bool casc_is_leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int casc_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && casc_is_leap_year(year) ? 29 : days[month - 1];
}

/* Read exactly n digits at *p. */
static bool digits(const char **p, const char *end, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (*p >= end || **p < '0' || **p > '9')
            return false;
        v = v * 10 + (*(*p)++ - '0');
    }
    *out = v;
    return true;
}

static bool fail(char *buf, size_t size, const char *msg)
{
    snprintf(buf, size, "%s", msg);
    return false;
}

bool casc_timelit_parse(const char *s, size_t n, casc_timelit *out, char *why, size_t why_size)
{
    static const char shape[] = "expected a date YYYY-MM-DD or a timestamp YYYY-MM-DDThh:mm:ss";
    const char *p = s, *end = s + n;
    int y, mo, d;
    *out = (casc_timelit){0};
    if (!digits(&p, end, 4, &y) || p >= end || *p++ != '-' || !digits(&p, end, 2, &mo) ||
        p >= end || *p++ != '-' || !digits(&p, end, 2, &d))
        return fail(why, why_size, shape);
    if (mo < 1 || mo > 12) {
        snprintf(why, why_size, "there is no month %d", mo);
        return false;
    }
    if (d < 1 || d > casc_days_in_month(y, mo)) {
        snprintf(why, why_size, "%s %d has %d days", month_names[mo - 1], y,
                 casc_days_in_month(y, mo));
        return false;
    }
    out->year = y;
    out->month = (unsigned char)mo;
    out->day = (unsigned char)d;
    if (p == end)
        return true;

    int h, mi, sec;
    if ((*p != 'T' && *p != 't' && *p != ' ') || (p++, !digits(&p, end, 2, &h)) || p >= end ||
        *p++ != ':' || !digits(&p, end, 2, &mi) || p >= end || *p++ != ':' ||
        !digits(&p, end, 2, &sec))
        return fail(why, why_size, shape);
    if (h > 23 || mi > 59 || sec > 59)
        return fail(why, why_size, "the time of day must be between 00:00:00 and 23:59:59");
    out->has_time = true;
    out->hour = (unsigned char)h;
    out->minute = (unsigned char)mi;
    out->second = (unsigned char)sec;
    if (p < end && *p == '.') {
        p++;
        int k = 0;
        uint32_t ns = 0;
        while (p < end && *p >= '0' && *p <= '9') {
            if (k++ >= 9)
                return fail(why, why_size, "a fraction of a second has at most 9 digits");
            ns = ns * 10 + (uint32_t)(*p++ - '0');
        }
        if (k == 0)
            return fail(why, why_size, shape);
        for (; k < 9; k++)
            ns *= 10;
        out->nanos = ns;
    }
    if (p == end)
        return true;
    out->has_zone = true;
    if ((*p == 'Z' || *p == 'z') && p + 1 == end)
        return true;
    if (*p != '+' && *p != '-')
        return fail(why, why_size, "expected a zone Z, +hh:mm or -hhmm after the time");
    int sign = *p++ == '-' ? -1 : 1, zh, zm;
    if (!digits(&p, end, 2, &zh))
        return fail(why, why_size, "expected a zone Z, +hh:mm or -hhmm after the time");
    if (p < end && *p == ':')
        p++;
    if (!digits(&p, end, 2, &zm) || p != end)
        return fail(why, why_size, "expected a zone Z, +hh:mm or -hhmm after the time");
    if (zh > 18 || zm > 59 || (zh == 18 && zm))
        return fail(why, why_size, "a zone offset is at most 18 hours");
    out->zone_minutes = (int16_t)(sign * (zh * 60 + zm));
    return true;
}
