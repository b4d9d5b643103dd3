/* plan.h - what the SQL must compute, before any dialect's spelling (one
 * trait of the dialect, index_probes, chooses between forms).
 *
 * The plan normalizes a resolved rule: NOTs are pushed to the leaves with
 * the complement semantics of spec §7 (a negated leaf is true exactly where
 * its positive form is not, nulls included), AND/OR are flat, true/false are
 * folded. Time bounds are symbolic (now, offsets, calendar starts in the
 * rule's zone, literals), and every behavior condition becomes an aggregate
 * over one grouped scan of its table (or of one more: plan_exists.c,
 * plan_narrow.c, plan_probe.c), tested against the profile. Backends only
 * render this. */
#ifndef CASC_PLAN_H
#define CASC_PLAN_H

#include "arena.h"
#include "diag.h"
#include "output.h"
#include "resolved.h"

/* A point in time, symbolically. */
typedef enum {
    CASC_I_NOW,      /* now + offset units (calendar steps in the rule's zone) */
    CASC_I_CALENDAR, /* start of the calendar unit `offset` units from now's */
    CASC_I_LOCAL,    /* literal wall-clock time in the rule's zone, + offset days */
    CASC_I_INSTANT,  /* literal with its own zone */
} casc_instant_kind;

typedef struct casc_instant {
    casc_instant_kind kind;
    casc_unit unit; /* NOW, CALENDAR (never WEEK or QUARTER for NOW) */
    int64_t offset;
    casc_timelit lit; /* LOCAL, INSTANT */
} casc_instant;

typedef struct casc_bound {
    bool present, inclusive;
    casc_instant at;
} casc_bound;

typedef struct casc_range {
    casc_bound lo, hi;
} casc_range;

/* A column the SQL reads. */
typedef enum {
    CASC_SRC_MASTER,    /* the master table */
    CASC_SRC_ATTRIBUTE, /* attribute table number `index` */
    CASC_SRC_EVENT,     /* the event row inside a behavior scan */
} casc_col_source;

typedef struct casc_col {
    casc_col_source source;
    uint32_t index;
    const char *column;
    casc_type type;
    casc_time_storage storage; /* for time columns: how the time is stored */
    const char *zone;          /* timestamp columns: their zone, NULL = UTC */
} casc_col;

typedef enum {
    CASC_PL_AND,
    CASC_PL_OR,
    CASC_PL_TRUE,
    CASC_PL_FALSE,
    CASC_PL_PRED,    /* a predicate on a non-time value */
    CASC_PL_TIME,    /* a time column within a range */
    CASC_PL_AGG,     /* an aggregate of a behavior scan, tested */
    CASC_PL_SEGMENT, /* membership in a table segment */
    CASC_PL_SAMPLE,  /* the key's hash within a range (--sample) */
    CASC_PL_GROUP,   /* all tests of one scan's aggregates, answered in the scan */
} casc_pl_kind;

typedef enum {
    CASC_AGG_COUNT,
    CASC_AGG_COUNT_DISTINCT,
    CASC_AGG_SUM,
    CASC_AGG_AVG,
    CASC_AGG_MIN,
    CASC_AGG_MAX,
    CASC_AGG_FIRST_TIME, /* earliest event time */
    CASC_AGG_LAST_TIME,  /* latest event time */
} casc_agg_kind;

typedef struct casc_pnode casc_pnode;

struct casc_pnode {
    casc_pl_kind kind;
    bool negated; /* leaves: the exact complement */
    union {
        struct {
            casc_pnode **items;
            uint32_t n;
        } list;
        struct {
            casc_col col;
            casc_pred_op op; /* never WINDOW */
            const casc_value *values; /* as in the resolved tree */
            uint32_t nvalues;
        } pred;
        struct {
            casc_col col;
            casc_range range;
        } time;
        struct {
            uint32_t scan, agg; /* which scan, which of its aggregates */
            /* The test: a numeric comparison (ne: `!=`, which like every
             * comparison is false when the aggregate has no value), or
             * for FIRST/LAST a range (none: the time exists). */
            casc_op op;
            bool ne;
            const casc_value *lo, *hi; /* the measure's (hi: BETWEEN) */
            casc_range range;
        } agg;
        const casc_segment *segment;
        struct {
            uint32_t scan;
            casc_pnode *test; /* its AGG tests, as AND/OR of them */
        } group;
        struct {
            uint64_t lo, hi; /* lo <= hash < hi (output.h) */
            const char *seed;
        } sample;
    } u;
};

typedef struct casc_aggregate {
    casc_agg_kind kind;
    casc_col field;      /* COUNT_DISTINCT..MAX; FIRST/LAST: the event time */
    casc_pnode *filter;  /* over event columns; NULL: every event */
    bool has_window;
    casc_range window;   /* events counted: time within this range */
} casc_aggregate;

/* How the SQL reads a scan; each is one read of the table (the choice is
 * measured in BENCHMARKS.md). */
typedef enum {
    /* Grouped by key and left-joined to the profiles: tests read its
     * aggregates as columns. */
    CASC_SCAN_JOIN,
    /* Its one aggregate is tested once, for "some event", in the WHERE:
     * key IN (...) or NOT EXISTS (...), which engines answer without
     * grouping every profile's events; as the plan's driver, a join of the
     * distinct keys of its events. */
    CASC_SCAN_SEMI_JOIN,
    /* Every test of its aggregates is in conjuncts of the rule made of
     * nothing else (a GROUP node), answered in the scan. After a conjunct
     * that likely keeps few profiles (a window or comparison on the
     * profile's own row; else a positive "some event" in a window, the
     * plan's driver): a subquery correlated by key, which engines run (or
     * decorrelate) for the remaining profiles only, over their events
     * alone. */
    CASC_SCAN_CORRELATED,
    /* Else, when together the tests fail without events: key IN (... GROUP
     * BY key HAVING tests), so no profile's aggregates travel to a join. */
    CASC_SCAN_GROUPED,
    /* Its tests are one part of an OR (or of an AND inside one) that fails
     * without events: a grouped join keeping only the keys that pass it
     * (HAVING), tested as "joined", so the join carries few rows. Tests
     * that hold without events (anywhere but after a narrowing conjunct):
     * the join keeps the keys failing them, tested as "not joined". */
    CASC_SCAN_FILTERED,
    /* Its one aggregate, a count of every event in a window, is tested
     * once, for "at least at_least events", in the WHERE: EXISTS of the
     * at_least-th event, which PostgreSQL finds in its (key, time) index
     * alone (plan_probe.c). */
    CASC_SCAN_PROBE,
} casc_scan_form;

/* One pass over a behavior's table. */
typedef struct casc_scan {
    const casc_behavior *behavior;
    casc_col time; /* the event time column */
    casc_aggregate *aggs; /* each different: identical ones are shared */
    uint32_t naggs, cap;
    uint32_t *slots; /* while planning, a hash table of aggs: index + 1 */
    uint32_t nslots; /* a power of two, at least twice naggs */
    uint32_t refs;      /* conditions tested on the scan's aggregates */
    bool beyond_exists; /* one of them is more than "some event" */
    casc_scan_form form;
    const casc_pnode *having; /* FILTERED: the condition its join keeps */
    bool complement;          /* FILTERED: having is the tests' complement */
    int64_t at_least;         /* PROBE: the events its test needs, at least 2 */
} casc_scan;

typedef struct casc_join {
    const casc_table *table;
    const char *key_column;
} casc_join;

/* An attribute the output reads, under its name. */
typedef struct casc_out_col {
    const char *name;
    casc_col col;
} casc_out_col;

/* The shape of the result around the audience (output.h), its names
 * looked up in the model. */
typedef struct casc_output {
    casc_output_request req;
    casc_out_col by, of, order; /* BREAKDOWN, STATS, MEMBERS with order_by */
    casc_out_col *columns;      /* MEMBERS */
    uint32_t ncolumns;
    const casc_behavior *behavior; /* EVENTS */
    casc_col event_time;
    casc_pnode **rules; /* OVERLAP: one condition per rule */
    uint32_t nrules;
} casc_output;

typedef struct casc_plan {
    const casc_parent_model *model;
    casc_output out;
    casc_pnode *where; /* the audience (with the sample); OVERLAP: the sample only */
    casc_join *joins; /* attribute tables, each joined once */
    uint32_t njoins;
    casc_scan *scans; /* one per behavior, and the semi-joins plan_exists.c
                       * and plan_narrow.c add and the probes of plan_probe.c */
    uint32_t nscans;
    /* 1 + the SEMI_JOIN scan whose test, a conjunct of the rule, is a join
     * instead, on whose key the CORRELATED scans are correlated (so that
     * PostgreSQL runs them after that join, not for every profile); 0:
     * none, they are correlated with the profile's row. */
    uint32_t driver;
} casc_plan;

/* Structural equality (plan_equal.c): equal parts compute the same. */
bool casc_instant_equal(const casc_instant *a, const casc_instant *b);
bool casc_bound_equal(const casc_bound *a, const casc_bound *b);
bool casc_range_equal(const casc_range *a, const casc_range *b);
bool casc_aggregate_equal(const casc_aggregate *a, const casc_aggregate *b);
uint64_t casc_aggregate_hash(const casc_aggregate *a);

/* Every table the plan reads, each once, in the order the SQL names them:
 * master, attribute tables, behavior tables, segment tables. Returns the
 * count; *tables is arena memory. */
uint32_t casc_plan_tables(casc_arena *arena, const casc_plan *plan, const casc_table ***tables);

/* The plan of rules[0] (OVERLAP: of every rule, sharing joins and scans)
 * with the output req asks for; index_probes: the dialect's
 * (backend.h). An unknown or unfit name in req is an error without a
 * place. */
casc_plan *casc_plan_build(casc_arena *arena, const casc_parent_model *model,
                           const casc_rnode *const *rules, uint32_t nrules,
                           const casc_output_request *req, bool index_probes,
                           casc_diags *d);

#endif
