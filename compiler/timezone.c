/* timezone.c - IANA zone names, looked up in the system's tz database. */
#include "timezone.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define ZONEINFO "/usr/share/zoneinfo/"

bool casc_timezone_known(const char *name)
{
    if (strcmp(name, "UTC") == 0)
        return true;
    /* Area/Location names only: letters, digits, _ + - and single slashes;
     * nothing that could walk out of the database directory. */
    size_t n = strlen(name);
    if (n == 0 || n > 64 || name[0] == '/' || name[0] == '.' || strstr(name, "..") ||
        strstr(name, "//"))
        return false;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '+' || *p == '-' || *p == '/'))
            return false;
    /* The database also holds tables and legacy links such as posixrules. */
    if (strchr(name, '.') || strncmp(name, "posix", 5) == 0 || strncmp(name, "right", 5) == 0)
        return false;
    char path[sizeof ZONEINFO + 64];
    snprintf(path, sizeof path, ZONEINFO "%s", name);
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}
