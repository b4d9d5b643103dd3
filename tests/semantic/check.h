/* check.h - one rule against PostgreSQL, the evaluator and the laws.
 *
 * For a rule, a pinned now and a zone: compile it (PostgreSQL, members),
 * run it through libpq, evaluate it with the reference evaluator and
 * compare the two sets of keys; then, if asked, the laws: `--select count` is the
 * number of members, `(r) or not (r)` selects every profile, `(r) and not
 * (r)` none, and `casc fmt` of the rule compiles to the same SQL. Its
 * Snowflake and Databricks SQL go to the dialect batch (dialects.h). */
#ifndef SEM_CHECK_H
#define SEM_CHECK_H

#include "ast.h"
#include "compile.h"
#include "dataset.h"
#include "db.h"
#include "dialects.h"

typedef struct sem_case {
    const char *label;    /* "random rule 17", "sql-fixtures/x.casc" */
    const char *now_text; /* --now as written */
    casc_timelit now;
    const char *zone;
    bool laws; /* check the laws too (they cost three times the rule) */
    uint64_t pick; /* with the laws: which output to check (outputs.h) */
} sem_case;

typedef enum {
    SEM_OK,
    SEM_REFUSED,   /* the evaluator cannot decide this rule exactly: not compared */
    SEM_REJECTED,  /* casc did not compile the rule */
    SEM_SQL_ERROR, /* PostgreSQL failed on the SQL */
    SEM_DIFFER,    /* PostgreSQL and the evaluator select different profiles */
    SEM_TWICE,     /* a key twice in the members */
    SEM_COUNT,     /* --select count is not the number of members */
    SEM_OR_LAW,    /* r or not r is not every profile */
    SEM_AND_LAW,   /* r and not r is not empty */
    SEM_FMT,       /* the formatted rule compiles to other SQL */
    SEM_OUTPUT,    /* an output other than the members is not the evaluator's */
} sem_fault;

typedef struct sem_result {
    sem_fault fault;
    char *detail; /* what went wrong, in words */
    char *sql;    /* the rule's PostgreSQL statement */
    uint32_t members;
    int64_t *only_pg, *only_eval; /* SEM_DIFFER: the keys that differ */
    uint32_t n_only_pg, n_only_eval;
} sem_result;

typedef struct sem_checker {
    const sem_data *data;
    pg_conn *db;
    sem_batch *batch; /* NULL: no dialect statements */
    bool *selected;   /* scratch: one per profile */
} sem_checker;

/* Compile text for backend b with the output req (the plan to *plan
 * unless NULL); NULL with the diagnostics in *why (unless NULL). */
char *sem_compile(casc_arena *a, const casc_parent_model *m, const char *text, const sem_case *k,
                  const casc_backend *b, const casc_output_request *req, char **why,
                  const casc_plan **plan);

/* Check rule; r (when not NULL) gets the details, to free with
 * sem_result_free. */
sem_fault sem_check(sem_checker *c, const char *rule, const sem_case *k, sem_result *r);
void sem_result_free(sem_result *r);
const char *sem_fault_text(sem_fault f);

#endif
