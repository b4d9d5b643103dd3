/* clock.c - read clock.txt (see clock.h). */
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timelit.h"

static bool bad(const char *path, int line, const char *what)
{
    fprintf(stderr, "%s:%d: %s\n", path, line, what);
    return false;
}

bool sem_clock_read(const char *path, sem_clock *c)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return bad(path, 0, "cannot open");
    memset(c, 0, sizeof *c);
    char line[256], why[96];
    bool ok = true;
    for (int n = 1; ok && fgets(line, sizeof line, f); n++) {
        char kind[16], value[48];
        int used;
        if (line[0] == '#' || sscanf(line, "%15s %47s%n", kind, value, &used) != 2)
            continue;
        if (!strcmp(kind, "now") && c->nnow < SEM_CLOCK_MAX) {
            ok = casc_timelit_parse(value, strlen(value), &c->now_lit[c->nnow], why, sizeof why);
            snprintf(c->now[c->nnow++], sizeof c->now[0], "%s", value);
        } else if (!strcmp(kind, "zone") && c->nzone < SEM_CLOCK_MAX) {
            snprintf(c->zone[c->nzone++], sizeof c->zone[0], "%s", value);
        } else if (!strcmp(kind, "step")) {
            int u = 0;
            while (u <= CASC_UNIT_YEAR && strcmp(casc_unit_name((casc_unit)u), value))
                u++;
            ok = u <= CASC_UNIT_YEAR;
            for (char *p = line + used, *end; ok && c->nstep[u] < SEM_CLOCK_MAX; p = end) {
                long long k = strtoll(p, &end, 10);
                if (end == p)
                    break;
                c->step[u][c->nstep[u]++] = k;
            }
        } else {
            ok = false;
        }
        if (!ok)
            bad(path, n, "expected 'now TIMESTAMP', 'zone NAME' or 'step UNIT N...'");
    }
    fclose(f);
    bool steps = true;
    for (int u = 0; u <= CASC_UNIT_YEAR; u++)
        steps &= c->nstep[u] > 0;
    if (ok && (!c->nnow || !c->nzone || !steps))
        return bad(path, 0, "needs a now, a zone and the steps of every unit");
    return ok;
}
