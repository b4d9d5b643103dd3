/* sqlgen.h - a plan rendered as one SQL statement for one backend. */
#ifndef CASC_SQLGEN_H
#define CASC_SQLGEN_H

#include "arena.h"
#include "backend.h"
#include "plan.h"

typedef struct casc_sql_options {
    const casc_backend *backend;
    const casc_timelit *now; /* pinned "now"; NULL: the warehouse's clock */
    const char *timezone;    /* IANA zone of calendars and zone-less times */
} casc_sql_options;

/* Append the statement (no trailing semicolon or newline). Returns false
 * when memory ran out. */
bool casc_sql_generate(casc_arena *arena, const casc_plan *plan, const casc_sql_options *o,
                       casc_strbuf *out);

#endif
