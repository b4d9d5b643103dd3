/* suggest.c - nearest names by optimal-string-alignment distance. */
#include "suggest.h"

#include <string.h>

enum { MAX_LEN = 64 };

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static unsigned min3(unsigned a, unsigned b, unsigned c)
{
    unsigned m = a < b ? a : b;
    return m < c ? m : c;
}

/* Distance between a and b, ignoring case (both at most MAX_LEN). */
static unsigned distance(const char *a, size_t n, const char *b, size_t m)
{
    unsigned rows[3][MAX_LEN + 1];
    unsigned *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= m; j++)
        prev[j] = (unsigned)j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = (unsigned)i;
        for (size_t j = 1; j <= m; j++) {
            unsigned cost = lower(a[i - 1]) != lower(b[j - 1]);
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]) && prev2[j - 2] + 1 < cur[j])
                cur[j] = prev2[j - 2] + 1;
        }
        unsigned *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[m];
}

uint32_t casc_suggest(const char *name, size_t len, const char *const *candidates, uint32_t n,
                      const char **out)
{
    if (len > MAX_LEN)
        return 0;
    unsigned limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
    unsigned best[CASC_MAX_SUGGESTIONS];
    uint32_t found = 0;
    for (uint32_t i = 0; i < n; i++) {
        size_t m = strlen(candidates[i]);
        if (m > MAX_LEN)
            continue;
        unsigned d = distance(name, len, candidates[i], m);
        if (d > limit)
            continue;
        /* Insert in order of distance, keeping the model's order on ties. */
        uint32_t at = found;
        while (at > 0 && best[at - 1] > d)
            at--;
        if (at >= CASC_MAX_SUGGESTIONS)
            continue;
        uint32_t last = found < CASC_MAX_SUGGESTIONS ? found : CASC_MAX_SUGGESTIONS - 1;
        for (uint32_t k = last; k > at; k--) {
            best[k] = best[k - 1];
            out[k] = out[k - 1];
        }
        best[at] = d;
        out[at] = candidates[i];
        if (found < CASC_MAX_SUGGESTIONS)
            found++;
    }
    return found;
}
