/* nest.h - deeply nested test input: nest(open, n, middle, close) is n
 * copies of open, middle, then n of close (malloc'd; aborts on failure). */
#ifndef CASC_TEST_NEST_H
#define CASC_TEST_NEST_H

#include <stdlib.h>

#include "strbuf.h"

static inline char *nest(const char *open, size_t n, const char *middle, const char *close)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    for (size_t i = 0; i < n; i++)
        casc_sb_puts(&sb, open);
    casc_sb_puts(&sb, middle);
    for (size_t i = 0; i < n; i++)
        casc_sb_puts(&sb, close);
    if (sb.failed)
        abort();
    return sb.data;
}

#endif
