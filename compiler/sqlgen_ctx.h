/* sqlgen_ctx.h - the SQL generator's state and what its files share:
 * sqlgen.c renders the audience (sources and conditions), sqlgen_output.c
 * the statement around it for each output. Internal to those two; the
 * interface is sqlgen.h. */
#ifndef CASC_SQLGEN_CTX_H
#define CASC_SQLGEN_CTX_H

#include "sqlgen.h"

typedef struct gen {
    casc_arena *arena;
    const casc_plan *plan;
    const casc_sql_options *o;
    const casc_backend *b;
    uint32_t bit; /* b's casc_backend_bit() */
    bool utc;       /* the rule's zone is UTC: local times are UTC times */
    const char *tz; /* the zone as a string literal */
    casc_strbuf scratch; /* see scratch() in sqlgen.c */
    char scratch_in[512]; /* where scratch starts */
    const struct casc_sg_events **events; /* per scan, built once (sqlgen_scan.c) */
    struct casc_sg_instant { /* see instant() in sqlgen.c */
        casc_instant at;
        bool up;
        const char *sql;
        bool local;
    } instants[16];
    uint32_t ninstants;
    uint32_t cached; /* entries built in the caches above, so far */
    bool failed;
} gen;

/* Strings built here live in the arena; on failure they are "" and
 * g->failed is set. */
const char *casc_sg_keep(gen *g, casc_strbuf *sb); /* sb's text, sb freed */
const char *casc_sg_apply(gen *g, casc_sql_template t, const char *a0, const char *a1,
                          const char *a2);
const char *casc_sg_literal(gen *g, const char *s, size_t n);
/* name itself when it needs no quotes (it must then keep its text while
 * the SQL is generated, as the model's names do). */
const char *casc_sg_ident(gen *g, const char *name);
const char *casc_sg_format(gen *g, const char *fmt, const char *a, const char *b);
const char *casc_sg_column(gen *g, const casc_col *c); /* alias.column */
const char *casc_sg_table(gen *g, const casc_table *t);
/* A condition; a chain puts one operand per line at indent. */
const char *casc_sg_cond(gen *g, const casc_pnode *n, int indent);

/* Values and time tests (sqlgen.c). */
const char *casc_sg_value(gen *g, const casc_value *v);
/* The exact complement of a positive test that may be null. */
const char *casc_sg_complement(gen *g, const char *positive);
/* The value a time column c is compared with for one side of a range,
 * and the comparison (*op); and that comparison on col. */
const char *casc_sg_bound_value(gen *g, const casc_col *c, const casc_bound *bd, bool hi,
                                const char **op);
const char *casc_sg_time_bound(gen *g, const char *col, const casc_col *c, const casc_bound *bd,
                               bool hi);
/* A range test on col as one condition. */
const char *casc_sg_time_test(gen *g, const char *col, const casc_col *c, const casc_range *r);

/* The behavior scans (sqlgen_scan.c): the grouped joins of the sources, a
 * test of an aggregate (AGG), a test answered in its scan (GROUP). */
void casc_sg_scan_joins(gen *g, casc_strbuf *out);
const char *casc_sg_agg_test(gen *g, const casc_pnode *n);
const char *casc_sg_group_test(gen *g, const casc_pnode *n);

/* "\nFROM master AS c" and the joins and scans of the audience. */
void casc_sg_sources(gen *g, casc_strbuf *out);
/* "\nWHERE ..." of the audience, nothing when every profile matches. */
void casc_sg_where(gen *g, casc_strbuf *out);
/* The whole statement for the plan's output (sqlgen_output.c). */
void casc_sg_statement(gen *g, casc_strbuf *out);

#endif
