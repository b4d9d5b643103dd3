/* output.h - the shape of a query's result (docs/outputs.md), as the
 * options ask for it: which output, and its parameters checked for form.
 * Names in it (--by, --of, --columns, ...) are looked up in the model when
 * the plan is built (plan_output.c). */
#ifndef CASC_OUTPUT_H
#define CASC_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "casc.h"
#include "strbuf.h"

typedef enum {
    CASC_SELECT_MEMBERS,   /* the key (and --columns) of each profile */
    CASC_SELECT_COUNT,     /* the number of profiles */
    CASC_SELECT_BREAKDOWN, /* profiles per value (or bucket) of an attribute */
    CASC_SELECT_STATS,     /* count, sum, average, min, max of an attribute */
    CASC_SELECT_EVENTS,    /* the members' events of a behavior */
    CASC_SELECT_OVERLAP,   /* profiles per combination of several rules */
} casc_select;

/* A sample keeps the profiles whose hash h (0 <= h < 2^32) has lo <= h <
 * hi; hi = 2^32 has no upper bound. */
#define CASC_HASH_RANGE (UINT64_C(1) << 32)

typedef struct casc_output_request {
    casc_select select;
    const char *by;              /* BREAKDOWN: attribute name */
    uint32_t top;                /* BREAKDOWN: 0 = every value */
    uint32_t nbuckets;           /* BREAKDOWN: equal-width buckets; 0 = none */
    const char *const *edges;    /* BREAKDOWN: explicit bucket edges (number text) */
    uint32_t nedges;
    const char *of;              /* STATS: attribute name */
    const char *const *columns;  /* MEMBERS: attribute names */
    uint32_t ncolumns;
    bool has_limit;              /* MEMBERS */
    uint64_t limit;              /* rows, unless percent */
    bool limit_percent;
    uint32_t limit_bp;           /* percent, in basis points (1/100 %) */
    const char *order_by;        /* MEMBERS: attribute name; NULL: by key */
    bool descending;
    bool has_sample;
    uint64_t sample_lo, sample_hi; /* hash thresholds (see CASC_HASH_RANGE) */
    const char *seed;
    const char *behavior;        /* EVENTS: behavior name */
    uint32_t last;               /* EVENTS: 0 = every event */
} casc_output_request;

/* Read the output options of o (NULL: every default) into req. overlap:
 * for casc_overlap, which takes only the sample. On a malformed value or
 * an option that does not apply, returns false with the message appended
 * to why. Strings in req are o's or arena memory. */
bool casc_output_parse(casc_arena *arena, const casc_options *o, bool overlap,
                       casc_output_request *req, casc_strbuf *why);

/* The threshold of a share in basis points: the least h with h * 10000 >=
 * bp * 2^32, so that h < threshold(bp) exactly when h / 2^32 < bp / 10000. */
uint64_t casc_sample_threshold(uint32_t bp);

#endif
