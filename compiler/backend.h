/* backend.h - what one SQL dialect must say for itself.
 *
 * A backend is data: its name, how it quotes, its reserved words, how it
 * spells time units, and a template per construct whose spelling differs
 * between warehouses (as PRQL's std.sql does). The generator (sqlgen.c)
 * writes everything else the same way for all. Adding a dialect is one
 * backend_NAME.c file and one entry in backends.c.
 *
 * Times in generated SQL are "naive UTC" timestamps (TIMESTAMP without zone
 * holding UTC): that is what event tables store, so bounds are converted and
 * columns stay bare for partition pruning. */
#ifndef CASC_BACKEND_H
#define CASC_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "strbuf.h"

/* Templates: {0}, {1}, {2} are replaced by the arguments. */
typedef enum {
    CASC_SQL_NOW,            /* the current time, naive UTC */
    CASC_SQL_TIMESTAMP,      /* {0} 'YYYY-MM-DD HH:MM:SS[.ffffff]' -> naive timestamp */
    CASC_SQL_TO_LOCAL,       /* naive UTC {0} -> wall clock in zone {1} (a string) */
    CASC_SQL_FROM_LOCAL,     /* wall clock {0} in zone {1} -> naive UTC */
    CASC_SQL_CONVERT,        /* wall clock {0} in zone {1} -> wall clock in zone {2} */
    CASC_SQL_ADD,            /* {0} plus {1} (signed whole number) of unit {2} */
    CASC_SQL_ADD_ELAPSED,    /* {0} plus the time elapsed from {1} to {2} (any sign) */
    CASC_SQL_TRUNC,          /* {0} truncated to the start of unit {1} (not week) */
    CASC_SQL_WEEK_START,     /* {0} truncated to the Monday 00:00 that starts its week */
    CASC_SQL_DATE,           /* the date of timestamp {0} */
    CASC_SQL_EPOCH_SECONDS,  /* naive UTC {0} -> seconds since 1970, with fraction */
    CASC_SQL_EPOCH_MILLIS,   /* naive UTC {0} -> milliseconds since 1970 */
    CASC_SQL_CONTAINS,       /* string {0} contains literal {1}, exact case */
    CASC_SQL_STARTS_WITH,    /* string {0} starts with literal {1} */
    CASC_SQL_ENDS_WITH,      /* string {0} ends with literal {1} */
    CASC_SQL_LIKE,           /* {0} LIKE pattern {1}, which has no backslash */
    CASC_SQL_LIKE_ESCAPE,    /* {0} LIKE pattern {1}, backslash {2} escaping % _ \ */
    CASC_SQL_MATCHES,        /* regular expression {1} found anywhere in {0} */
    CASC_SQL_ARRAY_HAS,      /* array {0} has element {1} */
    CASC_SQL_ARRAY_EMPTY,    /* array {0} has no elements or is null (never null) */
    CASC_SQL_HASH32,         /* the first 8 hex digits of MD5({1} || text of {0}), a whole
                                number 0 to 2^32 - 1 (docs/outputs.md, the sample) */
    CASC_SQL_TEMPLATES
} casc_sql_template;

/* Units as ADD and TRUNC spell them, indexed by casc_unit, then
 * microsecond. No week: the plan adds weeks as days, and WEEK_START
 * truncates to a week's start. */
#define CASC_SQL_MICROSECOND 7
#define CASC_SQL_UNITS 8

typedef struct casc_backend {
    const char *name;
    char quote;         /* identifier quote character, doubled inside */
    bool omit_database; /* one connection is one database */
    /* A profile's events in a window are read from an index on (key,
     * time), so after a conjunct on the profile's row "at least n events"
     * is asked first, of the index alone, stopping at the n-th
     * (plan_probe.c). Warehouses without such indexes read the events
     * once for all tests. */
    bool index_probes;
    const char *const *reserved; /* reserved words, lower case, sorted */
    size_t nreserved;
    const char *units[CASC_SQL_UNITS];
    const char *templates[CASC_SQL_TEMPLATES];
    /* Append s (n bytes of UTF-8) as one string literal with exactly that
     * value. */
    void (*string_literal)(casc_strbuf *out, const char *s, size_t n);
} casc_backend;

/* The backend called name, or NULL. */
const casc_backend *casc_backend_find(const char *name);
/* Append the names of all backends, for messages ("snowflake, ..."). */
void casc_backend_list(casc_strbuf *out);

/* Append name as an identifier: bare when it is a plain identifier that is
 * not reserved (so it folds as the user's own DDL does), else quoted. */
void casc_sql_ident(casc_strbuf *out, const casc_backend *b, const char *name, bool always_quote);
/* Does casc_sql_ident write name as it is? */
bool casc_sql_ident_bare(const casc_backend *b, const char *name, bool always_quote);
/* The same for every backend at once: bit casc_backend_bit(b) is set when
 * b writes name as it is; a backend outside the table has bit 0. */
uint32_t casc_backend_bare_set(const char *name, bool always_quote);
uint32_t casc_backend_bit(const casc_backend *b);
/* Append template t with its arguments substituted. */
void casc_sql_apply(casc_strbuf *out, const casc_backend *b, casc_sql_template t,
                    const char *const *args, size_t nargs);

/* String literal writers shared by backends. */
void casc_sql_string_doubled(casc_strbuf *out, const char *s, size_t n);   /* '' only */
void casc_sql_string_backslash(casc_strbuf *out, const char *s, size_t n); /* \' and \\ */
void casc_sql_string_doubled_backslash(casc_strbuf *out, const char *s, size_t n); /* '' and \\ */

#endif
