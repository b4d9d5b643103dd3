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
    bool utc;       /* the rule's zone is UTC: local times are UTC times */
    const char *tz; /* the zone as a string literal */
    bool failed;
} gen;

/* Strings built here live in the arena; on failure they are "" and
 * g->failed is set. */
const char *casc_sg_keep(gen *g, casc_strbuf *sb); /* sb's text, sb freed */
const char *casc_sg_apply(gen *g, casc_sql_template t, const char *a0, const char *a1,
                          const char *a2);
const char *casc_sg_literal(gen *g, const char *s, size_t n);
const char *casc_sg_ident(gen *g, const char *name);
const char *casc_sg_format(gen *g, const char *fmt, const char *a, const char *b);
const char *casc_sg_column(gen *g, const casc_col *c); /* alias.column */
const char *casc_sg_table(gen *g, const casc_table *t);
/* A condition; a chain puts one operand per line at indent. */
const char *casc_sg_cond(gen *g, const casc_pnode *n, int indent);

/* "\nFROM master AS c" and the joins and scans of the audience. */
void casc_sg_sources(gen *g, casc_strbuf *out);
/* "\nWHERE ..." of the audience, nothing when every profile matches. */
void casc_sg_where(gen *g, casc_strbuf *out);
/* The whole statement for the plan's output (sqlgen_output.c). */
void casc_sg_statement(gen *g, casc_strbuf *out);

#endif
