/* timezone.h - is a name an IANA time zone the warehouses will know? */
#ifndef CASC_TIMEZONE_H
#define CASC_TIMEZONE_H

#include <stdbool.h>

/* True for "UTC" and for names in the system's IANA database
 * (/usr/share/zoneinfo, from Debian's tzdata), such as "America/New_York".
 * Abbreviations and offsets ("EST", "+09:00") are not zone names. */
bool casc_timezone_known(const char *name);

#endif
